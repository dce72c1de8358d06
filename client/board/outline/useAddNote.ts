import { useCallback, useMemo, useState } from 'react'
import type { Editor, TLShapeId } from 'tldraw'
import { activityAt } from '../../../shared/activities/index'
import { useI18n } from '../../i18n/I18nProvider'
import { currentActivities } from '../activities/boardRecords'
import { zoneGroups, type ZoneChoice, type ZoneGroup } from '../activities/zoneChoices'
import { addNoteInZone } from './noteActions'
import { inBoardOrder } from './outlineModel'

export type AddNote = {
  groups: ZoneGroup[]
  zoneId: string
  setZoneId: (id: string) => void
  text: string
  setText: (text: string) => void
  /** Adds the note; returns what to announce, or null when nothing was added. */
  submit: () => string | null
}

/** The activity in view: the one under the centre of the screen, else the first. */
function currentActivityId(editor: Editor): string | null {
  const activities = currentActivities(editor)
  const center = editor.getViewportPageBounds().center
  return (activityAt(activities, { x: center.x, y: center.y }, editor.getCurrentPageId()) ?? activities[0])?.instanceId ?? null
}

/**
 * "Add a note": the zones of the board's activities in board order (the activity in view
 * first), the text, and the note placed inside the chosen zone, clear of the other notes.
 */
export function useAddNote(editor: Editor, initialZoneId: string | null, onAdded?: (noteId: TLShapeId) => void): AddNote {
  const { t } = useI18n()
  const groups = useMemo(
    () =>
      zoneGroups(t, currentActivities(editor), currentActivityId(editor)).map((group) => ({
        ...group,
        choices: inBoardOrder(group.choices.map((c) => ({ ...c, bounds: c.zone.bounds }))),
      })),
    [editor, t],
  )
  const [zoneId, setZoneId] = useState(() => initialZoneId ?? groups[0]?.choices[0]?.zone.id ?? '')
  const [text, setText] = useState('')
  const submit = useCallback(() => {
    const choice = groups.flatMap((g) => g.choices).find((c: ZoneChoice) => c.zone.id === zoneId)
    if (!choice || text.trim() === '') return null
    const id = addNoteInZone(editor, choice.zone, text.trim())
    onAdded?.(id)
    return t('outline.add.added', { zone: choice.name })
  }, [groups, zoneId, text, editor, onAdded, t])
  return { groups, zoneId, setZoneId, text, setText, submit }
}
