/**
 * What the outline view and "Add a note" do to notes, through the editor (so the store binding
 * writes them where they belong: the board doc, or the private doc during private writing).
 */
import { toRichText } from '@tldraw/tlschema'
import { createShapeId, type Editor, type TLShapeId } from 'tldraw'
import type { ActivityZone } from '../../../shared/activities/index'
import { isTemplateShape } from '../activities/boardRecords'
import { clearSpotInZone, type Rect } from './clearSpot'

/** tldraw's note size at scale 1. */
const NOTE_SIZE = 200
/** Longest note text the outline accepts (a note is a short text). */
export const NOTE_TEXT_MAX = 2000

/** Page bounds of every board note on the current page, except `except`. */
function noteRects(editor: Editor, except: string | null): Rect[] {
  const rects: Rect[] = []
  for (const shape of editor.getCurrentPageShapes()) {
    if (shape.type !== 'note' || shape.id === except || isTemplateShape(shape)) continue
    const b = editor.getShapePageBounds(shape)
    if (b) rects.push({ x: b.x, y: b.y, w: b.w, h: b.h })
  }
  return rects
}

/** Creates a note with `text` inside the zone, clear of other notes; returns its id. */
export function addNoteInZone(editor: Editor, zone: ActivityZone, text: string): TLShapeId {
  const id = createShapeId()
  const at = clearSpotInZone(zone, { w: NOTE_SIZE, h: NOTE_SIZE }, noteRects(editor, null))
  editor.markHistoryStoppingPoint('add a note')
  editor.createShape({
    id,
    type: 'note',
    parentId: editor.getCurrentPageId(),
    x: at.x,
    y: at.y,
    props: { richText: toRichText(text.slice(0, NOTE_TEXT_MAX)) },
  })
  return id
}

/** Moves a note into the zone, clear of the others, onto the page itself (never into a frame). */
export function moveNoteToZone(editor: Editor, id: TLShapeId, zone: ActivityZone): void {
  const shape = editor.getShape(id)
  const bounds = shape && editor.getShapePageBounds(shape)
  if (!shape || !bounds) return
  const at = clearSpotInZone(zone, { w: bounds.w, h: bounds.h }, noteRects(editor, id))
  const pageId = editor.getCurrentPageId()
  editor.markHistoryStoppingPoint('move note to zone')
  editor.run(() => {
    if (shape.parentId !== pageId) editor.reparentShapes([id], pageId)
    editor.updateShape({ id, type: shape.type, x: at.x, y: at.y, rotation: 0 })
  })
}

export function setNoteText(editor: Editor, id: TLShapeId, text: string): void {
  const shape = editor.getShape(id)
  if (!shape || shape.type !== 'note') return
  editor.markHistoryStoppingPoint('edit note text')
  editor.updateShape({ id, type: 'note', props: { richText: toRichText(text.slice(0, NOTE_TEXT_MAX)) } })
}

export function deleteNote(editor: Editor, id: TLShapeId): void {
  const shape = editor.getShape(id)
  if (!shape || shape.type !== 'note' || isTemplateShape(shape)) return
  editor.markHistoryStoppingPoint('delete note')
  editor.deleteShapes([id])
}
