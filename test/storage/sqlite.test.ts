import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { SQLITE_SCHEMA_VERSION, SqliteStorage } from '../../server/storage/SqliteStorage.js'
import { tempDir } from '../helpers/server.js'
import { storageContract } from './storageContract.js'

storageContract('sqlite', async () => {
  const dir = tempDir('canvas-storage-')
  const storage = new SqliteStorage(path.join(dir, 'boards.sqlite'))
  return {
    storage,
    async dispose() {
      await storage.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
})

/** The schema a file written by the first release holds (user_version 0), as that release created it. */
const FIRST_RELEASE_SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  template TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS tokens (
  hash TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  role TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tokens_board ON tokens(board_id, role);
CREATE TABLE IF NOT EXISTS doc_snapshots (
  doc_key TEXT PRIMARY KEY,
  state BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  doc_key TEXT NOT NULL,
  update_data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_key ON doc_updates(doc_key, seq);
CREATE TABLE IF NOT EXISTS versions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  state BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS versions_board ON versions(board_id, id);
CREATE TABLE IF NOT EXISTS board_images (
  board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
  data_url TEXT NOT NULL
);
`

describe('SQLite schema migrations', () => {
  it('opens a file of the previous release, keeps its boards, tokens, docs, versions and images, and adds the new tables', async () => {
    const dir = tempDir('canvas-storage-old-')
    const file = path.join(dir, 'boards.sqlite')
    try {
      const old = new Database(file)
      old.pragma('journal_mode = WAL')
      old.exec(FIRST_RELEASE_SCHEMA)
      old.prepare('INSERT INTO boards (id, title, template, created_at, updated_at, archived) VALUES (?, ?, ?, ?, ?, ?)').run('oldboard1', 'Old', 'retro', 10, 20, 1)
      old.prepare('INSERT INTO tokens (hash, board_id, role) VALUES (?, ?, ?)').run('h-old', 'oldboard1', 'viewer')
      old.prepare('INSERT INTO doc_updates (doc_key, update_data) VALUES (?, ?)').run('oldboard1', Buffer.from([1, 2, 3]))
      old.prepare('INSERT INTO versions (board_id, label, created_at, state) VALUES (?, ?, ?, ?)').run('oldboard1', 'v', 30, Buffer.from([4]))
      old.prepare('INSERT INTO board_images (board_id, data_url) VALUES (?, ?)').run('oldboard1', 'data:image/png;base64,AA')
      expect(old.pragma('user_version', { simple: true })).toBe(0)
      old.close()

      const storage = new SqliteStorage(file)
      expect(storage.schemaVersion()).toBe(SQLITE_SCHEMA_VERSION)
      const board = { id: 'oldboard1', title: 'Old', template: 'retro', createdAt: 10, updatedAt: 20, archived: true }
      expect(await storage.getBoard('oldboard1')).toEqual(board)
      expect(await storage.findToken('h-old')).toEqual({ boardId: 'oldboard1', role: 'viewer' })
      expect((await storage.loadDoc('oldboard1')).updates.map((u) => Array.from(u))).toEqual([[1, 2, 3]])
      expect((await storage.listVersions('oldboard1')).map((v) => v.label)).toEqual(['v'])
      expect(await storage.getBoardImage('oldboard1')).toBe('data:image/png;base64,AA')
      expect(await storage.getBoardSettings('oldboard1')).toEqual({})
      expect(await storage.getBoardSpace('oldboard1')).toBeNull()
      await storage.createSpace({ id: 'space1', title: 'Team', createdAt: 40, settings: { admission: true } }, [{ hash: 'h-s', role: 'member' }])
      await storage.setBoardSpace('oldboard1', 'space1')
      await storage.close()

      // Opening it again runs nothing twice and keeps everything.
      const again = new SqliteStorage(file)
      expect(again.schemaVersion()).toBe(SQLITE_SCHEMA_VERSION)
      expect(await again.listSpaceBoards('space1')).toEqual([board])
      expect(await again.findSpaceByTokenHash('h-s')).toEqual({ spaceId: 'space1', role: 'member' })
      await again.close()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses a file whose schema is newer than the server, and leaves it as it was', () => {
    const dir = tempDir('canvas-storage-new-')
    const file = path.join(dir, 'boards.sqlite')
    try {
      void new SqliteStorage(file).close() // better-sqlite3 closes synchronously
      const db = new Database(file)
      db.pragma(`user_version = ${SQLITE_SCHEMA_VERSION + 1}`)
      db.close()
      expect(() => new SqliteStorage(file)).toThrow(/newer than this server/)
      const check = new Database(file)
      expect(check.pragma('user_version', { simple: true })).toBe(SQLITE_SCHEMA_VERSION + 1)
      check.close()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
