/**
 * The SQLite side of spaces, board settings, custom templates, attendance, check-ins and people
 * (issues 15–17). `SqliteStorage` extends this class, so one object implements `Storage`; its
 * tables come from migration 1 below.
 */
import type Database from 'better-sqlite3'
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

export type BoardRow = {
  id: string
  title: string
  template: string | null
  created_at: number
  updated_at: number
  archived: number
}

export function toBoard(row: BoardRow): BoardRecord {
  return {
    id: row.id,
    title: row.title,
    template: row.template,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archived: row.archived === 1,
  }
}

/** Migration 1 (from the schema of the first release, user_version 0). */
export const SQLITE_TEAMS_MIGRATION = `
CREATE TABLE spaces (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at INTEGER NOT NULL,
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
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX templates_created ON templates(created_at);
CREATE TABLE attendance (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  person_key TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  PRIMARY KEY (board_id, person_key)
);
CREATE TABLE check_ins (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  scope_id TEXT NOT NULL,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  note_id TEXT NOT NULL,
  status TEXT NOT NULL,
  note TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX check_ins_scope ON check_ins(scope_id, at, id);
CREATE TABLE people (
  id TEXT PRIMARY KEY,
  scope_id TEXT NOT NULL,
  name TEXT NOT NULL,
  credential_hash TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX people_scope ON people(scope_id, created_at);
`

type SpaceRow = { id: string; title: string; created_at: number; settings: string }
type TemplateRow = {
  id: string
  name: string
  author: string
  locale: string
  body: string
  manage_hash: string
  created_at: number
  updated_at: number
}
type AttendanceRow = {
  board_id: string
  person_key: string
  name: string
  role: Role
  first_seen: number
  last_seen: number
}
type CheckInRow = {
  id: number
  scope_id: string
  board_id: string
  note_id: string
  status: CheckInStatus
  note: string
  at: number
}
type PersonRow = { id: string; scope_id: string; name: string; status: PersonStatus; created_at: number }

const toSpace = (r: SpaceRow): SpaceRecord => ({
  id: r.id,
  title: r.title,
  createdAt: r.created_at,
  settings: parseSettings(r.settings),
})

