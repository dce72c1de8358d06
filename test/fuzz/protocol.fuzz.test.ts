/**
 * Protocol fuzz: 10,000 random and mutated frames (mutations of valid sync, awareness and auth
 * messages) from several connections against the server as its own process. The server must
 * not crash, every frame must be answered or refused with a close (never a hang), the board
 * must stay intact and loadable, and memory must come back near its baseline once the fuzzing
 * connections are gone. Seeded: FUZZ_SEED=<n> replays a run; FUZZ_FRAMES=<n> sizes it.
 */
import { afterAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { WebsocketProvider } from 'y-websocket'
import { getBoardSchema, validateRecord } from '../../shared/boardSchema.js'
import { getRecordsMap, readAllRecords, writeRecord, type JsonRecord } from '../../shared/docLayout.js'
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS } from '../../shared/protocol.js'
import { connectProvider, createTestBoard, waitFor, waitForSync, type TestBoard } from '../helpers/server.js'
import { RawClient } from '../hardening/support/rawClient.js'
import { noteRecord } from '../hardening/support/records.js'
import { buildCorpus, frameAt } from './support/frames.js'
import { spawnGcServer, type GcServer, type Memory } from './support/gcServerProcess.js'
import { Random, seedFromEnv } from './support/random.js'

const SEED = seedFromEnv(20261128)
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 10_000)
const WARMUP_FRAMES = Math.min(1000, Math.floor(FRAMES / 10))
const WORKERS = 8
const PROBE = Uint8Array.of(MESSAGE_QUERY_AWARENESS)
const MiB = 1024 * 1024

type Stats = { frames: number; connections: number; closes: Map<number, number>; refusedUpgrades: number }

/** One fuzzing connection: sends a frame, then an awareness query, and waits for an answer or a close. */
class FuzzSocket {
  private waiting: (() => void) | null = null
  closedCode: number | null = null

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      if (data[0] === MESSAGE_AWARENESS) this.wake()
    })
    ws.on('close', (code) => {
      this.closedCode = code
      this.wake()
    })
    ws.on('error', () => {})
  }

  static open(url: string): Promise<FuzzSocket | number> {
    const ws = new WebSocket(url)
    return new Promise((resolve) => {
      ws.once('open', () => resolve(new FuzzSocket(ws)))
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
      ws.once('error', () => resolve(0))
    })
  }

  private wake(): void {
    const w = this.waiting
    this.waiting = null
    w?.()
  }

  /** Sends the frame and a probe; resolves when the server answered or closed. */
  async exchange(bytes: Uint8Array, timeoutMs: number): Promise<'answered' | 'closed'> {
    if (this.closedCode !== null) return 'closed'
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('server neither answered nor closed')), timeoutMs)
      this.waiting = () => {
        clearTimeout(timer)
        resolve()
      }
    })
    this.ws.send(bytes)
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(PROBE)
    await done
    return this.closedCode === null ? 'answered' : 'closed'
  }

  close(): void {
    this.ws.terminate()
  }
}

async function fuzz(server: GcServer, board: TestBoard, corpus: Uint8Array[], from: number, to: number, stats: Stats): Promise<void> {
  const base = `${server.url.replace(/^http/, 'ws')}/sync/${board.id}?token=`
  const worker = async (w: number) => {
    let socket: FuzzSocket | null = null
    for (let i = from + w; i < to; i += WORKERS) {
      while (socket === null || socket.closedCode !== null) {
        if (socket?.closedCode != null) stats.closes.set(socket.closedCode, (stats.closes.get(socket.closedCode) ?? 0) + 1)
        const role = new Random(SEED + i).weighted({ participant: 85, viewer: 10, facilitator: 5 })
        const opened = await FuzzSocket.open(base + board.tokens[role])
        if (typeof opened === 'number') {
          stats.refusedUpgrades++
          throw new Error(`upgrade refused with ${opened}`)
        }
        socket = opened
        stats.connections++
      }
      await socket.exchange(frameAt(SEED, i, corpus).bytes, 15_000)
      stats.frames++
    }
    if (socket?.closedCode != null) stats.closes.set(socket.closedCode, (stats.closes.get(socket.closedCode) ?? 0) + 1)
    socket?.close()
  }
  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)))
}

async function openSessions(server: GcServer): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text()
  return Number(/^canvas_sessions (\d+)/m.exec(text)?.[1] ?? NaN)
}

