/**
 * PostgreSQL storage (`DATABASE_URL`), for several server instances sharing boards.
 *
 * Concurrency contract (several instances write the same doc at once):
 * - `appendUpdates` inserts a batch in one transaction; `seq` orders the log.
 * - `loadDoc` reads the snapshot and the log in one REPEATABLE READ transaction, so a
 *   compaction committing in between can never make it miss the merged rows.
 * - `compact` runs under a transaction-scoped advisory lock per doc: if another instance holds
 *   it, this one skips (the other is doing the work). It deletes exactly the rows it read, by
 *   `seq`, never `seq <= max`: a concurrent insert may commit a lower `seq` after our read.
 */
import pg from 'pg'
import type { Role } from '../../shared/roles.js'
import { mergedParts, type BoardRecord, type MergedDoc, type Settings, type SignInSessionRecord, type Storage, type StoredDoc, type TokenGrant, type VersionRecord } from './Storage.js'
import { POSTGRES_SIGN_IN_SESSIONS_MIGRATION, PostgresSignInSessions } from './signInSessions.js'
import { type BoardRow, POSTGRES_TEAMS_MIGRATION, PostgresTeamStore, toBoard } from './postgresTeams.js'

/** Advisory-lock namespaces (first key of the two-key form). */
const LOCK_MIGRATE = 0x43_41_4e_01
const LOCK_COMPACT = 0x43_41_4e_02

/** Ordered schema migrations; `version` is the index + 1. Never edit one that has shipped. */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE boards (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    template TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    archived BOOLEAN NOT NULL DEFAULT FALSE
  );
  CREATE INDEX boards_updated ON boards(updated_at DESC);
  CREATE TABLE tokens (
    hash TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    role TEXT NOT NULL
  );
  CREATE INDEX tokens_board ON tokens(board_id, role);
  CREATE TABLE doc_snapshots (
    doc_key TEXT PRIMARY KEY,
    state BYTEA NOT NULL
  );
  CREATE TABLE doc_updates (
    seq BIGSERIAL PRIMARY KEY,
    doc_key TEXT NOT NULL,
    update_data BYTEA NOT NULL
  );
  CREATE INDEX doc_updates_key ON doc_updates(doc_key, seq);
  CREATE TABLE versions (
    id BIGSERIAL PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    state BYTEA NOT NULL
  );
  CREATE INDEX versions_board ON versions(board_id, id);
  `,
  `
  CREATE TABLE board_images (
    board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
    data_url TEXT NOT NULL
  );
  `,
  POSTGRES_TEAMS_MIGRATION,
  // The board schema a snapshot was written with and its state vector (issue 18: a cold load without decoding).
  'ALTER TABLE doc_snapshots ADD COLUMN IF NOT EXISTS schema_tag TEXT, ADD COLUMN IF NOT EXISTS state_vector BYTEA;',
  // Sign-in sessions (issue 17, SPEC R17).
  POSTGRES_SIGN_IN_SESSIONS_MIGRATION,
]

/** The schema version this code expects. */
export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.length

const asBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
const asBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength)

/** `postgres://user:secret@host/db` → `postgres://user@host/db`, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = ''
    return u.toString().replace(/:@/, '@')
  } catch {
    return '(unparseable URL)'
  }
}

export class PostgresStorage extends PostgresTeamStore implements Storage {
  readonly kind = 'postgres'

  private constructor(pool: pg.Pool) {
    super(pool)
  }