const toTemplate = (r: TemplateRow): TemplateRecord => ({
  id: r.id,
  name: r.name,
  author: r.author,
  locale: r.locale,
  body: r.body,
  manageTokenHash: r.manage_hash,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

const toAttendance = (r: AttendanceRow): AttendanceRecord => ({
  boardId: r.board_id,
  personKey: r.person_key,
  name: r.name,
  role: r.role,
  firstSeen: r.first_seen,
  lastSeen: r.last_seen,
})

const toCheckIn = (r: CheckInRow): CheckInRecord => ({
  id: r.id,
  scopeId: r.scope_id,
  boardId: r.board_id,
  noteId: r.note_id,
  status: r.status,
  note: r.note,
  at: r.at,
})

const toPerson = (r: PersonRow): PersonRecord => ({
  id: r.id,
  scopeId: r.scope_id,
  name: r.name,
  status: r.status,
  createdAt: r.created_at,
})

export class SqliteTeamStore {
  constructor(protected readonly db: Database.Database) {}

  async getBoardSettings(boardId: string): Promise<Settings> {
    const row = this.db.prepare('SELECT settings FROM boards WHERE id = ?').get(boardId) as { settings: string } | undefined
    return row ? parseSettings(row.settings) : {}
  }

  async setBoardSettings(boardId: string, settings: Settings): Promise<void> {
    this.db.prepare('UPDATE boards SET settings = ? WHERE id = ?').run(JSON.stringify(settings), boardId)
  }

  async createSpace(space: SpaceRecord, links: Array<{ hash: string; role: SpaceRole }>): Promise<void> {
    const insertLink = this.db.prepare('INSERT INTO space_tokens (hash, space_id, role) VALUES (?, ?, ?)')
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO spaces (id, title, created_at, settings) VALUES (?, ?, ?, ?)')
        .run(space.id, space.title, space.createdAt, JSON.stringify(space.settings))
      for (const link of links) insertLink.run(link.hash, space.id, link.role)
    })()
  }

  async getSpace(id: string): Promise<SpaceRecord | null> {
    const row = this.db.prepare('SELECT * FROM spaces WHERE id = ?').get(id) as SpaceRow | undefined
    return row ? toSpace(row) : null
  }

  async updateSpace(id: string, patch: Partial<Pick<SpaceRecord, 'title' | 'settings'>>): Promise<void> {
    this.db
      .prepare('UPDATE spaces SET title = COALESCE(?, title), settings = COALESCE(?, settings) WHERE id = ?')
      .run(patch.title ?? null, patch.settings ? JSON.stringify(patch.settings) : null, id)
  }

  async deleteSpace(id: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM check_ins WHERE scope_id = ?').run(id)
      this.db.prepare('DELETE FROM people WHERE scope_id = ?').run(id)
      this.db.prepare('DELETE FROM spaces WHERE id = ?').run(id) // links cascade, boards set null
    })()
  }

  async findSpaceByTokenHash(hash: string): Promise<SpaceGrant | null> {
    const row = this.db.prepare('SELECT space_id, role FROM space_tokens WHERE hash = ?').get(hash) as
      | { space_id: string; role: SpaceRole }
      | undefined
    return row ? { spaceId: row.space_id, role: row.role } : null
  }

  async rotateSpaceLink(spaceId: string, role: SpaceRole, hash: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM space_tokens WHERE space_id = ? AND role = ?').run(spaceId, role)
      this.db.prepare('INSERT INTO space_tokens (hash, space_id, role) VALUES (?, ?, ?)').run(hash, spaceId, role)
    })()
  }

  async setBoardSpace(boardId: string, spaceId: string | null): Promise<void> {
    this.db.prepare('UPDATE boards SET space_id = ? WHERE id = ?').run(spaceId, boardId)
  }

  async getBoardSpace(boardId: string): Promise<string | null> {
    const row = this.db.prepare('SELECT space_id FROM boards WHERE id = ?').get(boardId) as
      | { space_id: string | null }
      | undefined
    return row?.space_id ?? null
  }

  async listSpaceBoards(spaceId: string): Promise<BoardRecord[]> {
    const rows = this.db
      .prepare('SELECT * FROM boards WHERE space_id = ? ORDER BY created_at, id')
      .all(spaceId) as BoardRow[]
    return rows.map(toBoard)
  }

  async saveTemplate(t: TemplateRecord): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO templates (id, name, author, locale, body, manage_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(t.id, t.name, t.author, t.locale, t.body, t.manageTokenHash, t.createdAt, t.updatedAt)
  }

  async getTemplate(id: string): Promise<TemplateRecord | null> {
    const row = this.db.prepare('SELECT * FROM templates WHERE id = ?').get(id) as TemplateRow | undefined
    return row ? toTemplate(row) : null
  }

  async listTemplates(options: { locale?: string; limit?: number } = {}): Promise<TemplateSummary[]> {
    const rows = this.db
      .prepare(
        'SELECT id, name, author, locale, created_at, updated_at FROM templates WHERE (? IS NULL OR locale = ?) ORDER BY created_at DESC, id LIMIT ?',
      )
      .all(options.locale ?? null, options.locale ?? null, options.limit ?? 500) as TemplateRow[]
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      author: r.author,
      locale: r.locale,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }))
  }

  async updateTemplate(
    id: string,
    patch: Partial<Pick<TemplateRecord, 'name' | 'author' | 'locale' | 'body' | 'updatedAt'>>,
  ): Promise<boolean> {
    const info = this.db
      .prepare(
        `UPDATE templates SET name = COALESCE(?, name), author = COALESCE(?, author), locale = COALESCE(?, locale),
           body = COALESCE(?, body), updated_at = COALESCE(?, updated_at) WHERE id = ?`,
      )
      .run(patch.name ?? null, patch.author ?? null, patch.locale ?? null, patch.body ?? null, patch.updatedAt ?? null, id)
    return info.changes > 0
  }

  async deleteTemplate(id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM templates WHERE id = ?').run(id).changes > 0
  }

  async recordAttendance(e: { boardId: string; personKey: string; name: string; role: Role; at: number }): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO attendance (board_id, person_key, name, role, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(board_id, person_key) DO UPDATE SET
           name = CASE WHEN excluded.last_seen >= last_seen THEN excluded.name ELSE name END,
           role = CASE WHEN excluded.last_seen >= last_seen THEN excluded.role ELSE role END,
           first_seen = min(first_seen, excluded.first_seen),
           last_seen = max(last_seen, excluded.last_seen)`,
      )
      .run(e.boardId, e.personKey, e.name, e.role, e.at, e.at)
  }

  async listAttendance(boardId: string): Promise<AttendanceRecord[]> {
    const rows = this.db
      .prepare('SELECT * FROM attendance WHERE board_id = ? ORDER BY first_seen, person_key')
      .all(boardId) as AttendanceRow[]
    return rows.map(toAttendance)
  }

  async listSpaceAttendance(spaceId: string): Promise<AttendanceRecord[]> {
    const rows = this.db
      .prepare(
        `SELECT a.* FROM attendance a JOIN boards b ON b.id = a.board_id WHERE b.space_id = ?
         ORDER BY b.created_at, b.id, a.first_seen, a.person_key`,
      )
      .all(spaceId) as AttendanceRow[]
    return rows.map(toAttendance)
  }

  async addCheckIn(c: Omit<CheckInRecord, 'id'>): Promise<CheckInRecord> {
    const info = this.db
      .prepare('INSERT INTO check_ins (scope_id, board_id, note_id, status, note, at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(c.scopeId, c.boardId, c.noteId, c.status, c.note, c.at)
    return { id: Number(info.lastInsertRowid), ...c }
  }

  async listCheckIns(scopeId: string, options: { boardId?: string; noteId?: string } = {}): Promise<CheckInRecord[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM check_ins WHERE scope_id = ? AND (? IS NULL OR board_id = ?) AND (? IS NULL OR note_id = ?)
         ORDER BY at, id`,
      )
      .all(scopeId, options.boardId ?? null, options.boardId ?? null, options.noteId ?? null, options.noteId ?? null) as CheckInRow[]
    return rows.map(toCheckIn)
  }

  async createPerson(p: PersonRecord, credentialHash: string): Promise<void> {
    this.db
      .prepare('INSERT INTO people (id, scope_id, name, credential_hash, status, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(p.id, p.scopeId, p.name, credentialHash, p.status, p.createdAt)
  }

  async getPerson(id: string): Promise<PersonRecord | null> {
    const row = this.db.prepare('SELECT * FROM people WHERE id = ?').get(id) as PersonRow | undefined
    return row ? toPerson(row) : null
  }

  async findPersonByCredentialHash(hash: string): Promise<PersonRecord | null> {
    const row = this.db.prepare('SELECT * FROM people WHERE credential_hash = ?').get(hash) as PersonRow | undefined
    return row ? toPerson(row) : null
  }

  async setPersonStatus(id: string, status: PersonStatus): Promise<boolean> {
    return this.db.prepare('UPDATE people SET status = ? WHERE id = ?').run(status, id).changes > 0
  }

  async renamePerson(id: string, name: string): Promise<boolean> {
    return this.db.prepare('UPDATE people SET name = ? WHERE id = ?').run(name, id).changes > 0
  }

  async replacePersonCredential(id: string, credentialHash: string): Promise<boolean> {
    return this.db.prepare('UPDATE people SET credential_hash = ? WHERE id = ?').run(credentialHash, id).changes > 0
  }

  async listPeople(scopeId: string, options: { status?: PersonStatus } = {}): Promise<PersonRecord[]> {
    const rows = this.db
      .prepare('SELECT * FROM people WHERE scope_id = ? AND (? IS NULL OR status = ?) ORDER BY created_at, id')
      .all(scopeId, options.status ?? null, options.status ?? null) as PersonRow[]
    return rows.map(toPerson)
  }
}
