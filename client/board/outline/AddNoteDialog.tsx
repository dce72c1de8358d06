import { useId, useState } from 'react'
import type { Editor, TLShapeId } from 'tldraw'
import { useI18n } from '../../i18n/I18nProvider'
import { Dialog } from '../../ui/Dialog'
import { useFacilitation } from '../boardContext'
import { usePhoneLayout } from '../phone/usePhoneLayout'
import { NOTE_TEXT_MAX } from './noteActions'
import { useAddNote } from './useAddNote'
import './outline.css'

type Props = {
  editor: Editor
  /** The zone chosen when the dialog opens (e.g. "Add a note here" in the outline). */
  initialZoneId?: string | null
  /** Called with what to announce once a note is added. */
  onDone: (message: string) => void
  onAdded?: (noteId: TLShapeId) => void
  onClose: () => void
}

function PrivateNotice() {
  const { t } = useI18n()
  return (
    <p className="add-note-private" data-testid="add-note-private">
      {t('outline.add.private')}
    </p>
  )
}

/** "Add a note" without dragging: the text and the zone; the note lands inside that zone. */
export function AddNoteDialog({ editor, initialZoneId = null, onDone, onAdded, onClose }: Props) {
  const { t } = useI18n()
  const textId = useId()
  const zoneId = useId()
  const hintId = useId()
  const add = useAddNote(editor, initialZoneId, onAdded)
  // During private writing a participant's note is theirs alone until the reveal: the dialog says so, before and after.
  const privately = useFacilitation()?.writingPrivately === true
  // A phone's keyboard has no Shift+Enter to name.
  const phone = usePhoneLayout()
  const [missing, setMissing] = useState(false)
  const submit = () => {
    const message = add.submit()
    if (message === null) return setMissing(true)
    onClose()
    onDone(privately ? `${message} ${t('outline.add.privateAdded')}` : message)
  }
  return (
    <Dialog title={t('outline.add.title')} onClose={onClose} onSubmit={submit} className="activity-dialog narrow add-note-dialog" bodyClassName="activity-dialog-body">
      {add.groups.length === 0 ? (
        <p>{t('activities.move.noActivities')}</p>
      ) : (
        <>
          {privately && <PrivateNotice />}
          <label className="field" htmlFor={textId}>
            {t('outline.add.text')}
          </label>
          <textarea
            id={textId}
            data-autofocus
            rows={3}
            // A phone's keyboard labels its Enter key with what it does here: it adds the note.
            enterKeyHint="done"
            required
            maxLength={NOTE_TEXT_MAX}
            value={add.text}
            aria-describedby={hintId}
            aria-invalid={missing && add.text.trim() === ''}
            onChange={(e) => (add.setText(e.target.value), setMissing(false))}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault()
                submit()
              }
            }}
          />
          <p className="hint" id={hintId}>
            {missing && add.text.trim() === '' ? <strong role="alert">{t('outline.add.empty')} </strong> : null}
            {phone ? t('outline.add.textHintPhone') : t('outline.add.textHint')}
          </p>
          <label className="field" htmlFor={zoneId}>
            {t('outline.add.zone')}
          </label>
          <select id={zoneId} className="add-note-zone" value={add.zoneId} onChange={(e) => add.setZoneId(e.target.value)}>
            {add.groups.map((group) => (
              <optgroup key={group.activity.instanceId} label={group.title}>
                {group.choices.map((choice) => (
                  <option key={choice.zone.id} value={choice.zone.id}>
                    {choice.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </>
      )}
      <div className="activity-dialog-actions">
        <button type="button" onClick={onClose}>
          {t('activities.dialog.cancel')}
        </button>
        {add.groups.length > 0 && (
          <button type="submit" className="primary">
            {t('outline.add.submit')}
          </button>
        )}
      </div>
    </Dialog>
  )
}
