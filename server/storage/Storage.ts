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
}

export type TokenGrant = { boardId: string; role: Role }

export type VersionRecord = {
  id: number
  boardId: string
  label: string
  createdAt: number
}

export interface Storage {
  /** Short name for logs and health ('sqlite', 'postgres'). */
  readonly kind: string
  createBoard(board: BoardRecord, tokens: Array<{ hash: string; role: Role }>): Promise<void>
  getBoard(id: string): Promise<BoardRecord | null>
  updateBoard(id: string, patch: Partial<Pick<BoardRecord, 'title' | 'archived' | 'updatedAt'>>): Promise<void>
  listBoards(options?: { search?: string; limit?: number }): Promise<BoardRecord[]>
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
   * rows, in one transaction. `merge` turns the stored parts into the new snapshot.
   */
  compact(docKey: string, merge: (doc: StoredDoc) => Uint8Array): Promise<void>

  saveVersion(boardId: string, label: string, state: Uint8Array, createdAt: number): Promise<VersionRecord>
  listVersions(boardId: string): Promise<VersionRecord[]>
  loadVersion(boardId: string, versionId: number): Promise<Uint8Array | null>

  /** The board image a browser stored (PNG or SVG data URL), for the printable report. */
  putBoardImage(boardId: string, dataUrl: string): Promise<void>
  getBoardImage(boardId: string): Promise<string | null>

  /** Cheap liveness probe for /healthz. */
  ping(): Promise<void>
  close(): Promise<void>
}
