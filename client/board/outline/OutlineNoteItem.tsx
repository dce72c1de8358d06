import { useId, useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import type { Voting } from '../facilitation/useVoting'
import type { OutlineNote } from './outlineModel'
import { NoteActionButtons, NoteEditForm, NoteMoveForm, type ZoneOption } from './OutlineNoteForms'
import type { OutlineActions } from './useOutlineActions'

type Props = {
  note: OutlineNote
  zoneId: string | null
  canWrite: boolean
  /** The total to show, once it may be shown (null while hidden). */
  total: number | null
  voting: Voting
  zones: ZoneOption[]
  actions: OutlineActions
}

type Mode = 'view' | 'edit' | 'move'

/** One note of the outline: its text, votes and author, and what can be done to it. */
export function OutlineNoteItem({ note, zoneId, canWrite, total, voting, zones, actions }: Props) {
  const { t } = useI18n()
  const textId = useId()
  const [mode, setMode] = useState<Mode>('view')
  const mine = voting.ballot[note.id] ?? 0
  const votable = voting.canVote && voting.noteIds.has(note.id)
  const view = () => setMode('view')

  return (
    <li className="outline-note" data-testid="outline-note" data-note-id={note.id}>
      <p className="outline-note-text" id={textId}>
        {note.text || <em>{t('outline.note.empty')}</em>}
      </p>
      <p className="outline-note-meta">
        {note.isPrivate && <span className="outline-tag">{t('outline.note.private')}</span>}
        {note.author && <span>{t('outline.note.author', { name: note.author })}</span>}
        {total !== null && <span data-testid="outline-total">{t('vote.total', { count: total })}</span>}
        {mine > 0 && <span>{t('vote.mine', { count: mine })}</span>}
      </p>
      {mode === 'edit' && <NoteEditForm text={note.text} onCancel={view} onSave={(text) => (actions.edit(note.id, text), view())} />}
      {mode === 'move' && (
        <NoteMoveForm zones={zones} zoneId={zoneId} onCancel={view} onMove={(choice) => (actions.move(note.id, choice.zone, choice.name), view())} />
      )}
      {mode === 'view' && (canWrite || votable) && (
        <NoteActionButtons
          noteId={note.id}
          textId={textId}
          voting={voting}
          votable={votable}
          canWrite={canWrite}
          canMove={zones.length > 1}
          onEdit={() => setMode('edit')}
          onMove={() => setMode('move')}
          onDelete={() => actions.remove(note.id, zoneId)}
        />
      )}
    </li>
  )
}
