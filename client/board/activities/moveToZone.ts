/**
 * "Move to…": the non-drag way to put a note in a zone (WCAG 2.2 SC 2.5.7). Moves the selected
 * notes (or a new note) to a zone's centre with {@link positionInZone}.
 */
import { createShapeId, type Editor, type TLShapeId } from 'tldraw'
import { positionInZone, zoneContains, type ActivityZone } from '../../../shared/activities/index'

function notesInZone(editor: Editor, zone: ActivityZone, except: ReadonlySet<string>): number {
  let count = 0
  for (const shape of editor.getCurrentPageShapes()) {
    if (shape.type !== 'note' || except.has(shape.id)) continue
    const bounds = editor.getShapePageBounds(shape)
    if (bounds && zoneContains(zone, { x: bounds.center.x, y: bounds.center.y })) count++
  }
  return count
}

/**
 * Moves notes so that their centres land in the zone (cascaded so they do not hide each other).
 * Notes are put on the page itself: board notes are never children of template shapes.
 */
export function moveNotesToZone(editor: Editor, noteIds: readonly TLShapeId[], zone: ActivityZone): void {
  const pageId = editor.getCurrentPageId()
  const moving = new Set<string>(noteIds)
  const already = notesInZone(editor, zone, moving)
  editor.markHistoryStoppingPoint('move to zone')
  editor.run(() => {
    noteIds.forEach((id, i) => {
      const shape = editor.getShape(id)
      const bounds = shape && editor.getShapePageBounds(shape)
      if (!shape || !bounds) return
      if (shape.parentId !== pageId) editor.reparentShapes([id], pageId)
      const at = positionInZone(zone, { w: bounds.w, h: bounds.h }, already + i)
      editor.updateShape({ id, type: shape.type, x: at.x, y: at.y, rotation: 0 })
    })
  })
  editor.select(...noteIds)
  editor.zoomToSelectionIfOffscreen(64)
}

/** Creates an empty note in the zone, selects it and starts editing its text. */
export function addNoteToZone(editor: Editor, zone: ActivityZone): TLShapeId {
  const id = createShapeId()
  const at = positionInZone(zone, { w: 200, h: 200 }, notesInZone(editor, zone, new Set()))
  editor.markHistoryStoppingPoint('add note to zone')
  editor.createShape({ id, type: 'note', parentId: editor.getCurrentPageId(), x: at.x, y: at.y })
  editor.select(id)
  editor.zoomToSelectionIfOffscreen(64)
  editor.setEditingShape(id)
  editor.setCurrentTool('select.editing_shape')
  return id
}
