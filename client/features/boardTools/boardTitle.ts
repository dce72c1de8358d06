/**
 * The board title as renamed in this page. The board chrome gets the title once, when the page
 * opens; a rename made here shows at once through {@link useBoardTitle}.
 */
import { useSyncExternalStore } from 'react'

let renamed: string | null = null
const listeners = new Set<() => void>()

export function setRenamedTitle(title: string): void {
  renamed = title
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The renamed title if this page renamed the board, else `initial`. */
export function useBoardTitle(initial: string): string {
  return useSyncExternalStore(subscribe, () => renamed ?? initial)
}
