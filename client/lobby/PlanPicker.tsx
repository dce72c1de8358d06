import { useEffect, useId, useState } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { listPlans, type PlanSummary } from '../api/plans'
import { errorMessage } from '../api/http'
import '../board/activities/activities.css'

type Props = {
  /** The chosen ready-made plan's id; '' is "no plan". */
  value: string
  onChange: (planId: string) => void
}

/** Minutes as "3 h 30 min" / "45 min" (the same in both languages). */
function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000)
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`
}

/**
 * The lobby's ready-made workshop plans (GET /api/plans), as a radio group of cards like the
 * activity gallery: a plan adds its activities to the new board and runs them step by step.
 */
export function PlanPicker({ value, onChange }: Props) {
  const { t, locale } = useI18n()
  const name = useId()
  const [plans, setPlans] = useState<PlanSummary[]>([])
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    listPlans(locale).then(
      (list) => live && setPlans(list),
      (e: unknown) => live && setError(errorMessage(e)),
    )
    return () => {
      live = false
    }
  }, [locale])
  return (
    <fieldset className="activity-gallery plan-picker" data-testid="lobby-plans">
      <legend>{t('lobby.plans.legend')}</legend>
      <p className="hint">{t('lobby.plans.hint')}</p>
      {error && <p role="alert" className="error">{t('lobby.plans.failed', { reason: error })}</p>}
      <div className="activity-gallery-grid">
        <label className="activity-card">
          <input type="radio" name={name} value="" checked={value === ''} onChange={() => onChange('')} />
          <span className="activity-card-name">{t('lobby.plans.none')}</span>
          <span className="activity-card-description">{t('lobby.plans.noneDescription')}</span>
        </label>
        {plans.map((plan) => (
          <label className="activity-card" key={plan.id} data-plan={plan.id}>
            <input type="radio" name={name} value={plan.id} checked={value === plan.id} onChange={() => onChange(plan.id)} />
            <span className="activity-card-name">{plan.name}</span>
            <span className="activity-card-family">{plan.steps === 1 ? t('lobby.plans.shapeOne', { duration: duration(plan.durationMs) }) : t('lobby.plans.shape', { steps: plan.steps, duration: duration(plan.durationMs) })}</span>
            <span className="activity-card-description">{plan.description}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
