/**
 * "Plan a follow-up" (issue 15), for facilitators: a new board whose plan takes this board's
 * top-voted needs and critical and high risks as its prompts. Shows the new board's
 * facilitator link once made, or the server's reason (e.g. nothing to follow up).
 */
import { useState } from 'react'
import { planFollowUp, type FollowUpCreated } from '../../api/plans'
import { ApiError, errorMessage } from '../../api/http'
import { NOTHING_TO_FOLLOW_UP } from '../../../shared/plans/followUp'
import { useI18n } from '../../i18n/I18nProvider'

export function FollowUpButton({ boardId, token }: { boardId: string; token: string }) {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)
  const [made, setMade] = useState<FollowUpCreated | null>(null)
  const [error, setError] = useState<string | null>(null)
  const plan = () => {
    setBusy(true)
    setError(null)
    planFollowUp(boardId, token)
      .then(setMade, (e: unknown) => setError(e instanceof ApiError && e.message === NOTHING_TO_FOLLOW_UP ? t('plan.followUp.nothing') : errorMessage(e)))
      .finally(() => setBusy(false))
  }
  return (
    <div className="plan-follow-up" data-testid="plan-follow-up">
      <button type="button" onClick={plan} disabled={busy} aria-describedby="plan-follow-up-hint">
        {t('plan.followUp.button')}
      </button>
      <p id="plan-follow-up-hint" className="hint">
        {t('plan.followUp.hint')}
      </p>
      {error && (
        <p className="fac-error" role="alert">
          {t('fac.failed', { reason: error })}
        </p>
      )}
      {made && (
        <p role="status">
          {t('plan.followUp.made', { count: made.prompts.length })}{' '}
          <a href={new URL(made.links.facilitator, window.location.origin).href} target="_blank" rel="noopener">
            {t('plan.followUp.open')}
          </a>
        </p>
      )}
    </div>
  )
}
