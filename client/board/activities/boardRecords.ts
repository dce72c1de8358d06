/**
 * The store's records as results extraction reads them: template records are the shapes that
 * carry `meta.activity` (they come from the control doc), board records are every other shape.
 */
import type { Editor, TLShape, TLShapeId } from 'tldraw'
import type { JsonRecord } from '../../../shared/docLayout'
import { readActivities, type Activity } from '../../../shared/activities/index'
import { ACTIVITY_META_KEY } from '../../../shared/activities/index'
import { jsonOf } from '../../sync/jsonRecord'

export function isTemplateShape(shape: Pick<TLShape, 'meta'>): boolean {
  return ACTIVITY_META_KEY in (shape.meta ?? {})
}

export function splitRecords(editor: Editor): { templateRecords: JsonRecord[]; boardRecords: JsonRecord[] } {
  const templateRecords: JsonRecord[] = []
  const boardRecords: JsonRecord[] = []
  for (const record of editor.store.allRecords()) {
    if (record.typeName !== 'shape') continue
    ;(isTemplateShape(record) ? templateRecords : boardRecords).push(jsonOf(record))
  }
  return { templateRecords, boardRecords }
}

/** The activities of the current page, top to bottom. */
export function currentActivities(editor: Editor): Activity[] {
  const pageId = editor.getCurrentPageId()
  return readActivities(splitRecords(editor).templateRecords).filter((a) => a.pageId === pageId)
}

/** The selected board notes (never template shapes). */
export function selectedNoteIds(editor: Editor): TLShapeId[] {
  return editor.getSelectedShapes().filter((s) => s.type === 'note' && !isTemplateShape(s)).map((s) => s.id)
}

/**
 * Sets (or, with an empty value, removes) one field of a note's `meta`: a user change, so the
 * binding writes it to the board doc.
 */
export function setNoteMeta(editor: Editor, noteId: string, field: string, value: string): void {
  const shape = editor.getShape(noteId as TLShapeId)
  if (!shape) return
  const meta: Record<string, unknown> = { ...shape.meta }
  const trimmed = value.trim()
  if (trimmed === '') delete meta[field]
  else meta[field] = trimmed
  editor.markHistoryStoppingPoint('edit note meta')
  editor.updateShape({ id: shape.id, type: shape.type, meta: meta as TLShape['meta'] })
}
