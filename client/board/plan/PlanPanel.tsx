import { useState } from 'react'
import { textIn, type PlanStatus } from '../../../shared/plan'
import { useI18n } from '../../i18n/I18nProvider'
import { useBoard } from '../boardContext'
import { ConfirmDialog } from '../tools/ConfirmDialog'
import { FollowUpButton } from './FollowUpButton'
import { useFacilitatorNotes } from './useFacilitatorNotes'
import { usePlanActions, type PlanActions } from './usePlanActions'
import { usePlanView, type PlanView } from './usePlanView'

/**
 * Loading a ready-made plan. With a plan on the board it offers to replace it, proposing another
 * plan than the one the board runs (that one is not a choice anyone makes by default).
 */
function ChoosePlan({ actions, hasPlan, current }: { actions: PlanActions; hasPlan: boolean; current?: string }) {
  const { t, locale } = useI18n()
  const [choice, setChoice] = useState('')
  const [confirming, setConfirming] = useState(false)
  const selected = choice || actions.readyPlans.find((p) => p.id !== current)?.id || ''
  const load = () => {
    setConfirming(false)
    setChoice('')
    void actions.act({ action: 'load', planId: selected, locale })
  }
  const use = () => (hasPlan ? setConfirming(true) : load())
  return (
    <div className="plan-choose">
      {confirming && (
        <ConfirmDialog title={t('plan.panel.replaceConfirm')} confirmLabel={t('plan.panel.use')} onConfirm={load} onCancel={() => setConfirming(false)}>
          <p>{actions.readyPlans.find((p) => p.id === selected)?.name}</p>
        </ConfirmDialog>
      )}
      <label>
        {hasPlan ? t('plan.panel.chooseOther') : t('plan.panel.choose')}
        <select value={selected} onChange={(e) => setChoice(e.target.value)} data-testid="plan-choice">
          {actions.readyPlans.map((p) => (
            <option key={p.id} value={p.id} title={p.description}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={use} disabled={!selected || actions.busy}>
        {t('plan.panel.use')}
      </button>
    </div>
  )
}

function Timing({ status, onShorten, busy }: { status: PlanStatus; onShorten: () => void; busy: boolean }) {
  const { t, locale } = useI18n()
  if (status.plannedEnd === null || status.projectedEnd === null) return null
  const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' })
  const lateMinutes = Math.round(status.lateByMs / 60_000)
  return (
    <div className="plan-timing" data-testid="plan-timing">
      <p>
        {t('plan.panel.plannedEnd', { time: clock.format(status.plannedEnd) })} · {t('plan.panel.projectedEnd', { time: clock.format(status.projectedEnd) })}
        {lateMinutes !== 0 && ` · ${t(lateMinutes > 0 ? 'plan.panel.late' : 'plan.panel.early', { minutes: Math.abs(lateMinutes) })}`}
      </p>
      {status.status === 'running' && status.lateByMs > 0 && (
        <button type="button" onClick={onShorten} disabled={busy}>
          {t('plan.panel.shorten')}
        </button>
      )}
    </div>
  )
}

function RunControls({ view, actions }: { view: PlanView; actions: PlanActions }) {
  const { t } = useI18n()
  const running = view.status.status === 'running'
  const act = (action: 'start' | 'next' | 'back' | 'skip') => () => void actions.act({ action })
  return (
    <div className="plan-controls">
      <button type="button" className={running ? '' : 'primary'} onClick={act('start')} disabled={actions.busy}>
        {t(view.status.status === 'ready' ? 'plan.panel.start' : 'plan.panel.restart')}
      </button>
      <button type="button" onClick={act('back')} disabled={!running || actions.busy}>
        {t('plan.panel.back')}
      </button>
      <button type="button" className={running ? 'primary' : ''} onClick={act('next')} disabled={!running || actions.busy}>
        {t('plan.panel.next')}
      </button>
      <button type="button" onClick={act('skip')} disabled={!running || actions.busy}>
        {t('plan.panel.skip')}
      </button>
    </div>
  )
}

/** The facilitator's plan section of the facilitation panel: choose, run, re-time, notes. */
export function PlanPanel() {
  const board = useBoard()
  const { t, locale } = useI18n()
  const isFacilitator = board?.role === 'facilitator'
  const fac = board?.facilitation
  const view = usePlanView(fac?.control.plan ?? null, fac?.serverNow ?? Date.now)
  const actions = usePlanActions(board?.boardId ?? '', board?.token ?? '', locale, isFacilitator)
  const notes = useFacilitatorNotes(board?.boardId ?? '', board?.token ?? '', isFacilitator)
  if (!board || !isFacilitator) return null
  const step = view ? view.state.plan.steps[view.state.run.step] : undefined
  const stepNotes = step ? textIn(notes[step.id], locale) : ''
  return (
    <section className="fac-section plan-panel" aria-labelledby="plan-panel-heading" data-testid="plan-panel">
      <h3 id="plan-panel-heading">{t('plan.panel.heading')}</h3>
      {actions.error && (
        <p className="fac-error" role="alert">
          {t('fac.failed', { reason: actions.error })}
        </p>
      )}
      {view && <RunControls view={view} actions={actions} />}
      {view && <Timing status={view.status} busy={actions.busy} onShorten={() => void actions.act({ action: 'shorten' })} />}
      {view && step && (
        <div className="plan-notes" data-testid="plan-notes">
          <h4>{t('plan.panel.notes')}</h4>
          <p>{stepNotes || t('plan.panel.noNotes')}</p>
        </div>
      )}
      <ChoosePlan actions={actions} hasPlan={view !== null} current={view?.state.plan.source} />
      <FollowUpButton boardId={board.boardId} token={board.token} />
    </section>
  )
}
