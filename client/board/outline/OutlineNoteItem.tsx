import { useId, useState, type KeyboardEvent } from 'react'
import type { ActivityZone } from '../../../shared/activities/index'
import { useI18n } from '../../i18n/I18nProvider'
import type { Voting } from '../facilitation/useVoting'
import { NOTE_TEXT_MAX } from './noteActions'
import type { OutlineNote } from './outlineModel'
import type { OutlineActions } from './useOutlineActions'

export type ZoneOption = { zone: ActivityZone; name: string; group: string }

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
  const fieldId = useId()
  const [mode, setMode] = useState<Mode>('view')
  const [draft, setDraft] = useState(note.text)
  const [target, setTarget] = useState(zones.find((z) => z.zone.id !== zoneId)?.zone.id ?? '')
  const mine = voting.ballot[note.id] ?? 0
  const votable = voting.canVote && voting.noteIds.has(note.id)
  const cancel = () => setMode('view')
  const onEscape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return
    e.preventDefault()
    e.stopPropagation()
    cancel()
  }

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
      {mode === 'edit' && (
        <form
          className="outline-form"
          onKeyDown={onEscape}
          onSubmit={(e) => {
            e.preventDefault()
            actions.edit(note.id, draft)
            setMode('view')
          }}
        >
          <label htmlFor={fieldId}>{t('outline.note.textLabel')}</label>
          <textarea id={fieldId} autoFocus rows={3} maxLength={NOTE_TEXT_MAX} value={draft} onChange={(e) => setDraft(e.target.value)} />
          <div className="outline-actions">
            <button type="submit" className="primary">
              {t('outline.note.save')}
            </button>
            <button type="button" onClick={cancel}>
              {t('activities.dialog.cancel')}
            </button>
          </div>
        </form>
      )}
      {mode === 'move' && (
        <form
          className="outline-form"
          onKeyDown={onEscape}
          onSubmit={(e) => {
            e.preventDefault()
            const choice = zones.find((z) => z.zone.id === target)
            if (choice) actions.move(note.id, choice.zone, choice.name)
            setMode('view')
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
          <div className="outline-actions">
            <button type="submit" className="primary">
              {t('outline.note.move')}
            </button>
            <button type="button" onClick={cancel}>
              {t('activities.dialog.cancel')}
            </button>
          </div>
        </form>
      )}
      {mode === 'view' && (canWrite || votable) && (
        <div className="outline-actions" role="group" aria-label={t('outline.note.actions')} aria-describedby={textId}>
          {votable && (
            <>
              <button type="button" aria-describedby={textId} disabled={!voting.canAdd(note.id)} onClick={() => voting.add(note.id)}>
                {t('outline.note.vote')}
              </button>
              <button type="button" aria-describedby={textId} disabled={mine === 0} onClick={() => voting.remove(note.id)}>
                {t('outline.note.unvote')}
              </button>
            </>
          )}
          {canWrite && (
            <>
              <button type="button" aria-describedby={textId} onClick={() => (setDraft(note.text), setMode('edit'))}>
                {t('outline.note.edit')}
              </button>
              {zones.length > 1 && (
                <button type="button" aria-describedby={textId} onClick={() => setMode('move')}>
                  {t('outline.note.moveOpen')}
                </button>
              )}
              <button type="button" aria-describedby={textId} onClick={() => actions.remove(note.id, zoneId)}>
                {t('outline.note.delete')}
              </button>
            </>
          )}
        </div>
      )}
    </li>
  )
}
