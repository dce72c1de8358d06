/**
 * Where to put new shapes beside what a page already holds, and how to copy records under
 * fresh ids (import, duplicate an activity, carry-over).
 */
import type { JsonRecord } from './docLayout.js'

export type Bounds = { minX: number; minY: number; maxX: number; maxY: number }

const DEFAULT_SIZE = 200

/** Rough page bounds of top-level shapes (children move with their parent). */
export function topLevelBounds(records: JsonRecord[]): Bounds | null {
  let b: Bounds | null = null
  for (const r of records) {
    if (r.typeName !== 'shape' || typeof r.parentId !== 'string' || !r.parentId.startsWith('page:')) continue
    const x = Number(r.x) || 0
    const y = Number(r.y) || 0
    const props = (r.props ?? {}) as { w?: unknown; h?: unknown }
    const w = typeof props.w === 'number' ? props.w : DEFAULT_SIZE
    const h = typeof props.h === 'number' ? props.h : DEFAULT_SIZE
    b = b
      ? { minX: Math.min(b.minX, x), minY: Math.min(b.minY, y), maxX: Math.max(b.maxX, x + w), maxY: Math.max(b.maxY, y + h) }
      : { minX: x, minY: y, maxX: x + w, maxY: y + h }
  }
  return b
}

function randomSuffix(): string {
  const bytes = new Uint8Array(8)
  globalThis.crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * Copies shapes, bindings and assets under new ids onto `pageId`, shifted to start `gap`
 * to the right of `existing`. References between the copied records follow the new ids.
 */
export function placeBeside(
  incoming: JsonRecord[],
  existing: JsonRecord[],
  pageId = 'page:page',
  gap = 200,
): JsonRecord[] {
  const movable = incoming.filter((r) => r.typeName === 'shape' || r.typeName === 'binding' || r.typeName === 'asset')
  const idMap = new Map<string, string>()
  for (const r of movable) idMap.set(r.id, `${r.typeName}:${randomSuffix()}`)
  const from = topLevelBounds(incoming)
  const to = topLevelBounds(existing)
  const dx = from && to ? to.maxX + gap - from.minX : 0
  const dy = from && to ? to.minY - from.minY : 0
  const remap = (id: unknown) => (typeof id === 'string' ? (idMap.get(id) ?? id) : id)
  return movable.map((r) => {
    const copy = structuredClone(r) as JsonRecord & Record<string, unknown>
    copy.id = idMap.get(r.id)!
    if (copy.typeName === 'shape') {
      const parent = String(copy.parentId)
      if (parent.startsWith('page:')) {
        copy.parentId = pageId
        copy.x = (Number(copy.x) || 0) + dx
        copy.y = (Number(copy.y) || 0) + dy
      } else copy.parentId = remap(parent)
      const props = copy.props as Record<string, unknown> | undefined
      if (props && 'assetId' in props) props.assetId = remap(props.assetId)
    } else if (copy.typeName === 'binding') {
      copy.fromId = remap(copy.fromId)
      copy.toId = remap(copy.toId)
    }
    return copy
  })
}
