import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { FollowSection } from './FollowSection'
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
import { useTimerView } from './useTimerView'
import type { Voting } from './useVoting'
import { VoteSection } from './VoteSection'

type DockProps = { fac: Facilitation; voting: Voting; follow: Follow; activities: Activity[]; circles: Circle[] }

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
        {fac.error && (
          <p className="fac-error" role="alert">
            {t('fac.failed', { reason: fac.error })}
          </p>
        )}
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
      </div>
      <p className="visually-hidden" aria-live="polite" data-testid="fac-announcement">
        {announcement}
      </p>
    </aside>
  )
}
