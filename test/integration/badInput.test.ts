/**
 * Issue 2, test 6: malformed frames close only the socket that sent them, with a named close
 * code; the server stays up, the board is intact and other clients keep syncing.
 * Bad frames are sent from raw `ws` clients; the bystanders are stock WebsocketProviders.
 */
import type { WebsocketProvider } from 'y-websocket'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getRecordsMap, readRecord } from '../../shared/docLayout.js'
import { CloseEvents } from '../../shared/protocol.js'
import { connectProvider, createTestBoard, startTestServer, waitFor, waitForSync, type TestBoard } from '../helpers/server.js'
import {
  noteIds,
  noteRecord,
  putRecord,
  rawClient,
  randomBytes,
  seededRandom,
  storedDoc,
  updateFrame,
  wsUrl,
  type CloseInfo,
} from './fixtures.js'

const codes = CloseEvents

describe('bad input', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let board: TestBoard
  let alice: WebsocketProvider
  let bob: WebsocketProvider
  let written = 0

  beforeAll(async () => {
    server = await startTestServer({ MAX_MESSAGES_PER_SECOND: 100 })
    board = await createTestBoard(server.url)
    alice = connectProvider(server.url, board.id, board.tokens.participant)
    bob = connectProvider(server.url, board.id, board.tokens.facilitator)
    await Promise.all([waitForSync(alice), waitForSync(bob)])
    putRecord(alice.doc, noteRecord('shape:before', 1, 1, 'before'))
    await waitFor(() => readRecord(bob.doc, 'shape:before') !== null)
  })
  afterAll(async () => {
    alice.destroy()
    bob.destroy()
    await server.close()
  })

  /** Sends frames from a fresh raw participant socket and returns how the server closed it. */
  async function sendBad(...frames: Array<Uint8Array | string>): Promise<CloseInfo> {
    const raw = rawClient(wsUrl(server.url, board.id, board.tokens.participant))
    await raw.opened
    for (const frame of frames) raw.send(frame)
    return raw.closed
  }

  /** The bystanders are still connected on their first socket and still sync both ways. */
  async function expectBoardStillLive(): Promise<void> {
    const aliceSocket = alice.ws
    const bobSocket = bob.ws
    const id = `shape:live-${++written}`
    putRecord(alice.doc, noteRecord(id, written * 10, 0))
    await waitFor(() => readRecord(bob.doc, id) !== null, 5000, `${id} at bob`)
    const back = `${id}-back`
    putRecord(bob.doc, noteRecord(back, written * 10, 50))
    await waitFor(() => readRecord(alice.doc, back) !== null, 5000, `${back} at alice`)
    expect(alice.ws).toBe(aliceSocket)
    expect(bob.ws).toBe(bobSocket)
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status).toBe(200)
    expect(readRecord(bob.doc, 'shape:before')).toEqual(noteRecord('shape:before', 1, 1, 'before'))
  }

  const cases: Array<[string, Array<Uint8Array | string>, { code: number; reason: string }]> = [
    ['an empty frame', [new Uint8Array(0)], codes.MalformedMessage],
    ['a truncated message-type varint', [Uint8Array.of(0x80)], codes.MalformedMessage],
    ['a truncated sync sub-type varint', [Uint8Array.of(0, 0xff)], codes.MalformedMessage],
    ['a sync update whose length runs past the frame', [Uint8Array.of(0, 2, 0xff, 0xff, 0x03, 1, 2, 3)], codes.MalformedMessage],
    ['an awareness frame with a truncated length', [Uint8Array.of(1, 0x85)], codes.MalformedMessage],
    ['a step 1 whose state vector is garbage', [Uint8Array.of(0, 0, 3, 0xff, 0xff, 0xff)], codes.MalformedMessage],
    ['an unknown message type', [Uint8Array.of(7, 1, 2, 3)], codes.UnknownMessageType],
    ['a huge message type', [Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x0f)], codes.UnknownMessageType],
    ['an auth message from a client', [Uint8Array.of(2, 0, 3, 0x61, 0x62, 0x63)], codes.UnknownMessageType],
    ['an unknown sync sub-type', [Uint8Array.of(0, 9, 0)], codes.UnknownMessageType],
    ['a text frame', ['hello'], { code: codes.MalformedMessage.code, reason: 'text frames are not part of the protocol' }],
    ['an update Yjs cannot decode', [updateFrame(Uint8Array.of(5, 0xff, 0xff, 0xff, 0xff, 0x0f, 9, 9))], codes.InvalidUpdate],
  ]

  for (const [what, frames, expected] of cases) {
    it(`[L7] ${what} closes that socket with ${expected.code} (${expected.reason}); others keep syncing`, async () => {
      const closed = await sendBad(...frames)
      expect(closed.code).toBe(expected.code)
      expect(closed.reason).toBe(expected.reason)
      await expectBoardStillLive()
    })
  }

  it('[L7] seeded random frames each close their socket with a 4000-range code, never crash the server', async () => {
    const random = seededRandom(20240611)
    const seen = new Map<number, number>()
    for (let i = 0; i < 24; i++) {
      const frame = randomBytes(random, 1 + Math.floor(random() * 300))
      const closed = await sendBad(frame)
      expect([codes.MalformedMessage.code, codes.UnknownMessageType.code, codes.InvalidUpdate.code, codes.SchemaRejected.code]).toContain(closed.code)
      expect(closed.reason.length).toBeGreaterThan(0)
      seen.set(closed.code, (seen.get(closed.code) ?? 0) + 1)
    }
    expect(seen.size).toBeGreaterThan(0)
    await expectBoardStillLive()
  })

  it('[L1] a 20 MiB frame closes that socket with 4002 message too large', async () => {
    const huge = new Uint8Array(20 * 1024 * 1024)
    huge[0] = 0
    huge[1] = 2
    const closed = await sendBad(huge)
    expect(closed).toEqual(codes.MessageTooLarge)
    await expectBoardStillLive()
  })

  it('[S6] a schema-invalid record closes with 4004 and is rolled back: never broadcast nor stored', async () => {
    const raw = rawClient(wsUrl(server.url, board.id, board.tokens.participant))
    await raw.opened
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(alice.doc))
    const sv = Y.encodeStateVector(doc)
    const bad = noteRecord('shape:invalid', 0, 0)
    ;(bad.props as Record<string, unknown>).color = 'ultraviolet'
    putRecord(doc, bad)
    raw.send(updateFrame(Y.encodeStateAsUpdate(doc, sv)))
    const closed = await raw.closed
    expect(closed.code).toBe(codes.SchemaRejected.code)
    expect(closed.reason).toContain('shape:invalid')
    await expectBoardStillLive()
    expect(readRecord(bob.doc, 'shape:invalid')).toBeNull()
    expect(readRecord(await storedDoc(server.storage, board.id), 'shape:invalid')).toBeNull()
  })

  it('[S6] a write outside the layout (a new root, a plain value as a record) closes with 4004', async () => {
    for (const write of [
      (doc: Y.Doc) => doc.getMap('evil').set('x', 1),
      (doc: Y.Doc) => getRecordsMap(doc).set('shape:plain', 'not a map' as never),
      (doc: Y.Doc) => doc.getMap('meta').set('schema', { hacked: true }),
    ]) {
      const raw = rawClient(wsUrl(server.url, board.id, board.tokens.participant))
      await raw.opened
      const doc = new Y.Doc()
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(alice.doc))
      const sv = Y.encodeStateVector(doc)
      write(doc)
      raw.send(updateFrame(Y.encodeStateAsUpdate(doc, sv)))
      expect((await raw.closed).code).toBe(codes.SchemaRejected.code)
    }
    await expectBoardStillLive()
    const stored = await storedDoc(server.storage, board.id)
    expect(stored.getMap('evil').size).toBe(0)
    expect(getRecordsMap(stored).has('shape:plain')).toBe(false)
    expect(stored.getMap('meta').get('schema')).not.toEqual({ hacked: true })
  })

  it('[L4] more messages per second than the limit closes that socket with 4005', async () => {
    // Limit 100 plus the presence allowance of the few sessions present: 400 is well over.
    const frames = Array.from({ length: 400 }, () => Uint8Array.of(3))
    const closed = await sendBad(...frames)
    expect(closed).toEqual(codes.RateLimited)
    await expectBoardStillLive()
  })

  it('the board is intact after all of it: a fresh client sees exactly the good notes', async () => {
    const fresh = connectProvider(server.url, board.id, board.tokens.viewer)
    await waitForSync(fresh)
    await waitFor(() => noteIds(fresh.doc).length === noteIds(alice.doc).length)
    expect(noteIds(fresh.doc)).toEqual(noteIds(alice.doc))
    expect(noteIds(fresh.doc)).toContain('shape:before')
    expect(noteIds(fresh.doc).every((id) => id === 'shape:before' || id.startsWith('shape:live-'))).toBe(true)
    expect(noteIds(await storedDoc(server.storage, board.id))).toEqual(noteIds(alice.doc))
    fresh.destroy()
  })
})

