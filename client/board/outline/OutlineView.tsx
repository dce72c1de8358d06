import { useEffect, useMemo, useRef, useState } from 'react'
import { useEditor } from 'tldraw'
import { accessFor } from '../../../shared/roles'
import { useI18n } from '../../i18n/I18nProvider'
import { InstructionsSection } from '../facilitation/InstructionsSection'
import { PrivateWritingSection } from '../facilitation/PrivateWritingSection'
import { TalkingPieceSection } from '../facilitation/TalkingPieceSection'
import { circlesOf } from '../facilitation/talkingPiece'
import { TimerControls, TimerDisplay } from '../facilitation/TimerSection'
import { useActivities } from '../facilitation/useActivities'
import type { Facilitation } from '../facilitation/useFacilitationState'
import { useTimerView } from '../facilitation/useTimerView'
import { useVoting } from '../facilitation/useVoting'
import { VoteSection } from '../facilitation/VoteSection'
import { AddNoteDialog } from './AddNoteDialog'
import { OutlineActivities } from './OutlineActivities'
import { useLiveAnnouncer } from './useLiveAnnouncer'
import { useOutline } from './useOutline'
import { useOutlineActions } from './useOutlineActions'
import { useFocusRescue } from './useFocusRescue'
import './outline.css'

type Props = { fac: Facilitation; onClose: () => void }

/**
 * The outline view: the board as text (activities → zones → notes) and everything a mouse user
 * does in an activity, from the keyboard or a screen reader: add, edit, move, delete, vote, the
 * talking piece, the timer and the instructions; the facilitator's controls for facilitators.
 * Changes are announced politely, throttled, through its one live region.
 */
export function OutlineView({ fac, onClose }: Props) {
  const { t } = useI18n()
  const editor = useEditor()
  const outline = useOutline(editor, fac.binding)
  const voting = useVoting(fac)
  const timer = useTimerView(fac.control.timer, fac.serverNow)
  const activities = useActivities(fac.controlDoc)
  const circles = useMemo(() => circlesOf(activities, fac.control.talkingPiece), [activities, fac.control.talkingPiece])
  const live = useLiveAnnouncer(fac.control, timer, outline.noteCount)
  const [adding, setAdding] = useState<{ zoneId: string | null } | null>(null)
  const actions = useOutlineActions(editor, live.say)
  const heading = useRef<HTMLHeadingElement>(null)
  const root = useRef<HTMLElement>(null)
  useFocusRescue(root, heading)
  const canWrite = accessFor(fac.role, 'board') === 'write'
  const { vote } = fac.control

  useEffect(() => heading.current?.focus(), [])

  return (
    <section
      ref={root}
      className="outline-sheet"
      aria-labelledby="outline-heading"
      data-testid="outline"
      onKeyDown={(e) => {
        // Keys typed here are not the canvas's shortcuts; Escape leaves the outline.
        e.stopPropagation()
        if (e.key === 'Escape' && !adding) onClose()
      }}
      onKeyUp={(e) => e.stopPropagation()}
    >
      <div className="outline-head">
        <h2 id="outline-heading" ref={heading} tabIndex={-1}>
          {t('outline.title')}
        </h2>
        <button type="button" className="outline-close" onClick={onClose}>
          {t('outline.close')}
        </button>
      </div>
      <div className="outline-body">
        <div className="outline-status">
          <TimerDisplay view={timer} />
          {vote && <span data-testid="outline-vote-status">{t(`vote.status.${vote.status}`)}</span>}
          {voting.canVote && <span data-testid="outline-votes-left">{t('vote.remaining', { count: voting.remaining })}</span>}
        </div>
        {canWrite && (
          <button type="button" className="primary outline-add" aria-keyshortcuts="Alt+Shift+N" onClick={() => setAdding({ zoneId: null })}>
            {t('outline.add.open')}
          </button>
        )}
        {fac.error && (
          <p className="fac-error" role="alert">
            {t('fac.failed', { reason: fac.error })}
          </p>
        )}
        <div className="outline-facilitation">
          {fac.isFacilitator && (
            <section className="fac-section" aria-labelledby="outline-timer-heading">
              <h3 id="outline-timer-heading">{t('timer.heading')}</h3>
              <TimerControls fac={fac} view={timer} />
            </section>
          )}
          <PrivateWritingSection fac={fac} />
          {fac.isFacilitator && <VoteSection fac={fac} voting={voting} />}
          <TalkingPieceSection fac={fac} circles={circles} />
          <InstructionsSection fac={fac} activities={activities} />
        </div>
        <OutlineActivities outline={outline} canWrite={canWrite} voting={voting} fac={fac} actions={actions} onAdd={(zoneId) => setAdding({ zoneId })} />
      </div>
      <p className="visually-hidden" aria-live="polite" data-testid="outline-live">
        {live.message}
      </p>
      {adding && (
        <AddNoteDialog editor={editor} initialZoneId={adding.zoneId} onDone={(message) => live.say(message)} onClose={() => setAdding(null)} />
      )}
    </section>
  )
}
