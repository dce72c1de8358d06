/**
 * Load generator: K boards × N real clients against one server process; each client moves its
 * note at R Hz and its cursor (awareness) at 10 Hz. Measures update latency from sender to
 * every receiver, deliveries per second, and the server's CPU and RSS. Ramp mode raises N on
 * one board until p99 passes the limit.
 *
 *   node --import tsx bench/loadgen.ts --target ours --boards 1 --clients 50 --rate 10 --duration 10
 *   node --import tsx bench/loadgen.ts --target y-websocket --ramp
 */
import { fork, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { parseArgs } from 'node:util'
import * as Y from 'yjs'
import { connectClient, nowMs, waitUntil, type ClientSpec } from './clients.js'
import type { WorkerClient, WorkerCommand, WorkerResult } from './clientWorker.js'
import { countShapes, writeInitialRecords, writeNotes } from './notes.js'
import { sampleProcs, watchProcs, type ProcSample } from './procStats.js'
import { BENCH_DIR, ensurePeersInstalled, startTarget, TARGET_LABELS, type BenchServer, type TargetName } from './servers.js'

export type LoadOptions = {
  boards: number
  clientsPerBoard: number
  rateHz: number
  awarenessHz: number
  durationMs: number
  warmupMs: number
  /** Load-generator processes the clients are spread over. */
  workers: number
  /**
   * Writers in each board's history before the load (a board a team has used for months: every
   * browser session that wrote is one Yjs client id, and Yjs walks them all in every
   * transaction). Each wrote one note. Default none.
   */
  historyWriters?: number
}

export const DEFAULT_LOAD: LoadOptions = {
  boards: 1,
  clientsPerBoard: 50,
  rateHz: 10,
  awarenessHz: 10,
  durationMs: 8000,
  warmupMs: 2000,
  workers: 1,
}

export type LoadResult = {
  options: LoadOptions
  /** Sender → each receiver, ms. */
  delivery: Percentiles
  /** Sender → the last of all other clients of the board, ms (only fully delivered updates). */
  allReceivers: Percentiles
  sentUpdates: number
  /** Sent updates / the updates the schedule asked for: below ~0.9 the load generator lagged. */
  offeredLoadAchieved: number
  /** Updates that did not reach every receiver before the drain ended. */
  incompleteUpdates: number
  deliveriesPerSecond: number
  awarenessPerSecond: number
  serverCpuPercent: number
  serverRssBytes: number
  serverPeakRssBytes: number
  loadgenCpuPercent: number
  /**
   * Server CPU seconds per 1,000 note moves, both counted within the measurement window (after
   * the warm-up, before the drain): the steady state, without a fresh process's JIT compilation
   * (cursors included in the work, not the count).
   */
  serverCpuSecondsPer1000Moves: number
  /** Of which system (kernel) time. */
  serverSystemSecondsPer1000Moves: number
  /** The load generator's own CPU seconds per 1,000 moves (same window). */
  loadgenCpuSecondsPer1000Moves: number
  movesSent: number
}

export type Percentiles = { p50: number; p99: number; max: number; count: number }

export function percentiles(values: number[]): Percentiles {
  if (values.length === 0) return { p50: NaN, p99: NaN, max: NaN, count: 0 }
  const sorted = Float64Array.from(values).sort()
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1]!, count: sorted.length }
}

export type Worker = { child: ChildProcess; next(type: string): Promise<any> }

