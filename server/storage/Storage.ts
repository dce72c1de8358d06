/**
 * Persistence behind one interface (DESIGN "Storage"). Implementations: SQLite (default) and
 * PostgreSQL. `test/storageContract.ts` runs the same suite against each.
 *
 * Documents are addressed by their doc key (`<boardId>`, `<boardId>/control`, …). A doc is
 * stored as at most one snapshot plus an append-only log of Yjs updates written after it.
 */
import type { Role } from '../../shared/roles.js'

export type BoardRecord = {
  id: string
  title: string
  template: string | null
  createdAt: number
  updatedAt: number
  archived: boolean
}

export type StoredDoc = {
  /** Merged state at the last compaction, or null. */
  snapshot: Uint8Array | null
  /** Updates appended since, in order. */
  updates: Uint8Array[]
  /**
   * The board schema the snapshot was written with (see `schemaTag`), stored beside it so a
   * doc at the current schema can be served without being decoded; null if unknown.
   */
  snapshotSchema?: string | null
  /** The snapshot's Yjs state vector, stored beside it when the merge gave it (else null). */
  snapshotStateVector?: Uint8Array | null
}

/** A merge result with what is stored beside the snapshot. */
export type TaggedSnapshot = { state: Uint8Array; schemaTag: string | null; stateVector: Uint8Array | null }

/** What a compaction's merge returns: the new snapshot, with its schema and state vector if known. */
export type MergedDoc = Uint8Array | TaggedSnapshot

/** The parts of a merge result. */
export function mergedParts(merged: MergedDoc): TaggedSnapshot {
  return merged instanceof Uint8Array ? { state: merged, schemaTag: null, stateVector: null } : merged
}

export type TokenGrant = { boardId: string; role: Role }

export type VersionRecord = {
  id: number
  boardId: string
  label: string
  createdAt: number
}

/**
 * Settings of a board or a space: one JSON object (`{ admission?: boolean, … }`), parsed by the
 * caller with zod. Stored as JSON text, so a new setting needs no migration.
 */
export type Settings = Record<string, unknown>

/** The three links of a space (SPEC R6). */
export const SPACE_ROLES = ['facilitator', 'member', 'viewer'] as const
export type SpaceRole = (typeof SPACE_ROLES)[number]

export type SpaceRecord = {
  id: string
  title: string
  createdAt: number
  settings: Settings
}

export type SpaceGrant = { spaceId: string; role: SpaceRole }

/** A custom template (SPEC R11). `body` is the template's JSON text, validated before saving. */
export type TemplateRecord = {
  id: string
  name: string
  author: string
  locale: string
  body: string
  /** SHA-256 of the manage token. */
  manageTokenHash: string
  createdAt: number
  updatedAt: number
}

/** What the gallery lists: a template without its body or manage-token hash. */
export type TemplateSummary = Omit<TemplateRecord, 'body' | 'manageTokenHash'>

/** Who was present on a board (SPEC T1). `personKey` is opaque: a person id or a hashed id. */
export type AttendanceRecord = {
  boardId: string
  personKey: string
  name: string
  role: Role
  firstSeen: number
  lastSeen: number
}

export const CHECK_IN_STATUSES = ['done', 'in-progress', 'dropped'] as const
export type CheckInStatus = (typeof CHECK_IN_STATUSES)[number]

/** A check-in on a commitment note (SPEC T3); `scopeId` is the space (or board) it was made in. */
export type CheckInRecord = {
  id: number
  scopeId: string
  /** The board holding the commitment note. */
  boardId: string
  noteId: string
  status: CheckInStatus
  note: string
  at: number
}

export const PERSON_STATUSES = ['waiting', 'admitted', 'revoked'] as const
export type PersonStatus = (typeof PERSON_STATUSES)[number]

/** A person under admission (SPEC R12–R14); `scopeId` is the board or space they belong to. */
export type PersonRecord = {
  id: string
  scopeId: string
  name: string
  status: PersonStatus
  createdAt: number
}

/** A sign-in session (SPEC R17): who signed in, keyed by the SHA-256 of the session cookie's value. */
export type SignInSessionRecord = {
  idHash: string
  /** `<issuer> <sub>`. */
  subject: string
  name: string
  email: string | null
  createdAt: number
  expiresAt: number
}

/** Sign-in sessions (SPEC R17), in server/storage/signInSessions.ts. */
export interface SignInSessionStore {
  /** Inserts a session; a duplicate hash is an error. */
  createSignInSession(session: SignInSessionRecord): Promise<void>
  /** The session, or null when unknown or expired at `now`. */
  getSignInSession(idHash: string, now: number): Promise<SignInSessionRecord | null>
  /** Logout; returns whether the session existed. */
  deleteSignInSession(idHash: string): Promise<boolean>
  /** Removes the sessions expired at `now`; returns how many. */
  deleteExpiredSignInSessions(now: number): Promise<number>
}

export interface Storage extends SignInSessionStore {
  /** Short name for logs and health ('sqlite', 'postgres'). */
  readonly kind: string
  /** Creates a board with its token hashes, in a space and with settings when given, atomically. */
  createBoard(
    board: BoardRecord,
    tokens: Array<{ hash: string; role: Role }>,
    options?: { spaceId?: string | null; settings?: Settings },
  ): Promise<void>
  getBoard(id: string): Promise<BoardRecord | null>
  updateBoard(id: string, patch: Partial<Pick<BoardRecord, 'title' | 'archived' | 'updatedAt'>>): Promise<void>
  listBoards(options?: { search?: string; limit?: number }): Promise<BoardRecord[]>
  /** Deletes a board with its docs, tokens, versions, image, attendance, check-ins and people. */
  deleteBoard(id: string): Promise<void>
  /** Looks a token hash up. */
  findToken(hash: string): Promise<TokenGrant | null>
  /** Replaces the token of one role of a board (link rotation). */
  replaceToken(boardId: string, role: Role, hash: string): Promise<void>

