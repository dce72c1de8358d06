import { useCallback, useEffect, useState } from 'react'
import type { Role } from '../../../shared/roles'
import { findMyBoard, rememberBoard } from '../../lib/myBoards'
import { setRenamedTitle } from './boardTitle'
import { getBoardMeta, rotateLink, updateBoard, type BoardMeta } from '../../api/boards'
import { errorMessage } from '../../api/http'


/**
 * The facilitator's link and board settings. Links come from "my boards" (the server keeps
 * only hashes, so a link this browser never saw can only be replaced, not shown); a rotated
 * link replaces the old one here and in "my boards".
 */
export function useBoardSettings(boardId: string, token: string) {
  const [meta, setMeta] = useState<BoardMeta | null>(null)
  const [links, setLinks] = useState<Partial<Record<Role, string>>>(() => ({
    ...findMyBoard(boardId)?.links,
    facilitator: window.location.href,
  }))
  const [error, setError] = useState<string | null>(null)
  const [working, setWorking] = useState(false)

  useEffect(() => {
    let cancelled = false
    getBoardMeta(boardId, token).then(
      (r) => !cancelled && setMeta(r.board),
      (e: unknown) => !cancelled && setError(errorMessage(e)),
    )
    return () => {
      cancelled = true
    }
  }, [boardId, token])

  const act = useCallback(async (task: () => Promise<void>): Promise<boolean> => {
    setWorking(true)
    setError(null)
    try {
      await task()
      return true
    } catch (e) {
      setError(errorMessage(e))
      return false
    } finally {
      setWorking(false)
    }
  }, [])

  const rotate = (role: Exclude<Role, 'facilitator'>) =>
    act(async () => {
      const link = await rotateLink(boardId, token, role)
      setLinks((current) => ({ ...current, [role]: link }))
      rememberBoard({ id: boardId, title: meta?.title ?? findMyBoard(boardId)?.title ?? '', links: { [role]: link } })
    })

  const rename = (title: string) =>
    act(async () => {
      const board = await updateBoard(boardId, token, { title })
      setMeta(board)
      rememberBoard({ id: boardId, title: board.title, links: {} })
      setRenamedTitle(boardId, board.title)
    })

  const setArchived = (archived: boolean) =>
    act(async () => {
      setMeta(await updateBoard(boardId, token, { archived }))
    })

  return { meta, links, error, working, rotate, rename, setArchived }
}
