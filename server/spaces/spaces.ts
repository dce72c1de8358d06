/**
 * Space lifecycle (SPEC R6–R9): creating a space with its three links, reading it, renaming,
 * link rotation, and the boards in it (created in it, moved in, moved out).
 */
import { CloseEvents } from '../../shared/protocol.js'
import { hashToken, newBoardId, newToken } from '../auth/tokens.js'
import { createBoardFromTemplate, type CreatedBoard, type NewBoard } from '../boards/lifecycle.js'
import type { BoardDocsDeps } from '../boards/boardDocs.js'
import { BoardError } from '../boards/errors.js'
import type { Logger } from '../logger.js'
import type { SpaceRecord, SpaceRole, Storage } from '../storage/Storage.js'
import { boardRoleOfSpaceLink, newSpaceTokens, type SpaceTokens } from './links.js'
import { SESSION_DATE_SETTING } from './sessions.js'

export const SPACE_LOCALES = ['en', 'fr'] as const
/** What GET /api/spaces/:id/report writes (./report.ts, imported with the first report). */
export const SPACE_REPORT_FORMATS = ['md', 'html', 'csv'] as const
export type SpaceLocale = (typeof SPACE_LOCALES)[number]

export type SpaceDeps = BoardDocsDeps & { logger: Logger }

/** The space's language (its settings' `locale`), English when unset. */
export function spaceLocale(space: SpaceRecord): SpaceLocale {
  return space.settings.locale === 'fr' ? 'fr' : 'en'
}

export async function createSpace(storage: Storage, input: { title: string; locale?: SpaceLocale }): Promise<{ space: SpaceRecord; tokens: SpaceTokens }> {
  const space: SpaceRecord = { id: newBoardId(), title: input.title, createdAt: Date.now(), settings: { locale: input.locale ?? 'en' } }
  const { tokens, hashes } = newSpaceTokens()
  await storage.createSpace(space, hashes)
  return { space, tokens }
}

export function noSuchSpace(): BoardError {
  return new BoardError(404, 'no such space')
}

export async function getSpace(storage: Storage, spaceId: string): Promise<SpaceRecord> {
  const space = await storage.getSpace(spaceId)
  if (!space) throw noSuchSpace()
  return space
}

export async function renameSpace(storage: Storage, spaceId: string, change: { title?: string; locale?: SpaceLocale }): Promise<SpaceRecord> {
  const space = await getSpace(storage, spaceId)
  const settings = change.locale ? { ...space.settings, locale: change.locale } : space.settings
  await storage.updateSpace(spaceId, { ...(change.title ? { title: change.title } : {}), settings })
  return getSpace(storage, spaceId)
}

/**
 * Rotates one space link (R9): the old token stops at once, and the sessions opened with it on
 * every board of the space are closed (here and, through the relay, on other instances).
 */
export async function rotateSpaceLink(deps: SpaceDeps, spaceId: string, role: SpaceRole): Promise<{ token: string; closedSessions: number }> {
  const token = newToken()
  await deps.storage.rotateSpaceLink(spaceId, role, hashToken(token))
  let closedSessions = 0
  for (const board of await deps.storage.listSpaceBoards(spaceId)) {
    closedSessions += deps.rooms.revokeSessions({ boardId: board.id, role: boardRoleOfSpaceLink(role), via: 'space' }, CloseEvents.LinkRevoked)
  }
  deps.logger.info({ spaceId, role, closed: closedSessions }, 'space link rotated')
  return { token, closedSessions }
}

/**
 * A new board (session) in the space (R8: the space facilitator link, checked by the route),
 * in the space's language unless told otherwise; `date` is the day the session takes place and
 * `purpose` what it is for (both shown by the board's report summary).
 */
export async function createBoardInSpace(storage: Storage, spaceId: string, input: NewBoard & { date?: string; purpose?: string }): Promise<CreatedBoard> {
  const space = await getSpace(storage, spaceId)
  const { date, purpose, ...board } = input
  const created = await createBoardFromTemplate(storage, { ...board, locale: board.locale ?? spaceLocale(space) })
  await storage.setBoardSpace(created.board.id, spaceId)
  if (date || purpose) {
    const settings = await storage.getBoardSettings(created.board.id)
    await storage.setBoardSettings(created.board.id, { ...settings, ...(date ? { [SESSION_DATE_SETTING]: date } : {}), ...(purpose ? { purpose } : {}) })
  }
  return created
}

/**
 * Moves a board into the space (R8): the caller holds the space facilitator link (checked by the
 * route) and `boardToken`, the board's own facilitator token. A board in another space leaves it,
 * and the sessions opened there with that space's links are closed.
 */
export async function moveBoardIn(deps: SpaceDeps, spaceId: string, boardId: string, boardToken: string): Promise<void> {
  const grant = await deps.storage.findToken(hashToken(boardToken))
  if (!grant || grant.boardId !== boardId || grant.role !== 'facilitator') {
    throw new BoardError(403, "moving a board into a space takes the board's facilitator link")
  }
  const previous = await deps.storage.getBoardSpace(boardId)
  if (previous === spaceId) return
  await deps.storage.setBoardSpace(boardId, spaceId)
  if (previous) deps.rooms.revokeSessions({ boardId, role: null, via: 'space' }, CloseEvents.LinkRevoked)
}

/** Takes a board out of the space (R8); its sessions opened with the space's links are closed. */
export async function moveBoardOut(deps: SpaceDeps, spaceId: string, boardId: string): Promise<void> {
  if ((await deps.storage.getBoardSpace(boardId)) !== spaceId) throw new BoardError(404, 'this board is not in this space')
  await deps.storage.setBoardSpace(boardId, null)
  deps.rooms.revokeSessions({ boardId, role: null, via: 'space' }, CloseEvents.LinkRevoked)
}
