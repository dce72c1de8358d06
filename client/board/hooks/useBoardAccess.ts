import { useEffect, useRef, useState } from 'react'
import type { Role } from '../../../shared/roles'
import { fetchBoard, type BoardInfo } from '../../api/boards'
import { ApiError } from '../../api/http'
import { findMyBoard, rememberBoard } from '../../lib/myBoards'

export type BoardAccess =
  | { state: 'loading' }
  | { state: 'ready'; board: BoardInfo; role: Role; offline: boolean }
  | { state: 'failed'; reason: 'noToken' | 'denied' | 'notFound' | 'other'; detail?: string }

/** The board and the role, already known (the lobby's answer holds them when the link opens the board). */
export type KnownBoard = { board: BoardInfo; role: Role }

/**
 * Asks the server which role this link grants, and remembers the board in "my boards".
 * Offline, a board opened before reopens with the role it had. `remember: false` (the
 * projector view) leaves "my boards" alone. With `known` (read once), nothing is asked.
 */
export function useBoardAccess(boardId: string, token: string, remember = true, known: KnownBoard | null = null): BoardAccess {
  const [access, setAccess] = useState<BoardAccess>(() =>
    known ? { state: 'ready', ...known, offline: false } : token ? { state: 'loading' } : { state: 'failed', reason: 'noToken' },
  )
  const knownRef = useRef(known)
  useEffect(() => {
    if (!token) return
    const remembered = ({ board, role }: KnownBoard) => {
      if (remember) rememberBoard({ id: board.id, title: board.title, links: { [role]: window.location.href }, lastRole: role })
    }
    const given = knownRef.current
    if (given?.board.id === boardId) {
      remembered(given)
      return
    }
    let cancelled = false
    fetchBoard(boardId, token).then(
      ({ board, role }) => {
        if (cancelled) return
        remembered({ board, role })
        setAccess({ state: 'ready', board, role, offline: false })
      },
      (error: unknown) => {
        if (cancelled) return
        if (error instanceof ApiError) {
          const reason = error.status === 404 ? 'notFound' : error.status === 401 || error.status === 403 ? 'denied' : 'other'
          setAccess({ state: 'failed', reason, detail: error.message })
          return
        }
        // Network failure: reopen from what this browser remembers, if it knows the link.
        const stored = findMyBoard(boardId)
        const role = stored?.lastRole
        if (stored && role && stored.links[role]?.endsWith(`#${token}`)) {
          setAccess({ state: 'ready', board: { id: stored.id, title: stored.title }, role, offline: true })
        } else setAccess({ state: 'failed', reason: 'other', detail: String(error) })
      },
    )
    return () => {
      cancelled = true
    }
  }, [boardId, token, remember])
  return access
}
