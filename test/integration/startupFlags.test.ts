/**
 * The server starts without V8's optimizing compiler and in its memory-saving mode (server/main.ts,
 * issue 18: ≈ 3 MiB and ≈ 15 MiB less resident), then serves with both back to V8's defaults: a
 * server left without its optimizing compiler would do every message's work several times slower,
 * which no other test would notice. Run on the bundle, as `npm start` serves it; a preload
 * (test/helpers/optimizerProbe.cjs) reports whether a hot function gets optimized once the server
 * is open. A flag given on the command line is left as given.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { TEST_SERVER_BUNDLE } from '../helpers/paths.js'
import { tempDir } from '../helpers/server.js'

async function optimizerOnceOpen(extraArgs: string[]): Promise<string> {
  const child = spawn(process.execPath, ['--allow-natives-syntax', ...extraArgs, '--require', path.resolve('test/helpers/optimizerProbe.cjs'), TEST_SERVER_BUNDLE], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', DATA_DIR: tempDir() },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  try {
    return await new Promise<string>((resolve, reject) => {
      let out = ''
      const timer = setTimeout(() => reject(new Error(`no optimizer report: ${out}`)), 60_000)
      const read = (chunk: Buffer) => {
        out += chunk.toString()
        const m = /optimizer: (on|off)/.exec(out)
        if (m) {
          clearTimeout(timer)
          resolve(m[1]!)
        }
      }
      child.stdout.on('data', read)
      child.stderr.on('data', read)
      child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)))
    })
  } finally {
    child.kill('SIGTERM')
  }
}

describe('V8 flags around start-up', () => {
  it('serves with the optimizing compiler on', async () => {
    expect(await optimizerOnceOpen([])).toBe('on')
  }, 90_000)

  it('leaves a --no-turbofan given on the command line as it is', async () => {
    expect(await optimizerOnceOpen(['--no-turbofan'])).toBe('off')
  }, 90_000)
})
