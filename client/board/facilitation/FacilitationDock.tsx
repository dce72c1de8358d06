import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { useFocusRescue } from '../../ui/useFocusRescue'
import { FollowSection } from './FollowSection'
import { PlanPanel } from '../plan/PlanPanel'
import { loadDockOpen, saveDockOpen } from './dockMemory'
import type { Facilitation } from './useFacilitationState'
import { InstructionsSection } from './InstructionsSection'
import { PrivateWritingSection } from './PrivateWritingSection'
import { TalkingPieceSection } from './TalkingPieceSection'
import { ZoneHeadingsSection } from './ZoneHeadingsSection'
import type { Circle } from './talkingPiece'
import { TimerControls, TimerDisplay } from './TimerSection'
import type { Activity } from '../../../shared/activities'
import { useAnnouncement } from './useAnnouncement'
import type { Follow } from './useFollow'
import { useTimerView, type TimerView } from './useTimerView'
import { useBoard } from '../boardContext'
import { Sheet } from '../../ui/Sheet'
import type { Voting } from './useVoting'
import { VoteSection } from './VoteSection'

type DockProps = { fac: Facilitation; voting: Voting; follow: Follow; activities: Activity[]; circles: Circle[] }

/** What the panel holds: the facilitator's controls, or what a participant needs to know now. */
function FacilitationBody({ fac, voting, follow, activities, circles, timer }: DockProps & { timer: TimerView }) {
  const { t } = useI18n()
  return (
    <>
      {fac.error && (
        <p className="fac-error" role="alert">
          {t('fac.failed', { reason: fac.error })}
        </p>
      )}
      <PlanPanel />
      {fac.isFacilitator && (
        <section className="fac-section" aria-labelledby="fac-timer-heading">
          <h3 id="fac-timer-heading">{t('timer.heading')}</h3>
          <TimerControls fac={fac} view={timer} />
        </section>
      )}
      <PrivateWritingSection fac={fac} />
      {(fac.isFacilitator || fac.control.vote) && <VoteSection fac={fac} voting={voting} />}
      <FollowSection fac={fac} follow={follow} />
      <TalkingPieceSection fac={fac} circles={circles} />
      <InstructionsSection fac={fac} activities={activities} />
      <ZoneHeadingsSection fac={fac} activities={activities} />
    </>
  )
}

/**
 * The facilitation panel on the left of the canvas: the timer always shows in its header; the
 * body holds the facilitator's controls, or what a participant needs to know right now.
 */
export function FacilitationDock({ fac, voting, follow, activities, circles }: DockProps) {
  const { t } = useI18n()
  const [open, setOpen] = useState(loadDockOpen)
  const timer = useTimerView(fac.control.timer, fac.serverNow)
  const announcement = useAnnouncement(fac.control, timer)
  const dock = useRef<HTMLElement>(null)
  useFocusRescue(dock)
  const toggle = () => {
    saveDockOpen(!open)
    setOpen(!open)
  }

  // Scrolling the panel must not zoom the canvas underneath (tldraw listens on its container).
  useEffect(() => {
    const element = dock.current
    if (!element) return
    const stop = (event: Event) => event.stopPropagation()
    element.addEventListener('wheel', stop, { passive: true })
    return () => element.removeEventListener('wheel', stop)
  }, [])

  const board = useBoard()
  const live = (
    <p className="visually-hidden" aria-live="polite" data-testid="fac-announcement">
      {announcement}
    </p>
  )
  // On a phone the panel is a sheet opened from the bottom bar; it never covers the board by itself.
  if (board?.phone) {
    return (
      <>
        {board.sheet === 'facilitation' && (
          <Sheet title={t('fac.panel')} onClose={board.closeSheet} testId="facilitation-sheet">
            <TimerDisplay view={timer} />
            {timer.flashing && <p className="fac-done">{t('timer.done')}</p>}
            <FacilitationBody fac={fac} voting={voting} follow={follow} activities={activities} circles={circles} timer={timer} />
          </Sheet>
        )}
        {live}
      </>
    )
  }

  return (
    <aside ref={dock} className={`fac-dock${timer.flashing ? ' fac-dock-flash' : ''}`} aria-labelledby="fac-dock-heading" data-testid="facilitation-dock">
      <div className="fac-header">
        <h2 id="fac-dock-heading">{t('fac.panel')}</h2>
        <TimerDisplay view={timer} />
        <button type="button" className="fac-toggle" aria-expanded={open} aria-controls="fac-dock-body" onClick={toggle}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          <span className="visually-hidden">{open ? t('fac.hide') : t('fac.show')}</span>
        </button>
      </div>
      {timer.flashing && <p className="fac-done">{t('timer.done')}</p>}
      <div id="fac-dock-body" className="fac-body" hidden={!open}>
        <FacilitationBody fac={fac} voting={voting} follow={follow} activities={activities} circles={circles} timer={timer} />
      </div>
      {live}
    </aside>
  )
}
