/**
 * The server's work per incoming message, in one process, without sockets or a load generator:
 * the same stream of note moves and cursor updates (20 writers, two moves per cursor, as in
 * issue 18's CPU workload) handed to
 * - a Room (our server's sync core: schema guard, SQLite append before broadcast, 20 sessions
 *   whose sockets discard what they are sent), flushed every `batch` messages, and
 * - the reference's work (a plain Y.Doc and Awareness: apply, then encode once per update and
 *   "send" to every other connection, as y-websocket 2.1.0's server does),
 * alternately, `rounds` times. Prints CPU µs per message (process.cpuUsage: every thread) and
 * main-thread µs (wall time of the synchronous loop).
 *
 *   node --expose-gc --import tsx bench/roomWork.ts [--messages 6000] [--batch 2] [--rounds 3]
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { getBoardSchema } from '../shared/boardSchema.js'
import { MESSAGE_SYNC } from '../shared/protocol.js'
import { getRecordsMap, writeRecord } from '../shared/docLayout.js'
import { createLogger } from '../server/logger.js'
import { createMetrics } from '../server/metrics.js'
import { SqliteStorage } from '../server/storage/SqliteStorage.js'
import { Room } from '../server/sync/Room.js'
import { encodeAwarenessMessage, encodeSyncUpdate } from '../server/sync/messages.js'
import { Session } from '../server/sync/Session.js'
import { moveNote, noteRecord, writeInitialRecords } from './notes.js'
import { BENCH_DIR } from './servers.js'

const CLIENTS = 20
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})

type Frame = { from: number; data: Uint8Array }

/** The seed (initial records + one note per client) and the frames of the run, as clients send them. */
function makeStream(messages: number): { seed: Uint8Array; frames: Frame[] } {
  const origin = new Y.Doc()
  writeInitialRecords(origin)
  origin.transact(() => {
    for (let c = 0; c < CLIENTS; c++) writeRecord(getRecordsMap(origin), noteRecord(`shape:c${c}`, 0, c * 220, 'a1'))
  })
  const seed = Y.encodeStateAsUpdate(origin)
  const clients = Array.from({ length: CLIENTS }, () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, seed)
    return { doc, awareness: new awarenessProtocol.Awareness(doc) }
  })
  const frames: Frame[] = []
  for (let i = 0; frames.length < messages; i++) {
    const c = i % CLIENTS
    const { doc, awareness } = clients[c]!
    doc.once('update', (update: Uint8Array) => frames.push({ from: c, data: encodeSyncUpdate(update) }))
    moveNote(doc, `shape:c${c}`, i, c * 220)
    // Every second move, a cursor (10 Hz moves, 5 Hz cursors).
    if (i % 2 === 0) {
      awareness.setLocalStateField('cursor', { x: Math.random() * 1000, y: Math.random() * 1000 })
      frames.push({ from: c, data: encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])) })
    }
  }
  return { seed, frames: frames.slice(0, messages) }
}

export type Result = { cpuUs: number; mainUs: number }

async function runRoom(dir: string, seed: Uint8Array, frames: Frame[], batch: number, round: number): Promise<Result> {
  const storage = new SqliteStorage(path.join(dir, `room-${round}.sqlite`))
  const deps = {
    storage,
    schema: getBoardSchema(),
    logger: createLogger('silent'),
    metrics: createMetrics(),
    limits: { MAX_MESSAGE_BYTES: 8 << 20, MAX_MESSAGES_PER_SECOND: 1e9, MAX_BOARD_BYTES: 64 << 20, COMPACT_AFTER_UPDATES: 500 },
    // As `npm start` runs it: one instance, no relay (compactions encode the doc in memory).
    soleWriter: true,
  }
  // The board as our server creates it (initial records and the schema in `meta`, which no
  // session may write) plus one note per client, stored before the room loads it.
  await storage.appendUpdates(`board-${round}`, [seed])
  const room = new Room(`board-${round}`, 'board', deps)
  await room.load()
  let sent = 0
  const sessions = Array.from({ length: CLIENTS }, () => {
    const socket = { isOpen: true, send: (d: Uint8Array) => void (sent += d.byteLength), close() {} }
    const s = new Session(socket, { boardId: 'b', role: 'participant', tokenHash: '', ip: '' }, 'write')
    s.state = { name: 'open' }
    room.join(s)
    return s
  })
  gc()
  const cpu = process.cpuUsage()
  let main = 0
  for (let i = 0; i < frames.length; i += batch) {
    const t = performance.now()
    for (let j = i; j < Math.min(frames.length, i + batch); j++) room.receive(sessions[frames[j]!.from]!, frames[j]!.data)
    main += performance.now() - t
    const f = performance.now()
    await room.flushed()
    // Presence goes out on its own timer: let it run as it would between messages.
    await new Promise((r) => setImmediate(r))
    main += performance.now() - f
  }
  const used = process.cpuUsage(cpu)
  await room.close()
  await storage.close()
  if (sent === 0) throw new Error('the room sent nothing')
  // A write the guard refused closes its session: every move must have been taken.
  if (sessions.some((s) => s.state.name !== 'open')) throw new Error('the room closed a session: a move was refused')
  return { cpuUs: (used.user + used.system) / frames.length, mainUs: (main * 1000) / frames.length }
}

