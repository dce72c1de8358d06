/**
 * Spaces over HTTP and the websocket (issue 16, SPEC R6–R9, T1): links, what each opens, who may
 * manage, rotation, moving boards in and out, and attendance from the names pages give.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getRecordsMap, readRecord, writeRecord } from '../../shared/docLayout.js'
import { CloseEvents } from '../../shared/protocol.js'
import { noteRecord } from '../helpers/records.js'
import { connectProvider, createTestBoard, startTestServer, waitFor, waitForSync } from '../helpers/server.js'
import { api, createSpace, createSpaceBoard, openSocket, type Server } from './support.js'

type Page = {
  space: { id: string; title: string }
  role: string
  boards: Array<{ id: string }>
  overview: { sessions: Array<{ id: string; participants: number; attendance: Array<{ name: string; role: string; firstSeen: number; lastSeen: number }> }> }
}

describe('space links (R6–R9)', () => {
  let server: Server

  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('[R6] POST /api/spaces answers three /s/<id>#<token> links; every link reads the page, none without a token', async () => {
    const space = await createSpace(server, 'Ops team')
    for (const role of ['facilitator', 'member', 'viewer'] as const) {
      expect(space.links[role]).toMatch(new RegExp(`/s/${space.id}#[A-Za-z0-9_-]{22}$`))
      const res = await api(server, `/api/spaces/${space.id}`, space.tokens[role])
      expect(res.status).toBe(200)
      const page = (await res.json()) as Page
      expect(page.space.title).toBe('Ops team')
      expect(page.role).toBe(role)
    }
    expect((await api(server, `/api/spaces/${space.id}`, null)).status).toBe(401)
    const other = await createSpace(server, 'Other')
    const refused = await api(server, `/api/spaces/${space.id}`, other.tokens.facilitator)
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as { error: string }).error).toBeTruthy()
    expect((await api(server, `/api/spaces/${space.id}`, 'not a token!')).status).toBe(403)
    expect((await api(server, '/api/spaces', null, { method: 'POST', json: { title: '' } })).status).toBe(400)
  })

  it('[R6] a member or viewer link cannot manage the space (403); the facilitator link can', async () => {
    const space = await createSpace(server)
    for (const token of [space.tokens.member, space.tokens.viewer]) {
      expect((await api(server, `/api/spaces/${space.id}`, token, { method: 'PATCH', json: { title: 'Renamed' } })).status).toBe(403)
      expect((await api(server, `/api/spaces/${space.id}/links/member/rotate`, token, { method: 'POST' })).status).toBe(403)
      expect((await api(server, `/api/spaces/${space.id}/boards`, token, { method: 'POST', json: { title: 'S1' } })).status).toBe(403)
    }
    const renamed = await api(server, `/api/spaces/${space.id}`, space.tokens.facilitator, { method: 'PATCH', json: { title: 'Renamed' } })
    expect(renamed.status).toBe(200)
    expect(((await renamed.json()) as { space: { title: string } }).space.title).toBe('Renamed')
  })

  it('[R7] on the space boards the member link is a participant, the viewer link a viewer; no board outside the space', async () => {
    const space = await createSpace(server)
    const board = await createSpaceBoard(server, space, { title: 'Session 1' })
    const role = async (token: string) => ((await (await api(server, `/api/boards/${board.id}`, token)).json()) as { role: string }).role
    expect(await role(space.tokens.member)).toBe('participant')
    expect(await role(space.tokens.viewer)).toBe('viewer')
    expect(await role(space.tokens.facilitator)).toBe('facilitator')

    // The member writes the board doc; the viewer reads it.
    const member = connectProvider(server.url, board.id, space.tokens.member)
    const viewer = connectProvider(server.url, board.id, space.tokens.viewer)
    await Promise.all([waitForSync(member), waitForSync(viewer)])
    member.doc.transact(() => writeRecord(getRecordsMap(member.doc), noteRecord('shape:m1', 'from a member')))
    await waitFor(() => readRecord(viewer.doc, 'shape:m1') !== null, 5000, 'member note at the viewer')
    expect((await openSocket(server, `${board.id}/private/${'p'.repeat(22)}`, space.tokens.viewer)).status).toBe(403)
    member.destroy()
    viewer.destroy()

    const outside = await createTestBoard(server.url, 'Not in the space')
    expect((await api(server, `/api/boards/${outside.id}`, space.tokens.facilitator)).status).toBe(403)
    expect((await openSocket(server, outside.id, space.tokens.member)).status).toBe(403)
  })

  it('[R9] a rotated space link stops at once: its sockets close with 4010 and it gets 403; other links keep working', async () => {
    const space = await createSpace(server)
    const board = await createSpaceBoard(server, space, { title: 'Session 1' })
    const { ws, status } = await openSocket(server, board.id, space.tokens.member)
    expect(status).toBe(101)
    const ownLink = await openSocket(server, board.id, board.tokens.participant)
    expect(ownLink.status).toBe(101)
    let ownClosed = false
    ownLink.ws.once('close', () => (ownClosed = true))
    const closed = new Promise<{ code: number; at: number }>((resolve) => ws.once('close', (code) => resolve({ code, at: Date.now() })))
    const started = Date.now()
    const res = await api(server, `/api/spaces/${space.id}/links/member/rotate`, space.tokens.facilitator, { method: 'POST' })
    expect(res.status).toBe(200)
    const { link } = (await res.json()) as { link: string }
    const { code, at } = await closed
    expect(code).toBe(CloseEvents.LinkRevoked.code)
    expect(at - started).toBeLessThan(1000)
    expect((await api(server, `/api/spaces/${space.id}`, space.tokens.member)).status).toBe(403)
    expect((await api(server, `/api/boards/${board.id}`, space.tokens.member)).status).toBe(403)
    expect((await openSocket(server, board.id, space.tokens.member)).status).toBe(403)
    const fresh = link.slice(link.indexOf('#') + 1)
    expect((await api(server, `/api/spaces/${space.id}`, fresh)).status).toBe(200)
    expect((await api(server, `/api/spaces/${space.id}`, space.tokens.viewer)).status).toBe(200)
    await new Promise((r) => setTimeout(r, 100))
    expect(ownClosed).toBe(false)
    ownLink.ws.close()
  })

  it('[R5/R9] rotating a board link leaves the sockets opened with the space links open', async () => {
    const space = await createSpace(server)
    const board = await createSpaceBoard(server, space, { title: 'Session 1' })
    const member = await openSocket(server, board.id, space.tokens.member)
    let memberClosed = false
    member.ws.once('close', () => (memberClosed = true))
    expect((await api(server, `/api/boards/${board.id}/links/participant/rotate`, board.tokens.facilitator, { method: 'POST' })).status).toBe(200)
    await new Promise((r) => setTimeout(r, 200))
    expect(memberClosed).toBe(false)
    member.ws.close()
  })

  it('[R8] moving a board in takes both facilitator links; moving it out closes the space sockets', async () => {
    const space = await createSpace(server)
    const board = await createTestBoard(server.url, 'Made alone')
    const move = (token: string, boardToken: string) => api(server, `/api/spaces/${space.id}/boards/${board.id}`, token, { method: 'PUT', json: { boardToken } })
    expect((await move(space.tokens.facilitator, board.tokens.participant)).status).toBe(403)
    expect((await move(space.tokens.member, board.tokens.facilitator)).status).toBe(403)
    expect((await api(server, `/api/boards/${board.id}`, space.tokens.member)).status).toBe(403)
    expect((await move(space.tokens.facilitator, board.tokens.facilitator)).status).toBe(200)
    expect((await api(server, `/api/boards/${board.id}`, space.tokens.member)).status).toBe(200)
    const page = (await (await api(server, `/api/spaces/${space.id}`, space.tokens.viewer)).json()) as Page
    expect(page.boards.map((b) => b.id)).toEqual([board.id])

    const { ws } = await openSocket(server, board.id, space.tokens.member)
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
    expect((await api(server, `/api/spaces/${space.id}/boards/${board.id}`, space.tokens.facilitator, { method: 'DELETE' })).status).toBe(200)
    expect(await closed).toBe(CloseEvents.LinkRevoked.code)
    expect((await api(server, `/api/boards/${board.id}`, space.tokens.member)).status).toBe(403)
    expect((await api(server, `/api/boards/${board.id}`, board.tokens.participant)).status).toBe(200)
  })
})

describe('attendance (T1)', () => {
  let server: Server

  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('lists the names of three pages that joined, with role and times, and not a viewer who gave no name', async () => {
    const space = await createSpace(server)
    const board = await createSpaceBoard(server, space, { title: 'Kick-off' })
    const people = [
      { token: space.tokens.facilitator, name: 'Ana Facilitator', id: 'id-ana' },
      { token: space.tokens.member, name: 'Bo Member', id: 'id-bo' },
      { token: board.tokens.participant, name: 'Chen Participant', id: 'id-chen' },
    ]
    const providers = people.map((p) => {
      const provider = connectProvider(server.url, board.id, p.token)
      provider.awareness.setLocalStateField('user', { id: p.id, name: p.name, color: '#1e6fd9' })
      return provider
    })
    const anonymous = connectProvider(server.url, board.id, space.tokens.viewer)
    anonymous.awareness.setLocalStateField('user', { id: 'id-anon', name: '', color: '#455a64' })
    await Promise.all([...providers, anonymous].map((p) => waitForSync(p)))
    const started = Date.now()

    const attendance = async () => {
      const page = (await (await api(server, `/api/spaces/${space.id}`, space.tokens.viewer)).json()) as Page
      return page.overview.sessions.find((s) => s.id === board.id)?.attendance ?? []
    }
    let listed: Awaited<ReturnType<typeof attendance>> = []
    for (let i = 0; i < 100 && listed.length < 3; i++) {
      listed = await attendance()
      if (listed.length < 3) await new Promise((r) => setTimeout(r, 50))
    }
    expect(listed.map((a) => a.name).sort()).toEqual(['Ana Facilitator', 'Bo Member', 'Chen Participant'])
    expect(Object.fromEntries(listed.map((a) => [a.name, a.role]))).toEqual({
      'Ana Facilitator': 'facilitator',
      'Bo Member': 'participant',
      'Chen Participant': 'participant',
    })
    for (const a of listed) {
      expect(a.firstSeen).toBeGreaterThan(started - 5000)
      expect(a.lastSeen).toBeGreaterThanOrEqual(a.firstSeen)
      expect(Object.keys(a).sort()).toEqual(['firstSeen', 'lastSeen', 'name', 'role'])
    }
    const session = (await (await api(server, `/api/spaces/${space.id}`, space.tokens.viewer)).json()) as Page
    expect(session.overview.sessions[0]?.participants).toBe(3)

    // Leaving advances the last time seen.
    const before = listed.find((a) => a.name === 'Bo Member')!.lastSeen
    await new Promise((r) => setTimeout(r, 30))
    providers[1]!.destroy()
    let after = before
    for (let i = 0; i < 100 && after === before; i++) {
      await new Promise((r) => setTimeout(r, 30))
      after = (await attendance()).find((a) => a.name === 'Bo Member')!.lastSeen
    }
    expect(after).toBeGreaterThan(before)
    for (const p of [providers[0]!, providers[2]!, anonymous]) p.destroy()
  })
})
