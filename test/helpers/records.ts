/** Valid tldraw records for tests that write boards through raw Yjs clients. */
import type { JsonRecord } from '../../shared/docLayout.js'
import { noteRecord as sharedNoteRecord } from '../../shared/notes.js'

export function noteRecord(id: string, text: string, x = 0, y = 0, extra: { meta?: Record<string, unknown>; color?: string } = {}): JsonRecord {
  return sharedNoteRecord({ id, text, x, y, ...extra })
}
