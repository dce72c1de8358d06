import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { getBoardSchema, validateRecord } from '../../shared/boardSchema.js'
import { readAllRecords, readRecord } from '../../shared/docLayout.js'
import type { WorkerResult } from '../../bench/clientWorker.js'
import { percentiles } from '../../bench/loadgen.js'
import { countShapes, moveNote, noteRecord, writeInitialRecords, writeNotes } from '../../bench/notes.js'

describe('benchmark workload', () => {
  it('writes notes that the board schema accepts, so our schema guard does not close the load generator', () => {
    const doc = new Y.Doc()
    writeInitialRecords(doc)
    writeNotes(doc, 30, { perTransaction: 7 })
    expect(countShapes(doc)).toBe(30)
    for (const record of readAllRecords(doc)) expect(validateRecord(getBoardSchema(), record)).toEqual({ ok: true, value: record })
  })

  it('a move carries the send time in x under the one transform key and stays valid', () => {
    const doc = new Y.Doc()
    doc.transact(() => writeNotes(doc, 1))
    const before = Y.encodeStateAsUpdate(doc).byteLength
    for (let i = 0; i < 2000; i++) moveNote(doc, 'shape:n0', 1234.5 + i, i)
    const note = readRecord(doc, 'shape:n0')!
    expect(note.x).toBe(1234.5 + 1999)
    expect(validateRecord(getBoardSchema(), note).ok).toBe(true)
    // One key rewritten: 2,000 moves must not bloat the doc (SPEC S2).
    expect(Y.encodeStateAsUpdate(doc).byteLength - before).toBeLessThan(1024)
  })

  it('a note with text is a valid rich-text note', () => {
    expect(validateRecord(getBoardSchema(), noteRecord('shape:x', 1, 2, 'a1', 'hello')).ok).toBe(true)
  })

  it.each([
    { values: [], p50: NaN, p99: NaN, max: NaN },
    { values: [5], p50: 5, p99: 5, max: 5 },
    { values: [3, 1, 2, 4], p50: 3, p99: 4, max: 4 },
    { values: Array.from({ length: 100 }, (_, i) => 100 - i), p50: 51, p99: 100, max: 100 },
  ])('percentiles of $values.length values', ({ values, p50, p99, max }) => {
    const p = percentiles(values)
    expect(p.p50).toEqual(p50)
    expect(p.p99).toEqual(p99)
    expect(p.max).toEqual(max)
    expect(p.count).toBe(values.length)
  })
})

describe('bench: time to all receivers when a server merges moves', () => {
  it('a move a receiver only saw through a later value of the note counts as received when that value arrived', async () => {
    const { allReceiverLatencies } = await import('../../bench/loadgen.js')
    const worker = (streams: Array<[string, number[]]>, sent: Array<[string, number]>): WorkerResult => ({
      type: 'result',
      latencies: [],
      streams,
      sent,
      awarenessReceived: 0,
      cpuPercent: 0,
      movesSent: sent.length,
      windowCpuSeconds: 0,
      windowMoves: sent.length,
    })
    const result = allReceiverLatencies([
      worker(
        [
          ['0/1/shape:a', [10, 15, 30, 40]],
          ['0/2/shape:a', [20, 22, 30, 35]],
          ['1/1/shape:a', [10, 11]],
        ],
        [
          ['0/shape:a:10', 2],
          ['0/shape:a:20', 2],
          ['0/shape:a:30', 2],
          ['0/shape:a:40', 2],
        ],
      ),
    ])
    // 10: receiver 1 at 15, receiver 2 through 20 at 22; 20: receiver 1 through 30 at 40; 30: at 40 and 35; 40: never.
    expect(result.all).toEqual([12, 20, 10])
    expect(result.incomplete).toBe(1)
    expect(result.sent).toBe(4)
  })
})

describe('bench: the sync core alone (bench/roomWork.ts)', () => {
  it('our Room takes every move of the stream and both sides report a CPU cost per message', async () => {
    const { measureRoomWork } = await import('../../bench/roomWork.js')
    const result = await measureRoomWork(90, 3, 1)
    expect(result.messages).toBe(90)
    for (const side of [result.ours, result.reference]) {
      expect(side).toHaveLength(1)
      expect(side[0]!.cpuUs).toBeGreaterThan(0)
      expect(side[0]!.mainUs).toBeGreaterThan(0)
    }
  })
})

describe('bench: the compaction pause (bench/compaction.ts)', () => {
  it('the room takes every move, both ways compact the same board, and each reports its pause', async () => {
    const { measureCompaction } = await import('../../bench/compaction.js')
    const result = await measureCompaction([30], 1)
    expect(result.boards).toHaveLength(1)
    const [board] = result.boards
    expect(board!.notes).toBe(30)
    expect(board!.snapshotKiB).toBeGreaterThan(0)
    expect(board!.memoryMs).toHaveLength(1)
    expect(board!.rebuiltMs).toHaveLength(1)
    expect(board!.memoryMs[0]).toBeGreaterThan(0)
    expect(board!.rebuiltMs[0]).toBeGreaterThan(0)
  })
})

describe('bench: the floor under CPU per move (bench/peers/stackFloor.ts)', () => {
  for (const target of ['stack-floor', 'stack-floor-batched'] as const) {
    it(`${target}: two stock providers sync through it, every update a receiver sees is in the file by then, and presence is relayed`, async () => {
      const { startTarget } = await import('../../bench/servers.js')
      const server = await startTarget(target)
      const docs = [new Y.Doc(), new Y.Doc()]
      const board = await server.createBoard()
      const providers = docs.map((doc, i) => {
        const spec = server.clientSpec(board, i)
        return new WebsocketProvider(spec.url, spec.room, doc, { WebSocketPolyfill: WebSocket as never, disableBc: true })
      })
      try {
        await Promise.all(providers.map((p) => new Promise<void>((resolve) => (p.synced ? resolve() : p.once('sync', () => resolve())))))
        const database = path.join(server.dataDir!, 'floor.sqlite')
        // Read in the receiver's own update event: what it sees must already be in the file.
        const storedWhenSeen = new Promise<string | undefined>((resolve) => {
          docs[1]!.on('update', () => {
            const db = new Database(database, { readonly: true })
            const stored = new Y.Doc()
            for (const row of db.prepare('SELECT data FROM updates WHERE room = ?').all(board.room) as Array<{ data: Uint8Array }>) Y.applyUpdate(stored, row.data)
            db.close()
            resolve(stored.getMap('notes').get('n1') as string | undefined)
          })
        })
        docs[0]!.getMap('notes').set('n1', 'Délais trop courts')
        providers[0]!.awareness.setLocalStateField('cursor', { x: 12, y: 34 })
        expect(await storedWhenSeen).toBe('Délais trop courts')
        expect(docs[1]!.getMap('notes').get('n1')).toBe('Délais trop courts')
        await vi.waitFor(() => expect(providers[1]!.awareness.getStates().get(docs[0]!.clientID)?.cursor).toEqual({ x: 12, y: 34 }), { timeout: 5000 })
      } finally {
        for (const p of providers) p.destroy()
        await server.stop()
      }
    }, 60_000)
  }
})
