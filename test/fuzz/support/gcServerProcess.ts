import { fork, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { tempDir } from '../../helpers/server.js'

export type Memory = { heapUsed: number; rss: number; external: number; arrayBuffers: number; rooms: number }

export type GcServer = {
  url: string
  dataDir: string
  child: ChildProcess
  output: () => string
  /** Heap and RSS after a full collection in the server process. */
  memory(): Promise<Memory>
  /** Graceful stop (final flush), like SIGTERM. */
  stop(): Promise<void>
}

/** Spawns the server with `--expose-gc` (see gcServer.ts). */
export async function spawnGcServer(env: Record<string, string> = {}): Promise<GcServer> {
  const dataDir = env.DATA_DIR ?? tempDir('canvas-fuzz-')
  const child = fork(path.resolve('test/fuzz/support/gcServer.ts'), [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000)
    child.once('message', (m: { type: string; url: string }) => {
      clearTimeout(timer)
      resolve(m.url)
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)))
  })
  return {
    url,
    dataDir,
    child,
    output: () => out,
    memory: () =>
      new Promise<Memory>((resolve) => {
        child.once('message', (m: Memory) => resolve(m))
        child.send({ type: 'memory' })
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.send({ type: 'stop' })
      }),
  }
}
