/**
 * Board access on every route of one board (`/api/boards/:id/…`): the same answers for a
 * malformed id, a missing token and another board's link everywhere, and each route's role
 * refused with its own message before its body is read or anything is written.
 */
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestBoard, startTestServer, type TestBoard } from '../helpers/server.js'

type Role = 'facilitator' | 'participant' | 'viewer'
type Route = { method: string; path: string; body?: unknown; refused: Partial<Record<Role, RegExp>> }

const FACILITATOR_ONLY = { participant: /^only the facilitator link can do this$/, viewer: /^only the facilitator link can do this$/ }
const HISTORY = { viewer: /^the viewer link cannot see the history$/ }

/** Paths are relative to /api/boards/<id>. Bodies are valid, so only access can refuse. */
const ROUTES: Route[] = [
  { method: 'GET', path: '', refused: {} },
  { method: 'PATCH', path: '', body: { title: 'Renamed' }, refused: FACILITATOR_ONLY },
  { method: 'POST', path: '/links/viewer/rotate', refused: FACILITATOR_ONLY },
  { method: 'GET', path: '/versions', refused: HISTORY },
  { method: 'POST', path: '/versions', body: { label: 'v' }, refused: FACILITATOR_ONLY },
  { method: 'GET', path: '/versions/1', refused: HISTORY },
  { method: 'POST', path: '/versions/1/restore', refused: FACILITATOR_ONLY },
  { method: 'POST', path: '/duplicate', body: {}, refused: FACILITATOR_ONLY },
  { method: 'POST', path: '/import', body: { file: '{}' }, refused: FACILITATOR_ONLY },
  { method: 'GET', path: '/results', refused: {} },
  { method: 'GET', path: '/export?format=json', refused: {} },
  { method: 'PUT', path: '/image', body: { dataUrl: 'data:image/png;base64,AAAA' }, refused: { viewer: /^the viewer link cannot change the board image$/ } },
  {
    method: 'POST',
    path: '/activities',
    body: { template: 'retro' },
    refused: { participant: /^only the facilitator link can add activities$/, viewer: /^only the facilitator link can add activities$/ },
  },
  {
    method: 'POST',
    path: '/carry-over',
    body: { fromBoardId: 'AAAAAAAAAAAAAAAA', fromToken: 'A'.repeat(22) },
    refused: { participant: /^only the facilitator link can carry actions over$/, viewer: /^only the facilitator link can carry actions over$/ },
  },
  { method: 'POST', path: '/facilitation', body: { action: 'timer', timer: { action: 'pause' } }, refused: FACILITATOR_ONLY },
  { method: 'POST', path: '/facilitation', body: { action: 'passTalkingPiece', activityId: 'a1' }, refused: { viewer: /^the viewer link cannot do this$/ } },
]

describe('board access on every board route', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let board: TestBoard
  let other: TestBoard

  beforeAll(async () => {
    server = await startTestServer()
    board = await createTestBoard(server.url, 'Guarded')
    other = await createTestBoard(server.url, 'Other')
  })
  afterAll(async () => {
    await server?.close()
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true })
  })

  async function call(route: Route, boardId: string, token?: string): Promise<{ status: number; error: unknown }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (token) headers.authorization = `Bearer ${token}`
    const res = await fetch(`${server.url}/api/boards/${boardId}${route.path}`, {
      method: route.method,
      headers,
      body: route.body === undefined ? undefined : JSON.stringify(route.body),
    })
    const body = (await res.json()) as { error?: unknown }
    return { status: res.status, error: body.error }
  }

  for (const route of ROUTES) {
    const name = `${route.method} /api/boards/:id${route.path}${route.body && 'action' in (route.body as object) ? ` (${(route.body as { action: string }).action})` : ''}`

    it(`${name}: a malformed id is 404, no token 401, another board's link 403`, async () => {
      expect(await call(route, 'bad!id', board.tokens.facilitator)).toEqual({ status: 404, error: 'no such board' })
      const missing = await call(route, board.id)
      expect(missing.status).toBe(401)
      expect(missing.error).toMatch(/token is required/)
      expect(await call(route, board.id, other.tokens.facilitator)).toEqual({ status: 403, error: 'this link is not valid for this board' })
    })

    it(`${name}: refuses the roles it does not allow, each with its message`, async () => {
      for (const role of ['participant', 'viewer'] as const) {
        const refusal = route.refused[role]
        const answer = await call(route, board.id, board.tokens[role])
        if (refusal) {
          expect(answer.status, role).toBe(403)
          expect(answer.error, role).toMatch(refusal)
        } else expect(answer.status, role).not.toBe(403)
      }
    })
  }

  it('the sync path checks the link the same way, and a plain GET with a valid link is not an upgrade (404)', async () => {
    const get = async (path: string) => {
      const res = await fetch(`${server.url}${path}`)
      return { status: res.status, error: ((await res.json()) as { error?: unknown }).error }
    }
    expect(await get(`/sync/bad!id?token=${board.tokens.viewer}`)).toEqual({ status: 404, error: 'no such document' })
    expect((await get(`/sync/${board.id}`)).status).toBe(401)
    expect(await get(`/sync/${board.id}?token=${other.tokens.viewer}`)).toEqual({ status: 403, error: 'this link is not valid for this board' })
    expect(await get(`/sync/${board.id}/private/p1-private-doc-id-0000000?token=${board.tokens.viewer}`)).toEqual({ status: 403, error: 'this link cannot open that document' })
    expect(await get(`/sync/${board.id}?token=${board.tokens.viewer}`)).toEqual({ status: 404, error: 'not found' })
  })
})
