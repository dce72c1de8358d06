import { useEffect, useState } from 'react'
import { apiJson, errorMessage } from '../api/http'
import { useI18n } from '../i18n/I18nProvider'
import '../people/people.css'

type Rules = { admission: boolean; signIn: boolean }
type Answer = { settings: Rules; signInAvailable: boolean }

/**
 * Space facilitator: who may join the space's sessions (SPEC R17) — admitted one by one, and
 * signed in where the server has sign-in. Every board of the space is under these rules.
 */
export function SpaceIdentitySettings({ spaceId, token }: { spaceId: string; token: string }) {
  const { t } = useI18n()
  const [answer, setAnswer] = useState<Answer | null>(null)
  const [error, setError] = useState<string | null>(null)
  const path = `/api/spaces/${encodeURIComponent(spaceId)}/settings`
  useEffect(() => {
    let live = true
    apiJson<Answer>(path, { token }).then((a) => live && setAnswer(a), (e: unknown) => live && setError(errorMessage(e)))
    return () => {
      live = false
    }
  }, [path, token])
  const change = async (patch: Partial<Rules>) => {
    setError(null)
    try {
      setAnswer(await apiJson<Answer>(path, { method: 'PATCH', token, body: patch }))
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  const rules = answer?.settings
  return (
    <section aria-labelledby="space-identity-heading">
      <h3 id="space-identity-heading">{t('people.rulesHeading')}</h3>
      <label className="people-toggle">
        <input type="checkbox" checked={rules?.admission ?? false} disabled={!rules} onChange={(e) => void change({ admission: e.target.checked })} />
        {t('people.admission')}
      </label>
      {answer?.signInAvailable && (
        <label className="people-toggle">
          <input type="checkbox" checked={rules?.signIn ?? false} disabled={!rules} onChange={(e) => void change({ signIn: e.target.checked })} />
          {t('people.requireSignIn')}
        </label>
      )}
      <p className="hint">{rules && (rules.admission || rules.signIn) ? t('people.namesChecked') : t('people.namesNotChecked')}</p>
      {error && (
        <p role="alert" className="error">
          {t('settings.failed', { reason: error })}
        </p>
      )}
    </section>
  )
}
