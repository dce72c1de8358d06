/**
 * Issue 2, test 5: roles are enforced by the server. A viewer's write reaches neither other
 * clients nor storage; a wrong token never syncs (refused at the upgrade, before any
 * websocket exists); HTTP answers 401 / 403.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecord } from '../../shared/docLayout.js'
import { PERMISSION_DENIED_READ_ONLY } from '../../shared/protocol.js'
import { connectProvider, createTestBoard, startTestServer, waitFor, waitForSync } from '../helpers/server.js'
import {
  decodeFrame,
  noteIds,
  noteRecord,
  putRecord,
  rawClient,
  sleep,
  storedDoc,
  syncStep1Frame,
  syncStep2Frame,
  UpgradeRefused,
  updateFrame,
  wsUrl,
} from './fixtures.js'

describe('roles and permissions', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it("[R2] a viewer's write reaches neither other clients nor storage, and is answered with permission-denied", async () => {
    const board = await createTestBoard(server.url)
    const participant = connectProvider(server.url, board.id, board.tokens.participant)
    const viewer = connectProvider(server.url, board.id, board.tokens.viewer)
    await Promise.all([waitForSync(participant), waitForSync(viewer)])

    // A raw viewer socket, to see the exact answer on the wire.
    const raw = rawClient(wsUrl(server.url, board.id, board.tokens.viewer))
    await raw.opened
    const rogue = new Y.Doc()
    Y.applyUpdate(rogue, Y.encodeStateAsUpdate(participant.doc))
    const before = Y.encodeStateVector(rogue)
    putRecord(rogue, noteRecord('shape:from-raw-viewer', 5, 5))
    raw.send(updateFrame(Y.encodeStateAsUpdate(rogue, before)))
    await waitFor(() => raw.frames.some((f) => decodeFrame(f).type === 'auth'), 5000, 'auth answer')
    const auth = raw.frames.map(decodeFrame).find((f) => f.type === 'auth')
    expect(auth).toEqual({ type: 'auth', denied: true, reason: PERMISSION_DENIED_READ_ONLY })

    // The stock provider's write is sent as an update message and dropped the same way.
    putRecord(viewer.doc, noteRecord('shape:from-viewer', 1, 1))
    // A participant's write afterwards proves the pipe is flowing: once it arrives, anything
    // sent earlier by the viewer would have arrived too.
    putRecord(participant.doc, noteRecord('shape:from-participant', 2, 2))
    await waitFor(() => readRecord(viewer.doc, 'shape:from-participant') !== null, 5000, 'participant note at viewer')
    await sleep(100)
    expect(readRecord(participant.doc, 'shape:from-viewer')).toBeNull()
    expect(readRecord(participant.doc, 'shape:from-raw-viewer')).toBeNull()
    // The socket stays open: a read-only peer keeps reading.
    expect(raw.ws.readyState).toBe(raw.ws.OPEN)
    expect(viewer.wsconnected).toBe(true)

    const stored = await storedDoc(server.storage, board.id)
    expect(noteIds(stored)).toEqual(['shape:from-participant'])
    const fresh = connectProvider(server.url, board.id, board.tokens.facilitator)
    await waitForSync(fresh)
    await waitFor(() => readRecord(fresh.doc, 'shape:from-participant') !== null)
    expect(noteIds(fresh.doc)).toEqual(['shape:from-participant'])
    for (const p of [participant, viewer, fresh]) p.destroy()
    raw.ws.close()
  })

  it('[R2] a viewer reconnecting with local edits still cannot push them (sync step 2 is refused too)', async () => {
    const board = await createTestBoard(server.url)
    const doc = new Y.Doc()
    putRecord(doc, noteRecord('shape:offline-viewer', 3, 3))
    const raw = rawClient(wsUrl(server.url, board.id, board.tokens.viewer))
    await raw.opened
    // Answer the server's step 1 with a step 2 carrying the local edit, as a provider would.
    const step1 = await (async () => {
      await waitFor(() => raw.frames.length > 0)
      return decodeFrame(raw.frames[0]!)
    })()
    expect(step1).toMatchObject({ type: 'sync', step: 0 })
    const update = Y.encodeStateAsUpdate(doc, step1.type === 'sync' ? step1.payload : undefined)
    raw.send(syncStep2Frame(update))
    raw.send(syncStep1Frame(doc))
    await waitFor(() => raw.frames.some((f) => decodeFrame(f).type === 'auth'), 5000, 'auth answer')
    await sleep(50)
    expect(noteIds(await storedDoc(server.storage, board.id))).toEqual([])
    raw.ws.close()
  })

  it('[R3] a participant may read but not write the control doc; the facilitator may write its state', async () => {
    const board = await createTestBoard(server.url)
    const facilitator = connectProvider(server.url, `${board.id}/control`, board.tokens.facilitator)
    const participant = connectProvider(server.url, `${board.id}/control`, board.tokens.participant)
    await Promise.all([waitForSync(facilitator), waitForSync(participant)])
    participant.doc.getMap('state').set('timer', { endsAt: 1 })
    facilitator.doc.getMap('state').set('phase', 'vote')
    await waitFor(() => participant.doc.getMap('state').get('phase') === 'vote', 5000, 'facilitator state at participant')
    await sleep(100)
    expect(facilitator.doc.getMap('state').has('timer')).toBe(false)
    const stored = await storedDoc(server.storage, `${board.id}/control`)
    expect(stored.getMap('state').toJSON()).toEqual({ phase: 'vote' })
    facilitator.destroy()
    participant.destroy()
  })

  it('[R3][R4] a viewer cannot open a private doc: refused at the upgrade with 403', async () => {
    const board = await createTestBoard(server.url)
    const raw = rawClient(wsUrl(server.url, `${board.id}/private/someone-private-doc-id-00000`, board.tokens.viewer))
    await expect(raw.opened).rejects.toEqual(new UpgradeRefused(403))
    const own = rawClient(wsUrl(server.url, `${board.id}/private/someone-private-doc-id-00000`, board.tokens.participant))
    await own.opened
    own.ws.close()
  })

  it('[R4] a wrong, missing, malformed or foreign token is refused at the upgrade (401/403), never a websocket', async () => {
    const board = await createTestBoard(server.url)
    const other = await createTestBoard(server.url, 'Other board')
    const cases: Array<[string, string | undefined, number]> = [
      ['missing', undefined, 401],
      ['unknown', 'AAAAAAAAAAAAAAAAAAAAAA', 403],
      ['malformed', 'not a token!', 403],
      ["another board's", other.tokens.facilitator, 403],
    ]
    for (const [what, token, status] of cases) {
      const raw = rawClient(wsUrl(server.url, board.id, token))
      await expect(raw.opened, `${what} token`).rejects.toEqual(new UpgradeRefused(status))
      expect(raw.frames, `${what} token got frames`).toEqual([])
    }
    // A stock provider with a wrong token keeps retrying and never syncs nor receives a record.
    const writer = connectProvider(server.url, board.id, board.tokens.participant)
    await waitForSync(writer)
    putRecord(writer.doc, noteRecord('shape:secret', 1, 1))
    const intruder = connectProvider(server.url, board.id, other.tokens.facilitator)
    await sleep(1000)
    expect(intruder.synced).toBe(false)
    expect(intruder.wsconnected).toBe(false)
    expect(noteIds(intruder.doc)).toEqual([])
    intruder.destroy()
    writer.destroy()
  })

  it('[R4] the websocket also takes the token from an Authorization: Bearer header', async () => {
    const board = await createTestBoard(server.url)
    const raw = rawClient(wsUrl(server.url, board.id), { headers: { authorization: `Bearer ${board.tokens.viewer}` } })
    await raw.opened
    await waitFor(() => raw.frames.length > 0)
    expect(decodeFrame(raw.frames[0]!)).toMatchObject({ type: 'sync', step: 0 })
    raw.ws.close()
    const wrong = rawClient(wsUrl(server.url, board.id), { headers: { authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAA' } })
    await expect(wrong.opened).rejects.toEqual(new UpgradeRefused(403))
  })

  it('[R4] GET /api/boards/:id answers 401 without a token, 403 with a wrong one, 200 with the role otherwise', async () => {
    const board = await createTestBoard(server.url)
    const other = await createTestBoard(server.url, 'Other board')
    const get = (headers: Record<string, string> = {}, query = '') =>
      fetch(`${server.url}/api/boards/${board.id}${query}`, { headers })
    expect((await get()).status).toBe(401)
    expect((await get({ authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAA' })).status).toBe(403)
    expect((await get({ authorization: `Bearer ${other.tokens.viewer}` })).status).toBe(403)
    expect((await get({}, '?token=%20%20')).status).toBe(403)
    const missing = await fetch(`${server.url}/api/boards/AAAAAAAAAAAAAAAA`, {
      headers: { authorization: `Bearer ${board.tokens.facilitator}` },
    })
    expect(missing.status).toBe(403)
    for (const role of ['facilitator', 'participant', 'viewer'] as const) {
      const res = await get({ authorization: `Bearer ${board.tokens[role]}` })
      expect(res.status).toBe(200)
      expect(await res.json()).toMatchObject({ board: { id: board.id }, role })
    }
    const byQuery = await get({}, `?token=${board.tokens.viewer}`)
    expect(await byQuery.json()).toMatchObject({ role: 'viewer' })
    const denied = await get({ authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAA' })
    expect(await denied.json()).toHaveProperty('error')
  })

  it('[R1] storage holds only hashes of the link tokens', async () => {
    const board = await createTestBoard(server.url)
    const { default: Database } = await import('better-sqlite3')
    const path = await import('node:path')
    const db = new Database(path.join(server.dataDir, 'boards.sqlite'), { readonly: true })
    try {
      const rows = db.prepare('SELECT hash, role FROM tokens WHERE board_id = ?').all(board.id) as Array<{ hash: string; role: string }>
      expect(rows.map((r) => r.role).sort()).toEqual(['facilitator', 'participant', 'viewer'])
      for (const token of Object.values(board.tokens)) {
        expect(Buffer.from(token, 'base64url').byteLength).toBe(16)
        expect(rows.some((r) => r.hash.includes(token))).toBe(false)
        expect(rows.some((r) => r.hash === token)).toBe(false)
      }
      for (const r of rows) expect(r.hash).toMatch(/^[0-9a-f]{64}$/)
    } finally {
      db.close()
    }
  })
})
