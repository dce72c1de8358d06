/**
 * Abuse below the sync protocol, against the server as its own process (a crash is a crash):
 * upgrades reset mid-way, refused upgrades reset, invalid websocket frames. The process must
 * survive, and the board must still load.
 */
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getRecordsMap, readRecord, writeRecord } from '../../shared/docLayout.js'
import { createTestBoard, spawnServerProcess, waitFor, type ServerProcess, type TestBoard } from '../helpers/server.js'
import { RawClient } from './support/rawClient.js'
import { noteRecord } from './support/records.js'

function upgradeRequest(path: string): string {
  return (
    `GET ${path} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n'
  )
}

/** Opens a TCP connection, writes `payload`, then resets the connection after `delayMs`. */
function sendAndReset(port: number, payload: string | Buffer, delayMs: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(payload)
      const reset = () => {
        socket.resetAndDestroy()
        resolve()
      }
      if (delayMs === 0) reset()
      else setTimeout(reset, delayMs)
    })
    socket.on('error', () => resolve())
  })
}

describe('socket abuse', () => {
  let server: ServerProcess
  let board: TestBoard
  let port: number
  let output = ''
  beforeAll(async () => {
    server = await spawnServerProcess({ LOG_LEVEL: 'warn' })
    server.child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
    server.child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
    port = Number(new URL(server.url).port)
    board = await createTestBoard(server.url)
  })
  afterAll(async () => {
    server.child.kill('SIGKILL')
    await server.exited
  })

  it('[L7] upgrades reset by the client (accepted or refused) never crash the server', async () => {
    const writer = await RawClient.connect(server.url, board.id, board.tokens.participant)
    await writer.waitSynced()
    writer.write((doc) => writeRecord(getRecordsMap(doc), noteRecord('shape:before', { text: 'before' })))
    const attempts: Array<Promise<void>> = []
    for (let i = 0; i < 300; i++) {
      const token = i % 3 === 0 ? board.tokens.participant : i % 3 === 1 ? 'A'.repeat(22) : 'bad'
      attempts.push(sendAndReset(port, upgradeRequest(`/sync/${board.id}?token=${token}`), i % 4))
    }
    await Promise.all(attempts)
    await new Promise((r) => setTimeout(r, 500))
    expect(server.child.exitCode, output).toBeNull()
    const res = await fetch(`${server.url}/healthz`)
    expect(res.status).toBe(200)
    const fresh = await RawClient.connect(server.url, board.id, board.tokens.viewer)
    await fresh.waitSynced()
    expect(readRecord(fresh.doc, 'shape:before')).toEqual(noteRecord('shape:before', { text: 'before' }))
    expect(writer.closed).toBeNull()
    writer.close()
    fresh.close()
  })

  it('[L7] invalid websocket frames close that socket only; errors are logged, not printed as exceptions', async () => {
    const bystander = await RawClient.connect(server.url, board.id, board.tokens.participant)
    await bystander.waitSynced()
    const badFrames = [
      Buffer.from([0x83, 0x80, 0, 0, 0, 0]), // reserved opcode
      Buffer.from([0x82, 0x05, 1, 2, 3, 4, 5]), // unmasked client frame
      Buffer.from([0xf2, 0x80, 0, 0, 0, 0]), // RSV bits set
      Buffer.from([0x88, 0x82, 0, 0, 0, 0, 0x03, 0xe7]), // close with an invalid code (999)
      Buffer.from([0x81, 0x82, 0, 0, 0, 0, 0xc3, 0x28]), // text frame with invalid UTF-8
    ]
    for (const frame of badFrames) {
      const socket = net.connect(port, '127.0.0.1')
      socket.on('error', () => {})
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
      socket.write(upgradeRequest(`/sync/${board.id}?token=${board.tokens.participant}`))
      await new Promise<void>((resolve) => socket.once('data', () => resolve()))
      socket.write(frame)
      await new Promise<void>((resolve) => {
        socket.once('close', () => resolve())
        setTimeout(() => {
          socket.destroy()
          resolve()
        }, 2000)
      })
    }
    expect(server.child.exitCode, output).toBeNull()
    expect(output).not.toMatch(/ReferenceError|Unhandled|TypeError/)
    bystander.write((doc) => writeRecord(getRecordsMap(doc), noteRecord('shape:after', { text: 'after' })))
    const fresh = await RawClient.connect(server.url, board.id, board.tokens.viewer)
    await fresh.waitSynced()
    await waitFor(() => readRecord(fresh.doc, 'shape:after') !== null, 5000, 'a write after the bad frames')
    expect(bystander.closed).toBeNull()
    bystander.close()
    fresh.close()
  })
})
