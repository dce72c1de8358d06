import { useEffect } from 'react'
import { rememberSpace } from '../lib/mySpaces'
import type { SpaceState } from './useSpace'

/** Once a space has opened, this browser remembers it (with the link just used) for the lobby's list. */
export function useRememberSpace(state: SpaceState): void {
  const ready = state.state === 'ready' ? state.data : null
  useEffect(() => {
    if (!ready) return
    rememberSpace({ id: ready.space.id, title: ready.space.title, links: { [ready.role]: window.location.href } })
  }, [ready])
}
