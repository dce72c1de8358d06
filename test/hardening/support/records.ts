/** Valid tldraw records for tests, as the board doc stores them (plain JSON). */
import { toRichText } from '@tldraw/tlschema'
import type { JsonRecord } from '../../../shared/docLayout.js'
import { noteRecord as sharedNoteRecord } from '../../../shared/notes.js'

export function richText(text: string) {
  return toRichText(text)
}

/** A sticky note on the default page. */
export function noteRecord(id: string, overrides: { x?: number; y?: number; text?: string; color?: string; parentId?: string; index?: string } = {}): JsonRecord {
  // The id is kept as given: some tests need ids that the schema refuses.
  return { ...sharedNoteRecord({ ...overrides, id, text: overrides.text ?? '' }), id }
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
