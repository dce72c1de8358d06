import { useCallback } from 'react'
import type { Editor, TLShapeId } from 'tldraw'
import type { ActivityZone } from '../../../shared/activities/index'
import { useI18n } from '../../i18n/I18nProvider'
import { deleteNote, moveNoteToZone, setNoteText } from './noteActions'
import { zoneHeadingId } from './outlineModel'

/**
 * Focuses an element of the outline once it is there: a zone folded away (empty, in a
 * many-zoned activity) gets its heading back with the next outline refresh (at most
 * OUTLINE_THROTTLE_MS) after a note moves into it.
 */
function focusLater(id: string, waitMs = 1000) {
  const started = performance.now()
  const attempt = () => {
    const target = document.getElementById(id)
    if (target) target.focus()
    else if (performance.now() - started < waitMs) setTimeout(attempt, 50)
  }
  requestAnimationFrame(attempt)
}

export type OutlineActions = {
  edit: (id: string, text: string) => void
  move: (id: string, zone: ActivityZone, zoneName: string) => void
  remove: (id: string, fromZoneId: string | null) => void
}

/** Edit, move and delete from the outline; each says what it did through `say`. */
export function useOutlineActions(editor: Editor, say: (text: string) => void): OutlineActions {
  const { t } = useI18n()
  const edit = useCallback(
    (id: string, text: string) => {
      setNoteText(editor, id as TLShapeId, text)
      say(t('outline.note.saved'))
    },
    [editor, say, t],
  )
  const move = useCallback(
    (id: string, zone: ActivityZone, zoneName: string) => {
      moveNoteToZone(editor, id as TLShapeId, zone)
      say(t('activities.move.moved', { zone: zoneName }))
      focusLater(zoneHeadingId(zone.id))
    },
    [editor, say, t],
  )
  const remove = useCallback(
    (id: string, fromZoneId: string | null) => {
      deleteNote(editor, id as TLShapeId)
      say(t('outline.note.deleted'))
      focusLater(fromZoneId ? zoneHeadingId(fromZoneId) : 'outline-heading')
    },
    [editor, say, t],
  )
  return { edit, move, remove }
}
