import { useCallback } from 'react'
import type { Editor, TLShapeId } from 'tldraw'
import type { ActivityZone } from '../../../shared/activities/index'
import { useI18n } from '../../i18n/I18nProvider'
import { deleteNote, moveNoteToZone, setNoteText } from './noteActions'

/** The id of a zone's heading in the outline (focus lands there after a move or a delete). */
export function zoneHeadingId(zoneId: string): string {
  return `outline-zone-${zoneId.replace(/[^A-Za-z0-9_-]/g, '-')}`
}

function focusLater(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus())
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
