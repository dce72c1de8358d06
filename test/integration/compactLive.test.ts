/**
 * Issue 18: a compaction on a lone instance encodes the doc it holds in memory instead of
 * rebuilding a doc from the stored snapshot and log, and rebuilds as before whenever memory may
 * differ from storage: a row written by something else, a rejected write still being rolled
 * back, an instance that shares its boards through a relay (SPEC D3).
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getBoardSchema } from '../../shared/boardSchema.js'
import { getRecordsMap, readRecord, writeRecord } from '../../shared/docLayout.js'
import { docKey } from '../../shared/roles.js'
import { createBoard } from '../../server/boards/lifecycle.js'
import { createLogger } from '../../server/logger.js'
import { createMetrics, type Metrics } from '../../server/metrics.js'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'
import { schemaTag } from '../../server/sync/migrateDoc.js'
import { Room } from '../../server/sync/Room.js'
import { Session } from '../../server/sync/Session.js'
import { encodeSyncUpdate } from '../../server/sync/messages.js'
import { connectProvider, createTestBoard, startTestServer, waitFor, waitForSync } from '../helpers/server.js'
import { noteIds, noteRecord, putRecord, storedDoc } from './fixtures.js'

type Compactions = { memory: number; storage: number }

async function compactions(metrics: Metrics): Promise<Compactions> {
  const { values } = await metrics.compactions.get()
  const count = (from: string) => values.find((v) => v.labels.from === from)?.value ?? 0
  return { memory: count('memory'), storage: count('storage') }
}

/** The same count, read from a running server's /metrics. */
async function compactionsOf(url: string): Promise<Compactions> {
  const text = await (await fetch(`${url}/metrics`)).text()
  const count = (from: string) => Number(new RegExp(`canvas_compactions_total\\{from="${from}"\\} (\\d+)`).exec(text)?.[1] ?? 0)
  return { memory: count('memory'), storage: count('storage') }
}

