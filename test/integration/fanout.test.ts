/**
 * Fan-out on a busy board (docs/DECISIONS.md, "one frame per turn"): what arrives in one
 * event-loop turn leaves as one frame per session — document updates merged, presence changes
 * coalesced — with the same end state as one frame per change.
 */
import * as decoding from 'lib0/decoding'
import type WebSocket from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MESSAGE_AWARENESS, MESSAGE_SYNC, SYNC_UPDATE } from '../../shared/protocol.js'
import { readRecord } from '../../shared/docLayout.js'
import { RawClient, encode } from '../hardening/support/rawClient.js'
import * as encoding from 'lib0/encoding'
import { connectProvider, createTestBoard, startTestServer, waitFor, waitForSync, type TestBoard } from '../helpers/server.js'
import { noteRecord, putRecord } from './fixtures.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function frameKind(frame: Uint8Array): 'update' | 'presence' | 'other' {
  const d = decoding.createDecoder(frame)
  const type = decoding.readVarUint(d)
  if (type === MESSAGE_AWARENESS) return 'presence'
  if (type === MESSAGE_SYNC && decoding.readVarUint(d) === SYNC_UPDATE) return 'update'
  return 'other'
}

const count = (client: RawClient, kind: 'update' | 'presence', from = 0) =>
  client.frames.slice(from).filter((f) => frameKind(f) === kind).length

/** Sends the frames in one TCP write, so that the server reads them in one event-loop turn. */
function sendTogether(client: RawClient, frames: Uint8Array[]): void {
  const socket = (client.ws as WebSocket & { _socket: import('node:net').Socket })._socket
  socket.cork()
  for (const f of frames) client.ws.send(f)
  process.nextTick(() => socket.uncork())
}

function presenceFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, clientId)
  encoding.writeVarUint(e, clock)
  encoding.writeVarString(e, JSON.stringify(state))
  const update = encoding.toUint8Array(e)
  return encode((m) => {
    encoding.writeVarUint(m, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(m, update)
  })
}

