/**
 * Starting a second server on a port that is already taken (a facilitator runs `npm start` twice,
 * or another program holds 8787): the second says so and exits with status 1, instead of a crash
 * with a stack trace, and the first one keeps serving its boards.
 */
import { spawn } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { startServer } from '../../server/server.js'
import { createLogger } from '../../server/logger.js'
import { TEST_SERVER_BUNDLE } from '../helpers/paths.js'
import { createTestBoard, startTestServer, tempDir } from '../helpers/server.js'

const running: Array<{ close(): Promise<void> }> = []
afterEach(async () => {
  for (const server of running.splice(0)) await server.close()
})

describe('a port already in use', () => {
  it('startServer rejects with a message naming the port, and the first server keeps serving', async () => {
    const first = await startTestServer()
    running.push(first)
    const board = await createTestBoard(first.url, 'Still here')

    const second = startServer({ HOST: '127.0.0.1', PORT: first.port, DATA_DIR: tempDir() }, { logger: createLogger('silent'), env: {} })
    await expect(second).rejects.toThrow(`port ${first.port} on 127.0.0.1 is already in use`)

    const res = await fetch(`${first.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${board.tokens.facilitator}` } })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { board: { title: string } }).board.title).toBe('Still here')
  })

  it('the server process (as `npm start` runs it) exits with status 1 and says why, without a stack trace', async () => {
    const first = await startTestServer()
    running.push(first)
    const child = spawn(process.execPath, [TEST_SERVER_BUNDLE], {
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(first.port), DATA_DIR: tempDir(), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))

    expect(code).toBe(1)
    expect(output).toContain('could not start')
    expect(output).toContain(`port ${first.port} on 127.0.0.1 is already in use`)
    expect(output).not.toContain('Unhandled')
    expect(output).not.toMatch(/\n\s+at /)
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200)
  })
})
