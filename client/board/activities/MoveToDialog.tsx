import { useMemo, useRef } from 'react'
import type { Editor, TLShapeId } from 'tldraw'
import { activityAt } from '../../../shared/activities/index'
import { useI18n } from '../../i18n/I18nProvider'
import { currentActivities } from './boardRecords'
import { addNoteToZone, moveNotesToZone } from './moveToZone'
import { zoneGroups, type ZoneChoice } from './zoneChoices'
import { ZoneFilterList } from './ZoneFilterList'
import { Dialog } from '../../ui/Dialog'

type Props = {
  editor: Editor
  /** The notes to move; empty means "add a new note to the chosen zone". */
  noteIds: readonly TLShapeId[]
  onDone: (message: string) => void
  onClose: () => void
}

/** "Move to…" / "Add note to zone": pick a zone by typing or with the arrow keys. */
export function MoveToDialog({ editor, noteIds, onDone, onClose }: Props) {
  const { t } = useI18n()
  const ref = useRef<HTMLDialogElement>(null)
  // The activity of the first note comes first.
  const groups = useMemo(() => {
    const activities = currentActivities(editor)
    const first = noteIds[0] && editor.getShapePageBounds(noteIds[0])
    const focus = first ? activityAt(activities, { x: first.center.x, y: first.center.y }, editor.getCurrentPageId()) : null
    return zoneGroups(t, activities, focus?.instanceId ?? null)
  }, [editor, noteIds, t])

  const pick = (choice: ZoneChoice) => {
    // Closed at once (not on unmount): the canvas behind is inert while the modal is open.
    ref.current?.close()
    onClose()
    if (noteIds.length > 0) {
      moveNotesToZone(editor, noteIds, choice.zone)
      editor.focus()
      onDone(t('activities.move.moved', { zone: choice.name }))
    } else {
      // After the dialog is gone, so that the note's text editor keeps the focus.
      requestAnimationFrame(() => {
        addNoteToZone(editor, choice.zone)
        onDone(t('activities.move.added', { zone: choice.name }))
      })
    }
  }

  const heading = noteIds.length > 0 ? t('activities.move.headingMove', { count: noteIds.length }) : t('activities.move.headingAdd')
  return (
    <Dialog title={heading} onClose={onClose} className="activity-dialog narrow" bodyClassName="activity-dialog-body" dialogRef={ref}>
      {groups.length === 0 ? <p>{t('activities.move.noActivities')}</p> : <ZoneFilterList groups={groups} onPick={pick} />}
      <div className="activity-dialog-actions">
        <button type="button" onClick={onClose}>
          {t('activities.dialog.cancel')}
        </button>
      </div>
    </Dialog>
  )
}
