/**
 * Turning admission on while people are on the board (issue 17, SPEC R12): the sessions opened
 * with the bare participant link — the board's own, or a member link of its space — close at
 * once with `AdmissionRequired` (the page reloads into the lobby); facilitator and viewer
 * sessions stay; turning it on again, or off, closes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { CloseEvents } from '../../shared/protocol.js'
import { docKey } from '../../shared/roles.js'
import { createTestBoard, holdDocLoads, startTestServer } from '../helpers/server.js'
import { api, createSpace, openSocket, type Server } from '../spaces/support.js'

function closeCode(ws: WebSocket): { code: number | null } {
  const seen = { code: null as number | null }
  ws.once('close', (code) => {
    seen.code = code
  })
  return seen
}

const settle = () => new Promise((r) => setTimeout(r, 400))

describe('admission turned on while people are here', () => {
  let server: Server
  const sockets: WebSocket[] = []
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    for (const ws of sockets) ws.terminate()
    await server.close()
  })
  const open = async (path: string, token: string) => {
    const { ws, status } = await openSocket(server, path, token)
    expect(status).toBe(101)
    sockets.push(ws)
    return { ws, seen: closeCode(ws) }
  }

  it('a board: participant sockets close with AdmissionRequired; facilitator and viewer stay', async () => {
    const board = await createTestBoard(server.url, 'Admission later')
    const participant = await open(board.id, board.tokens.participant)
    const participantControl = await open(`${board.id}/control`, board.tokens.participant)
    const facilitator = await open(board.id, board.tokens.facilitator)
    const viewer = await open(board.id, board.tokens.viewer)

    const on = await api(server, `/api/boards/${board.id}/settings`, board.tokens.facilitator, { method: 'PATCH', json: { admission: true } })
    expect(on.status).toBe(200)
    await settle()
    expect(participant.seen.code).toBe(CloseEvents.AdmissionRequired.code)
    expect(participantControl.seen.code).toBe(CloseEvents.AdmissionRequired.code)
    expect(facilitator.seen.code).toBeNull()
    expect(viewer.seen.code).toBeNull()
    // The bare link now opens nothing but the lobby.
    expect((await openSocket(server, board.id, board.tokens.participant)).status).toBe(403)

    // Already on: a second PATCH closes nothing; turning it off closes nothing either.
    const late = await open(board.id, board.tokens.viewer)
    await api(server, `/api/boards/${board.id}/settings`, board.tokens.facilitator, { method: 'PATCH', json: { admission: true } })
    await api(server, `/api/boards/${board.id}/settings`, board.tokens.facilitator, { method: 'PATCH', json: { admission: false } })
    await settle()
    expect(late.seen.code).toBeNull()
    expect(facilitator.seen.code).toBeNull()
  })

  it('a space: its members on every board of the space are closed when the space turns admission on', async () => {
    const space = await createSpace(server, 'Admission space')
    const created = await api(server, `/api/spaces/${space.id}/boards`, space.tokens.facilitator, { method: 'POST', json: { title: 'S1' } })
    const boardId = ((await created.json()) as { board: { id: string } }).board.id
    const member = await open(boardId, space.tokens.member)
    const spaceFacilitator = await open(boardId, space.tokens.facilitator)
    const on = await api(server, `/api/spaces/${space.id}/settings`, space.tokens.facilitator, { method: 'PATCH', json: { admission: true } })
    expect(on.status).toBe(200)
    await settle()
    expect(member.seen.code).toBe(CloseEvents.AdmissionRequired.code)
    expect(spaceFacilitator.seen.code).toBeNull()
  })

  it('a participant whose room is still loading when admission turns on is closed too, and never joins', async () => {
    const board = await createTestBoard(server.url, 'Admission while loading')
    // The server's (real) storage holds its doc reads until the gate opens: the room loads slowly.
    const loads = holdDocLoads(server.storage)
    try {
      const participant = await open(board.id, board.tokens.participant)
      const on = await api(server, `/api/boards/${board.id}/settings`, board.tokens.facilitator, { method: 'PATCH', json: { admission: true } })
      expect(on.status).toBe(200)
      await settle()
      expect(participant.seen.code).toBe(CloseEvents.AdmissionRequired.code)
      loads.open()
      await settle()
      expect(server.rooms.getLoaded(docKey(board.id, { kind: 'board' }))?.sessions.size ?? 0).toBe(0)
    } finally {
      loads.restore()
    }
  })
})
