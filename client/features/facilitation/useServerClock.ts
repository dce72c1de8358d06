import { useCallback, useEffect, useRef } from 'react'
import { measureClockOffset } from './api'

/** How often the offset to the server clock is measured again. */
const CLOCK_REFRESH_MS = 5 * 60_000

/**
 * Server time as this page best knows it: local time plus an offset measured against
 * GET /api/time (now, then every few minutes and when the page becomes visible again).
 */
export function useServerClock(): () => number {
  const offset = useRef(0)
  useEffect(() => {
    let stopped = false
    const measure = () => {
      measureClockOffset()
        .then((value) => {
          if (!stopped) offset.current = value
        })
        .catch(() => {
          // Offline: keep the last offset.
        })
    }
    measure()
    const interval = setInterval(measure, CLOCK_REFRESH_MS)
    const onVisible = () => {
      if (document.visibilityState === 'visible') measure()
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      stopped = true
      clearInterval(interval)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [])
  return useCallback(() => Date.now() + offset.current, [])
}
