import { useContext } from 'react'
import { useEditor, type Editor } from 'tldraw'
import type { Role } from '../../../shared/roles'
import { BoardChromeContext } from '../BoardPanel'
import { parseRoute } from '../../lib/route'

export type BoardToolsContext = { boardId: string; token: string; role: Role; title: string; editor: Editor }

/**
 * What the board tools need, read where it already lives: the board id and token from the
 * page's link, the role and title from the board chrome, the editor from tldraw (the tools are
 * rendered inside tldraw's UI). Null outside a ready board page.
 */
export function useBoardTools(): BoardToolsContext | null {
  const chrome = useContext(BoardChromeContext)
  const editor = useEditor()
  const route = parseRoute(window.location)
  if (!chrome || route.page !== 'board' || !route.token) return null
  return { boardId: route.boardId, token: route.token, role: chrome.role, title: chrome.title, editor }
}
