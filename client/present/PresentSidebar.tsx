import type * as Y from 'yjs'
import { planActivityId } from '../../shared/plan'
import { useI18n } from '../i18n/I18nProvider'
import { findMyBoard } from '../lib/myBoards'
import { defaultInstructions } from '../board/facilitation/InstructionsSection'
import { TimerDisplay } from '../board/facilitation/TimerSection'
import { useActivities } from '../board/facilitation/useActivities'
import { usePlanStatusLine } from '../board/plan/PlanBar'
import { usePlanView, type PlanView } from '../board/plan/usePlanView'
import { useControlState } from '../board/facilitation/useControlState'
import { useServerClock } from '../board/facilitation/useServerClock'
import { useTimerView } from '../board/facilitation/useTimerView'
import { QrCode } from '../share/QrCode'

/** A link as people can read it off a wall: no scheme. */
function readableLink(link: string): string {
  return link.replace(/^https?:\/\//, '')
}

type Props = { boardId: string; title: string; controlDoc: Y.Doc; peopleCount: number; leader: string | null }

/** The projector's column: title, the timer large, how many are here, instructions, how to join. */
export function PresentSidebar({ boardId, title, controlDoc, peopleCount, leader }: Props) {
  const { t, locale } = useI18n()
  const control = useControlState(controlDoc)
  const serverNow = useServerClock()
  const timer = useTimerView(control.timer, serverNow)
  const activities = useActivities(controlDoc)
  // The plan's current activity, else the board's first.
  const planned = planActivityId(control.plan)
  const activity = activities.find((a) => a.instanceId === planned) ?? activities[0]
  const instructions = activity ? (control.instructions[activity.instanceId] ?? defaultInstructions(activity, locale)) : ''
  const joinLink = findMyBoard(boardId)?.links.participant
  const plan = usePlanView(control.plan, serverNow)
  return (
    <aside className="present-side" data-testid="present-side">
      <h1 className="present-title">{title}</h1>
      <div className="present-timer" aria-label={t('present.timer')}>
        <TimerDisplay view={timer} />
      </div>
      {plan && <PlanLine view={plan} />}
      <p className="present-people" data-testid="present-people">
        {t('present.people', { count: peopleCount })}
        {leader && <span className="present-leader"> · {t('present.following', { name: leader })}</span>}
      </p>
      {activity && (
        <section className="present-instructions">
          <h2>{activity.name}</h2>
          <p data-testid="present-instructions">{instructions}</p>
        </section>
      )}
      <section className="present-join">
        <h2>{t('present.join')}</h2>
        {joinLink ? (
          <>
            <QrCode text={joinLink} label={t('share.qr')} px={240} testId="present-qr" />
            <code className="present-link">{readableLink(joinLink)}</code>
          </>
        ) : (
          <p className="hint">{t('present.noLink')}</p>
        )}
      </section>
    </aside>
  )
}

/** Where the plan is, for the room: step, phase, time left, what comes next. */
function PlanLine({ view }: { view: PlanView }) {
  return (
    <p className="present-plan" data-testid="present-plan">
      {usePlanStatusLine(view)}
    </p>
  )
}
