/**
 * Issue 2's server-side figure: time and memory for our server to load one board from SQLite
 * into a room, measured in a fresh process (run by coldLoad.ts):
 *   node --expose-gc --import tsx bench/serverLoad.ts <DATA_DIR> <boardId>
 * Prints one JSON line: { loadMs, rssDeltaBytes, heapDeltaBytes, encodedBytes, storedBytes }.
 */
import path from 'node:path'
import { getBoardSchema } from '../shared/boardSchema.js'
import { createLogger } from '../server/logger.js'
import { createMetrics } from '../server/metrics.js'
import { SqliteStorage } from '../server/storage/SqliteStorage.js'
import { Room } from '../server/sync/Room.js'

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
  const room = new Room(boardId, 'board', deps)
  await room.load()
  const loadMs = performance.now() - started
  gc()
  const after = process.memoryUsage()
  const stored = await storage.loadDoc(boardId)
  const storedBytes = (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((n, u) => n + u.byteLength, 0)
  console.log(
    JSON.stringify({
      loadMs,
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
