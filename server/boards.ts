/**
 * Board lifecycle that is not sync: creating a board with its three links and its first
 * state. Templates (activities) plug in through `seedControlDoc`.
 */
import * as Y from 'yjs'
import { initializeBoardDoc } from '../shared/boardSchema.js'
import { ROLES, type Role } from '../shared/roles.js'
import { hashToken, newBoardId, newToken } from './auth/tokens.js'
import type { BoardRecord, Storage } from './storage/Storage.js'

export type CreatedBoard = { board: BoardRecord; tokens: Record<Role, string> }

export async function createBoard(
  storage: Storage,
  input: { title: string; template?: string | null },
  seedControlDoc?: (doc: Y.Doc) => void,
): Promise<CreatedBoard> {
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
  await storage.appendUpdates(board.id, [Y.encodeStateAsUpdate(doc)])
  doc.destroy()
  if (seedControlDoc) {
    const control = new Y.Doc()
    seedControlDoc(control)
    await storage.appendUpdates(`${board.id}/control`, [Y.encodeStateAsUpdate(control)])
    control.destroy()
  }
  return { board, tokens }
}

export function boardLinks(origin: string, boardId: string, tokens: Record<Role, string>): Record<Role, string> {
  return Object.fromEntries(ROLES.map((role) => [role, `${origin}/b/${boardId}#${tokens[role]}`])) as Record<Role, string>
}