function runReference(seed: Uint8Array, frames: Frame[]): Result {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, seed)
  const awareness = new awarenessProtocol.Awareness(doc)
  awareness.setLocalState(null)
  let sent = 0
  let from = -1
  const send = (message: Uint8Array, except: number) => {
    for (let c = 0; c < CLIENTS; c++) if (c !== except) sent += Buffer.from(message.buffer, message.byteOffset, message.byteLength).byteLength
  }
  // Encoded once per update and sent to every other connection, as y-websocket's server does.
  doc.on('update', (update: Uint8Array) => send(encodeSyncUpdate(update), from))
  awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) =>
    send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, [...added, ...updated, ...removed])), -1),
  )
  gc()
  const cpu = process.cpuUsage()
  const t = performance.now()
  for (const frame of frames) {
    from = frame.from
    const decoder = decoding.createDecoder(frame.data)
    const type = decoding.readVarUint(decoder)
    if (type === MESSAGE_SYNC) syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, null)
    else awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), null)
  }
  const main = performance.now() - t
  const used = process.cpuUsage(cpu)
  if (sent === 0) throw new Error('the reference sent nothing')
  return { cpuUs: (used.user + used.system) / frames.length, mainUs: (main * 1000) / frames.length }
}

export type RoomWorkResult = {
  messages: number
  batch: number
  /** Per round: CPU µs per message (every thread) and main-thread µs per message. */
  ours: Result[]
  reference: Result[]
}

/** Our Room and the reference's work on the same stream, alternately, after one warm-up round of each. */
export async function measureRoomWork(messages = 6000, batch = 2, rounds = 3): Promise<RoomWorkResult> {
  const { seed, frames } = makeStream(messages)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'room-work-'))
  try {
    const ours: Result[] = []
    const reference: Result[] = []
    // A first unmeasured round of each warms the code (JIT) as a running server would be.
    await runRoom(dir, seed, frames, batch, -1)
    runReference(seed, frames)
    for (let round = 0; round < rounds; round++) {
      ours.push(await runRoom(dir, seed, frames, batch, round))
      reference.push(runReference(seed, frames))
    }
    return { messages: frames.length, batch, ours, reference }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

export function describeRoomWork(r: RoomWorkResult): string[] {
  const fmt = (rs: Result[]) =>
    `CPU ${rs.map((x) => x.cpuUs.toFixed(1)).join(', ')} µs/message; main thread ${rs.map((x) => x.mainUs.toFixed(1)).join(', ')} µs/message`
  return [
    `${r.messages} messages (2 moves : 1 cursor), ${CLIENTS} sessions, flushed every ${r.batch} messages`,
    `ours (Room, SQLite): ${fmt(r.ours)}`,
    `reference's work (Y.Doc + Awareness, encode and fan out): ${fmt(r.reference)}`,
  ]
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      messages: { type: 'string', default: '6000' },
      batch: { type: 'string', default: '2' },
      rounds: { type: 'string', default: '3' },
    },
  })
  const result = await measureRoomWork(Number(values.messages), Number(values.batch), Number(values.rounds))
  for (const line of describeRoomWork(result)) console.log(line)
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(BENCH_DIR, 'roomWork.ts')) {
  main().then(
    () => process.exit(0), // the server's timers (sleep sweeps, presence) would keep the process alive
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
