/**
 * Board lifecycle that is not sync: creating a board with its three links and its first
 * state (templates plug in through `seedControlDoc`), renaming, archiving, duplicating, link
 * rotation and deletion.
 */
import * as Y from 'yjs'
import { BOARD_TITLE_KEY } from '../../shared/boardTitle.js'
import { STATE_MAP } from '../../shared/facilitation.js'
import { CloseEvents } from '../../shared/protocol.js'
import { docKey, ROLES, type Role } from '../../shared/roles.js'
import { buildActivityRecords, type TemplateLocale } from '../../shared/activities/index.js'
import { hashToken, newBoardId, newToken } from '../auth/tokens.js'
import type { Logger } from '../logger.js'
import type { BoardRecord, Storage } from '../storage/Storage.js'
import { readBoardState, SERVER_ORIGIN, withBoardDocs, type BoardDocsDeps } from './boardDocs.js'
import { addRecords, recordsOfState, replaceRecords } from './boardState.js'
import { BoardError, noSuchBoard } from './errors.js'

export type CreatedBoard = { board: BoardRecord; tokens: Record<Role, string> }

export async function createBoard(
  storage: Storage,
  input: { title: string; template?: string | null },
  seedControlDoc?: (doc: Y.Doc) => void,
): Promise<CreatedBoard> {
  // Imported with the first board created (it loads tldraw's schema package; issue 18), before anything is stored.
  const { initializeBoardDoc } = await import('../../shared/boardSchema.js')
  const now = Date.now()
  const board: BoardRecord = {
    id: newBoardId(),
    title: input.title,
    template: input.template ?? null,
    createdAt: now,
    updatedAt: now,
    archived: false,
  }
  const tokens = Object.fromEntries(ROLES.map((role) => [role, newToken()])) as Record<Role, string>
  await storage.createBoard(
    board,
    ROLES.map((role) => ({ role, hash: hashToken(tokens[role]) })),
  )
  const doc = new Y.Doc()
  initializeBoardDoc(doc)
  await storage.appendUpdates(docKey(board.id, { kind: 'board' }), [Y.encodeStateAsUpdate(doc)])
  doc.destroy()
  if (seedControlDoc) {
    const control = new Y.Doc()
    seedControlDoc(control)
    await storage.appendUpdates(docKey(board.id, { kind: 'control' }), [Y.encodeStateAsUpdate(control)])
    control.destroy()
  }
  return { board, tokens }
}

export function boardLinks(origin: string, boardId: string, tokens: Record<Role, string>): Record<Role, string> {
  return Object.fromEntries(ROLES.map((role) => [role, `${origin}/b/${boardId}#${tokens[role]}`])) as Record<Role, string>
}

export type NewBoard = {
  title: string
  template?: string | null
  participants?: string[]
  options?: Record<string, unknown>
  locale?: TemplateLocale
}

/** A new board, its control doc seeded with a template's activity when one is named. */
export async function createBoardFromTemplate(storage: Storage, input: NewBoard): Promise<CreatedBoard> {
  let seed: ((doc: Y.Doc) => void) | undefined
  if (input.template) {
    const built = buildActivityRecords(input.template, { participants: input.participants, options: input.options, locale: input.locale })
    if (!built.ok) throw new BoardError(400, `${built.error}; GET /api/templates lists the templates`)
    seed = (doc) => addRecords(doc, built.value.records, SERVER_ORIGIN)
  }
  return createBoard(storage, { title: input.title, template: input.template ?? null }, seed)
}

export async function getBoard(storage: Storage, boardId: string): Promise<BoardRecord> {
  const board = await storage.getBoard(boardId)
  if (!board) throw noSuchBoard()
  return board
}

/** Rename and/or archive; open pages show the new title live (mirrored into the control doc). */
export async function renameOrArchive(deps: BoardDocsDeps, boardId: string, change: { title?: string; archived?: boolean }): Promise<BoardRecord | null> {
  await deps.storage.updateBoard(boardId, { ...change, updatedAt: Date.now() })
  const title = change.title
  if (title !== undefined) {
    await withBoardDocs(deps.rooms, boardId, ['control'], ({ control }) => {
      control.transact(() => control.getMap(STATE_MAP).set(BOARD_TITLE_KEY, title), SERVER_ORIGIN)
    })
  }
  return deps.storage.getBoard(boardId)
}

/** A copy of a board's current state with its own links and its own title. */
export async function duplicateBoard(deps: BoardDocsDeps, boardId: string, title: string | undefined): Promise<CreatedBoard> {
  const source = await getBoard(deps.storage, boardId)
  const state = await readBoardState(deps, boardId)
  const created = await createBoard(deps.storage, { title: title ?? `${source.title} (copy)`, template: source.template }, (control) => {
    Y.applyUpdate(control, state.control)
    // The copy has its own title: not the source's live one.
    control.getMap(STATE_MAP).delete(BOARD_TITLE_KEY)
  })
  await withBoardDocs(deps.rooms, created.board.id, ['board'], ({ board }) => replaceRecords(board, recordsOfState(state.board), SERVER_ORIGIN))
  return created
}

/** Link rotation: the old token stops working at once and its open sockets are closed. */
export async function rotateLink(
  deps: BoardDocsDeps & { logger: Logger },
  boardId: string,
  role: Role,
): Promise<{ token: string; closedSessions: number }> {
  const token = newToken()
  await deps.storage.replaceToken(boardId, role, hashToken(token))
  // A board's own link: sessions opened with its space's links stay (SPEC R9).
  const closedSessions = deps.rooms.revokeSessions({ boardId, role, via: 'board' }, CloseEvents.LinkRevoked)
  deps.logger.info({ boardId, role, closed: closedSessions }, 'link rotated')
  return { token, closedSessions }
}

/** An operator deletes a board: its sessions are closed first. */
export async function deleteBoard(deps: BoardDocsDeps & { logger: Logger }, boardId: string): Promise<void> {
  await getBoard(deps.storage, boardId)
  deps.rooms.revokeSessions({ boardId, role: null }, CloseEvents.LinkRevoked)
  await deps.storage.deleteBoard(boardId)
  deps.logger.info({ boardId }, 'board deleted by operator')
}
