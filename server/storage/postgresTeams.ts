/**
 * The PostgreSQL side of spaces, board settings, custom templates, attendance, check-ins and
 * people (issues 15–17). `PostgresStorage` extends this class, so one object implements
 * `Storage`; its tables come from migration 3 (`POSTGRES_TEAMS_MIGRATION`).
 */
import type pg from 'pg'
import type { Role } from '../../shared/roles.js'
import type {
  AttendanceRecord,
  BoardRecord,
  CheckInRecord,
  CheckInStatus,
  PersonRecord,
  PersonStatus,
  Settings,
  SpaceGrant,
  SpaceRecord,
  SpaceRole,
  TemplateRecord,
  TemplateSummary,
} from './Storage.js'
import { parseSettings } from './settings.js'

export const POSTGRES_TEAMS_MIGRATION = `
  CREATE TABLE spaces (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    settings TEXT NOT NULL DEFAULT '{}'
  );
  CREATE TABLE space_tokens (
    hash TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    role TEXT NOT NULL
  );
  CREATE INDEX space_tokens_space ON space_tokens(space_id, role);
  ALTER TABLE boards ADD COLUMN space_id TEXT REFERENCES spaces(id) ON DELETE SET NULL;
  ALTER TABLE boards ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';
  CREATE INDEX boards_space ON boards(space_id, created_at);
  CREATE TABLE templates (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    author TEXT NOT NULL,
    locale TEXT NOT NULL,
    body TEXT NOT NULL,
    manage_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE INDEX templates_created ON templates(created_at DESC);
  CREATE TABLE attendance (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    person_key TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    first_seen BIGINT NOT NULL,
    last_seen BIGINT NOT NULL,
    PRIMARY KEY (board_id, person_key)
  );
  CREATE TABLE check_ins (
    id BIGSERIAL PRIMARY KEY,
    scope_id TEXT NOT NULL,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    note_id TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL,
    at BIGINT NOT NULL
  );
  CREATE INDEX check_ins_scope ON check_ins(scope_id, at, id);
  CREATE TABLE people (
    id TEXT PRIMARY KEY,
    scope_id TEXT NOT NULL,
    name TEXT NOT NULL,
    credential_hash TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX people_scope ON people(scope_id, created_at);
`

type SpaceRow = { id: string; title: string; created_at: string; settings: string }
type TemplateRow = {
  id: string
  name: string
  author: string
  locale: string
  body: string
  manage_hash: string
  created_at: string
  updated_at: string
}
type AttendanceRow = {
  board_id: string
  person_key: string
  name: string
  role: Role
  first_seen: string
  last_seen: string
}
type CheckInRow = {
  id: string
  scope_id: string
  board_id: string
  note_id: string
  status: CheckInStatus
  note: string
  at: string
}
type PersonRow = { id: string; scope_id: string; name: string; status: PersonStatus; created_at: string }

export type BoardRow = {
  id: string
  title: string
  template: string | null
  created_at: string
  updated_at: string
  archived: boolean
}

export function toBoard(row: BoardRow): BoardRecord {
  return {
    id: row.id,
    title: row.title,
    template: row.template,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    archived: row.archived,
  }
}

const toSpace = (r: SpaceRow): SpaceRecord => ({
  id: r.id,
  title: r.title,
  createdAt: Number(r.created_at),
  settings: parseSettings(r.settings),
})

const toSummary = (r: Omit<TemplateRow, 'body' | 'manage_hash'>): TemplateSummary => ({
  id: r.id,
  name: r.name,
  author: r.author,
  locale: r.locale,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
})

const toAttendance = (r: AttendanceRow): AttendanceRecord => ({
  boardId: r.board_id,
  personKey: r.person_key,
  name: r.name,
  role: r.role,
  firstSeen: Number(r.first_seen),
  lastSeen: Number(r.last_seen),
})

const toCheckIn = (r: CheckInRow): CheckInRecord => ({
  id: Number(r.id),
  scopeId: r.scope_id,
  boardId: r.board_id,
  noteId: r.note_id,
  status: r.status,
  note: r.note,
  at: Number(r.at),
})

const toPerson = (r: PersonRow): PersonRecord => ({
  id: r.id,
  scopeId: r.scope_id,
  name: r.name,
  status: r.status,
  createdAt: Number(r.created_at),
})

export class PostgresTeamStore {
  constructor(protected readonly pool: pg.Pool) {}