  /** Keys of the stored docs whose key starts with `prefix` (a board's private docs). */
  listDocKeys(prefix: string): Promise<string[]>
  loadDoc(docKey: string): Promise<StoredDoc>
  /** Appends updates in one transaction; resolves once they are durable. */
  appendUpdates(docKey: string, updates: Uint8Array[]): Promise<void>
  /** Number of log rows since the last snapshot. */
  countUpdates(docKey: string): Promise<number>
  /**
   * Merges the snapshot and every logged update into one snapshot row and deletes the merged
   * rows, in one transaction. `merge` turns the stored parts into the new snapshot (and, if it
   * says so, the schema tag stored beside it).
   */
  compact(docKey: string, merge: (doc: StoredDoc) => MergedDoc): Promise<void>

  saveVersion(boardId: string, label: string, state: Uint8Array, createdAt: number): Promise<VersionRecord>
  listVersions(boardId: string): Promise<VersionRecord[]>
  loadVersion(boardId: string, versionId: number): Promise<Uint8Array | null>

  /** The board image a browser stored (PNG or SVG data URL), for the printable report. */
  putBoardImage(boardId: string, dataUrl: string): Promise<void>
  getBoardImage(boardId: string): Promise<string | null>

  getBoardSettings(boardId: string): Promise<Settings>
  /** Replaces a board's settings (a missing board is not an error). */
  setBoardSettings(boardId: string, settings: Settings): Promise<void>

  // Spaces (SPEC R6–R9). A board is in at most one space.
  createSpace(space: SpaceRecord, links: Array<{ hash: string; role: SpaceRole }>): Promise<void>
  getSpace(id: string): Promise<SpaceRecord | null>
  updateSpace(id: string, patch: Partial<Pick<SpaceRecord, 'title' | 'settings'>>): Promise<void>
  /** Deletes a space, its links, check-ins and people; its boards stay, out of any space. */
  deleteSpace(id: string): Promise<void>
  findSpaceByTokenHash(hash: string): Promise<SpaceGrant | null>
  /** Replaces the link of one role of a space (rotation). */
  rotateSpaceLink(spaceId: string, role: SpaceRole, hash: string): Promise<void>
  /** Puts a board in a space, or out of any with null. Throws if the space does not exist. */
  setBoardSpace(boardId: string, spaceId: string | null): Promise<void>
  getBoardSpace(boardId: string): Promise<string | null>
  /** The boards of a space, oldest first (a timeline of sessions). */
  listSpaceBoards(spaceId: string): Promise<BoardRecord[]>

  // Custom templates (SPEC R11, L10).
  /** Inserts a template; an existing id is an error (ids are issued by the server). */
  saveTemplate(template: TemplateRecord): Promise<void>
  getTemplate(id: string): Promise<TemplateRecord | null>
  /** Newest first; `locale` keeps only that language. */
  listTemplates(options?: { locale?: string; limit?: number }): Promise<TemplateSummary[]>
  /** Returns whether the template existed. */
  updateTemplate(
    id: string,
    patch: Partial<Pick<TemplateRecord, 'name' | 'author' | 'locale' | 'body' | 'updatedAt'>>,
  ): Promise<boolean>
  /** Returns whether the template existed. */
  deleteTemplate(id: string): Promise<boolean>

  // Attendance (SPEC T1).
  /** Upsert per board and person: keeps the first time seen, advances the last, latest name and role. */
  recordAttendance(entry: { boardId: string; personKey: string; name: string; role: Role; at: number }): Promise<void>
  /** Oldest arrival first. */
  listAttendance(boardId: string): Promise<AttendanceRecord[]>
  /** The attendance of every board of a space, by board (oldest board first), then oldest arrival. */
  listSpaceAttendance(spaceId: string): Promise<AttendanceRecord[]>

  // Commitment check-ins (SPEC T3).
  addCheckIn(checkIn: Omit<CheckInRecord, 'id'>): Promise<CheckInRecord>
  /** Oldest first; `noteId` keeps one commitment's. */
  listCheckIns(scopeId: string, options?: { boardId?: string; noteId?: string }): Promise<CheckInRecord[]>

  // People under admission (SPEC R12–R14).
  /** Inserts a person with their credential hash; a duplicate id or hash is an error. */
  createPerson(person: PersonRecord, credentialHash: string): Promise<void>
  getPerson(id: string): Promise<PersonRecord | null>
  findPersonByCredentialHash(hash: string): Promise<PersonRecord | null>
  /** Returns whether the person existed. */
  setPersonStatus(id: string, status: PersonStatus): Promise<boolean>
  /** Returns whether the person existed. */
  renamePerson(id: string, name: string): Promise<boolean>
  /** A new credential for the same person; the old one stops matching. */
  replacePersonCredential(id: string, credentialHash: string): Promise<boolean>
  /** Oldest first; `status` keeps only those. */
  listPeople(scopeId: string, options?: { status?: PersonStatus }): Promise<PersonRecord[]>

  /** Cheap liveness probe for /healthz. */
  ping(): Promise<void>
  close(): Promise<void>
}
