/**
 * Cold load of a big board: fill a board with N notes through a client, restart the server
 * (so nothing is cached in it), then time a fresh client from connect to seeing every note,
 * and the server's RSS growth. For our server, also the in-process room load (serverLoad.ts).
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import * as Y from 'yjs'
import { connectClient, waitUntil } from './clients.js'
import { countShapes, writeInitialRecords, writeNotes } from './notes.js'
import { sampleProcs } from './procStats.js'
import { BENCH_DIR, ROOT_DIR, type BenchServer } from './servers.js'

export type ColdLoadResult = {
  notes: number
  encodedBytes: number
  /** Connect → every note received, ms, per repeat (server restarted before each). */
  syncMs: number[]
  serverRssDeltaBytes: number[]
  /** Ours only: room load in a fresh process. */
  inProcess?: Array<{ loadMs: number; firstAnswerMs: number; rssDeltaBytes: number; heapDeltaBytes: number; encodedBytes: number; storedBytes: number; storedUpdates: number }>
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function fillBoard(server: BenchServer, notes: number) {
  const board = await server.createBoard()
  const writer = await connectClient(server.clientSpec(board, 0))
  await waitUntil(() => writer.isSynced(), 30_000, 'writer sync')
  if (server.clientKind === 'hocuspocus' || !server.persistent) writeInitialRecords(writer.doc)
  writeNotes(writer.doc, notes, { perTransaction: 250 })
  // A second client seeing everything means the server holds it (ours: stored before broadcast).
  const reader = await connectClient(server.clientSpec(board, 1))
  await waitUntil(() => countShapes(reader.doc) >= notes, 120_000, 'the filled board to reach a second client')
  const encodedBytes = Y.encodeStateAsUpdate(reader.doc).byteLength
  writer.destroy()
  reader.destroy()
  return { board, encodedBytes }
}

export async function measureColdLoad(server: BenchServer, notes = 5000, repeats = 3): Promise<ColdLoadResult> {
  const { board, encodedBytes } = await fillBoard(server, notes)
  // Let the server unload the board and persist it (final flush, LevelDB writes, Hocuspocus store).
  await sleep(3000)
  const result: ColdLoadResult = { notes, encodedBytes, syncMs: [], serverRssDeltaBytes: [] }
  for (let i = 0; i < repeats; i++) {
    await server.restart()
    await sleep(1000)
    const before = sampleProcs(server.pids()).rssBytes
    const started = performance.now()
    const client = await connectClient(server.clientSpec(board, 0))
    await waitUntil(() => countShapes(client.doc) >= notes, 120_000, 'the cold board to load')
    result.syncMs.push(performance.now() - started)
    await sleep(500)
    result.serverRssDeltaBytes.push(sampleProcs(server.pids()).rssBytes - before)
    client.destroy()
    await sleep(500)
  }
  if (server.dataDir && server.target === 'ours') {
    await server.stop()
    result.inProcess = []
    for (let i = 0; i < repeats; i++) {
      const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(BENCH_DIR, 'serverLoad.ts'), server.dataDir, board.room], {
        cwd: ROOT_DIR,
        encoding: 'utf8',
      })
      if (run.status !== 0) throw new Error(`serverLoad failed: ${run.stderr}`)
      result.inProcess.push(JSON.parse(run.stdout.trim().split('\n').pop()!))
    }
  }
  return result
}
