import { useId, useState, type KeyboardEvent } from 'react'
import type { ActivityZone } from '../../../shared/activities/index'
import { useI18n } from '../../i18n/I18nProvider'
import type { Voting } from '../facilitation/useVoting'
import { NOTE_TEXT_MAX } from './noteActions'

export type ZoneOption = { zone: ActivityZone; name: string; group: string }

/** Escape inside a note's form closes the form only (not the sheet around it). */
function escapeTo(cancel: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return
    e.preventDefault()
    e.stopPropagation()
    cancel()
  }
}

function FormButtons({ submit, onCancel }: { submit: string; onCancel: () => void }) {
  const { t } = useI18n()
  return (
    <div className="outline-actions">
      <button type="submit" className="primary">
        {submit}
      </button>
      <button type="button" onClick={onCancel}>
        {t('activities.dialog.cancel')}
      </button>
    </div>
  )
}

/** Editing a note's text: owns the draft, starting from the note's current text. */
export function NoteEditForm({ text, onSave, onCancel }: { text: string; onSave: (text: string) => void; onCancel: () => void }) {
  const { t } = useI18n()
  const fieldId = useId()
  const [draft, setDraft] = useState(text)
  return (
    <form
      className="outline-form"
      onKeyDown={escapeTo(onCancel)}
      onSubmit={(e) => {
        e.preventDefault()
        onSave(draft)
      }}
    >
      <label htmlFor={fieldId}>{t('outline.note.textLabel')}</label>
      <textarea id={fieldId} autoFocus rows={3} maxLength={NOTE_TEXT_MAX} value={draft} onChange={(e) => setDraft(e.target.value)} />
      <FormButtons submit={t('outline.note.save')} onCancel={onCancel} />
    </form>
  )
}

type MoveProps = { zones: readonly ZoneOption[]; zoneId: string | null; onMove: (choice: ZoneOption) => void; onCancel: () => void }

/** Moving a note: owns the chosen zone, first the first zone that is not the note's own. */
export function NoteMoveForm({ zones, zoneId, onMove, onCancel }: MoveProps) {
  const { t } = useI18n()
  const fieldId = useId()
  const [target, setTarget] = useState(zones.find((z) => z.zone.id !== zoneId)?.zone.id ?? '')
  return (
    <form
      className="outline-form"
      onKeyDown={escapeTo(onCancel)}
      onSubmit={(e) => {
        e.preventDefault()
        const choice = zones.find((z) => z.zone.id === target)
        if (choice) onMove(choice)
        else onCancel()
      }}
    >
      <label htmlFor={fieldId}>{t('outline.note.moveTo')}</label>
      <select id={fieldId} autoFocus value={target} onChange={(e) => setTarget(e.target.value)}>
        {zones.map((z) => (
          <option key={z.zone.id} value={z.zone.id}>
            {z.group} — {z.name}
          </option>
        ))}
      </select>
      <FormButtons submit={t('outline.note.move')} onCancel={onCancel} />
    </form>
  )
}

type ButtonsProps = {
  noteId: string
  /** The id of the note's text, which every button refers to. */
  textId: string
  voting: Voting
  votable: boolean
  canWrite: boolean
  canMove: boolean
  onEdit: () => void
  onMove: () => void
  onDelete: () => void
}

/** What can be done to a note from the outline: vote, unvote, edit, move, delete. */
export function NoteActionButtons({ noteId, textId, voting, votable, canWrite, canMove, onEdit, onMove, onDelete }: ButtonsProps) {
  const { t } = useI18n()
  const mine = voting.ballot[noteId] ?? 0
  return (
    <div className="outline-actions" role="group" aria-label={t('outline.note.actions')} aria-describedby={textId}>
      {votable && (
        <>
          <button type="button" aria-describedby={textId} disabled={!voting.canAdd(noteId)} onClick={() => voting.add(noteId)}>
            {t('outline.note.vote')}
          </button>
          <button type="button" aria-describedby={textId} disabled={mine === 0} onClick={() => voting.remove(noteId)}>
            {t('outline.note.unvote')}
          </button>
        </>
      )}
      {canWrite && (
        <>
          <button type="button" aria-describedby={textId} onClick={onEdit}>
            {t('outline.note.edit')}
          </button>
          {canMove && (
            <button type="button" aria-describedby={textId} onClick={onMove}>
              {t('outline.note.moveOpen')}
            </button>
          )}
          <button type="button" aria-describedby={textId} onClick={onDelete}>
            {t('outline.note.delete')}
          </button>
        </>
      )}
    </div>
  )
}
