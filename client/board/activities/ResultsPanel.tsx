import { useEffect, useRef } from 'react'
import type { BoardResults } from '../../../shared/activities/index'
import { useI18n } from '../../i18n/I18nProvider'
import { NoteList } from './resultBits'
import { ActivityResultView } from './ResultViews'
import { TopNotes } from './TopNotes'

type Props = { id: string; results: BoardResults | null; editable: boolean; onClose: () => void }

/** Every activity's structured result, in board order: the drawer's body, or a phone's sheet. */
export function ResultsBody({ results, editable }: { results: BoardResults | null; editable: boolean }) {
  const { t } = useI18n()
  return (
    <div className="results-panel-body">
      {results && results.activities.length === 0 && <p>{t('activities.results.empty')}</p>}
      {results && <TopNotes results={results} />}
      {results?.activities.map((result) => (
        <section key={result.instanceId} className="results-activity" aria-label={result.name} data-testid="activity-result">
          <h3>{result.name}</h3>
          <ActivityResultView result={result} editable={editable} />
          {result.unzoned.length > 0 && (
            <>
              <h4>{t('activities.results.unzoned', { count: result.unzoned.length })}</h4>
              <NoteList notes={result.unzoned} />
            </>
          )}
        </section>
      ))}
      {results && results.unplaced.length > 0 && (
        <section className="results-activity">
          <h3>{t('activities.results.unplaced', { count: results.unplaced.length })}</h3>
          <NoteList notes={results.unplaced} />
        </section>
      )}
    </div>
  )
}

/** The live results drawer (beside the canvas on a desk). */
export function ResultsPanel({ id, results, editable, onClose }: Props) {
  const { t } = useI18n()
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => headingRef.current?.focus(), [])
  return (
    <aside
      id={id}
      className="results-panel"
      aria-labelledby={`${id}-heading`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose()
        // Keys typed here are for the panel, never tldraw's shortcuts.
        e.stopPropagation()
      }}
    >
      <div className="results-panel-header">
        <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
          {t('activities.results.heading')}
        </h2>
        <button type="button" onClick={onClose}>
          {t('activities.results.close')}
        </button>
      </div>
      <ResultsBody results={results} editable={editable} />
    </aside>
  )
}
