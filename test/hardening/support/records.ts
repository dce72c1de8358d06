/** Valid tldraw records for tests, as the board doc stores them (plain JSON). */
import type { JsonRecord } from '../../../shared/docLayout.js'

export function richText(text: string) {
  return { type: 'doc', content: [text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' }] }
}

/** A sticky note on the default page. */
export function noteRecord(id: string, overrides: { x?: number; y?: number; text?: string; color?: string; parentId?: string; index?: string } = {}): JsonRecord {
  return {
    id,
    typeName: 'shape',
    type: 'note',
    x: overrides.x ?? 0,
    y: overrides.y ?? 0,
    rotation: 0,
    index: overrides.index ?? 'a1',
    parentId: overrides.parentId ?? 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      color: overrides.color ?? 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 0,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: richText(overrides.text ?? ''),
      scale: 1,
    },
  }
}

/** A group shape (children point at it through their parentId). */
export function groupRecord(id: string, overrides: { x?: number; y?: number; parentId?: string; index?: string } = {}): JsonRecord {
  return {
    id,
    typeName: 'shape',
    type: 'group',
    x: overrides.x ?? 0,
    y: overrides.y ?? 0,
    rotation: 0,
    index: overrides.index ?? 'a1',
    parentId: overrides.parentId ?? 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {},
  }
}
