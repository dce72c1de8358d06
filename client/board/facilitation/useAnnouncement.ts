import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import type { ControlState } from './controlState'
import type { TimerView } from './useTimerView'

/**
 * The latest facilitation change worth announcing to screen readers (an aria-live region shows
 * it): time is up, the vote opened / closed / revealed, private writing on or off.
 */
export function useAnnouncement(control: ControlState, timer: TimerView): string {
  const { t } = useI18n()
  const [message, setMessage] = useState('')
  const previous = useRef({ vote: control.vote?.status, voteId: control.vote?.id, writing: control.privateWriting?.on ?? false })

  useEffect(() => {
    if (timer.finishedAt !== null) setMessage(t('timer.done'))
  }, [timer.finishedAt, t])

  useEffect(() => {
    const now = { vote: control.vote?.status, voteId: control.vote?.id, writing: control.privateWriting?.on ?? false }
    const before = previous.current
    previous.current = now
    if (now.vote && (now.vote !== before.vote || now.voteId !== before.voteId)) setMessage(t(`vote.status.${now.vote}`))
    else if (now.writing !== before.writing) setMessage(now.writing ? t('private.on') : t('private.heading') + ' ✓')
  }, [control.vote, control.privateWriting, t])

  return message
}