describe('updates with missing dependencies', () => {
  const LIMIT = 64 * 1024
  let server: Awaited<ReturnType<typeof startTestServer>>
  let board: TestBoard
  beforeAll(async () => {
    server = await startTestServer({ MAX_MESSAGE_BYTES: LIMIT, MAX_MESSAGES_PER_SECOND: 10_000 })
    board = await createTestBoard(server.url)
  })
  afterAll(async () => {
    await server.close()
  })

  /** A client doc seeded with the board, and its successive updates, the first one withheld. */
  async function gappedUpdates(count: number, textBytes: number): Promise<{ first: Uint8Array; rest: Uint8Array[] }> {
    const doc = await storedDoc(server.storage, board.id)
    const updates: Uint8Array[] = []
    for (let i = 0; i <= count; i++) {
      const sv = Y.encodeStateVector(doc)
      putRecord(doc, noteRecord(`shape:gap-${count}-${i}`, i, 0, 'x'.repeat(textBytes)))
      updates.push(Y.encodeStateAsUpdate(doc, sv))
    }
    return { first: updates[0]!, rest: updates.slice(1) }
  }

  it('[L9] an edit that arrives before the update it builds on is held, then applied when the gap fills', async () => {
    const { first, rest } = await gappedUpdates(3, 100)
    const raw = rawClient(wsUrl(server.url, board.id, board.tokens.participant))
    await raw.opened
    for (const u of rest) raw.send(updateFrame(u))
    await new Promise((r) => setTimeout(r, 100))
    raw.send(updateFrame(first))
    const reader = connectProvider(server.url, board.id, board.tokens.viewer)
    await waitForSync(reader)
    await waitFor(() => noteIds(reader.doc).filter((id) => id.startsWith('shape:gap-3-')).length === 4, 5000, 'gap filled')
    expect(raw.ws.readyState).toBe(raw.ws.OPEN)
    reader.destroy()
    raw.ws.close()
  })

  it('[L9] updates that can never apply are bounded: past MAX_MESSAGE_BYTES waiting, the sender is closed with 4003', async () => {
    // Client X writes a note and never sends it; then each update edits that note from a new
    // client id: its own clocks start at 0, but it depends on X's structs, which never come.
    const x = await storedDoc(server.storage, board.id)
    putRecord(x, noteRecord('shape:never-sent', 0, 0))
    const updates = Array.from({ length: 20 }, (_, i) => {
      const m = new Y.Doc()
      Y.applyUpdate(m, Y.encodeStateAsUpdate(x))
      const sv = Y.encodeStateVector(m)
      putRecord(m, noteRecord('shape:never-sent', 0, 0, `${i} ${'x'.repeat(8 * 1024)}`))
      return Y.encodeStateAsUpdate(m, sv)
    })
    expect(updates.reduce((n, u) => n + u.byteLength, 0)).toBeGreaterThan(LIMIT)
    const raw = rawClient(wsUrl(server.url, board.id, board.tokens.participant))
    await raw.opened
    for (const u of updates) raw.send(updateFrame(u))
    const closed = await raw.closed
    expect(closed.code).toBe(codes.InvalidUpdate.code)
    const room = server.rooms.getLoaded(board.id)
    await room?.flushed()
    expect(room?.doc.store.pendingStructs ?? null).toBeNull()
    // The board still takes writes from everyone else, and none of the waiting content got in.
    const writer = connectProvider(server.url, board.id, board.tokens.participant)
    await waitForSync(writer)
    putRecord(writer.doc, noteRecord('shape:after-gap', 1, 1))
    const reader = connectProvider(server.url, board.id, board.tokens.viewer)
    await waitFor(() => readRecord(reader.doc, 'shape:after-gap') !== null, 5000)
    expect(readRecord(reader.doc, 'shape:never-sent')).toBeNull()
    writer.destroy()
    reader.destroy()
  })
})