function sorted(records: JsonRecord[]): JsonRecord[] {
  return [...records].sort((a, b) => a.id.localeCompare(b.id))
}

const mib = (n: number) => `${(n / MiB).toFixed(1)} MiB`

describe('protocol fuzz', () => {
  const servers: GcServer[] = []
  afterAll(async () => {
    for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL')
  })

  it(`[L7] ${FRAMES} random and mutated frames (seed ${SEED}): no crash, no hang, board intact, memory back to baseline`, { timeout: 600_000 }, async () => {
    console.log(`protocol fuzz: FUZZ_SEED=${SEED} FUZZ_FRAMES=${FRAMES}`)
    const server = await spawnGcServer({ MAX_MESSAGES_PER_SECOND: '1000000', MAX_CONNECTIONS_PER_IP: '1000' })
    servers.push(server)
    const board = await createTestBoard(server.url, 'fuzz')
    const observer: WebsocketProvider = connectProvider(server.url, board.id, board.tokens.facilitator)
    let observerDisconnects = 0
    observer.on('status', ({ status }: { status: string }) => {
      if (status === 'disconnected') observerDisconnects++
    })
    await waitForSync(observer)
    observer.doc.transact(() => {
      for (let i = 0; i < 20; i++) writeRecord(getRecordsMap(observer.doc), noteRecord(`shape:base${i}`, { x: i * 10, text: `base ${i}` }))
    })
    const corpus = buildCorpus(SEED)
    const stats: Stats = { frames: 0, connections: 0, closes: new Map(), refusedUpgrades: 0 }
    const memStart = await server.memory()

    const started = performance.now()
    await fuzz(server, board, corpus, 0, WARMUP_FRAMES, stats)
    await expect.poll(() => openSessions(server), { timeout: 10_000 }).toBe(1)
    const baseline = await server.memory()

    await fuzz(server, board, corpus, WARMUP_FRAMES, FRAMES, stats)
    const seconds = (performance.now() - started) / 1000
    expect(server.child.exitCode, server.output()).toBeNull()
    await expect.poll(() => openSessions(server), { timeout: 10_000 }).toBe(1)
    const after: Memory = await server.memory()

    console.log(
      [
        `frames ${stats.frames} over ${stats.connections} connections in ${seconds.toFixed(1)} s`,
        `closes by code: ${JSON.stringify(Object.fromEntries([...stats.closes].sort((a, b) => a[0] - b[0])))}`,
        `heap after gc: start ${mib(memStart.heapUsed)}, baseline (after warm-up) ${mib(baseline.heapUsed)}, after ${mib(after.heapUsed)}`,
        `rss: start ${mib(memStart.rss)}, baseline ${mib(baseline.rss)}, after ${mib(after.rss)}`,
      ].join('\n'),
    )
    expect(stats.frames).toBe(FRAMES)
    expect(after.heapUsed - baseline.heapUsed).toBeLessThan(8 * MiB)
    expect(after.rooms).toBe(1)
    expect(observerDisconnects).toBe(0)
    expect(server.output()).not.toMatch(/ReferenceError|TypeError|Unhandled|uncaught/i)

    // The board: the observer, a fresh peer and the stored board (after a restart) agree, and
    // every record is valid.
    const fresh = await RawClient.connect(server.url, board.id, board.tokens.viewer)
    await fresh.waitSynced()
    await waitFor(() => readAllRecords(fresh.doc).length === readAllRecords(observer.doc).length, 5000, 'fresh peer')
    const live = sorted(readAllRecords(observer.doc))
    expect(sorted(readAllRecords(fresh.doc))).toEqual(live)
    for (let i = 0; i < 20; i++) expect(live.some((r) => r.id === `shape:base${i}`)).toBe(true)
    const schema = getBoardSchema()
    for (const record of live) expect(validateRecord(schema, record), record.id).toMatchObject({ ok: true })
    fresh.close()
    observer.destroy()
    await server.stop()

    const restarted = await spawnGcServer({ DATA_DIR: server.dataDir })
    servers.push(restarted)
    const reloaded = await RawClient.connect(restarted.url, board.id, board.tokens.viewer)
    await reloaded.waitSynced()
    expect(sorted(readAllRecords(reloaded.doc))).toEqual(live)
    reloaded.close()
    await restarted.stop()
  })
})
