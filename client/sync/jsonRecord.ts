import type { TLRecord } from 'tldraw'
import type { JsonRecord } from '../../shared/docLayout'

/** A tldraw record as the plain JSON object the docs store (a copy of its fields). */
export function jsonOf(record: TLRecord): JsonRecord {
  return { ...record }
}
