/**
 * The servers under test, each as a separate process so that its CPU and memory can be read
 * from /proc: ours (SQLite; PostgreSQL + Redis with two instances), the y-websocket reference
 * server (with and without LevelDB) and Hocuspocus (with and without its database extension).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ClientKind, ClientSpec } from './clients.js'
import { FLUSH_GAP_MS } from '../server/sync/UpdateLog.js'
import { PRESENCE_GAP_MS } from '../server/sync/Presence.js'

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url))
export const ROOT_DIR = path.resolve(BENCH_DIR, '..')
export const WORK_DIR = path.join(BENCH_DIR, '.work')

export type TargetName = 'ours' | 'ours-pg-redis' | 'y-websocket' | 'y-websocket-leveldb' | 'hocuspocus' | 'hocuspocus-sqlite' | 'stack-floor' | 'stack-floor-batched'

export const TARGET_LABELS: Record<TargetName, string> = {
  ours: 'ours (SQLite)',
  'ours-pg-redis': 'ours (PostgreSQL + Redis, 2 instances)',
  'y-websocket': 'y-websocket 2.1.0 (memory)',
  'y-websocket-leveldb': 'y-websocket 2.1.0 + LevelDB',
  hocuspocus: 'Hocuspocus 3.4 (memory)',
  'hocuspocus-sqlite': 'Hocuspocus 3.4 + SQLite (database ext.)',
  'stack-floor': 'the pinned stack alone (bench/peers/stackFloor.ts)',
  'stack-floor-batched': 'the pinned stack alone, batched as ours (bench/peers/stackFloor.ts)',
}

export type BoardRef = { room: string; token?: string }

export type BenchServer = {
  target: TargetName
  clientKind: ClientKind
  /** Whether the server keeps boards across a restart. */
  persistent: boolean
  /** Our server's data directory (SQLite), for the in-process load measurement; the floor's (bench/peers/stackFloor.ts) likewise. */
  dataDir?: string
  pids(): number[]
  createBoard(): Promise<BoardRef>
  /** Connection of the i-th client of a board (instances alternate for a cluster). */
  clientSpec(board: BoardRef, i: number): ClientSpec
  /**
   * Ours only: resolves once every loaded doc sleeps (ROOM_SLEEP_AFTER_MS, default 30 s), read
   * from /metrics; false if that did not happen within `timeoutMs`.
   */
  waitAllAsleep?(timeoutMs: number): Promise<boolean>
  /** Stops the processes (SIGTERM, then SIGKILL) and starts them again on the same data. */
  restart(): Promise<void>
  stop(): Promise<void>
}

type Proc = { child: ChildProcess; log: string[] }

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
  })
}

function spawnReady(args: string[], env: Record<string, string>, ready: RegExp, cwd = ROOT_DIR): Promise<Proc> {
  fs.mkdirSync(WORK_DIR, { recursive: true })
  const child = spawn(process.execPath, ['--expose-gc', '--require', path.join(BENCH_DIR, 'gcProbe.cjs'), ...args], {
    cwd,
    env: { ...process.env, NODE_ENV: 'production', BENCH_GC_DIR: WORK_DIR, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const log: string[] = []
  fs.mkdirSync(WORK_DIR, { recursive: true })
  const logFile = fs.createWriteStream(path.join(WORK_DIR, `server-${path.basename(args[args.length - 1]!)}-${child.pid}.log`))
  child.stdout!.pipe(logFile)
  child.stderr!.pipe(logFile)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} did not start:\n${log.join('')}`)), 30_000)
    const onData = (chunk: Buffer) => {
      const text = chunk.toString()
      if (log.length < 200) log.push(text)
      if (ready.test(log.join(''))) {
        clearTimeout(timer)
        resolve({ child, log })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${args.join(' ')} exited with ${code}:\n${log.join('')}`))
    })
  })
}

