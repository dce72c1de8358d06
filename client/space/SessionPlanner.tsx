import { useEffect, useState } from 'react'
import { createSession } from '../api/spaces'
import type { CreatedBoardLinks } from '../api/boards'
import { errorMessage } from '../api/http'
import { listPlans, type PlanSummary } from '../api/plans'
import { useI18n } from '../i18n/I18nProvider'
import { rememberBoard } from '../lib/myBoards'
import { CreatedBoardDialog } from '../share/CreatedBoardDialog'

const today = () => new Date().toISOString().slice(0, 10)

/** Space facilitator: a new session (board) in the space, from a ready-made plan or blank; its links shown once. */
export function SessionPlanner({ spaceId, token, onCreated }: { spaceId: string; token: string; onCreated: () => void }) {
  const { t, locale } = useI18n()
  const [form, setForm] = useState({ title: '', date: today(), purpose: '', plan: '' })
  const [plans, setPlans] = useState<PlanSummary[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [created, setCreated] = useState<CreatedBoardLinks | null>(null)
  useEffect(() => {
    let live = true
    listPlans(locale).then((list) => live && setPlans(list), (e: unknown) => live && setError(errorMessage(e)))
    return () => {
      live = false
    }
  }, [locale])
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value })

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      const purpose = form.purpose.trim()
      const result = await createSession(spaceId, token, { title: form.title.trim(), date: form.date || undefined, ...(purpose ? { purpose } : {}), ...(form.plan ? { plan: form.plan } : {}) })
      rememberBoard({ id: result.board.id, title: result.board.title, links: result.links, lastRole: 'facilitator' })
      setCreated(result)
      setForm({ title: '', date: today(), purpose: '', plan: '' })
      onCreated()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="plan-session-heading">
      <h3 id="plan-session-heading">{t('spaces.session.heading')}</h3>
      <form
        className="space-form"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <label>
          {t('spaces.session.title')}
          <input value={form.title} onChange={set('title')} maxLength={200} required />
        </label>
        <label>
          {t('spaces.session.date')}
          <input type="date" value={form.date} onChange={set('date')} />
        </label>
        <label>
          {t('spaces.session.purpose')}
          <input value={form.purpose} onChange={set('purpose')} maxLength={500} />
        </label>
        <label>
          {t('spaces.session.plan')}
          <select value={form.plan} onChange={set('plan')}>
            <option value="">{t('spaces.session.noPlan')}</option>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={busy || !form.title.trim()}>
          {t('spaces.session.create')}
        </button>
        {error && (
          <p role="alert" className="error">
            {t('spaces.session.failed', { reason: error })}
          </p>
        )}
      </form>
      {created && <CreatedBoardDialog created={created} title={t('spaces.session.created', { title: created.board.title })} openLabel={t('spaces.session.openBoard')} onClose={() => setCreated(null)} />}
    </section>
  )
}
