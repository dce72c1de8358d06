/**
 * Sign-in sessions in storage (SPEC R17): a session outlives a restart and is seen by every
 * instance. Only the SHA-256 of the cookie value is a key. SQLite and PostgreSQL sides; each
 * storage class delegates its `SignInSessionStore` methods here, and runs the migration below.
 */
import type Database from 'better-sqlite3'
import type pg from 'pg'
import type { SignInSessionRecord, SignInSessionStore } from './Storage.js'

/** SQLite migration: one row per session. */
export const SQLITE_SIGN_IN_SESSIONS_MIGRATION = `
CREATE TABLE IF NOT EXISTS sign_in_sessions (
  id_hash TEXT PRIMARY KEY,
  subject TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sign_in_sessions_expiry ON sign_in_sessions(expires_at);
`

/** PostgreSQL migration: the same table. */
export const POSTGRES_SIGN_IN_SESSIONS_MIGRATION = `
CREATE TABLE IF NOT EXISTS sign_in_sessions (
  id_hash TEXT PRIMARY KEY,
  subject TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS sign_in_sessions_expiry ON sign_in_sessions(expires_at);
`

type Row = { id_hash: string; subject: string; name: string; email: string | null; created_at: number | string; expires_at: number | string }

function toRecord(row: Row): SignInSessionRecord {
  return {
    idHash: row.id_hash,
    subject: row.subject,
    name: row.name,
    email: row.email,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
  }
}

export class SqliteSignInSessions implements SignInSessionStore {
  constructor(private readonly db: Database.Database) {}

  async createSignInSession(session: SignInSessionRecord): Promise<void> {
    this.db
      .prepare('INSERT INTO sign_in_sessions (id_hash, subject, name, email, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(session.idHash, session.subject, session.name, session.email, session.createdAt, session.expiresAt)
  }

  async getSignInSession(idHash: string, now: number): Promise<SignInSessionRecord | null> {
    const row = this.db.prepare('SELECT * FROM sign_in_sessions WHERE id_hash = ? AND expires_at > ?').get(idHash, now) as Row | undefined
    return row ? toRecord(row) : null
  }

  async deleteSignInSession(idHash: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM sign_in_sessions WHERE id_hash = ?').run(idHash).changes > 0
  }

  async deleteExpiredSignInSessions(now: number): Promise<number> {
    return this.db.prepare('DELETE FROM sign_in_sessions WHERE expires_at <= ?').run(now).changes
  }
}

export class PostgresSignInSessions implements SignInSessionStore {
  constructor(private readonly pool: pg.Pool) {}

  async createSignInSession(session: SignInSessionRecord): Promise<void> {
    await this.pool.query(
      'INSERT INTO sign_in_sessions (id_hash, subject, name, email, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [session.idHash, session.subject, session.name, session.email, session.createdAt, session.expiresAt],
    )
  }

  async getSignInSession(idHash: string, now: number): Promise<SignInSessionRecord | null> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM sign_in_sessions WHERE id_hash = $1 AND expires_at > $2', [idHash, now])
    return rows[0] ? toRecord(rows[0]) : null
  }

  async deleteSignInSession(idHash: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM sign_in_sessions WHERE id_hash = $1', [idHash])).rowCount ?? 0) > 0
  }

  async deleteExpiredSignInSessions(now: number): Promise<number> {
    return (await this.pool.query('DELETE FROM sign_in_sessions WHERE expires_at <= $1', [now])).rowCount ?? 0
  }
}
