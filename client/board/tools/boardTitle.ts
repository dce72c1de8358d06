/**
 * The board title as it is now. The page gets the title once, over HTTP, when it opens; after
 * that, the latest of two sources wins: a rename made in this page (shown at once) and the
 * title the server mirrors into the control doc's `state` map on every rename (so a rename made
 * anywhere shows on every open page, without a reload).
 */
import { useEffect, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { BOARD_TITLE_KEY, parseBoardTitle } from '../../../shared/boardTitle'
import { STATE_MAP } from '../../../shared/facilitation'

let latest: { boardId: string; title: string } | null = null
const listeners = new Set<() => void>()

function setTitle(boardId: string, title: string): void {
  if (latest?.boardId === boardId && latest.title === title) return
  latest = { boardId, title }
  for (const listener of listeners) listener()
}

/** A rename made in this page: shown at once, before the control doc brings it back. */
export function setRenamedTitle(boardId: string, title: string): void {
  setTitle(boardId, title)
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The latest known title of `boardId`, else `initial` (the title fetched when the page opened). */
export function useBoardTitle(boardId: string, initial: string): string {
  return useSyncExternalStore(subscribe, () => (latest?.boardId === boardId ? latest.title : initial))
}

/** Follows the title the server writes into the control doc's `state` map. */
export function useLiveBoardTitle(boardId: string, controlDoc: Y.Doc | null): void {
  useEffect(() => {
    if (!controlDoc) return
    const state = controlDoc.getMap(STATE_MAP)
    const read = () => {
      const title = parseBoardTitle(state.get(BOARD_TITLE_KEY))
      if (title) setTitle(boardId, title)
    }
    const onChange = (event: Y.YMapEvent<unknown>) => {
      if (event.keysChanged.has(BOARD_TITLE_KEY)) read()
    }
    read()
    state.observe(onChange)
    return () => state.unobserve(onChange)
  }, [boardId, controlDoc])
}
