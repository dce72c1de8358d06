/**
 * Test harness: a real server on port 0 with its own data directory, real y-websocket
 * clients, and a way to run the server as a separate process (for SIGTERM / SIGKILL tests).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createLogger } from '../../server/logger.js'
import { startServer, type CanvasServer } from '../../server/server.js'
import type { Config } from '../../server/config.js'
import { TEST_SERVER_BUNDLE } from './paths.js'

export type TestBoard = {
  id: string
  title: string
  links: { facilitator: string; participant: string; viewer: string }
  tokens: { facilitator: string; participant: string; viewer: string }
}

export function tempDir(prefix = 'canvas-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** Starts a server in this process on port 0 with a fresh data directory. */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<CanvasServer & { dataDir: string }> {
  const dataDir = overrides.DATA_DIR ?? tempDir()
  const server = await startServer(
    { HOST: '127.0.0.1', PORT: 0, DATA_DIR: dataDir, ...overrides },
    { logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), env: {} },
  )
  return Object.assign(server, { dataDir })
}

export async function createTestBoard(baseUrl: string, title = 'Test board', template?: string): Promise<TestBoard> {
  const res = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(template ? { title, template } : { title }),
  })
  if (res.status !== 201) throw new Error(`board creation failed: ${res.status} ${await res.text()}`)
  const body = (await res.json()) as { board: { id: string; title: string }; links: TestBoard['links'] }
  const token = (link: string) => link.slice(link.indexOf('#') + 1)
  return {
    id: body.board.id,
    title: body.board.title,
    links: body.links,
    tokens: {
      facilitator: token(body.links.facilitator),
      participant: token(body.links.participant),
      viewer: token(body.links.viewer),
    },
  }
}

/** A stock y-websocket client (no BroadcastChannel, so only the server connects clients). */
export function connectProvider(
  baseUrl: string,
  room: string,
  token: string,
  doc: Y.Doc = new Y.Doc(),
  options: { connect?: boolean } = {},
): WebsocketProvider {
  return new WebsocketProvider(baseUrl.replace(/^http/, 'ws') + '/sync', room, doc, {
    WebSocketPolyfill: WebSocket as never,
    params: { token },
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 300,
  })
}

export async function waitFor(predicate: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const start = Date.now()
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

export function waitForSync(provider: WebsocketProvider, timeoutMs = 5000): Promise<void> {
  return waitFor(() => provider.synced, timeoutMs, 'provider sync')
}

export type ServerProcess = { url: string; child: ChildProcess; dataDir: string; exited: Promise<number | null> }

/**
 * Runs the server as its own process, exactly as `npm start` serves it: the bundle of
 * `server/main.ts` (scripts/buildServer.mjs) built by test/globalSetup.ts.
 */
export async function spawnServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const dataDir = env.DATA_DIR ?? tempDir()
  const child = spawn(process.execPath, ['--enable-source-maps', TEST_SERVER_BUNDLE], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000) // generous: a loaded CI box
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = /open (http:\/\/\S+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    })
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)))
  })
  return { url, child, dataDir, exited }
}

/**
 * For suites that need PostgreSQL or Redis: returns false (and says so loudly) when the
 * service is unreachable, unless REQUIRE_SERVICES=1, where it throws.
 */
export function serviceUnavailable(name: string, error: unknown): false {
  const message = `${name} unreachable: ${error instanceof Error ? error.message : String(error)}`
  if (process.env.REQUIRE_SERVICES === '1') throw new Error(`${message} (REQUIRE_SERVICES=1)`)
  console.warn(`\n*** SKIPPING: ${message} ***\n`)
  return false
}

/**
 * Holds a server's (real) storage reads of docs until `open` is called: rooms load slowly, so a
 * test can act while connections wait for their room. `restore` puts the reads back.
 */
export function holdDocLoads(storage: CanvasServer['storage']): { open: () => void; restore: () => void } {
  const original = storage.loadDoc
  let open!: () => void
  const gate = new Promise<void>((resolve) => (open = resolve))
  storage.loadDoc = async (key) => {
    await gate
    return original.call(storage, key)
  }
  return {
    open,
    restore: () => {
      open()
      storage.loadDoc = original
    },
  }
}
