/**
 * Cold load of a big board: fill a board with N notes through a client, restart the server
 * (so nothing is cached in it), then time a fresh client from connect to seeing every note,
 * and the server's RSS growth. For our server, also the in-process room load (serverLoad.ts).
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { connectClient, waitUntil, type ClientSpec } from './clients.js'
import { countShapes, writeInitialRecords, writeNotes } from './notes.js'
import { sampleProcs } from './procStats.js'
import { BENCH_DIR, ROOT_DIR, type BenchServer } from './servers.js'

export type ColdLoadResult = {
  notes: number
  encodedBytes: number
  /** Connect → every note received, ms, per repeat (server restarted before each). */
  syncMs: number[]
  serverRssDeltaBytes: number[]
  /**
   * Connect → the first sync step 2 answer (the whole board) received by a raw socket that
   * sent an empty sync step 1, ms, per repeat (server restarted before each, then warmed on
   * another board); y-websocket protocol servers only. Not decoded: the time the server takes
   * to answer.
   */
  firstAnswerMs: number[]
  /** Its size, bytes. */
  firstAnswerBytes: number
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
  const result: ColdLoadResult = { notes, encodedBytes, syncMs: [], serverRssDeltaBytes: [], firstAnswerMs: [], firstAnswerBytes: NaN }
  if (server.clientKind === 'y-websocket') {
    for (let i = 0; i < repeats; i++) {
      await server.restart()
      await sleep(1000)
      // The code path warmed on another (empty) board first: the figure is loading the board,
      // not the first request of a fresh process compiling its handlers.
      await firstSyncAnswer(server.clientSpec(await server.createBoard(), 0))
      await sleep(200)
      const { ms, bytes } = await firstSyncAnswer(server.clientSpec(board, 0))
      result.firstAnswerMs.push(ms)
      result.firstAnswerBytes = bytes
    }
  }
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

const MESSAGE_SYNC = 0
const SYNC_STEP_1 = 0
const SYNC_STEP_2 = 1

/**
 * Opens a raw websocket to a y-websocket protocol server, sends sync step 1 with an empty state
 * vector as soon as it opens, and times connect → the first sync step 2 message received.
 */
export function firstSyncAnswer(spec: ClientSpec, timeoutMs = 60_000): Promise<{ ms: number; bytes: number }> {
  const url = `${spec.url}/${spec.room}${spec.token ? `?token=${encodeURIComponent(spec.token)}` : ''}`
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const ws = new WebSocket(url)
    ws.binaryType = 'nodebuffer'
    const timer = setTimeout(() => {
      ws.terminate()
      reject(new Error(`no sync step 2 from ${spec.url} within ${timeoutMs} ms`))
    }, timeoutMs)
    ws.on('open', () => {
      const e = encoding.createEncoder()
      encoding.writeVarUint(e, MESSAGE_SYNC)
      encoding.writeVarUint(e, SYNC_STEP_1)
      encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()))
      ws.send(encoding.toUint8Array(e))
    })
    ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
      if (decoding.readVarUint(d) !== MESSAGE_SYNC || decoding.readVarUint(d) !== SYNC_STEP_2) return
      const ms = performance.now() - started
      clearTimeout(timer)
      ws.close()
      resolve({ ms, bytes: data.byteLength })
    })
    ws.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
  })
}
