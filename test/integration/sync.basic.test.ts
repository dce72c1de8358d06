import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecord } from '../../shared/docLayout.js'
import type WebSocket from 'ws'
import { CloseEvents } from '../../shared/protocol.js'
import { connectProvider, createTestBoard, startTestServer, waitFor, waitForSync } from '../helpers/server.js'
import { decodeFrame, noteIds, stateVector, noteRecord, putRecord, rawClient, sleep, wsUrl } from './fixtures.js'

describe('sync basics', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('[S3] two stock WebsocketProvider clients converge; a late third gets the full state', async () => {
    const board = await createTestBoard(server.url)
    const a = connectProvider(server.url, board.id, board.tokens.participant)
    const b = connectProvider(server.url, board.id, board.tokens.facilitator)
    await Promise.all([waitForSync(a), waitForSync(b)])
    // Writes go through the doc layout (records map of Y.Maps); the guard refuses anything else.
    const note = (id: string, x: number) => noteRecord(id, x, 0)
    putRecord(a.doc, note('shape:a', 10))
    putRecord(b.doc, note('shape:b', 20))
    await waitFor(() => readRecord(a.doc, 'shape:b') !== null && readRecord(b.doc, 'shape:a') !== null)
    const c = connectProvider(server.url, board.id, board.tokens.viewer)
    await waitForSync(c)
    await waitFor(() => readRecord(c.doc, 'shape:a') !== null && readRecord(c.doc, 'shape:b') !== null)
    expect(stateVector(c.doc)).toEqual(stateVector(a.doc))
    expect(readRecord(c.doc, 'shape:a')).toEqual(note('shape:a', 10))
    for (const p of [a, b, c]) p.destroy()
  })

  it('[S3] many concurrent writers converge to the same state, and what they wrote is stored', async () => {
    const board = await createTestBoard(server.url)
    const clients = Array.from({ length: 5 }, () => connectProvider(server.url, board.id, board.tokens.participant))
    await Promise.all(clients.map((c) => waitForSync(c)))
    clients.forEach((c, i) => {
      for (let j = 0; j < 10; j++) putRecord(c.doc, noteRecord(`shape:c${i}-${j}`, i * 100, j * 10))
      // Everyone also moves the same note: last writer wins per key, but all agree on which.
      putRecord(c.doc, noteRecord('shape:contested', i, i))
    })
    await waitFor(() => clients.every((c) => noteIds(c.doc).length === 51), 10_000, 'all notes everywhere')
    await waitFor(() => {
      const x = readRecord(clients[0]!.doc, 'shape:contested')?.x
      return clients.every((c) => readRecord(c.doc, 'shape:contested')?.x === x)
    })
    const reference = Y.encodeStateAsUpdate(clients[0]!.doc)
    for (const c of clients) expect(stateVector(c.doc)).toEqual(stateVector(clients[0]!.doc))
    await server.rooms.getLoaded(board.id)?.flushed()
    const stored = await server.storage.loadDoc(board.id)
    const fromStorage = new Y.Doc()
    if (stored.snapshot) Y.applyUpdate(fromStorage, stored.snapshot)
    for (const u of stored.updates) Y.applyUpdate(fromStorage, u)
    const fromClient = new Y.Doc()
    Y.applyUpdate(fromClient, reference)
    expect(stateVector(fromStorage)).toEqual(stateVector(fromClient))
    for (const c of clients) c.destroy()
  })

  it('[S7] presence travels through awareness, never the doc, and leaves with its session', async () => {
    const board = await createTestBoard(server.url)
    const a = connectProvider(server.url, board.id, board.tokens.participant)
    const b = connectProvider(server.url, board.id, board.tokens.viewer)
    await Promise.all([waitForSync(a), waitForSync(b)])
    const docBefore = Y.encodeStateAsUpdate(a.doc)
    a.awareness.setLocalStateField('user', { name: 'Ada', color: '#f00' })
    a.awareness.setLocalStateField('cursor', { x: 10, y: 20 })
    await waitFor(() => (b.awareness.getStates().get(a.awareness.clientID) as { cursor?: { x: number } } | undefined)?.cursor?.x === 10)
    expect(b.awareness.getStates().get(a.awareness.clientID)).toMatchObject({ user: { name: 'Ada' } })
    // A viewer has presence too: awareness is not a write.
    b.awareness.setLocalStateField('user', { name: 'Viewer' })
    await waitFor(() => a.awareness.getStates().has(b.awareness.clientID))
    expect(Y.encodeStateAsUpdate(a.doc)).toEqual(docBefore)
    // A late joiner receives the current presence of everyone.
    const c = connectProvider(server.url, board.id, board.tokens.viewer)
    await waitFor(() => c.awareness.getStates().has(a.awareness.clientID) && c.awareness.getStates().has(b.awareness.clientID))
    // Leaving (even without a goodbye) removes the session's presence for the others.
    a.shouldConnect = false
    ;(a.ws as unknown as WebSocket).terminate()
    await waitFor(() => !b.awareness.getStates().has(a.awareness.clientID), 5000, 'presence removed')
    for (const p of [a, b, c]) p.destroy()
  })

  it('[S3] a stock provider syncs the control doc and a private doc with the same protocol', async () => {
    const board = await createTestBoard(server.url)
    const control = connectProvider(server.url, `${board.id}/control`, board.tokens.facilitator)
    const mine = connectProvider(server.url, `${board.id}/private/p1-private-doc-id-0000000`, board.tokens.participant)
    await Promise.all([waitForSync(control), waitForSync(mine)])
    control.doc.getMap('state').set('timer', { endsAt: 123 })
    mine.doc.getMap('votes').set('shape:x', 2)
    const control2 = connectProvider(server.url, `${board.id}/control`, board.tokens.viewer)
    const mine2 = connectProvider(server.url, `${board.id}/private/p1-private-doc-id-0000000`, board.tokens.participant)
    await waitFor(() => (control2.doc.getMap('state').get('timer') as { endsAt?: number } | undefined)?.endsAt === 123)
    await waitFor(() => mine2.doc.getMap('votes').get('shape:x') === 2)
    for (const p of [control, mine, control2, mine2]) p.destroy()
  })
})

describe('keep-alive', () => {
  it('[S9] the server pings; a peer that never answers is closed with 4008, one that answers stays', async () => {
    const server = await startTestServer({ KEEPALIVE_INTERVAL_MS: 150 })
    try {
      const board = await createTestBoard(server.url)
      const silent = rawClient(wsUrl(server.url, board.id, board.tokens.viewer), { autoPong: false })
      const alive = rawClient(wsUrl(server.url, board.id, board.tokens.viewer))
      let pings = 0
      alive.ws.on('ping', () => pings++)
      await Promise.all([silent.opened, alive.opened])
      expect(await silent.closed).toEqual(CloseEvents.KeepAliveTimeout)
      await sleep(400)
      expect(pings).toBeGreaterThanOrEqual(3)
      expect(alive.ws.readyState).toBe(alive.ws.OPEN)
      expect(alive.frames.map(decodeFrame)[0]).toMatchObject({ type: 'sync', step: 0 })
      alive.ws.close()
    } finally {
      await server.close()
    }
  })
})