async function stopProc(proc: Proc, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const { child } = proc
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill(signal)
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

export function workDir(name: string): string {
  const dir = path.join(WORK_DIR, `${name}-${process.pid}-${crypto.randomBytes(3).toString('hex')}`)
  fs.mkdirSync(dir, { recursive: true })
  return dir
}

/** Limits of our server raised so that the load generator (one address) is not refused. */
const OUR_BENCH_ENV = {
  LOG_LEVEL: 'warn',
  MAX_CONNECTIONS_PER_IP: '100000',
  MAX_CONNECTIONS_PER_BOARD: '100000',
  BOARD_CREATIONS_PER_IP_PER_MINUTE: '1000000',
}

async function createOurBoard(httpBase: string): Promise<BoardRef> {
  const res = await fetch(`${httpBase}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'bench' }),
  })
  if (res.status !== 201) throw new Error(`board creation failed: ${res.status} ${await res.text()}`)
  const body = (await res.json()) as { board: { id: string }; links: { participant: string } }
  return { room: body.board.id, token: body.links.participant.slice(body.links.participant.indexOf('#') + 1) }
}

let ourBundle: string | null = null
let floorBundle: string | null = null

type BuildServer = (outfile?: string, entry?: string) => Promise<string>
const loadBuildServer = async () => ((await import(path.join(ROOT_DIR, 'scripts', 'buildServer.mjs'))) as { buildServer: BuildServer }).buildServer

/** Our server as `npm start` runs it: bundled by scripts/buildServer.mjs, plain JavaScript. */
export async function ourServerEntry(): Promise<string> {
  if (ourBundle) return ourBundle
  ourBundle = await (await loadBuildServer())(path.join(ROOT_DIR, 'dist-server', 'bench', 'main.mjs'))
  return ourBundle
}

/** The pinned stack alone (bench/peers/stackFloor.ts), bundled as our server is. */
async function stackFloorEntry(): Promise<string> {
  floorBundle ??= await (await loadBuildServer())(path.join(ROOT_DIR, 'dist-server', 'stack-floor', 'main.mjs'), path.join(BENCH_DIR, 'peers', 'stackFloor.ts'))
  return floorBundle
}

/** Our server, one or more instances sharing `env` storage. */
async function startOurs(target: TargetName, instances: number, env: Record<string, string>, extraArgs: string[] = [], ourEntry?: string): Promise<BenchServer> {
  const ports = await Promise.all(Array.from({ length: instances }, () => freePort()))
  const entry = ourEntry ?? (await ourServerEntry())
  const start = () =>
    Promise.all(
      ports.map((port) =>
        spawnReady([...extraArgs, entry], { ...OUR_BENCH_ENV, ...env, HOST: '127.0.0.1', PORT: String(port) }, /open http:\/\//),
      ),
    )
  let procs = await start()
  const http = (i: number) => `http://127.0.0.1:${ports[i % ports.length]}`
  return {
    target,
    clientKind: 'y-websocket',
    persistent: true,
    dataDir: env.DATA_DIR,
    pids: () => procs.map((p) => p.child.pid!),
    createBoard: () => createOurBoard(http(0)),
    clientSpec: (board, i) => ({ kind: 'y-websocket', url: `ws://127.0.0.1:${ports[i % ports.length]}/sync`, room: board.room, token: board.token }),
    async waitAllAsleep(timeoutMs) {
      const gauge = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN)
      const deadline = Date.now() + timeoutMs
      while (Date.now() < deadline) {
        const texts = await Promise.all(ports.map((_, i) => fetch(`${http(i)}/metrics`).then((r) => r.text())))
        // An instance may hold no board at all (with few boards, all their clients can land on one).
        const loaded = texts.reduce((n, t) => n + gauge(t, 'canvas_rooms'), 0)
        if (loaded > 0 && texts.every((t) => gauge(t, 'canvas_rooms_asleep') === gauge(t, 'canvas_rooms'))) return true
        await new Promise((r) => setTimeout(r, 1000))
      }
      return false
    },
    async restart() {
      await Promise.all(procs.map((p) => stopProc(p)))
      procs = await start()
    },
    async stop() {
      await Promise.all(procs.map((p) => stopProc(p)))
    },
  }
}

async function startPeer(
  target: TargetName,
  kind: ClientKind,
  script: string,
  env: Record<string, string>,
  ready: RegExp,
  persistent: boolean,
  extraArgs: string[] = [],
): Promise<BenchServer> {
  const port = await freePort()
  const start = () => spawnReady([...extraArgs, script], { ...env, HOST: '127.0.0.1', PORT: String(port) }, ready, BENCH_DIR)
  let proc = await start()
  return {
    target,
    clientKind: kind,
    persistent,
    dataDir: env.DATA_DIR,
    pids: () => [proc.child.pid!],
    createBoard: async () => ({ room: `bench-${crypto.randomBytes(8).toString('hex')}` }),
    clientSpec: (board) => ({ kind, url: `ws://127.0.0.1:${port}`, room: board.room }),
    async restart() {
      await stopProc(proc)
      proc = await start()
    },
    async stop() {
      await stopProc(proc)
    },
  }
}

export type StartOptions = {
  /** Extra node flags for the server process (e.g. --cpu-prof). */
  nodeArgs?: string[]
  databaseUrl?: string
  redisUrl?: string
  /** Ours: another build of our server to run (a bundle from scripts/buildServer.mjs), e.g. an earlier commit's, for before/after runs. */
  ourEntry?: string
}

export async function startTarget(target: TargetName, options: StartOptions = {}): Promise<BenchServer> {
  const args = options.nodeArgs ?? []
  switch (target) {
    case 'ours':
      return startOurs(target, 1, { DATA_DIR: workDir('ours') }, args, options.ourEntry)
    case 'ours-pg-redis': {
      if (!options.databaseUrl || !options.redisUrl) throw new Error('ours-pg-redis needs a database and a redis url')
      const prefix = `bench-${process.pid}-${crypto.randomBytes(3).toString('hex')}:`
      return startOurs(target, 2, { DATA_DIR: workDir('ours-pg'), DATABASE_URL: options.databaseUrl, REDIS_URL: options.redisUrl, REDIS_PREFIX: prefix }, args)
    }
    case 'y-websocket':
      return startPeer(target, 'y-websocket', 'node_modules/y-websocket/bin/server.cjs', {}, /running at/, false, args)
    case 'y-websocket-leveldb':
      return startPeer(target, 'y-websocket', 'node_modules/y-websocket/bin/server.cjs', { YPERSISTENCE: workDir('leveldb') }, /running at/, true, args)
    case 'hocuspocus':
      return startPeer(target, 'hocuspocus', 'peers/hocuspocus.mjs', {}, /hocuspocus listening/, false, args)
    case 'hocuspocus-sqlite':
      return startPeer(target, 'hocuspocus', 'peers/hocuspocus.mjs', { DB_FILE: path.join(workDir('hocuspocus'), 'docs.sqlite') }, /hocuspocus listening/, true, args)
    case 'stack-floor':
      return startPeer(target, 'y-websocket', await stackFloorEntry(), { DATA_DIR: workDir('stack-floor') }, /stack floor listening/, true, args)
    case 'stack-floor-batched': {
      const env = { DATA_DIR: workDir('stack-floor'), FLUSH_MS: String(FLUSH_GAP_MS), PRESENCE_MS: String(PRESENCE_GAP_MS) }
      return startPeer(target, 'y-websocket', await stackFloorEntry(), env, /stack floor listening/, true, args)
    }
  }
}

/** Installs the peers into bench/node_modules on first use. */
export function ensurePeersInstalled(): void {
  if (fs.existsSync(path.join(BENCH_DIR, 'node_modules', '@hocuspocus', 'server'))) return
  console.log('Installing benchmark peers into bench/node_modules (npm ci --prefix bench)…')
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const { status } = spawnSync(npm, ['ci', '--prefix', BENCH_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit', cwd: ROOT_DIR })
  if (status !== 0) throw new Error('npm ci --prefix bench failed')
}

