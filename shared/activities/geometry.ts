/**
 * Plain 2D geometry over tldraw records (no editor needed): page transforms through parent
 * shapes, shape sizes, axis-aligned bounds. A shape is drawn from its top-left corner `(x, y)`
 * in its parent's space, rotated by `rotation` radians about that corner (tldraw's convention).
 */
import type { JsonRecord } from '../docLayout.js'

export interface Point {
  x: number
  y: number
}

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

/** An affine transform: `x' = a·x + c·y + e`, `y' = b·x + d·y + f`. */
export interface Transform {
  a: number
  b: number
  c: number
  d: number
  e: number
  f: number
}

/** tldraw's note size before `scale` (NOTE_SIZE in the tldraw package). */
export const NOTE_SIZE = 200
/** Height assumed for a text shape, whose height depends on rendering. */
const TEXT_LINE_HEIGHT = 40

export function multiply(m: Transform, n: Transform): Transform {
  return {
    a: m.a * n.a + m.c * n.b,
    b: m.b * n.a + m.d * n.b,
    c: m.a * n.c + m.c * n.d,
    d: m.b * n.c + m.d * n.d,
    e: m.a * n.e + m.c * n.f + m.e,
    f: m.b * n.e + m.d * n.f + m.f,
  }
}

export function applyTransform(m: Transform, p: Point): Point {
  return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f }
}

/** The inverse transform, or null when it is degenerate. */
export function invert(m: Transform): Transform | null {
  const det = m.a * m.d - m.b * m.c
  if (Math.abs(det) < 1e-12) return null
  return {
    a: m.d / det,
    b: -m.b / det,
    c: -m.c / det,
    d: m.a / det,
    e: (m.c * m.f - m.d * m.e) / det,
    f: (m.b * m.e - m.a * m.f) / det,
  }
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

function props(record: JsonRecord): Record<string, unknown> {
  return typeof record.props === 'object' && record.props !== null ? (record.props as Record<string, unknown>) : {}
}

/** The shape's own transform in its parent's space. */
export function localTransform(shape: JsonRecord): Transform {
  const r = num(shape.rotation, 0)
  const cos = Math.cos(r)
  const sin = Math.sin(r)
  return { a: cos, b: sin, c: -sin, d: cos, e: num(shape.x, 0), f: num(shape.y, 0) }
}

/**
 * The shape's transform to page space, following `parentId` through parent shapes. Null when
 * a parent is missing or the chain loops (the shape cannot be placed).
 */
export function pageTransform(shape: JsonRecord, byId: ReadonlyMap<string, JsonRecord>): Transform | null {
  let m = localTransform(shape)
  let parentId = shape.parentId
  for (let depth = 0; typeof parentId === 'string' && parentId.startsWith('shape:'); depth++) {
    const parent = byId.get(parentId)
    if (!parent || depth > 64) return null
    m = multiply(localTransform(parent), m)
    parentId = parent.parentId
  }
  return typeof parentId === 'string' ? m : null
}

/** The page a shape finally sits on, or null. */
export function pageOf(shape: JsonRecord, byId: ReadonlyMap<string, JsonRecord>): string | null {
  let parentId = shape.parentId
  for (let depth = 0; typeof parentId === 'string' && parentId.startsWith('shape:'); depth++) {
    const parent = byId.get(parentId)
    if (!parent || depth > 64) return null
    parentId = parent.parentId
  }
  return typeof parentId === 'string' && parentId.startsWith('page:') ? parentId : null
}

function pointsBox(points: Point[]): Box {
  if (points.length === 0) return { x: 0, y: 0, w: 1, h: 1 }
  const xs = points.map((p) => p.x)
  const ys = points.map((p) => p.y)
  const x = Math.min(...xs)
  const y = Math.min(...ys)
  return { x, y, w: Math.max(1, Math.max(...xs) - x), h: Math.max(1, Math.max(...ys) - y) }
}

function asPoint(value: unknown): Point | null {
  if (typeof value !== 'object' || value === null) return null
  const { x, y } = value as { x?: unknown; y?: unknown }
  return typeof x === 'number' && typeof y === 'number' ? { x, y } : null
}

/**
 * The shape's box in its own space. Exact for notes, geo shapes, frames, images and others
 * with `w`/`h`; from points for lines, arrows and freehand; an estimate for text (its height
 * depends on rendering).
 */
export function localBounds(shape: JsonRecord): Box {
  const p = props(shape)
  const scale = num(p.scale, 1)
  switch (shape.type) {
    case 'note':
      return { x: 0, y: 0, w: NOTE_SIZE * scale, h: (NOTE_SIZE + num(p.growY, 0)) * scale }
    case 'geo':
      return { x: 0, y: 0, w: num(p.w, 1), h: num(p.h, 1) + num(p.growY, 0) }
    case 'text': {
      return { x: 0, y: 0, w: num(p.w, 1) * scale, h: TEXT_LINE_HEIGHT * scale }
    }
    case 'line': {
      const pts = typeof p.points === 'object' && p.points !== null ? Object.values(p.points).map(asPoint) : []
      return pointsBox(pts.filter((q): q is Point => q !== null))
    }
    case 'arrow': {
      const pts = [asPoint(p.start), asPoint(p.end)].filter((q): q is Point => q !== null)
      return pointsBox(pts)
    }
    case 'draw':
    case 'highlight': {
      const segments = Array.isArray(p.segments) ? p.segments : []
      const pts: Point[] = []
      for (const segment of segments) {
        const list = (segment as { points?: unknown }).points
        if (Array.isArray(list)) for (const q of list) {
          const point = asPoint(q)
          if (point) pts.push({ x: point.x * scale, y: point.y * scale })
        }
      }
      return pointsBox(pts)
    }
    default:
      return { x: 0, y: 0, w: num(p.w, 1), h: num(p.h, 1) }
  }
}

/** The page-space axis-aligned bounds of a box under a transform. */
export function transformBox(m: Transform, box: Box): Box {
  const corners = [
    { x: box.x, y: box.y },
    { x: box.x + box.w, y: box.y },
    { x: box.x, y: box.y + box.h },
    { x: box.x + box.w, y: box.y + box.h },
  ].map((p) => applyTransform(m, p))
  const xs = corners.map((p) => p.x)
  const ys = corners.map((p) => p.y)
  const x = Math.min(...xs)
  const y = Math.min(...ys)
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y }
}

/** The centre of a shape in page space, or null when it cannot be placed. */
export function pageCenter(shape: JsonRecord, byId: ReadonlyMap<string, JsonRecord>): Point | null {
  const m = pageTransform(shape, byId)
  if (!m) return null
  const b = localBounds(shape)
  return applyTransform(m, { x: b.x + b.w / 2, y: b.y + b.h / 2 })
}

/** Whether two boxes overlap once `margin` is added around the first one. */
export function boxesOverlap(a: Box, b: Box, margin = 0): boolean {
  return a.x - margin < b.x + b.w && b.x < a.x + a.w + margin && a.y - margin < b.y + b.h && b.y < a.y + a.h + margin
}

/** A lookup by id over several record lists (later lists win on a duplicate id). */
export function indexRecords(...lists: ReadonlyArray<readonly JsonRecord[]>): Map<string, JsonRecord> {
  const byId = new Map<string, JsonRecord>()
  for (const list of lists) for (const record of list) byId.set(record.id, record)
  return byId
}
