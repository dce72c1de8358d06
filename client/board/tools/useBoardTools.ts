import { useEditor, type Editor } from 'tldraw'
import type { Role } from '../../../shared/roles'
import { useBoard } from '../boardContext'

export type BoardToolsContext = { boardId: string; token: string; role: Role; title: string; editor: Editor }

/**
 * What the board tools need: the board, its link's token, the role and title from the board
 * context, the editor from tldraw (the tools are rendered inside tldraw's UI). Null outside a
 * ready board page.
 */
export function useBoardTools(): BoardToolsContext | null {
  const board = useBoard()
  const editor = useEditor()
  if (!board) return null
  return { boardId: board.boardId, token: board.token, role: board.role, title: board.title, editor }
}
