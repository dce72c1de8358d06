/** Valid tldraw records for tests that write boards through raw Yjs clients. */
import { toRichText } from '@tldraw/tlschema'
import type { JsonRecord } from '../../shared/docLayout.js'

export function noteRecord(id: string, text: string, x = 0, y = 0, extra: { meta?: Record<string, unknown>; color?: string } = {}): JsonRecord {
  return {
    id: id.startsWith('shape:') ? id : `shape:${id}`,
    typeName: 'shape',
    type: 'note',
    x,
    y,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: extra.meta ?? {},
    props: {
      color: extra.color ?? 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 0,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: toRichText(text),
      scale: 1,
    },
  }
}
