import type { NoteResult, SectionResult } from '../../../shared/activities/index'
import { useI18n } from '../../i18n/I18nProvider'

/** A note's text, or a visible placeholder for an empty note. */
export function NoteText({ text }: { text: string }) {
  const { t } = useI18n()
  return text.trim() === '' ? <em className="results-muted">{t('activities.results.emptyNote')}</em> : <>{text}</>
}

export function Votes({ count }: { count: number }) {
  const { t } = useI18n()
  return count > 0 ? <span className="results-votes">{t('activities.results.votes', { count })}</span> : null
}

export function NoteList({ notes }: { notes: readonly NoteResult[] }) {
  const { t } = useI18n()
  if (notes.length === 0) return <p className="results-muted">{t('activities.results.noNotes')}</p>
  return (
    <ul>
      {notes.map((note) =>
        note.notes && note.notes.length > 0 ? (
          // A cluster (a titled frame, SPEC F9): one item, its votes counted once, its notes under it.
          <li key={note.id} className="results-cluster">
            <strong>{t('activities.results.cluster', { title: note.text })}</strong> <Votes count={note.votes} />
            <NoteList notes={note.notes} />
          </li>
        ) : (
          <li key={note.id}>
            <NoteText text={note.text} /> <Votes count={note.votes} />
          </li>
        ),
      )}
    </ul>
  )
}

/** Sections with their notes: retro columns, empathy-map sections, check-in areas. */
export function Sections({ sections }: { sections: readonly SectionResult[] }) {
  return (
    <>
      {sections.map((section) => (
        <div key={section.key}>
          <h4>{section.label}</h4>
          <NoteList notes={section.notes} />
        </div>
      ))}
    </>
  )
}
