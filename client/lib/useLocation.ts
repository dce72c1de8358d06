import { useEffect, useState } from 'react'

/** Fired on `window` when the app changes the address itself (see `navigate`). */
const NAVIGATED = 'canvas:navigated'

type Place = { pathname: string; search: string; hash: string }

function here(): Place {
  const { pathname, search, hash } = window.location
  return { pathname, search, hash }
}

/**
 * The address the page shows, live: a link that differs only by its `#fragment` (another
 * board's token) changes no page by itself, so the app follows `hashchange`, back/forward and
 * its own `navigate` calls.
 */
export function useLocation(): Place {
  const [place, setPlace] = useState(here)
  useEffect(() => {
    const update = () => setPlace(here())
    window.addEventListener('hashchange', update)
    window.addEventListener('popstate', update)
    window.addEventListener(NAVIGATED, update)
    return () => {
      window.removeEventListener('hashchange', update)
      window.removeEventListener('popstate', update)
      window.removeEventListener(NAVIGATED, update)
    }
  }, [])
  return place
}

/** Opens a same-origin path in this tab without reloading the page. */
export function navigate(path: string): void {
  window.history.pushState(null, '', path)
  window.dispatchEvent(new Event(NAVIGATED))
}
