/**
 * Cross-instance update latency: how long a note move takes from one client's write to another
 * client's doc, when both clients share one instance versus when they sit on two instances
 * joined by PostgreSQL + Redis.
 *
 *   node --import tsx bench/cluster.ts [samples=1000]
 *
 * Each configuration runs its server(s) as separate processes (`server/main.ts`, as `npm start`
 * serves it). Sender and receiver live in this process, so one monotonic clock times both ends.
 * Samples are sequential (the next move is written once the previous one arrived, plus a 2 ms
 * pause): this measures the latency of the path, not its throughput. All configurations run
 * at once and are sampled in interleaved rounds.
 */
import fs from 'node:fs'
import os from 'node:os'
import { getRecordsMap, TRANSFORM_KEY } from '../shared/docLayout.js'
import { connectProvider, createTestBoard, spawnServerProcess, waitFor, waitForSync, type ServerProcess } from '../test/helpers/server.js'
import { writeNote } from '../test/cluster/clusterHelpers.js'
import { createTestDatabase, TEST_REDIS_URL } from '../test/storage/pgDatabase.js'

const SAMPLES = Number(process.argv[2] ?? 1000)
const WARMUP = 50
const PAUSE_MS = 2
const ROUNDS = 10
const NOTE = 'shape:bench'

type Config = { name: string; instances: number; env: Record<string, string>; cross: boolean }

type WebsocketProvider = ReturnType<typeof connectProvider>

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/** Moves the note to x and resolves with the ms until the receiver's doc shows it. */
function timeOneMove(sender: WebsocketProvider, receiver: WebsocketProvider, x: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const records = getRecordsMap(receiver.doc)
    const timer = setTimeout(() => reject(new Error(`move ${x} never arrived`)), 10_000)
    const onUpdate = () => {
      const xf = records.get(NOTE)?.get(TRANSFORM_KEY) as { x?: number } | undefined
      if (xf?.x !== x) return
      const elapsed = performance.now() - started
      clearTimeout(timer)
      receiver.doc.off('update', onUpdate)
      resolve(elapsed)
    }
    receiver.doc.on('update', onUpdate)
    const started = performance.now()
    const map = getRecordsMap(sender.doc).get(NOTE)!
    map.set(TRANSFORM_KEY, { parentId: 'page:page', x, y: 0, rotation: 0 })
  })
}

type Running = {
  name: string
  sender: WebsocketProvider
  receiver: WebsocketProvider
  servers: ServerProcess[]
  samples: number[]
  next: number
}

async function setUp(config: Config): Promise<Running> {
  const servers: ServerProcess[] = []
  for (let i = 0; i < config.instances; i++) {
    servers.push(await spawnServerProcess({ LOG_LEVEL: 'warn', MAX_MESSAGES_PER_SECOND: '100000', ...config.env }))
  }
  const [first, second] = [servers[0]!, servers[config.cross ? 1 : 0]!]
  const board = await createTestBoard(first.url, 'Latency bench')
  const sender = connectProvider(first.url, board.id, board.tokens.participant)
  const receiver = connectProvider(second.url, board.id, board.tokens.participant)
  await Promise.all([waitForSync(sender, 15_000), waitForSync(receiver, 15_000)])
  writeNote(sender, NOTE, -1)
  await waitFor(() => getRecordsMap(receiver.doc).has(NOTE), 15_000, 'the bench note on the receiver')
  const running: Running = { name: config.name, sender, receiver, servers, samples: [], next: 0 }
  await measure(running, WARMUP)
  running.samples = []
  return running
}

async function measure(running: Running, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    running.samples.push(await timeOneMove(running.sender, running.receiver, running.next++))
    await sleep(PAUSE_MS)
  }
}

async function tearDown(running: Running): Promise<void> {
  running.sender.destroy()
  running.receiver.destroy()
  for (const s of running.servers) {
    s.child.kill('SIGTERM')
    await s.exited
    fs.rmSync(s.dataDir, { recursive: true, force: true })
  }
}

function format(row: { name: string; samples: number[] }): string {
  const sorted = [...row.samples].sort((a, b) => a - b)
  const mean = sorted.reduce((n, v) => n + v, 0) / sorted.length
  const cells = [percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), mean, sorted[sorted.length - 1]!]
  return `| ${row.name.padEnd(52)} | ${cells.map((v) => v.toFixed(2).padStart(7)).join(' | ')} |`
}

async function main(): Promise<void> {
  const db = await createTestDatabase()
  const prefix = `canvas-bench-${process.pid}:`
  const shared = { DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix }
  const configs: Config[] = [
    { name: 'single instance, SQLite (same instance)', instances: 1, env: {}, cross: false },
    { name: 'single instance, PostgreSQL + Redis (same instance)', instances: 1, env: shared, cross: false },
    { name: 'two instances, PostgreSQL + Redis (cross-instance)', instances: 2, env: shared, cross: true },
  ]
  const running: Running[] = []
  const loadBefore = os.loadavg()[0]!
  try {
    for (const config of configs) {
      process.stderr.write(`starting: ${config.name}…\n`)
      running.push(await setUp(config))
    }
    // Interleaved rounds: on a shared machine, load changes over time; every configuration
    // sees the same mix of quiet and busy moments.
    for (let round = 0; round < ROUNDS; round++) {
      for (const r of running) await measure(r, Math.ceil(SAMPLES / ROUNDS))
    }
  } finally {
    for (const r of running) await tearDown(r)
    await db.drop()
  }
  console.log(`\nNote-move latency, sender write → receiver doc, ${SAMPLES} sequential samples (ms)\n`)
  console.log(`| ${'configuration'.padEnd(52)} |     p50 |     p90 |     p99 |    mean |     max |`)
  console.log(`|${'-'.repeat(54)}|---------|---------|---------|---------|---------|`)
  for (const r of running) console.log(format(r))
  console.log(`\n${os.cpus().length} CPUs; 1-minute load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after`)
}

await main()
process.exit(0)
