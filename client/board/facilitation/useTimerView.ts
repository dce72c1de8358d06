import { useEffect, useRef, useState } from 'react'
import { timerRemainingMs, type TimerState } from '../../../shared/facilitation'
import { playChime } from './beep'

/** Refresh rate of the countdown. */
const TICK_MS = 250
/** A timer that ran out longer ago than this when the page opened does not chime. */
const LATE_CHIME_WINDOW_MS = 5_000
/** How long the "time is up" flash lasts. */
const FLASH_MS = 4_000

export type TimerView = {
  remainingMs: number
  /** Local clock time at which `remainingMs` was computed (lets tests compare pages exactly). */
  computedAt: number
  status: TimerState['status'] | 'none'
  flashing: boolean
  finishedAt: number | null
}

/** mm:ss (or h:mm:ss) of a remaining time, rounded up so that 0:00 means done. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000)
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}

/**
 * The countdown every page shows for the control doc's timer, on server time. When a running
 * timer reaches zero while the page is open, it chimes once and flashes.
 */
export function useTimerView(timer: TimerState | null, serverNow: () => number): TimerView {
  const [tick, setTick] = useState(() => ({ now: serverNow(), local: Date.now() }))
  const now = tick.now
  const [flashing, setFlashing] = useState(false)
  const [finishedAt, setFinishedAt] = useState<number | null>(null)
  const chimedFor = useRef<number | null>(null)
  const flashTimeout = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => {
    const interval = setInterval(() => setTick({ now: serverNow(), local: Date.now() }), TICK_MS)
    return () => clearInterval(interval)
  }, [serverNow])

  const remainingMs = timer ? timerRemainingMs(timer, now) : 0
  const endsAt = timer?.status === 'running' ? timer.endsAt : null

  useEffect(() => {
    if (endsAt === null || remainingMs > 0 || chimedFor.current === endsAt) return
    chimedFor.current = endsAt
    if (now - endsAt > LATE_CHIME_WINDOW_MS) return
    playChime()
    setFlashing(true)
    setFinishedAt(endsAt)
    flashTimeout.current = setTimeout(() => setFlashing(false), FLASH_MS)
  }, [endsAt, remainingMs, now])

  useEffect(() => () => clearTimeout(flashTimeout.current), [])

  return { remainingMs, computedAt: tick.local, status: timer?.status ?? 'none', flashing, finishedAt }
}
