import { formatClock, textIn } from '../../../shared/plan'
import { useI18n } from '../../i18n/I18nProvider'
import { useBoard } from '../boardContext'
import { useMyGroup, usePlanView, type PlanView } from './usePlanView'

/**
 * "Step 3 of 7 · Vote · 1:40 left · Next: …", in this page's language; `withTime: false` leaves
 * out the clock and what comes next: what changes only when the plan moves.
 */
export function usePlanStatusLine(view: PlanView, withTime = true): string {
  const { t, locale } = useI18n()
  const { status, state } = view
  if (status.status === 'ready') return t('plan.bar.ready', { title: textIn(state.plan.title, locale) })
  if (status.status === 'done') return t('plan.bar.done')
  const parts = [t('plan.bar.step', { n: status.stepNumber, count: status.stepCount })]
  if (status.stepTitle) parts.push(textIn(status.stepTitle, locale))
  if (status.phase) parts.push(t(`plan.phase.${status.phase}`))
  if (!withTime) return parts.join(' · ')
  parts.push(status.phaseOverrunMs > 0 ? t('plan.bar.over', { time: formatClock(status.phaseOverrunMs) }) : t('plan.bar.left', { time: formatClock(status.remainingMs) }))
  const next = status.next
  if (next) parts.push(t('plan.bar.next', { what: next.kind === 'phase' ? t(`plan.phase.${next.phase}`) : textIn(next.title, locale) }))
  return parts.join(' · ')
}

function Bar({ view, group }: { view: PlanView; group: ReturnType<typeof useMyGroup> }) {
  const { t, locale } = useI18n()
  const line = usePlanStatusLine(view)
  // Read out when the plan moves, not every second as its clock ticks (the bar is not a live region).
  const moved = usePlanStatusLine(view, false)
  const names = group ? new Intl.ListFormat(locale, { type: 'conjunction' }).format(group.others.map((m) => m.name)) : ''
  return (
    <div className="plan-bar" role="group" aria-label={t('plan.bar.label')} data-testid="plan-bar">
      <span data-testid="plan-status">{line}</span>
      <span className="visually-hidden" aria-live="polite" data-testid="plan-live">
        {moved}
      </span>
      {group && group.others.length > 0 && (
        <span className="plan-group" data-testid="plan-group">
          {t('plan.bar.group', { n: group.index + 1 })} · {t('plan.bar.with', { names })}
        </span>
      )}
    </div>
  )
}

/** The plan bar on every board page (tldraw's TopPanel, under the banners). */
export function PlanBar() {
  const board = useBoard()
  const fac = board?.facilitation
  const view = usePlanView(fac?.control.plan ?? null, fac?.serverNow ?? Date.now)
  const group = useMyGroup(fac?.control.groups ?? null, board?.boardId ?? '', board?.connection.private?.participantId ?? null)
  return view ? <Bar view={view} group={group} /> : null
}
