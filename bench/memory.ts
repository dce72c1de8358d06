/**
 * Memory per idle loaded board: one client holds each board open (every server here unloads a
 * board when its last client leaves), each board carries a few notes, and the server's RSS
 * growth over its empty baseline is divided by the number of boards.
 */
import { command, startWorker, stopWorkers } from './loadgen.js'
import type { WorkerClient } from './clientWorker.js'
import { heapAfterGc, sampleProcs } from './procStats.js'
import { WORK_DIR, type BenchServer } from './servers.js'

/**
 * `perBoardBytes`: idle boards as each server keeps them after a quiet spell (ours: asleep,
 * see ROOM_SLEEP_AFTER_MS); `awakePerBoardBytes`: right after the boards were written (ours
 * before its docs sleep; the same figure for servers that do not put boards to sleep).
 */
export type MemoryPoint = {
  boards: number
  rssBytes: number
  perBoardBytes: number
  awakePerBoardBytes: number
  /** JS heap + external after a full GC (bench/gcProbe.cjs), per board: idle / right after writing. */
  heapPerBoardBytes: number
  awakeHeapPerBoardBytes: number
  /** Whether this server puts idle docs to sleep (ours), and whether they all were asleep when measured. */
  sleeps: boolean
  asleep: boolean
}
export type MemoryResult = { baseRssBytes: number; baseHeapBytes: number; points: MemoryPoint[] }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** RSS after things settle: the lowest of a few samples (a GC may be running). */
export async function settledRss(pids: number[]): Promise<number> {
  await sleep(1500)
  let min = Infinity
  for (let i = 0; i < 4; i++) {
    min = Math.min(min, sampleProcs(pids).rssBytes)
    await sleep(250)
  }
  return min
}

export async function measureIdleMemory(server: BenchServer, counts = [10, 100, 1000], notesPerBoard = 10): Promise<MemoryResult> {
  // A full GC first, then RSS, everywhere: start-up garbage is not counted as a board's.
  const baseHeapBytes = (await heapAfterGc(server.pids(), WORK_DIR)).heapBytes
  const baseRssBytes = await settledRss(server.pids())
  const worker = await startWorker()
  const points: MemoryPoint[] = []
  let loaded = 0
  try {
    for (const boards of counts) {
      const clients: WorkerClient[] = []
      for (let b = loaded; b < boards; b++) {
        const board = await server.createBoard()
        clients.push({ ...server.clientSpec(board, 0), board: b, index: 0, boardClients: 1 })
      }
      const ready = worker.next('ready')
      command(worker, { type: 'idle', clients, notesPerBoard, writeInitial: server.clientKind === 'hocuspocus' || !server.persistent })
      await ready
      loaded = boards
      const awakeHeap = (await heapAfterGc(server.pids(), WORK_DIR)).heapBytes
      const awakeRss = await settledRss(server.pids())
      let rssBytes = awakeRss
      let heapBytes = awakeHeap
      let asleep = false
      if (server.waitAllAsleep) {
        asleep = await server.waitAllAsleep(90_000)
        heapBytes = (await heapAfterGc(server.pids(), WORK_DIR)).heapBytes
        rssBytes = await settledRss(server.pids())
      }
      points.push({
        boards,
        rssBytes,
        perBoardBytes: (rssBytes - baseRssBytes) / boards,
        awakePerBoardBytes: (awakeRss - baseRssBytes) / boards,
        heapPerBoardBytes: (heapBytes - baseHeapBytes) / boards,
        awakeHeapPerBoardBytes: (awakeHeap - baseHeapBytes) / boards,
        sleeps: server.waitAllAsleep !== undefined,
        asleep,
      })
    }
  } finally {
    await stopWorkers([worker])
  }
  return { baseRssBytes, baseHeapBytes, points }
}
