import { useCallback, useEffect, useRef, useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import type { ControlState } from '../facilitation/controlState'
import type { TimerView } from '../facilitation/useTimerView'

/** At most one announcement this often: screen readers are not flooded while a room writes. */
export const ANNOUNCE_INTERVAL_MS = 2_000
const ONE_MINUTE_MS = 60_000

/**
 * A throttled queue for one polite live region: messages wait in slots (a newer message of the
 * same kind replaces an older one, e.g. the note count) and are read together, once per interval.
 */
function useThrottledMessages(): { message: string; say: (kind: string, text: string) => void } {
  const [message, setMessage] = useState('')
  const pending = useRef(new Map<string, string>())
  const lastFlush = useRef(0)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const flush = useCallback(() => {
    timer.current = null
    if (pending.current.size === 0) return
    lastFlush.current = Date.now()
    setMessage([...pending.current.values()].join(' '))
    pending.current.clear()
  }, [])
  const say = useCallback(
    (kind: string, text: string) => {
      pending.current.set(kind, text)
      if (timer.current) return
      const wait = Math.max(0, lastFlush.current + ANNOUNCE_INTERVAL_MS - Date.now())
      timer.current = setTimeout(flush, wait)
    },
    [flush],
  )
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), [])
  return { message, say }
}

/**
 * What the outline announces politely: the note count when it changes, the vote opening, closing
 * and reveal, private writing starting and being revealed, one minute left, time up.
 */
export function useLiveAnnouncer(control: ControlState, timer: TimerView, noteCount: number): { message: string; say: (text: string) => void } {
  const { t } = useI18n()
  const { message, say } = useThrottledMessages()
  const seen = useRef({ notes: noteCount, vote: control.vote?.status, voteId: control.vote?.id, writing: control.privateWriting?.on ?? false })
  const lastRemaining = useRef(timer.remainingMs)

  useEffect(() => {
    const before = seen.current
    const now = { notes: noteCount, vote: control.vote?.status, voteId: control.vote?.id, writing: control.privateWriting?.on ?? false }
    seen.current = now
    if (now.notes !== before.notes) say('notes', t('outline.live.notes', { count: now.notes }))
    if (now.vote && (now.vote !== before.vote || now.voteId !== before.voteId)) say('vote', t(`vote.status.${now.vote}`))
    if (now.writing !== before.writing) say('writing', now.writing ? t('outline.live.privateOn') : t('outline.live.privateRevealed'))
  }, [noteCount, control.vote, control.privateWriting, say, t])

  useEffect(() => {
    const before = lastRemaining.current
    lastRemaining.current = timer.remainingMs
    if (timer.status !== 'running') return
    if (before > ONE_MINUTE_MS && timer.remainingMs <= ONE_MINUTE_MS && timer.remainingMs > 0) say('timer', t('outline.live.oneMinute'))
    else if (before > 0 && timer.remainingMs <= 0) say('timer', t('timer.done'))
  }, [timer.remainingMs, timer.status, say, t])

  const sayAction = useCallback((text: string) => say('action', text), [say])
  return { message, say: sayAction }
}
