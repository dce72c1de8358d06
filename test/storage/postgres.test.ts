import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import * as Y from 'yjs'
import { PostgresStorage, POSTGRES_SCHEMA_VERSION } from '../../server/storage/PostgresStorage.js'
import { mergeStoredDoc } from '../../server/sync/Room.js'
import { createTestDatabase, postgresAvailable, type TestDatabase } from './pgDatabase.js'
import { storageContract } from './storageContract.js'

const available = await postgresAvailable()

/** Undoes migration 3 (spaces, templates, attendance, check-ins, people), as a version-2 server left the database. */
const ROLL_BACK_TO_V2 = `
  DROP TABLE IF EXISTS people, check_ins, attendance, templates, space_tokens;
  ALTER TABLE boards DROP COLUMN IF EXISTS space_id, DROP COLUMN IF EXISTS settings;
  DROP TABLE IF EXISTS spaces;
`

describe.runIf(available)('PostgreSQL storage', () => {
  storageContract('postgres', async () => {
    const db = await createTestDatabase()
    const storage = await PostgresStorage.connect(db.url)
    return {
      storage,
      async dispose() {
        await storage.close()
        await db.drop()
      },
    }
  })

  describe('PostgreSQL specifics', () => {
    let db: TestDatabase
    beforeAll(async () => {
      db = await createTestDatabase()
    })
    afterAll(async () => {
      await db.drop()
    })

    it('migrates on start into a versioned migrations table; instances starting together migrate once', async () => {
      const instances = await Promise.all([1, 2, 3].map(() => PostgresStorage.connect(db.url, { maxConnections: 2 })))
      const client = new pg.Client({ connectionString: db.url })
      await client.connect()
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
      await client.end()
      expect(rows.map((r) => r.version)).toEqual(Array.from({ length: POSTGRES_SCHEMA_VERSION }, (_, i) => i + 1))
      for (const s of instances) expect(await s.schemaVersion()).toBe(POSTGRES_SCHEMA_VERSION)
      await Promise.all(instances.map((s) => s.close()))
    })

    it('migrates a database left at an older schema version forward, keeping its data', async () => {
      const older = await createTestDatabase()
      try {
        const first = await PostgresStorage.connect(older.url)
        const board = { id: 'oldboard', title: 'Old', template: null, createdAt: 1, updatedAt: 1, archived: false }
        await first.createBoard(board, [{ hash: 'h-old', role: 'viewer' }])
        await first.close()
        // Roll the database back to version 1, as an older server left it.
        const client = new pg.Client({ connectionString: older.url })
        await client.connect()
        await client.query(ROLL_BACK_TO_V2)
        await client.query('DROP TABLE IF EXISTS board_images')
        await client.query('DELETE FROM schema_migrations WHERE version > 1')
        await client.end()
        const upgraded = await PostgresStorage.connect(older.url)
        expect(await upgraded.schemaVersion()).toBe(POSTGRES_SCHEMA_VERSION)
        expect(await upgraded.getBoard('oldboard')).toEqual(board)
        await upgraded.putBoardImage('oldboard', 'data:image/png;base64,AA') // the new table exists
        await upgraded.close()
      } finally {
        await older.drop()
      }
    })

    it('migrates a database of the previous release (version 2) to spaces and the rest, keeping boards, tokens and docs', async () => {
      const older = await createTestDatabase()
      try {
        const first = await PostgresStorage.connect(older.url)
        const board = { id: 'v2board', title: 'Kept', template: 'retro', createdAt: 5, updatedAt: 6, archived: false }
        await first.createBoard(board, [{ hash: 'h-v2', role: 'participant' }])
        await first.appendUpdates('v2board', [new Uint8Array([1, 2, 3])])
        await first.putBoardImage('v2board', 'data:image/png;base64,AA')
        await first.close()
        const client = new pg.Client({ connectionString: older.url })
        await client.connect()
        await client.query(ROLL_BACK_TO_V2)
        await client.query('DELETE FROM schema_migrations WHERE version > 2')
        await client.end()
        const upgraded = await PostgresStorage.connect(older.url)
        expect(await upgraded.schemaVersion()).toBe(POSTGRES_SCHEMA_VERSION)
        expect(await upgraded.getBoard('v2board')).toEqual(board)
        expect(await upgraded.findToken('h-v2')).toEqual({ boardId: 'v2board', role: 'participant' })
        expect((await upgraded.loadDoc('v2board')).updates.map((u) => Array.from(u))).toEqual([[1, 2, 3]])
        expect(await upgraded.getBoardImage('v2board')).toBe('data:image/png;base64,AA')
        expect(await upgraded.getBoardSpace('v2board')).toBeNull()
        expect(await upgraded.getBoardSettings('v2board')).toEqual({})
        await upgraded.createSpace({ id: 'v2space', title: 'Team', createdAt: 7, settings: {} }, [])
        await upgraded.setBoardSpace('v2board', 'v2space')
        expect((await upgraded.listSpaceBoards('v2space')).map((b) => b.id)).toEqual(['v2board'])
        await upgraded.close()
      } finally {
        await older.drop()
      }
    })

    it('refuses a database whose schema is newer than the server', async () => {
      const newer = await createTestDatabase()
      try {
        const s = await PostgresStorage.connect(newer.url)
        await s.close()
        const client = new pg.Client({ connectionString: newer.url })
        await client.connect()
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, 0)', [POSTGRES_SCHEMA_VERSION + 1])
        await client.end()
        await expect(PostgresStorage.connect(newer.url)).rejects.toThrow(/newer than this server/)
      } finally {
        await newer.drop()
      }
    })

    it('an unreachable DATABASE_URL fails with a clear message and no password', async () => {
      await expect(PostgresStorage.connect('postgres://someone:s3cret@127.0.0.1:1/nothing')).rejects.toThrow(
        /DATABASE_URL is set but PostgreSQL at postgres:\/\/someone@127\.0\.0\.1:1\/nothing is unusable/,
      )
      await PostgresStorage.connect('postgres://someone:s3cret@127.0.0.1:1/nothing').catch((e: Error) =>
        expect(e.message).not.toContain('s3cret'),
      )
    })

    it('[C5] only one instance compacts a doc at a time (advisory lock)', async () => {
      const a = await PostgresStorage.connect(db.url)
      const b = await PostgresStorage.connect(db.url)
      const key = 'lockedboard'
      const doc = new Y.Doc()
      doc.getMap('m').set('x', 1)
      await a.appendUpdates(key, [Y.encodeStateAsUpdate(doc)])
      const release = await a.holdCompactionLock(key)
      try {
        expect(await b.compactIfUnlocked(key, mergeStoredDoc)).toBe(false)
        expect(await b.countUpdates(key)).toBe(1) // nothing merged while the lock is held
      } finally {
        await release()
      }
      expect(await b.compactIfUnlocked(key, mergeStoredDoc)).toBe(true)
      expect(await b.countUpdates(key)).toBe(0)
      await a.close()
      await b.close()
    })

    it('[R5] [R9] rotations racing on two instances leave exactly one link per role', async () => {
      const instances = await Promise.all([1, 2].map(() => PostgresStorage.connect(db.url)))
      const [a, b] = instances as [PostgresStorage, PostgresStorage]
      await a.createSpace({ id: 'racespace', title: 'Race', createdAt: 1, settings: {} }, [{ hash: 'race-m0', role: 'member' }])
      await a.createBoard({ id: 'raceboard', title: 'Race', template: null, createdAt: 1, updatedAt: 1, archived: false }, [
        { hash: 'race-p0', role: 'participant' },
      ])
      const n = 12
      await Promise.all(
        Array.from({ length: n }, (_, i) => [
          instances[i % 2]!.rotateSpaceLink('racespace', 'member', `race-m${i + 1}`),
          instances[i % 2]!.replaceToken('raceboard', 'participant', `race-p${i + 1}`),
        ]).flat(),
      )
      const spaceHits = await Promise.all(Array.from({ length: n + 1 }, (_, i) => b.findSpaceByTokenHash(`race-m${i}`)))
      const boardHits = await Promise.all(Array.from({ length: n + 1 }, (_, i) => b.findToken(`race-p${i}`)))
      expect(spaceHits.filter((g) => g !== null)).toEqual([{ spaceId: 'racespace', role: 'member' }])
      expect(boardHits.filter((g) => g !== null)).toEqual([{ boardId: 'raceboard', role: 'participant' }])
      await Promise.all(instances.map((s) => s.close()))
    })

    it('[T1] attendance sightings racing on two instances keep one row with the first and last time', async () => {
      const instances = await Promise.all([1, 2].map(() => PostgresStorage.connect(db.url)))
      await instances[0]!.createBoard(
        { id: 'attendboard', title: 'Attend', template: null, createdAt: 1, updatedAt: 1, archived: false },
        [],
      )
      const times = [500, 120, 900, 300, 880, 140, 610, 700, 100, 450, 920, 260]
      await Promise.all(
        times.map((at, i) =>
          instances[i % 2]!.recordAttendance({ boardId: 'attendboard', personKey: 'k', name: `Ann ${at}`, role: 'participant', at }),
        ),
      )
      expect(await instances[1]!.listAttendance('attendboard')).toEqual([
        { boardId: 'attendboard', personKey: 'k', name: 'Ann 920', role: 'participant', firstSeen: 100, lastSeen: 920 },
      ])
      await Promise.all(instances.map((s) => s.close()))
    })

    it('[D3] two instances compacting and appending the same doc concurrently lose nothing', async () => {
      const instances = await Promise.all([1, 2].map(() => PostgresStorage.connect(db.url)))
      const key = 'busyboard'
      const work: Array<Promise<unknown>> = []
      for (let i = 0; i < 60; i++) {
        const s = instances[i % 2]!
        const doc = new Y.Doc()
        doc.getMap('m').set(`k${i}`, i)
        work.push(s.appendUpdates(key, [Y.encodeStateAsUpdate(doc)]))
        if (i % 7 === 0) work.push(s.compact(key, mergeStoredDoc))
      }
      await Promise.all(work)
      const merged = new Y.Doc()
      Y.applyUpdate(merged, mergeStoredDoc(await instances[0]!.loadDoc(key)))
      expect(Object.keys(merged.getMap('m').toJSON())).toHaveLength(60)
      await Promise.all(instances.map((s) => s.close()))
    })
  })
})