describe('compaction from the doc in memory', () => {
  const cleanups: Array<() => Promise<void>> = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  it('[D3] a lone server compacts from memory while people write, and storage holds every note and move', async () => {
    const server = await startTestServer({ COMPACT_AFTER_UPDATES: 20 })
    cleanups.push(() => server.close())
    const board = await createTestBoard(server.url)
    const key = docKey(board.id, { kind: 'board' })
    const writer = connectProvider(server.url, board.id, board.tokens.participant)
    cleanups.push(async () => writer.destroy())
    await waitForSync(writer)
    // Notes, then moves, one transaction each and a few at a time, as hands writing and dragging.
    const pause = () => new Promise((resolve) => setTimeout(resolve, 20))
    for (let i = 0; i < 30; i++) {
      putRecord(writer.doc, noteRecord(`shape:n${i}`, i, 0, `note ${i}`))
      if (i % 5 === 4) await pause()
    }
    for (let i = 0; i < 60; i++) {
      putRecord(writer.doc, noteRecord(`shape:n${i % 30}`, 1000 + i, 5, `note ${i % 30}`))
      if (i % 5 === 4) await pause()
    }
    const room = () => server.rooms.getLoaded(key)
    await waitFor(() => (readRecord(room()?.doc ?? new Y.Doc(), 'shape:n29') as { x?: number } | null)?.x === 1059, 10_000, 'the last move in the room')
    await room()!.flushed()

    const counted = await compactionsOf(server.url)
    expect(counted.memory).toBeGreaterThanOrEqual(2)
    expect(counted.storage).toBe(0)
    const stored = await server.storage.loadDoc(key)
    expect(stored.snapshotSchema).toBe(schemaTag(getBoardSchema()))
    expect(stored.updates.length).toBeLessThan(20)
    const fromStorage = await storedDoc(server.storage, key)
    expect(noteIds(fromStorage)).toEqual(noteIds(writer.doc))
    for (let i = 0; i < 30; i++) expect(readRecord(fromStorage, `shape:n${i}`)).toEqual(readRecord(writer.doc, `shape:n${i}`))
  })

  describe('in a room', () => {
    async function openRoom(soleWriter: boolean) {
      const storage = new SqliteStorage(':memory:')
      const { board } = await createBoard(storage, { title: 'compaction' })
      const metrics = createMetrics()
      const room = new Room(board.id, 'board', {
        storage,
        schema: getBoardSchema(),
        logger: createLogger('silent'),
        metrics,
        limits: { MAX_MESSAGE_BYTES: 1 << 20, MAX_MESSAGES_PER_SECOND: 10_000, MAX_BOARD_BYTES: 1 << 26, COMPACT_AFTER_UPDATES: 10_000 },
        soleWriter,
      })
      await room.load()
      cleanups.push(async () => {
        await room.close()
        await storage.close()
      })
      const join = () => {
        const session = new Session({ isOpen: true, send() {}, close() {} }, { boardId: board.id, role: 'participant', tokenHash: 'x', ip: '127.0.0.1' }, 'write')
        session.state = { name: 'open' }
        room.join(session)
        return session
      }
      /** An update written on a copy of the room's doc, as a client would send it. */
      const update = (write: (doc: Y.Doc) => void) => {
        const doc = new Y.Doc()
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc))
        const sv = Y.encodeStateVector(doc)
        doc.transact(() => write(doc))
        return Y.encodeStateAsUpdate(doc, sv)
      }
      return { storage, room, metrics, join, update, id: board.id }
    }

    it('[D3] a row stored by something else than the room (a second writer) makes it rebuild from then on, and that row is kept', async () => {
      const { storage, room, metrics, join, update, id } = await openRoom(true)
      const session = join()
      room.receive(session, encodeSyncUpdate(update((doc) => writeRecord(getRecordsMap(doc), noteRecord('shape:mine', 1, 1)))))
      await room.flushed()
      // Another writer of the same board, which this room never sees.
      const other = new Y.Doc()
      Y.applyUpdate(other, Y.encodeStateAsUpdate(room.doc))
      const sv = Y.encodeStateVector(other)
      putRecord(other, noteRecord('shape:theirs', 2, 2))
      await storage.appendUpdates(id, [Y.encodeStateAsUpdate(other, sv)])

      await room.compact()
      expect(await compactions(metrics)).toEqual({ memory: 0, storage: 1 })
      const stored = await storage.loadDoc(id)
      expect(stored.updates).toHaveLength(0)
      expect(noteIds(await storedDoc(storage, id))).toEqual(['shape:mine', 'shape:theirs'])

      // Memory still lacks that row's note: every later compaction of this room rebuilds too.
      room.receive(session, encodeSyncUpdate(update((doc) => writeRecord(getRecordsMap(doc), noteRecord('shape:later', 3, 3)))))
      await room.flushed()
      await room.compact()
      expect(await compactions(metrics)).toEqual({ memory: 0, storage: 2 })
      expect(noteIds(await storedDoc(storage, id))).toEqual(['shape:later', 'shape:mine', 'shape:theirs'])
    })

    it('[D3][S6] a compaction while a rejected write is rolled back rebuilds from storage: the rejected record is never stored', async () => {
      const { storage, room, metrics, join, update, id } = await openRoom(true)
      const good = join()
      const bad = join()
      room.receive(good, encodeSyncUpdate(update((doc) => writeRecord(getRecordsMap(doc), noteRecord('shape:good', 1, 1)))))
      await room.flushed()
      room.receive(bad, encodeSyncUpdate(update((doc) => writeRecord(getRecordsMap(doc), { ...noteRecord('shape:bad'), type: 'alien' }))))
      expect(bad.state.name).toBe('closed')
      // The room's doc still holds the rejected record until its rebuild (queued) has run.
      await room.compact()
      expect(await compactions(metrics)).toEqual({ memory: 0, storage: 1 })
      await room.flushed()
      const fromStorage = await storedDoc(storage, id)
      expect(noteIds(fromStorage)).toEqual(['shape:good'])
      expect(readRecord(room.doc, 'shape:bad')).toBeNull()
    })

    it('[D3] a room whose instance shares its boards through a relay always rebuilds', async () => {
      const { storage, room, metrics, join, update, id } = await openRoom(false)
      const session = join()
      room.receive(session, encodeSyncUpdate(update((doc) => writeRecord(getRecordsMap(doc), noteRecord('shape:one', 1, 1)))))
      await room.flushed()
      await room.compact()
      expect(await compactions(metrics)).toEqual({ memory: 0, storage: 1 })
      expect(noteIds(await storedDoc(storage, id))).toEqual(['shape:one'])
    })
  })
})