  /**
   * Connects, checks the server answers, and migrates the schema. Throws an error naming the
   * (redacted) URL when PostgreSQL is unreachable, so start-up fails with a clear message.
   */
  static async connect(url: string, options: { maxConnections?: number } = {}): Promise<PostgresStorage> {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
    })
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => {})
    const storage = new PostgresStorage(pool)
    try {
      await storage.migrate()
    } catch (error) {
      await pool.end().catch(() => {})
      const why = error instanceof Error ? error.message : String(error)
      throw new Error(`DATABASE_URL is set but PostgreSQL at ${redactUrl(url)} is unusable: ${why}`)
    }
    return storage
  }

  /** Applies pending migrations, one instance at a time (advisory lock), each in a transaction. */
  private async migrate(): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_MIGRATE])
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
      )
      const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations')
      const current = rows[0]?.v ?? 0
      if (current > MIGRATIONS.length) {
        throw new Error(`database schema version ${current} is newer than this server (${MIGRATIONS.length}); upgrade the server`)
      }
      for (let version = current + 1; version <= MIGRATIONS.length; version++) {
        await client.query(MIGRATIONS[version - 1]!)
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [version, Date.now()])
      }
    })
  }

  /** The applied schema version (for tests and health). */
  async schemaVersion(): Promise<number> {
    const { rows } = await this.pool.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations')
    return rows[0]?.v ?? 0
  }

  async createBoard(
    board: BoardRecord,
    tokens: Array<{ hash: string; role: Role }>,
    options: { spaceId?: string | null; settings?: Settings } = {},
  ): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(
        `INSERT INTO boards (id, title, template, created_at, updated_at, archived, space_id, settings)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          board.id,
          board.title,
          board.template,
          board.createdAt,
          board.updatedAt,
          board.archived,
          options.spaceId ?? null,
          JSON.stringify(options.settings ?? {}),
        ],
      )
      for (const t of tokens) {
        await client.query('INSERT INTO tokens (hash, board_id, role) VALUES ($1, $2, $3)', [t.hash, board.id, t.role])
      }
    })
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    const { rows } = await this.pool.query<BoardRow>('SELECT * FROM boards WHERE id = $1', [id])
    return rows[0] ? toBoard(rows[0]) : null
  }

  async updateBoard(id: string, patch: Partial<Pick<BoardRecord, 'title' | 'archived' | 'updatedAt'>>): Promise<void> {
    await this.pool.query(
      `UPDATE boards SET title = COALESCE($2, title), archived = COALESCE($3, archived),
         updated_at = COALESCE($4, updated_at) WHERE id = $1`,
      [id, patch.title ?? null, patch.archived ?? null, patch.updatedAt ?? null],
    )
  }

  async listBoards(options: { search?: string; limit?: number } = {}): Promise<BoardRecord[]> {
    const limit = options.limit ?? 100
    const { rows } = options.search
      ? await this.pool.query<BoardRow>(
          "SELECT * FROM boards WHERE title ILIKE $1 ESCAPE '\\' ORDER BY updated_at DESC LIMIT $2",
          [`%${options.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit],
        )
      : await this.pool.query<BoardRow>('SELECT * FROM boards ORDER BY updated_at DESC LIMIT $1', [limit])
    return rows.map(toBoard)
  }

  async deleteBoard(id: string): Promise<void> {
    const prefix = `${id.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`
    await this.transaction(async (client) => {
      await client.query("DELETE FROM doc_updates WHERE doc_key = $1 OR doc_key LIKE $2 ESCAPE '\\'", [id, prefix])
      await client.query("DELETE FROM doc_snapshots WHERE doc_key = $1 OR doc_key LIKE $2 ESCAPE '\\'", [id, prefix])
      await client.query('DELETE FROM people WHERE scope_id = $1', [id])
      await client.query('DELETE FROM check_ins WHERE scope_id = $1', [id])
      await client.query('DELETE FROM boards WHERE id = $1', [id]) // tokens, versions, image, attendance cascade
    })
  }

  async findToken(hash: string): Promise<TokenGrant | null> {
    const { rows } = await this.pool.query<{ board_id: string; role: Role }>(
      'SELECT board_id, role FROM tokens WHERE hash = $1',
      [hash],
    )
    return rows[0] ? { boardId: rows[0].board_id, role: rows[0].role } : null
  }

  async replaceToken(boardId: string, role: Role, hash: string): Promise<void> {
    await this.transaction(async (client) => {
      // Row lock: two rotations racing on several instances must leave exactly one link per role.
      await client.query('SELECT id FROM boards WHERE id = $1 FOR UPDATE', [boardId])
      await client.query('DELETE FROM tokens WHERE board_id = $1 AND role = $2', [boardId, role])
      await client.query('INSERT INTO tokens (hash, board_id, role) VALUES ($1, $2, $3)', [hash, boardId, role])
    })
  }

  private async readDoc(client: pg.PoolClient, docKey: string): Promise<StoredDoc & { seqs: string[] }> {
    const snap = await client.query<{ state: Buffer; schema_tag: string | null; state_vector: Buffer | null }>(
      'SELECT state, schema_tag, state_vector FROM doc_snapshots WHERE doc_key = $1',
      [docKey],
    )
    const log = await client.query<{ seq: string; update_data: Buffer }>(
      'SELECT seq, update_data FROM doc_updates WHERE doc_key = $1 ORDER BY seq',
      [docKey],
    )
    return {
      snapshot: snap.rows[0] ? asBytes(snap.rows[0].state) : null,
      updates: log.rows.map((r) => asBytes(r.update_data)),
      snapshotSchema: snap.rows[0] ? snap.rows[0].schema_tag : undefined,
      snapshotStateVector: snap.rows[0] ? snap.rows[0].state_vector && asBytes(snap.rows[0].state_vector) : undefined,
      seqs: log.rows.map((r) => r.seq),
    }
  }

  async listDocKeys(prefix: string): Promise<string[]> {
    const like = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const { rows } = await this.pool.query<{ doc_key: string }>(
      "SELECT doc_key FROM doc_updates WHERE doc_key LIKE $1 UNION SELECT doc_key FROM doc_snapshots WHERE doc_key LIKE $1 ORDER BY doc_key",
      [like],
    )
    return rows.map((r) => r.doc_key)
  }

  async loadDoc(docKey: string): Promise<StoredDoc> {
    const { snapshot, updates, snapshotSchema, snapshotStateVector } = await this.transaction(
      (client) => this.readDoc(client, docKey),
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    )
    return { snapshot, updates, snapshotSchema, snapshotStateVector }
  }

  async appendUpdates(docKey: string, updates: Uint8Array[]): Promise<void> {
    if (updates.length === 0) return
    // One statement: a single round trip, atomic on its own.
    await this.pool.query(
      'INSERT INTO doc_updates (doc_key, update_data) SELECT $1, u FROM unnest($2::bytea[]) WITH ORDINALITY AS t(u, n) ORDER BY n',
      [docKey, updates.map(asBuffer)],
    )
  }

  async countUpdates(docKey: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_key = $1', [docKey])
    return Number(rows[0]?.n ?? 0)
  }

  async compact(docKey: string, merge: (doc: StoredDoc) => MergedDoc): Promise<void> {
    await this.compactIfUnlocked(docKey, merge)
  }

  /**
   * Compacts unless another connection holds this doc's compaction lock. Returns whether it
   * compacted (false also when there was nothing to merge).
   */
  async compactIfUnlocked(docKey: string, merge: (doc: StoredDoc) => MergedDoc): Promise<boolean> {
    return this.transaction(async (client) => {
      const lock = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked',
        [LOCK_COMPACT, docKey],
      )
      if (!lock.rows[0]?.locked) return false
      const stored = await this.readDoc(client, docKey)
      if (stored.updates.length === 0) return false
      const { state, schemaTag, stateVector } = mergedParts(merge(stored))
      await client.query(
        'INSERT INTO doc_snapshots (doc_key, state, schema_tag, state_vector) VALUES ($1, $2, $3, $4) ' +
          'ON CONFLICT (doc_key) DO UPDATE SET state = EXCLUDED.state, schema_tag = EXCLUDED.schema_tag, state_vector = EXCLUDED.state_vector',
        [docKey, asBuffer(state), schemaTag, stateVector && asBuffer(stateVector)],
      )
      await client.query('DELETE FROM doc_updates WHERE doc_key = $1 AND seq = ANY($2::bigint[])', [docKey, stored.seqs])
      return true
    })
  }

  /**
   * Holds the compaction lock of a doc on a dedicated connection until `release` is called
   * (tests use it to show that a second instance does not compact meanwhile).
   */
  async holdCompactionLock(docKey: string): Promise<() => Promise<void>> {
    const client = await this.pool.connect()
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_COMPACT, docKey])
    return async () => {
      await client.query('COMMIT').catch(() => {})
      client.release()
    }
  }

  async saveVersion(boardId: string, label: string, state: Uint8Array, createdAt: number): Promise<VersionRecord> {
    const { rows } = await this.pool.query<{ id: string }>(
      'INSERT INTO versions (board_id, label, created_at, state) VALUES ($1, $2, $3, $4) RETURNING id',
      [boardId, label, createdAt, asBuffer(state)],
    )
    return { id: Number(rows[0]!.id), boardId, label, createdAt }
  }

  async listVersions(boardId: string): Promise<VersionRecord[]> {
    const { rows } = await this.pool.query<{ id: string; board_id: string; label: string; created_at: string }>(
      'SELECT id, board_id, label, created_at FROM versions WHERE board_id = $1 ORDER BY id DESC',
      [boardId],
    )
    return rows.map((r) => ({ id: Number(r.id), boardId: r.board_id, label: r.label, createdAt: Number(r.created_at) }))
  }

  async loadVersion(boardId: string, versionId: number): Promise<Uint8Array | null> {
    const { rows } = await this.pool.query<{ state: Buffer }>(
      'SELECT state FROM versions WHERE board_id = $1 AND id = $2',
      [boardId, versionId],
    )
    return rows[0] ? asBytes(rows[0].state) : null
  }

  async putBoardImage(boardId: string, dataUrl: string): Promise<void> {
    await this.pool.query(
      'INSERT INTO board_images (board_id, data_url) VALUES ($1, $2) ON CONFLICT (board_id) DO UPDATE SET data_url = excluded.data_url',
      [boardId, dataUrl],
    )
  }

  async getBoardImage(boardId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ data_url: string }>('SELECT data_url FROM board_images WHERE board_id = $1', [boardId])
    return rows[0]?.data_url ?? null
  }

  /** Connection pool figures, for /healthz and /metrics. */
  poolState(): { total: number; idle: number; waiting: number } {
    return { total: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount }
  }

  // Sign-in sessions (SPEC R17): server/storage/signInSessions.ts.
  private readonly signInSessions = new PostgresSignInSessions(this.pool)
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
    await this.pool.query('SELECT 1')
  }

  async close(): Promise<void> {
    await this.pool.end()
  }
}
