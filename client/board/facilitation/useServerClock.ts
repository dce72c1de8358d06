import { useCallback, useEffect, useRef } from 'react'
import { measureClockOffset, type ClockSample } from '../../api/facilitation'

/** How often the offset to the server clock is measured again. */
const CLOCK_REFRESH_MS = 5 * 60_000
/** Samples per measurement; the one with the shortest round trip wins (least error). */
const SAMPLES_PER_ROUND = 3
/** A round whose best round trip is longer than this is retried soon (a busy page or network). */
const GOOD_RTT_MS = 400
const RETRY_MS = 3_000
const MAX_RETRIES = 10

async function measureRound(): Promise<ClockSample | null> {
  let best: ClockSample | null = null
  for (let i = 0; i < SAMPLES_PER_ROUND; i++) {
    try {
      const sample = await measureClockOffset()
      if (!best || sample.rttMs < best.rttMs) best = sample
    } catch {
      // Offline: try the next sample.
    }
  }
  return best
}

/**
 * Server time as this page best knows it: local time plus an offset measured against
 * GET /api/time now, again every few minutes and when the page becomes visible again. A
 * sample's error is at most half its round trip, so slow rounds are retried and a new
 * offset replaces the current one only when it was measured at least about as precisely.
 */
export function useServerClock(): () => number {
  const offset = useRef<ClockSample | null>(null)
  useEffect(() => {
    let stopped = false
    let retry: ReturnType<typeof setTimeout> | undefined
    const measure = (attempt: number) => {
      void measureRound().then((sample) => {
        if (stopped || !sample) return
        const current = offset.current
        if (!current || sample.rttMs <= Math.max(current.rttMs * 2, GOOD_RTT_MS)) offset.current = sample
        if (sample.rttMs > GOOD_RTT_MS && attempt < MAX_RETRIES) retry = setTimeout(() => measure(attempt + 1), RETRY_MS)
      })
    }
    measure(0)
    const interval = setInterval(() => measure(0), CLOCK_REFRESH_MS)
    const onVisible = () => {
      if (document.visibilityState === 'visible') measure(0)
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      stopped = true
      clearInterval(interval)
      clearTimeout(retry)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [])
  return useCallback(() => Date.now() + (offset.current?.offsetMs ?? 0), [])
}