export function startWorker(): Promise<Worker> {
  const child = fork(path.join(BENCH_DIR, 'clientWorker.ts'), [], {
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_WORKER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.join(BENCH_DIR, '.work', 'profiles')}`] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  })
  const waiting = new Map<string, (m: any) => void>()
  let failure: ((e: Error) => void) | null = null
  child.on('message', (m: { type: string; message?: string }) => {
    if (m.type === 'error') failure?.(new Error(`load generator: ${m.message}`))
    waiting.get(m.type)?.(m)
  })
  const worker: Worker = {
    child,
    next(type) {
      return new Promise((resolve, reject) => {
        failure = reject
        waiting.set(type, resolve)
        child.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)))
      })
    },
  }
  const booted = worker.next('booted')
  return booted.then(() => worker)
}

export function command(worker: Worker, message: WorkerCommand): void {
  worker.child.send(message)
}

export async function stopWorkers(workers: Worker[]): Promise<void> {
  await Promise.all(
    workers.map(async (w) => {
      if (w.child.exitCode !== null) return
      const exited = new Promise((r) => w.child.once('exit', r))
      command(w, { type: 'stop' })
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
      if (w.child.exitCode === null) w.child.kill()
    }),
  )
}

/** Spreads clients over workers round-robin, so that every board spans every worker. */
function spread<T>(items: T[], n: number): T[][] {
  const out: T[][] = Array.from({ length: n }, () => [])
  items.forEach((item, i) => out[i % n]!.push(item))
  return out
}

/**
 * Gives a board `writers` past writers, one note each, sent by one client as one update, and
 * waits until another client sees them all.
 */
async function seedHistory(spec: ClientSpec, writers: number, writeInitial: boolean): Promise<void> {
  const seeder = await connectClient(spec)
  const reader = await connectClient(spec)
  try {
    await waitUntil(() => seeder.isSynced() && reader.isSynced(), 20_000, 'the seeding clients to sync')
    if (writeInitial) writeInitialRecords(seeder.doc)
    const base = Y.encodeStateAsUpdate(seeder.doc)
    const baseVector = Y.encodeStateVectorFromUpdate(base)
    const updates: Uint8Array[] = []
    for (let i = 0; i < writers; i++) {
      const writer = new Y.Doc()
      Y.applyUpdate(writer, base)
      writeNotes(writer, 1, { prefix: `history${i}-` })
      updates.push(Y.encodeStateAsUpdate(writer, baseVector))
    }
    const before = countShapes(reader.doc)
    Y.applyUpdate(seeder.doc, Y.mergeUpdates(updates))
    await waitUntil(() => countShapes(reader.doc) >= before + writers, 60_000, `${writers} history notes`)
  } finally {
    seeder.destroy()
    reader.destroy()
  }
}

/** Runs one load on an already started server. */
export async function runLoad(server: BenchServer, options: LoadOptions): Promise<LoadResult> {
  const clients: WorkerClient[] = []
  // Servers that do not create boards (the peers) get our new board's records from a client.
  const writeInitial = server.clientKind === 'hocuspocus' || !server.persistent
  for (let b = 0; b < options.boards; b++) {
    const board = await server.createBoard()
    if (options.historyWriters) await seedHistory(server.clientSpec(board, 0), options.historyWriters, writeInitial)
    for (let i = 0; i < options.clientsPerBoard; i++) {
      clients.push({ ...server.clientSpec(board, i), board: b, index: i, boardClients: options.clientsPerBoard })
    }
  }
  const epoch = Math.floor(nowMs())
  const workers = await Promise.all(Array.from({ length: options.workers }, startWorker))
  try {
    const shares = spread(clients, options.workers)
    await Promise.all(
      workers.map((w, i) => {
        const ready = w.next('ready')
        command(w, { type: 'load', clients: shares[i]!, epoch, writeInitial })
        return ready
      }),
    )
    const startMs = nowMs() + 300
    const watch = watchProcs(server.pids())
    // The server's CPU within the measurement window, as the workers count their moves in it:
    // the warm-up (JIT compilation of a fresh process) and the drain are left out.
    const window: { from?: ProcSample; to?: ProcSample } = {}
    const sampleAt = (at: number, key: 'from' | 'to') =>
      setTimeout(() => {
        try {
          window[key] = sampleProcs(server.pids())
        } catch {
          /* gone: the figure is NaN */
        }
      }, at - nowMs())
    const windowTimers = [sampleAt(startMs + options.warmupMs, 'from'), sampleAt(startMs + options.durationMs, 'to')]
    const drainMs = 2000
    const results: WorkerResult[] = await Promise.all(
      workers.map((w) => {
        const result = w.next('result')
        command(w, { type: 'go', rateHz: options.rateHz, awarenessHz: options.awarenessHz, startMs, warmupMs: options.warmupMs, durationMs: options.durationMs, drainMs })
        return result
      }),
    )
    windowTimers.forEach(clearTimeout)
    const proc = watch.stop()
    const windowCpu = window.from && window.to ? { cpuSeconds: window.to.cpuSeconds - window.from.cpuSeconds, systemSeconds: window.to.systemSeconds - window.from.systemSeconds } : { cpuSeconds: NaN, systemSeconds: NaN }
    return summarize(options, results, proc, windowCpu)
  } finally {
    await stopWorkers(workers)
  }
}

/**
 * Each sent move's time to the last of its receivers. A receiver that never saw a move's own
 * value but saw a later move of the same note has it too (a server may merge several moves of
 * a note into one update): it counts as received when that later value arrived.
 */
export function allReceiverLatencies(results: WorkerResult[]): { all: number[]; incomplete: number; sent: number } {
  const byNote = new Map<string, number[][]>()
  for (const r of results) {
    for (const [key, pairs] of r.streams) {
      const [board, , note] = key.split('/')
      const noteKey = `${board}/${note}`
      const list = byNote.get(noteKey)
      if (list) list.push(pairs)
      else byNote.set(noteKey, [pairs])
    }
  }
  const all: number[] = []
  let incomplete = 0
  let sent = 0
  for (const r of results) {
    for (const [key, receivers] of r.sent) {
      sent++
      const at = key.lastIndexOf(':')
      const sentAt = Number(key.slice(at + 1))
      let got = 0
      let max = -Infinity
      for (const pairs of byNote.get(key.slice(0, at)) ?? []) {
        const i = firstPairAtOrAfter(pairs, sentAt)
        if (i < 0) continue
        got++
        max = Math.max(max, pairs[i + 1]! - sentAt)
      }
      if (got >= receivers) all.push(max)
      else incomplete++
    }
  }
  return { all, incomplete, sent }
}

/** Index of the first [sent at, received at] pair whose sent time is ≥ t (pairs sorted by it), or -1. */
function firstPairAtOrAfter(pairs: number[], t: number): number {
  let lo = 0
  let hi = pairs.length / 2
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (pairs[mid * 2]! < t) lo = mid + 1
    else hi = mid
  }
  return lo < pairs.length / 2 ? lo * 2 : -1
}

function summarize(
  options: LoadOptions,
  results: WorkerResult[],
  proc: ReturnType<ReturnType<typeof watchProcs>['stop']>,
  windowCpu: { cpuSeconds: number; systemSeconds: number },
): LoadResult {
  const { all, incomplete, sent } = allReceiverLatencies(results)
  const latencies = results.flatMap((r) => r.latencies)
  const windowSeconds = (options.durationMs - options.warmupMs) / 1000
  const moves = Math.max(1, results.reduce((n, r) => n + r.movesSent, 0))
  const windowMoves = Math.max(1, results.reduce((n, r) => n + r.windowMoves, 0))
  return {
    options,
    delivery: percentiles(latencies),
    allReceivers: percentiles(all),
    sentUpdates: sent,
    offeredLoadAchieved: sent / (options.boards * options.clientsPerBoard * options.rateHz * windowSeconds),
    incompleteUpdates: incomplete,
    deliveriesPerSecond: latencies.length / windowSeconds,
    awarenessPerSecond: results.reduce((n, r) => n + r.awarenessReceived, 0) / ((options.durationMs + 2000) / 1000),
    serverCpuPercent: proc.cpuPercent,
    serverRssBytes: proc.rssBytes,
    serverPeakRssBytes: proc.peakRssBytes,
    loadgenCpuPercent: results.reduce((n, r) => n + r.cpuPercent, 0),
    serverCpuSecondsPer1000Moves: (windowCpu.cpuSeconds / windowMoves) * 1000,
    serverSystemSecondsPer1000Moves: (windowCpu.systemSeconds / windowMoves) * 1000,
    loadgenCpuSecondsPer1000Moves: (results.reduce((n, r) => n + r.windowCpuSeconds, 0) / windowMoves) * 1000,
    movesSent: moves,
  }
}

export type RampStep = { clients: number; result: LoadResult; attempts: number }
export type RampResult = { steps: RampStep[]; capacity: number; limitMs: number; loadgenBound: boolean }

const withinLimit = (r: LoadResult, limitMs: number) => r.allReceivers.p99 <= limitMs && r.incompleteUpdates === 0

/**
 * Ramp mode: raises the clients on one board step by step until the all-receivers p99 passes
 * `limitMs`; the capacity is the last step within it. Several servers are ramped interleaved
 * (every server runs step N before any runs step N+1), so that a noisy minute of a shared
 * machine hits them alike, and a step over the limit is run once more before it counts (a
 * single stall of the machine is not a server's capacity): the better of the two is kept.
 */
export async function rampInterleaved(
  servers: Array<{ name: string; server: BenchServer }>,
  options: LoadOptions,
  steps: number[],
  limitMs = 100,
  log: (line: string) => void = () => {},
): Promise<Map<string, RampResult>> {
  const out = new Map<string, RampResult>(servers.map(({ name }) => [name, { steps: [], capacity: 0, limitMs, loadgenBound: false }]))
  let running = servers.slice()
  for (const clients of steps) {
    if (running.length === 0) break
    log(` ${clients} clients on one board`)
    const next: typeof running = []
    for (const { name, server } of running) {
      const ramp = out.get(name)!
      let result = await runLoad(server, { ...options, boards: 1, clientsPerBoard: clients })
      let attempts = 1
      if (!withinLimit(result, limitMs)) {
        const again = await runLoad(server, { ...options, boards: 1, clientsPerBoard: clients })
        attempts = 2
        if (withinLimit(again, limitMs) || again.allReceivers.p99 < result.allReceivers.p99) result = again
      }
      const within = withinLimit(result, limitMs)
      ramp.steps.push({ clients, result, attempts })
      log(`  ${name}: ${describe(result)}${attempts > 1 ? ' (2nd run)' : ''}${within ? '' : '  ← over the limit'}`)
      if (within) {
        ramp.capacity = clients
        next.push({ name, server })
      } else {
        // Saturated load generators measure themselves, not the server: say so.
        ramp.loadgenBound = result.loadgenCpuPercent > 90 * options.workers && result.serverCpuPercent < 90
      }
    }
    running = next
  }
  return out
}

export function describe(r: LoadResult): string {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—')
  return (
    `all-receivers p50 ${f(r.allReceivers.p50)} ms, p99 ${f(r.allReceivers.p99)} ms, max ${f(r.allReceivers.max)} ms; ` +
    `delivery p50 ${f(r.delivery.p50)} / p99 ${f(r.delivery.p99)} ms; ` +
    `${Math.round(r.deliveriesPerSecond)} updates/s + ${Math.round(r.awarenessPerSecond)} awareness/s delivered; ` +
    `${r.incompleteUpdates}/${r.sentUpdates} incomplete, ${(r.offeredLoadAchieved * 100).toFixed(0)}% of the offered load sent; server CPU ${r.serverCpuPercent.toFixed(0)}%, ` +
    `RSS ${(r.serverRssBytes / 1048576).toFixed(0)} MiB; load-gen CPU ${r.loadgenCpuPercent.toFixed(0)}%; ` +
    `server CPU ${r.serverCpuSecondsPer1000Moves.toFixed(3)} s / 1,000 moves (${r.serverSystemSecondsPer1000Moves.toFixed(3)} s system; load gen ${r.loadgenCpuSecondsPer1000Moves.toFixed(3)} s)`
  )
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      target: { type: 'string', default: 'ours' },
      boards: { type: 'string' },
      clients: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      workers: { type: 'string' },
      ramp: { type: 'boolean', default: false },
      steps: { type: 'string', default: '10,20,40,60,80,100,130,160,200' },
      'cpu-prof': { type: 'boolean', default: false },
    },
  })
  const target = values.target as TargetName
  if (!(target in TARGET_LABELS)) throw new Error(`unknown target ${target}; one of ${Object.keys(TARGET_LABELS).join(', ')}`)
  ensurePeersInstalled()
  const options: LoadOptions = {
    ...DEFAULT_LOAD,
    boards: Number(values.boards ?? DEFAULT_LOAD.boards),
    clientsPerBoard: Number(values.clients ?? DEFAULT_LOAD.clientsPerBoard),
    rateHz: Number(values.rate ?? DEFAULT_LOAD.rateHz),
    durationMs: Number(values.duration ?? DEFAULT_LOAD.durationMs / 1000) * 1000,
    workers: Number(values.workers ?? DEFAULT_LOAD.workers),
  }
  const server = await startTarget(target, {
    nodeArgs: values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.join(BENCH_DIR, '.work', 'profiles')}`] : [],
    databaseUrl: process.env.BENCH_DATABASE_URL,
    redisUrl: process.env.BENCH_REDIS_URL,
  })
  try {
    console.log(`${TARGET_LABELS[target]}:`)
    if (values.ramp) {
      const steps = values.steps!.split(',').map(Number)
      const r = (await rampInterleaved([{ name: TARGET_LABELS[target], server }], options, steps, 100, console.log)).get(TARGET_LABELS[target])!
      console.log(`capacity at p99 ≤ ${r.limitMs} ms: ${r.capacity} clients${r.loadgenBound ? ' (load generator saturated)' : ''}`)
    } else {
      console.log(`  ${options.boards} board(s) × ${options.clientsPerBoard} clients @ ${options.rateHz} Hz: ${describe(await runLoad(server, options))}`)
    }
  } finally {
    await server.stop()
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(BENCH_DIR, 'loadgen.ts')) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
