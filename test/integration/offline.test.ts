/**
 * Issue 2, test 7: edits made while the server is down are merged when it comes back (same
 * port, same DATA_DIR); stock WebsocketProviders reconnect by themselves.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { readAllRecords, readRecord } from '../../shared/docLayout.js'
import { connectProvider, createTestBoard, spawnServerProcess, waitFor, waitForSync, type ServerProcess } from '../helpers/server.js'
import { noteIds, noteRecord, putRecord, sleep, stateVector } from './fixtures.js'

const PROCESS_ENV = { DATABASE_URL: '', REDIS_URL: '' }

function text(record: ReturnType<typeof readRecord>): string {
  const rich = (record?.props as { richText?: { content?: Array<{ content?: Array<{ text?: string }> }> } } | undefined)?.richText
  return rich?.content?.[0]?.content?.[0]?.text ?? ''
}

describe('offline editing', () => {
  const processes: ServerProcess[] = []
  const providers: WebsocketProvider[] = []
  afterEach(async () => {
    for (const p of providers.splice(0)) p.destroy()
    for (const proc of processes.splice(0)) {
      if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGKILL')
      await proc.exited
    }
  })

  for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
    it(`[S8] edits made while the server is down (${signal}) are merged when it returns`, async () => {
      const first = await spawnServerProcess(PROCESS_ENV)
      processes.push(first)
      const port = new URL(first.url).port
      const board = await createTestBoard(first.url)
      const alice = connectProvider(first.url, board.id, board.tokens.participant)
      const bob = connectProvider(first.url, board.id, board.tokens.facilitator)
      providers.push(alice, bob)
      await Promise.all([waitForSync(alice, 30_000), waitForSync(bob, 30_000)])
      putRecord(alice.doc, noteRecord('shape:shared', 0, 0, 'draft'))
      await waitFor(() => readRecord(bob.doc, 'shape:shared') !== null, 30_000, 'shared note at bob')

      first.child.kill(signal)
      await first.exited
      await waitFor(() => !alice.wsconnected && !bob.wsconnected, 30_000, 'providers notice the outage')

      // Offline: new notes on both sides, and a move and a text edit of the same note.
      putRecord(alice.doc, noteRecord('shape:alice-offline', 100, 0, 'from alice'))
      putRecord(bob.doc, noteRecord('shape:bob-offline', 200, 0, 'from bob'))
      putRecord(alice.doc, { ...readRecord(alice.doc, 'shape:shared')!, x: 500, y: 60 })
      // Bob's copy still sits at (0, 0): the codec writes only the changed props key.
      putRecord(bob.doc, noteRecord('shape:shared', 0, 0, 'final text'))
      await sleep(300)
      expect(readRecord(alice.doc, 'shape:bob-offline')).toBeNull()

      const second = await spawnServerProcess({ ...PROCESS_ENV, DATA_DIR: first.dataDir, PORT: port })
      processes.push(second)
      expect(second.url).toBe(first.url)
      await waitFor(
        () => readRecord(alice.doc, 'shape:bob-offline') !== null && readRecord(bob.doc, 'shape:alice-offline') !== null,
        60_000,
        'offline edits merged',
      )
      await waitFor(() => text(readRecord(alice.doc, 'shape:shared')) === 'final text' && readRecord(bob.doc, 'shape:shared')?.x === 500, 30_000, 'concurrent move and edit')
      const shared = readRecord(alice.doc, 'shape:shared')!
      expect(shared).toMatchObject({ x: 500, y: 60 })
      expect(readAllRecords(alice.doc).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        readAllRecords(bob.doc).sort((a, b) => a.id.localeCompare(b.id)),
      )

      // And the merge is durable: a fresh client of the restarted server sees it all.
      const fresh = connectProvider(second.url, board.id, board.tokens.viewer)
      providers.push(fresh)
      await waitForSync(fresh, 30_000)
      await waitFor(() => noteIds(fresh.doc).length === 3, 30_000)
      expect(noteIds(fresh.doc)).toEqual(['shape:alice-offline', 'shape:bob-offline', 'shape:shared'])
      expect(stateVector(fresh.doc)).toEqual(stateVector(alice.doc))
    }, 240_000)
  }
})
