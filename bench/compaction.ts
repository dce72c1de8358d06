/**
 * How long a compaction stops the server (its event loop: every room of the process), on boards
 * of several sizes: 500 moves are logged, then the log is merged into the snapshot, either from
 * the doc in memory (a lone instance, `npm start`) or by rebuilding a doc from the stored
 * snapshot and log (an instance with a relay, and every compaction before issue 18's fifth
 * session). Real SQLite file, our Room; the two ways alternate, `rounds` times each.
 *
 *   node --import tsx bench/compaction.ts [--notes 200,1000,5000] [--rounds 3]
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import * as Y from 'yjs'
import { getBoardSchema } from '../shared/boardSchema.js'
import { createLogger } from '../server/logger.js'
import { createMetrics } from '../server/metrics.js'
import { SqliteStorage } from '../server/storage/SqliteStorage.js'
import { encodeSyncUpdate } from '../server/sync/messages.js'
import { Room } from '../server/sync/Room.js'
import { Session } from '../server/sync/Session.js'
import { moveNote, writeInitialRecords, writeNotes } from './notes.js'
import { BENCH_DIR } from './servers.js'

const MOVES = 500

export type CompactionResult = {
  /** Per board size: compaction pauses in ms, from memory and rebuilt from storage. */
  boards: Array<{ notes: number; snapshotKiB: number; memoryMs: number[]; rebuiltMs: number[] }>
}

async function openRoom(storage: SqliteStorage, key: string, soleWriter: boolean) {
  const room = new Room(key, 'board', {
    storage,
    schema: getBoardSchema(),
    logger: createLogger('silent'),
    metrics: createMetrics(),
    limits: { MAX_MESSAGE_BYTES: 8 << 20, MAX_MESSAGES_PER_SECOND: 1e9, MAX_BOARD_BYTES: 256 << 20, COMPACT_AFTER_UPDATES: 1e9 },
    soleWriter,
  })
  await room.load()
  const session = new Session({ isOpen: true, send() {}, close() {} }, { boardId: key, role: 'participant', tokenHash: '', ip: '' }, 'write')
  session.state = { name: 'open' }
  room.join(session)
  return { room, session }
}

/** Logs MOVES moves of the board's first 20 notes through the room, then times its compaction. */
async function pause(storage: SqliteStorage, key: string, soleWriter: boolean, round: number): Promise<number> {
  const { room, session } = await openRoom(storage, key, soleWriter)
  const client = new Y.Doc()
  Y.applyUpdate(client, room.encodeState())
  for (let i = 0; i < MOVES; i++) {
    client.once('update', (update: Uint8Array) => room.receive(session, encodeSyncUpdate(update)))
    moveNote(client, `shape:n${i % 20}`, round * MOVES + i, 7)
    if (i % 10 === 9) await room.flushed()
  }
  await room.flushed()
  if (session.state.name !== 'open') throw new Error('the room refused a move')
  const started = performance.now()
  await room.compact()
  const ms = performance.now() - started
  await room.close()
  client.destroy()
  return ms
}

export async function measureCompaction(sizes = [200, 1000, 5000], rounds = 3): Promise<CompactionResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compaction-'))
  const boards: CompactionResult['boards'] = []
  try {
    for (const notes of sizes) {
      const storage = new SqliteStorage(path.join(dir, `board-${notes}.sqlite`))
      const key = `board-${notes}`
      const doc = new Y.Doc()
      writeInitialRecords(doc)
      writeNotes(doc, notes)
      await storage.appendUpdates(key, [Y.encodeStateAsUpdate(doc)])
      doc.destroy()
      // Stored as a compacted board is: one snapshot row (the one update written is the whole doc).
      await storage.compact(key, (stored) => stored.updates[0]!)
      const memoryMs: number[] = []
      const rebuiltMs: number[] = []
      // One unmeasured round of each warms the code (JIT) as a running server would be.
      await pause(storage, key, true, 0)
      await pause(storage, key, false, 0)
      for (let round = 1; round <= rounds; round++) {
        memoryMs.push(await pause(storage, key, true, round))
        rebuiltMs.push(await pause(storage, key, false, round))
      }
      const snapshotKiB = ((await storage.loadDoc(key)).snapshot?.byteLength ?? 0) / 1024
      await storage.close()
      boards.push({ notes, snapshotKiB, memoryMs, rebuiltMs })
    }
    return { boards }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

export function describeCompaction(r: CompactionResult): string[] {
  const ms = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(', ')
  return r.boards.map(
    (b) => `${b.notes} notes (snapshot ${b.snapshotKiB.toFixed(0)} KiB), ${MOVES} moves logged: from memory ${ms(b.memoryMs)} ms; rebuilt from storage ${ms(b.rebuiltMs)} ms`,
  )
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { notes: { type: 'string', default: '200,1000,5000' }, rounds: { type: 'string', default: '3' } } })
  const result = await measureCompaction(values.notes.split(',').map(Number), Number(values.rounds))
  console.log('Compaction pause (the event loop stops meanwhile):')
  for (const line of describeCompaction(result)) console.log(`  ${line}`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(BENCH_DIR, 'compaction.ts')) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
