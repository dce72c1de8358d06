/**
 * Issue 2's server-side figure: time and memory for our server to load one board from SQLite
 * into a room, measured in a fresh process (run by coldLoad.ts):
 *   node --expose-gc --import tsx bench/serverLoad.ts <DATA_DIR> <boardId>
 * Prints one JSON line: { loadMs, firstAnswerMs, rssDeltaBytes, heapDeltaBytes, encodedBytes, storedBytes }.
 * `firstAnswerMs`: from the start of the load until a joining client with nothing has been sent
 * the sync step 2 holding the whole board (what a cold join waits for on the server).
 */
import path from 'node:path'
import { getBoardSchema } from '../shared/boardSchema.js'
import { createLogger } from '../server/logger.js'
import { createMetrics } from '../server/metrics.js'
import { SqliteStorage } from '../server/storage/SqliteStorage.js'
import * as Y from 'yjs'
import { encodeSyncStep1 } from '../server/sync/messages.js'
import { Room } from '../server/sync/Room.js'
import { Session } from '../server/sync/Session.js'

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})

async function main(): Promise<void> {
  const [dataDir, boardId] = process.argv.slice(2)
  if (!dataDir || !boardId) throw new Error('usage: serverLoad.ts <DATA_DIR> <boardId>')
  const storage = new SqliteStorage(path.join(dataDir, 'boards.sqlite'))
  const schema = getBoardSchema()
  const deps = {
    storage,
    schema,
    logger: createLogger('silent'),
    metrics: createMetrics(),
    limits: { MAX_MESSAGE_BYTES: 8 << 20, MAX_MESSAGES_PER_SECOND: 200, MAX_BOARD_BYTES: 64 << 20, COMPACT_AFTER_UPDATES: 500 },
  }
  // Warm the code paths on another (empty) doc so the figure is the board, not module loading.
  const warm = new Room('warm-up', 'board', deps)
  await warm.load()
  gc()
  const before = process.memoryUsage()
  const started = performance.now()
  const cpuStart = process.cpuUsage()
  const room = new Room(boardId, 'board', deps)
  await room.load()
  const loadMs = performance.now() - started
  let answerBytes = 0
  const answered = new Promise<void>((resolve) => {
    const socket = {
      isOpen: true,
      send(data: Uint8Array) {
        // The step 2 is the one big message (step 1 and presence are a few bytes).
        if (data.byteLength > 1000) {
          answerBytes = data.byteLength
          resolve()
        }
      },
      close() {},
    }
    const session = new Session(socket, { boardId, role: 'participant', tokenHash: '', ip: '' }, 'write')
    session.state = { name: 'open' }
    room.join(session)
    room.receive(session, encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
  })
  await answered
  const firstAnswerMs = performance.now() - started
  const cpu = process.cpuUsage(cpuStart)
  const firstAnswerCpuMs = (cpu.user + cpu.system) / 1000
  gc()
  const after = process.memoryUsage()
  const stored = await storage.loadDoc(boardId)
  const storedBytes = (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((n, u) => n + u.byteLength, 0)
  console.log(
    JSON.stringify({
      loadMs,
      firstAnswerMs,
      firstAnswerCpuMs,
      answerBytes,
      asleepAfterAnswer: room.isAsleep,
      rssDeltaBytes: after.rss - before.rss,
      heapDeltaBytes: after.heapUsed - before.heapUsed,
      encodedBytes: room.encodedSize(),
      storedBytes,
      storedUpdates: stored.updates.length,
    }),
  )
  await storage.close()
  // Rooms keep timers; this process only measures.
  process.exit(0)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
