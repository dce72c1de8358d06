import { useMemo } from 'react'
import type { BoardResults } from '../../../shared/activities/index'
import { topNotes } from '../../../shared/activities/ranking'
import { useI18n } from '../../i18n/I18nProvider'

/** The ranked list of the top voted notes (issue 13), once totals are shown; nothing before. */
export function TopNotes({ results }: { results: BoardResults }) {
  const { t, locale } = useI18n()
  const ranked = useMemo(() => topNotes({ locale, votesShown: true }, results), [locale, results])
  if (ranked.length === 0) return null
  return (
    <section className="results-activity" aria-labelledby="top-notes-heading" data-testid="top-notes">
      <h3 id="top-notes-heading">{t('results.topNotes')}</h3>
      <ol className="results-ranking">
        {ranked.map((n) => (
          <li key={n.id} value={n.rank} data-rank={n.rank}>
            {n.text} <span className="results-muted">({t('vote.total', { count: n.votes })}{n.zone ? ` · ${n.zone}` : ''})</span>
          </li>
        ))}
      </ol>
    </section>
  )
}
