/** A sticky note record as the board stores it (used by carry-over and by tests). */
import { plainTextToRichText } from './activities/richText.js'
import type { JsonRecord } from './docLayout.js'

export type NewNote = {
  id: string
  text: string
  x?: number
  y?: number
  color?: string
  meta?: Record<string, unknown>
  parentId?: string
  index?: string
}

export function noteRecord(note: NewNote): JsonRecord {
  return {
    id: note.id.startsWith('shape:') ? note.id : `shape:${note.id}`,
    typeName: 'shape',
    type: 'note',
    x: note.x ?? 0,
    y: note.y ?? 0,
    rotation: 0,
    index: note.index ?? 'a1',
    parentId: note.parentId ?? 'page:page',
    isLocked: false,
    opacity: 1,
    meta: note.meta ?? {},
    props: {
      color: note.color ?? 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 0,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: plainTextToRichText(note.text),
      scale: 1,
    },
  }
}
