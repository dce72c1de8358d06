/**
 * Issue 18: a board not in memory, stored as one snapshot written with the current schema, is
 * served from its stored bytes: the room loads asleep (no Y.Doc decoded), a cold client gets
 * the full state, and the first write wakes the doc and still goes through the schema guard
 * (SPEC S6) and persist-before-broadcast (SPEC D1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getBoardSchema } from '../../shared/boardSchema.js'
import { getRecordsMap, readRecord, writeRecord } from '../../shared/docLayout.js'
import { CloseEvents } from '../../shared/protocol.js'
import { docKey } from '../../shared/roles.js'
import { createBoard } from '../../server/boards/lifecycle.js'
import { createLogger } from '../../server/logger.js'
import { createMetrics } from '../../server/metrics.js'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'
import { mergeStoredDocTagged } from '../../server/sync/LiveDoc.js'
import { schemaTag } from '../../server/sync/migrateDoc.js'
import { Room } from '../../server/sync/Room.js'
import { RawClient } from '../hardening/support/rawClient.js'
import { connectProvider, createTestBoard, startTestServer, waitFor, waitForSync } from '../helpers/server.js'
import { noteIds, noteRecord, putRecord } from './fixtures.js'

describe('cold load from a snapshot at the current schema', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('stores the schema beside the snapshot, serves a cold client without decoding, and guards the first write', async () => {
    const board = await createTestBoard(server.url)
    const key = docKey(board.id, { kind: 'board' })
    const writer = connectProvider(server.url, board.id, board.tokens.participant)
    await waitForSync(writer)
    writer.doc.transact(() => {
      for (let i = 0; i < 30; i++) putRecord(writer.doc, noteRecord(`shape:c${i}`, i * 10, 0, `note ${i}`))
    })
    await waitFor(() => server.rooms.getLoaded(key) !== undefined, 5000, 'the room to load')
    await server.rooms.getLoaded(key)!.flushed()
    writer.destroy()
    // The last session left: the room unloads, compacting into one tagged snapshot.
    await waitFor(() => server.rooms.getLoaded(key) === undefined, 10_000, 'the room to unload')
    let stored = await server.storage.loadDoc(key)
    for (let i = 0; i < 100 && (stored.updates.length > 0 || !stored.snapshotSchema); i++) {
      await new Promise((r) => setTimeout(r, 50))
      stored = await server.storage.loadDoc(key)
    }
    expect(stored.updates).toHaveLength(0)
    expect(stored.snapshotSchema).toBe(schemaTag(getBoardSchema()))
    expect(Array.from(stored.snapshotStateVector!)).toEqual(Array.from(Y.encodeStateVectorFromUpdate(stored.snapshot!)))

    // A cold client gets every note; the room answered from the stored bytes and stays asleep.
    const reader = connectProvider(server.url, board.id, board.tokens.viewer)
    await waitForSync(reader)
    await waitFor(() => noteIds(reader.doc).length === 30, 5000, 'every note at the cold client')
    expect(readRecord(reader.doc, 'shape:c7')).toMatchObject({ id: 'shape:c7', x: 70 })
    expect(server.rooms.getLoaded(key)!.isAsleep).toBe(true)

    // The schema guard still holds on the first write to the cold room.
    const bad = await RawClient.connect(server.url, board.id, board.tokens.participant)
    await bad.waitSynced()
    bad.write((doc) => writeRecord(getRecordsMap(doc), { ...noteRecord('shape:bad'), type: 'alien' }))
    expect((await bad.waitClosed()).code).toBe(CloseEvents.SchemaRejected.code)

    // A valid write wakes it and reaches the reader.
    const good = connectProvider(server.url, board.id, board.tokens.participant)
    await waitForSync(good)
    good.doc.transact(() => putRecord(good.doc, noteRecord('shape:c7', 777, 0, 'moved cold')))
    await waitFor(() => (readRecord(reader.doc, 'shape:c7') as { x?: number } | null)?.x === 777, 5000, 'the move at the reader')
    expect(readRecord(reader.doc, 'shape:bad')).toBeNull()
    expect(server.rooms.getLoaded(key)!.isAsleep).toBe(false)
    reader.destroy()
    good.destroy()
  })

  it('an update relayed from another instance while the snapshot is being read is kept, not dropped with the doc it landed in', async () => {
    // Subscribe, then load (server/cluster/RedisRelay.ts): an update stored on another instance
    // after this one read the snapshot arrives through the relay before the load finishes. A
    // room that would start asleep on the stored bytes must not throw away the doc it landed in.
    const storage = new SqliteStorage(':memory:')
    try {
      const { board } = await createBoard(storage, { title: 'relayed during load' })
      const key = docKey(board.id, { kind: 'board' })
      const schema = getBoardSchema()
      const elsewhere = new Y.Doc()
      for (const u of (await storage.loadDoc(key)).updates) Y.applyUpdate(elsewhere, u)
      putRecord(elsewhere, noteRecord('shape:stored', 10, 10, 'in the snapshot'))
      await storage.appendUpdates(key, [Y.encodeStateAsUpdate(elsewhere)])
      await storage.compact(key, (stored) => mergeStoredDocTagged(stored, schema))
      const stored = await storage.loadDoc(key)
      expect(stored.updates).toHaveLength(0)
      expect(stored.snapshotSchema).toBe(schemaTag(schema))

      const before = Y.encodeStateVector(elsewhere)
      putRecord(elsewhere, noteRecord('shape:relayed', 20, 20, 'written on the other instance'))
      const relayed = Y.encodeStateAsUpdate(elsewhere, before)

      const limits = { MAX_MESSAGE_BYTES: 1 << 20, MAX_MESSAGES_PER_SECOND: 1000, MAX_BOARD_BYTES: 1 << 26, COMPACT_AFTER_UPDATES: 500 }
      const room = new Room(key, 'board', { storage, schema, logger: createLogger('silent'), metrics: createMetrics(), limits })
      const loading = room.load() // the storage read has happened when load() returns its promise
      room.applyRelayUpdate(relayed)
      await loading
      const served = new Y.Doc()
      Y.applyUpdate(served, room.encodeState())
      expect(noteIds(served)).toEqual(['shape:relayed', 'shape:stored'])
      await room.close()
    } finally {
      await storage.close()
    }
  })
})
