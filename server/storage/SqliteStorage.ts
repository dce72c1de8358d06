import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Role } from '../../shared/roles.js'
import { mergedParts, type BoardRecord, type MergedDoc, type Settings, type SignInSessionRecord, type Storage, type StoredDoc, type TokenGrant, type VersionRecord } from './Storage.js'
import { SQLITE_SIGN_IN_SESSIONS_MIGRATION, SqliteSignInSessions } from './signInSessions.js'
import { type BoardRow, SQLITE_TEAMS_MIGRATION, SqliteTeamStore, toBoard } from './sqliteTeams.js'

/** The schema of the first release (user_version 0); later changes are MIGRATIONS. */
const SCHEMA = `
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

/** Ordered migrations; the file's `user_version` is how many ran. Never edit one that has shipped. */
const MIGRATIONS: string[] = [
  SQLITE_TEAMS_MIGRATION,
  // The board schema a snapshot was written with and its state vector (issue 18: a cold load without decoding).
  'ALTER TABLE doc_snapshots ADD COLUMN schema_tag TEXT; ALTER TABLE doc_snapshots ADD COLUMN state_vector BLOB;',
  // Sign-in sessions (issue 17, SPEC R17).
  SQLITE_SIGN_IN_SESSIONS_MIGRATION,
]

/** The schema version this code expects. */
export const SQLITE_SCHEMA_VERSION = MIGRATIONS.length

const asBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)

/**
 * The embedded default: one SQLite file in WAL mode. better-sqlite3 is synchronous, so every
 * method completes its write before its promise resolves. With `synchronous=NORMAL` (the
 * default) a committed write is in the WAL file, so it survives a process crash (`kill -9`,
 * SPEC D1) but not necessarily a power loss; `FULL` also fsyncs every commit (power-loss
 * durable, and each broadcast then waits for the disk: see bench/RESULTS.md).
 */
export class SqliteStorage extends SqliteTeamStore implements Storage {
  readonly kind = 'sqlite'

  constructor(file: string, options: { synchronous?: 'NORMAL' | 'FULL' } = {}) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
    const db = new Database(file)
    super(db)
    try {
      db.pragma('journal_mode = WAL')
      db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`)
      db.pragma('foreign_keys = ON')
      db.pragma('busy_timeout = 5000')
      this.migrate()
    } catch (error) {
      db.close()
      throw error
    }
  }

  /** Creates the first release's tables if missing, then runs the pending migrations in order. */
  private migrate(): void {
    this.db.exec(SCHEMA)
    const step = this.db.transaction((): boolean => {
      const current = this.db.pragma('user_version', { simple: true }) as number
      if (current > MIGRATIONS.length) {
        throw new Error(`database schema version ${current} is newer than this server (${MIGRATIONS.length}); upgrade the server`)
      }
      if (current === MIGRATIONS.length) return false
      this.db.exec(MIGRATIONS[current]!)
      this.db.pragma(`user_version = ${current + 1}`)
      return true
    })
    while (step.immediate()) {
      // one migration per transaction, re-reading the version each time
    }
  }

  /** The applied schema version (for tests). */
  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number
  }

  async createBoard(
    board: BoardRecord,
    tokens: Array<{ hash: string; role: Role }>,
    options: { spaceId?: string | null; settings?: Settings } = {},
  ): Promise<void> {
    const insertBoard = this.db.prepare(
      'INSERT INTO boards (id, title, template, created_at, updated_at, archived, space_id, settings) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    const insertToken = this.db.prepare('INSERT INTO tokens (hash, board_id, role) VALUES (?, ?, ?)')
    this.db.transaction(() => {
      insertBoard.run(
        board.id,
        board.title,
        board.template,
        board.createdAt,
        board.updatedAt,
        board.archived ? 1 : 0,
        options.spaceId ?? null,
        JSON.stringify(options.settings ?? {}),
      )
      for (const t of tokens) insertToken.run(t.hash, board.id, t.role)
    })()
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    const row = this.db.prepare('SELECT * FROM boards WHERE id = ?').get(id) as BoardRow | undefined
    return row ? toBoard(row) : null
  }

  async updateBoard(id: string, patch: Partial<Pick<BoardRecord, 'title' | 'archived' | 'updatedAt'>>): Promise<void> {
    const board = await this.getBoard(id)
    if (!board) return
    const next = { ...board, ...patch }
    this.db
      .prepare('UPDATE boards SET title = ?, archived = ?, updated_at = ? WHERE id = ?')
      .run(next.title, next.archived ? 1 : 0, next.updatedAt, id)
  }

  async listBoards(options: { search?: string; limit?: number } = {}): Promise<BoardRecord[]> {
    const limit = options.limit ?? 100
    const rows = options.search
      ? this.db
          .prepare("SELECT * FROM boards WHERE title LIKE ? ESCAPE '\\' ORDER BY updated_at DESC LIMIT ?")
          .all(`%${options.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit)
      : this.db.prepare('SELECT * FROM boards ORDER BY updated_at DESC LIMIT ?').all(limit)
    return (rows as BoardRow[]).map(toBoard)
  }

  async deleteBoard(id: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM doc_updates WHERE doc_key = ? OR doc_key LIKE ? ").run(id, `${id}/%`)
      this.db.prepare("DELETE FROM doc_snapshots WHERE doc_key = ? OR doc_key LIKE ?").run(id, `${id}/%`)
      this.db.prepare('DELETE FROM people WHERE scope_id = ?').run(id)
      this.db.prepare('DELETE FROM check_ins WHERE scope_id = ?').run(id)
      this.db.prepare('DELETE FROM boards WHERE id = ?').run(id) // tokens, versions, image, attendance cascade
    })()
  }

  async findToken(hash: string): Promise<TokenGrant | null> {
    const row = this.db.prepare('SELECT board_id, role FROM tokens WHERE hash = ?').get(hash) as
      | { board_id: string; role: Role }
      | undefined
    return row ? { boardId: row.board_id, role: row.role } : null
  }

  async replaceToken(boardId: string, role: Role, hash: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM tokens WHERE board_id = ? AND role = ?').run(boardId, role)
      this.db.prepare('INSERT INTO tokens (hash, board_id, role) VALUES (?, ?, ?)').run(hash, boardId, role)
    })()
  }

  private readDoc(docKey: string): StoredDoc & { lastSeq: number } {
    const snap = this.db.prepare('SELECT state, schema_tag, state_vector FROM doc_snapshots WHERE doc_key = ?').get(docKey) as
      | { state: Buffer; schema_tag: string | null; state_vector: Buffer | null }
      | undefined
    const rows = this.db
      .prepare('SELECT seq, update_data FROM doc_updates WHERE doc_key = ? ORDER BY seq')
      .all(docKey) as Array<{ seq: number; update_data: Buffer }>
    return {
      snapshot: snap ? asBytes(snap.state) : null,
      updates: rows.map((r) => asBytes(r.update_data)),
      snapshotSchema: snap ? snap.schema_tag : undefined,
      snapshotStateVector: snap ? snap.state_vector && asBytes(snap.state_vector) : undefined,
      lastSeq: rows.length ? rows[rows.length - 1]!.seq : 0,
    }
  }

  async listDocKeys(prefix: string): Promise<string[]> {
    const like = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const rows = this.db
      .prepare(
        "SELECT doc_key FROM doc_updates WHERE doc_key LIKE ? ESCAPE '\\' UNION SELECT doc_key FROM doc_snapshots WHERE doc_key LIKE ? ESCAPE '\\' ORDER BY doc_key",
      )
      .all(like, like) as Array<{ doc_key: string }>
    return rows.map((r) => r.doc_key)
  }

  async loadDoc(docKey: string): Promise<StoredDoc> {
    const { snapshot, updates, snapshotSchema, snapshotStateVector } = this.readDoc(docKey)
    return { snapshot, updates, snapshotSchema, snapshotStateVector }
  }

  async appendUpdates(docKey: string, updates: Uint8Array[]): Promise<void> {
    this.appendTransaction ??= this.prepareAppend()
    this.appendTransaction(docKey, updates)
  }

  /** Prepared once (after the tables exist): the hot path of every stored batch (SPEC D1). */
  private appendTransaction: ((docKey: string, updates: Uint8Array[]) => void) | null = null

  private prepareAppend(): (docKey: string, updates: Uint8Array[]) => void {
    const insert = this.db.prepare('INSERT INTO doc_updates (doc_key, update_data) VALUES (?, ?)')
    return this.db.transaction((docKey: string, updates: Uint8Array[]) => {
      for (const u of updates) insert.run(docKey, Buffer.from(u.buffer, u.byteOffset, u.byteLength))
    })
  }

  async countUpdates(docKey: string): Promise<number> {
    const row = this.db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_key = ?').get(docKey) as { n: number }
    return row.n
  }

  async compact(docKey: string, merge: (doc: StoredDoc) => MergedDoc): Promise<void> {
    this.db.transaction(() => {
      const stored = this.readDoc(docKey)
      if (stored.updates.length === 0) return
      const { state, schemaTag, stateVector } = mergedParts(merge(stored))
      this.db
        .prepare(
          'INSERT INTO doc_snapshots (doc_key, state, schema_tag, state_vector) VALUES (?, ?, ?, ?) ' +
            'ON CONFLICT(doc_key) DO UPDATE SET state = excluded.state, schema_tag = excluded.schema_tag, state_vector = excluded.state_vector',
        )
        .run(docKey, Buffer.from(state), schemaTag, stateVector && Buffer.from(stateVector))
      this.db.prepare('DELETE FROM doc_updates WHERE doc_key = ? AND seq <= ?').run(docKey, stored.lastSeq)
    })()
  }

  async saveVersion(boardId: string, label: string, state: Uint8Array, createdAt: number): Promise<VersionRecord> {
    const info = this.db
      .prepare('INSERT INTO versions (board_id, label, created_at, state) VALUES (?, ?, ?, ?)')
      .run(boardId, label, createdAt, Buffer.from(state))
    return { id: Number(info.lastInsertRowid), boardId, label, createdAt }
  }

  async listVersions(boardId: string): Promise<VersionRecord[]> {
    const rows = this.db
      .prepare('SELECT id, board_id, label, created_at FROM versions WHERE board_id = ? ORDER BY id DESC')
      .all(boardId) as Array<{ id: number; board_id: string; label: string; created_at: number }>
    return rows.map((r) => ({ id: r.id, boardId: r.board_id, label: r.label, createdAt: r.created_at }))
  }

  async loadVersion(boardId: string, versionId: number): Promise<Uint8Array | null> {
    const row = this.db.prepare('SELECT state FROM versions WHERE board_id = ? AND id = ?').get(boardId, versionId) as
      | { state: Buffer }
      | undefined
    return row ? asBytes(row.state) : null
  }

  async putBoardImage(boardId: string, dataUrl: string): Promise<void> {
    this.db
      .prepare('INSERT INTO board_images (board_id, data_url) VALUES (?, ?) ON CONFLICT(board_id) DO UPDATE SET data_url = excluded.data_url')
      .run(boardId, dataUrl)
  }

  async getBoardImage(boardId: string): Promise<string | null> {
    const row = this.db.prepare('SELECT data_url FROM board_images WHERE board_id = ?').get(boardId) as { data_url: string } | undefined
    return row?.data_url ?? null
  }

  // Sign-in sessions (SPEC R17): server/storage/signInSessions.ts.
  private readonly signInSessions = new SqliteSignInSessions(this.db)
  createSignInSession(session: SignInSessionRecord): Promise<void> {
    return this.signInSessions.createSignInSession(session)
  }
  getSignInSession(idHash: string, now: number): Promise<SignInSessionRecord | null> {
    return this.signInSessions.getSignInSession(idHash, now)
  }
  deleteSignInSession(idHash: string): Promise<boolean> {
    return this.signInSessions.deleteSignInSession(idHash)
  }
  deleteExpiredSignInSessions(now: number): Promise<number> {
    return this.signInSessions.deleteExpiredSignInSessions(now)
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get()
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close()
  }
}