  protected async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    const client = await this.pool.connect()
    try {
      await client.query(begin)
      const result = await fn(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }

  async getBoardSettings(boardId: string): Promise<Settings> {
    const { rows } = await this.pool.query<{ settings: string }>('SELECT settings FROM boards WHERE id = $1', [boardId])
    return parseSettings(rows[0]?.settings)
  }

  async setBoardSettings(boardId: string, settings: Settings): Promise<void> {
    await this.pool.query('UPDATE boards SET settings = $2 WHERE id = $1', [boardId, JSON.stringify(settings)])
  }

  async createSpace(space: SpaceRecord, links: Array<{ hash: string; role: SpaceRole }>): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('INSERT INTO spaces (id, title, created_at, settings) VALUES ($1, $2, $3, $4)', [
        space.id,
        space.title,
        space.createdAt,
        JSON.stringify(space.settings),
      ])
      for (const link of links) {
        await client.query('INSERT INTO space_tokens (hash, space_id, role) VALUES ($1, $2, $3)', [link.hash, space.id, link.role])
      }
    })
  }

  async getSpace(id: string): Promise<SpaceRecord | null> {
    const { rows } = await this.pool.query<SpaceRow>('SELECT * FROM spaces WHERE id = $1', [id])
    return rows[0] ? toSpace(rows[0]) : null
  }

  async updateSpace(id: string, patch: Partial<Pick<SpaceRecord, 'title' | 'settings'>>): Promise<void> {
    await this.pool.query('UPDATE spaces SET title = COALESCE($2, title), settings = COALESCE($3, settings) WHERE id = $1', [
      id,
      patch.title ?? null,
      patch.settings ? JSON.stringify(patch.settings) : null,
    ])
  }

  async deleteSpace(id: string): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('DELETE FROM check_ins WHERE scope_id = $1', [id])
      await client.query('DELETE FROM people WHERE scope_id = $1', [id])
      await client.query('DELETE FROM spaces WHERE id = $1', [id]) // links cascade, boards set null
    })
  }

  async findSpaceByTokenHash(hash: string): Promise<SpaceGrant | null> {
    const { rows } = await this.pool.query<{ space_id: string; role: SpaceRole }>(
      'SELECT space_id, role FROM space_tokens WHERE hash = $1',
      [hash],
    )
    return rows[0] ? { spaceId: rows[0].space_id, role: rows[0].role } : null
  }

  async rotateSpaceLink(spaceId: string, role: SpaceRole, hash: string): Promise<void> {
    await this.transaction(async (client) => {
      // Row lock: two rotations racing on several instances must leave exactly one link per role.
      await client.query('SELECT id FROM spaces WHERE id = $1 FOR UPDATE', [spaceId])
      await client.query('DELETE FROM space_tokens WHERE space_id = $1 AND role = $2', [spaceId, role])
      await client.query('INSERT INTO space_tokens (hash, space_id, role) VALUES ($1, $2, $3)', [hash, spaceId, role])
    })
  }

  async setBoardSpace(boardId: string, spaceId: string | null): Promise<void> {
    await this.pool.query('UPDATE boards SET space_id = $2 WHERE id = $1', [boardId, spaceId])
  }

  async getBoardSpace(boardId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ space_id: string | null }>('SELECT space_id FROM boards WHERE id = $1', [boardId])
    return rows[0]?.space_id ?? null
  }

  async listSpaceBoards(spaceId: string): Promise<BoardRecord[]> {
    const { rows } = await this.pool.query<BoardRow>('SELECT * FROM boards WHERE space_id = $1 ORDER BY created_at, id', [spaceId])
    return rows.map(toBoard)
  }

  async saveTemplate(t: TemplateRecord): Promise<void> {
    await this.pool.query(
      'INSERT INTO templates (id, name, author, locale, body, manage_hash, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [t.id, t.name, t.author, t.locale, t.body, t.manageTokenHash, t.createdAt, t.updatedAt],
    )
  }

  async getTemplate(id: string): Promise<TemplateRecord | null> {
    const { rows } = await this.pool.query<TemplateRow>('SELECT * FROM templates WHERE id = $1', [id])
    const r = rows[0]
    return r ? { ...toSummary(r), body: r.body, manageTokenHash: r.manage_hash } : null
  }

  async listTemplates(options: { locale?: string; limit?: number } = {}): Promise<TemplateSummary[]> {
    const { rows } = await this.pool.query<Omit<TemplateRow, 'body' | 'manage_hash'>>(
      `SELECT id, name, author, locale, created_at, updated_at FROM templates
       WHERE ($1::text IS NULL OR locale = $1) ORDER BY created_at DESC, id LIMIT $2`,
      [options.locale ?? null, options.limit ?? 500],
    )
    return rows.map(toSummary)
  }

  async updateTemplate(
    id: string,
    patch: Partial<Pick<TemplateRecord, 'name' | 'author' | 'locale' | 'body' | 'updatedAt'>>,
  ): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE templates SET name = COALESCE($2, name), author = COALESCE($3, author), locale = COALESCE($4, locale),
         body = COALESCE($5, body), updated_at = COALESCE($6, updated_at) WHERE id = $1`,
      [id, patch.name ?? null, patch.author ?? null, patch.locale ?? null, patch.body ?? null, patch.updatedAt ?? null],
    )
    return (result.rowCount ?? 0) > 0
  }

  async deleteTemplate(id: string): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM templates WHERE id = $1', [id])
    return (result.rowCount ?? 0) > 0
  }

  async recordAttendance(e: { boardId: string; personKey: string; name: string; role: Role; at: number }): Promise<void> {
    await this.pool.query(
      `INSERT INTO attendance AS a (board_id, person_key, name, role, first_seen, last_seen) VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (board_id, person_key) DO UPDATE SET
         name = CASE WHEN EXCLUDED.last_seen >= a.last_seen THEN EXCLUDED.name ELSE a.name END,
         role = CASE WHEN EXCLUDED.last_seen >= a.last_seen THEN EXCLUDED.role ELSE a.role END,
         first_seen = LEAST(a.first_seen, EXCLUDED.first_seen),
         last_seen = GREATEST(a.last_seen, EXCLUDED.last_seen)`,
      [e.boardId, e.personKey, e.name, e.role, e.at],
    )
  }

  async listAttendance(boardId: string): Promise<AttendanceRecord[]> {
    const { rows } = await this.pool.query<AttendanceRow>(
      'SELECT * FROM attendance WHERE board_id = $1 ORDER BY first_seen, person_key',
      [boardId],
    )
    return rows.map(toAttendance)
  }

  async listSpaceAttendance(spaceId: string): Promise<AttendanceRecord[]> {
    const { rows } = await this.pool.query<AttendanceRow>(
      `SELECT a.* FROM attendance a JOIN boards b ON b.id = a.board_id WHERE b.space_id = $1
       ORDER BY b.created_at, b.id, a.first_seen, a.person_key`,
      [spaceId],
    )
    return rows.map(toAttendance)
  }

  async addCheckIn(c: Omit<CheckInRecord, 'id'>): Promise<CheckInRecord> {
    const { rows } = await this.pool.query<{ id: string }>(
      'INSERT INTO check_ins (scope_id, board_id, note_id, status, note, at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [c.scopeId, c.boardId, c.noteId, c.status, c.note, c.at],
    )
    return { id: Number(rows[0]!.id), ...c }
  }

  async listCheckIns(scopeId: string, options: { boardId?: string; noteId?: string } = {}): Promise<CheckInRecord[]> {
    const { rows } = await this.pool.query<CheckInRow>(
      `SELECT * FROM check_ins WHERE scope_id = $1 AND ($2::text IS NULL OR board_id = $2) AND ($3::text IS NULL OR note_id = $3)
       ORDER BY at, id`,
      [scopeId, options.boardId ?? null, options.noteId ?? null],
    )
    return rows.map(toCheckIn)
  }

  async createPerson(p: PersonRecord, credentialHash: string): Promise<void> {
    await this.pool.query(
      'INSERT INTO people (id, scope_id, name, credential_hash, status, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [p.id, p.scopeId, p.name, credentialHash, p.status, p.createdAt],
    )
  }

  async getPerson(id: string): Promise<PersonRecord | null> {
    const { rows } = await this.pool.query<PersonRow>('SELECT * FROM people WHERE id = $1', [id])
    return rows[0] ? toPerson(rows[0]) : null
  }

  async findPersonByCredentialHash(hash: string): Promise<PersonRecord | null> {
    const { rows } = await this.pool.query<PersonRow>('SELECT * FROM people WHERE credential_hash = $1', [hash])
    return rows[0] ? toPerson(rows[0]) : null
  }

  async setPersonStatus(id: string, status: PersonStatus): Promise<boolean> {
    const result = await this.pool.query('UPDATE people SET status = $2 WHERE id = $1', [id, status])
    return (result.rowCount ?? 0) > 0
  }

  async renamePerson(id: string, name: string): Promise<boolean> {
    const result = await this.pool.query('UPDATE people SET name = $2 WHERE id = $1', [id, name])
    return (result.rowCount ?? 0) > 0
  }

  async replacePersonCredential(id: string, credentialHash: string): Promise<boolean> {
    const result = await this.pool.query('UPDATE people SET credential_hash = $2 WHERE id = $1', [id, credentialHash])
    return (result.rowCount ?? 0) > 0
  }

  async listPeople(scopeId: string, options: { status?: PersonStatus } = {}): Promise<PersonRecord[]> {
    const { rows } = await this.pool.query<PersonRow>(
      `SELECT * FROM people WHERE scope_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY created_at, id`,
      [scopeId, options.status ?? null],
    )
    return rows.map(toPerson)
  }
}