describe('fan-out: one frame per session and turn', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let board: TestBoard
  beforeAll(async () => {
    server = await startTestServer()
    board = await createTestBoard(server.url)
  })
  afterAll(async () => {
    await server.close()
  })

  it('[S3] 20 updates read in one turn reach another session as one merged frame, and the board ends the same', async () => {
    const writer = await RawClient.connect(server.url, board.id, board.tokens.participant)
    const reader = await RawClient.connect(server.url, board.id, board.tokens.participant)
    await writer.waitSynced()
    await reader.waitSynced()
    writer.write((doc) => putRecord(doc, noteRecord('shape:fan', 0, 0, 'moved')))
    await waitFor(() => readRecord(reader.doc, 'shape:fan') !== null, 5000, 'note at the reader')
    const readerFrom = reader.frames.length
    const writerFrom = writer.frames.length

    const frames: Uint8Array[] = []
    const stop = (update: Uint8Array) => frames.push(encode((e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC)
      encoding.writeVarUint(e, SYNC_UPDATE)
      encoding.writeVarUint8Array(e, update)
    }))
    writer.doc.on('update', stop)
    for (let i = 1; i <= 20; i++) writer.doc.transact(() => putRecord(writer.doc, noteRecord('shape:fan', i * 10, 0, 'moved')))
    writer.doc.off('update', stop)
    expect(frames).toHaveLength(20)
    sendTogether(writer, frames)

    await waitFor(() => (readRecord(reader.doc, 'shape:fan') as { x?: number } | null)?.x === 200, 5000, 'last move at the reader')
    await sleep(200)
    // Without merging this would be 20 frames, one per update.
    expect(count(reader, 'update', readerFrom)).toBeLessThanOrEqual(2)
    // The writer's own updates are not sent back to it.
    expect(count(writer, 'update', writerFrom)).toBe(0)
    expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(writer.doc))
    writer.close()
    reader.close()
  })

  it('[S3] 20 cursor moves read in one turn reach another session as one presence frame holding the last one', async () => {
    const mover = await RawClient.connect(server.url, board.id, board.tokens.participant)
    const watcher = await RawClient.connect(server.url, board.id, board.tokens.participant)
    await mover.waitSynced()
    await watcher.waitSynced()
    const id = 424242
    mover.send(presenceFrame(id, 1, { cursor: { x: 0, y: 0 } }))
    await waitFor(() => count(watcher, 'presence') > 0, 5000, 'first presence at the watcher')
    const from = watcher.frames.length
    sendTogether(mover, Array.from({ length: 20 }, (_, i) => presenceFrame(id, i + 2, { cursor: { x: i + 1, y: 0 } })))

    const seen = new awarenessProtocol.Awareness(new Y.Doc())
    await waitFor(() => {
      for (const f of watcher.frames.slice(from)) {
        const d = decoding.createDecoder(f)
        if (decoding.readVarUint(d) === MESSAGE_AWARENESS) awarenessProtocol.applyAwarenessUpdate(seen, decoding.readVarUint8Array(d), 'test')
      }
      return (seen.getStates().get(id) as { cursor?: { x: number } } | undefined)?.cursor?.x === 20
    }, 5000, 'last cursor at the watcher')
    await sleep(200)
    expect(count(watcher, 'presence', from)).toBeLessThanOrEqual(2)
    seen.destroy()
    mover.close()
    watcher.close()
  })

  it('[S3] a presence change comes back to its sender too: a stock provider alone on a board hears its own renewals and keeps its socket', async () => {
    const alone = connectProvider(server.url, board.id, board.tokens.participant)
    await waitForSync(alone)
    const before = alone.wsLastMessageReceived
    await sleep(20)
    // What the provider's awareness does every 15 s; with no message for 30 s it reconnects.
    alone.awareness.setLocalStateField('user', { name: 'Alone' })
    await waitFor(() => alone.wsLastMessageReceived > before, 5000, 'a message back after a presence renewal')
    alone.destroy()

    const raw = await RawClient.connect(server.url, board.id, board.tokens.participant)
    await raw.waitSynced()
    const from = raw.frames.length
    raw.send(presenceFrame(777001, 1, { name: 'raw' }))
    await waitFor(() => count(raw, 'presence', from) > 0, 5000, 'own presence back')
    raw.close()
  })

  it('[S3] an echo of a presence changes nothing and is not sent on; a removal at the same clock still is', async () => {
    const owner = await RawClient.connect(server.url, board.id, board.tokens.participant)
    const echoer = await RawClient.connect(server.url, board.id, board.tokens.participant)
    const watcher = await RawClient.connect(server.url, board.id, board.tokens.participant)
    for (const c of [owner, echoer, watcher]) await c.waitSynced()
    const id = 515151
    owner.send(presenceFrame(id, 3, { name: 'Ada' }))
    await waitFor(() => count(echoer, 'presence') > 0 && count(watcher, 'presence') > 0, 5000, 'presence at the others')
    const from = watcher.frames.length

    // What a stock client does with every presence it receives: send it back unchanged.
    echoer.send(presenceFrame(id, 3, { name: 'Ada' }))
    echoer.send(presenceFrame(id, 2, { name: 'older' }))
    await sleep(300)
    expect(count(watcher, 'presence', from)).toBe(0)

    // Awareness's own rule: `null` at the current clock removes the state.
    echoer.send(presenceFrame(id, 3, null))
    await waitFor(() => count(watcher, 'presence', from) > 0, 5000, 'removal at the watcher')
    const seen = new awarenessProtocol.Awareness(new Y.Doc())
    awarenessProtocol.applyAwarenessUpdate(seen, presenceUpdateOf(watcher.frames[from]!), 'test')
    expect(seen.getStates().has(id)).toBe(false)
    expect(seen.meta.get(id)?.clock).toBe(3)
    seen.destroy()
    for (const c of [owner, echoer, watcher]) c.close()
  })
})

function presenceUpdateOf(frame: Uint8Array): Uint8Array {
  const d = decoding.createDecoder(frame)
  expect(decoding.readVarUint(d)).toBe(MESSAGE_AWARENESS)
  return decoding.readVarUint8Array(d)
}
