/**
 * Activities read back from template records (the control doc) alone: each activity's frame,
 * zones and tokens in page space, and the geometric queries the results and the "Move to…"
 * keyboard command need ({@link zoneAt}, {@link zonesOf}, {@link positionInZone}).
 */
import { DEFAULT_PAGE_ID } from '../boardSchemaCore.js'
import type { JsonRecord } from '../docLayout.js'
import {
  applyTransform,
  indexRecords,
  invert,
  localBounds,
  NOTE_SIZE,
  pageOf,
  pageTransform,
  transformBox,
  type Box,
  type Point,
  type Transform,
} from './geometry.js'
import {
  ACTIVITY_META_KEY,
  type ActivityShapeMeta,
  type ResultKind,
  type ZoneMeaning,
  type ZoneShape,
} from './types.js'

/** A zone of an activity, placed on the page. */
export interface ActivityZone {
  /** The zone's shape id. */
  id: string
  key: string
  label: string
  meaning: ZoneMeaning
  /** Offered by "Move to…". */
  target: boolean
  shape: ZoneShape
  /** The zone's size in its own space. */
  w: number
  h: number
  /** Zone space → page space. */
  transform: Transform
  /** Page space → zone space; null when the transform is degenerate. */
  inverse: Transform | null
  /** Page-space axis-aligned bounds. */
  bounds: Box
  /** Page-space centre. */
  center: Point
}

export interface ActivityToken {
  id: string
  key: string
  token: string
  center: Point
}

/** One activity instance as its template records describe it. */
export interface Activity {
  instanceId: string
  templateId: string
  results: ResultKind
  name: string
  settings: Record<string, unknown>
  frameId: string
  pageId: string
  /** The frame as a zone-like area (notes inside it belong to the activity). */
  area: ActivityZone
  zones: ActivityZone[]
  tokens: ActivityToken[]
}

const RESULT_KINDS: ReadonlySet<string> = new Set([
  'needsMap', 'empathyMap', 'powerInterest', 'riskRegister', 'circle', 'retro', 'checkIn', 'recognition', 'commitments',
])

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The `meta.activity` of a template shape, checked just enough to be used safely (the control
 * doc is written by the facilitator's client). Null for any other shape.
 */
export function readActivityMeta(record: JsonRecord): ActivityShapeMeta | null {
  if (record.typeName !== 'shape' || !isObject(record.meta)) return null
  const meta = record.meta[ACTIVITY_META_KEY]
  if (!isObject(meta) || typeof meta.instanceId !== 'string' || typeof meta.templateId !== 'string') return null
  switch (meta.role) {
    case 'frame':
      if (typeof meta.results !== 'string' || !RESULT_KINDS.has(meta.results)) return null
      return {
        role: 'frame',
        instanceId: meta.instanceId,
        templateId: meta.templateId,
        results: meta.results as ResultKind,
        name: typeof meta.name === 'string' ? meta.name : meta.templateId,
        settings: isObject(meta.settings) ? meta.settings : {},
      }
    case 'zone':
      if (typeof meta.key !== 'string' || !isObject(meta.meaning) || typeof meta.meaning.kind !== 'string') return null
      return {
        role: 'zone',
        instanceId: meta.instanceId,
        templateId: meta.templateId,
        key: meta.key,
        label: typeof meta.label === 'string' ? meta.label : meta.key,
        meaning: meta.meaning as ZoneMeaning,
        target: meta.target !== false,
      }
    case 'token':
      if (typeof meta.key !== 'string') return null
      return { role: 'token', instanceId: meta.instanceId, templateId: meta.templateId, key: meta.key, token: 'talkingPiece' }
    case 'label':
      return { role: 'label', instanceId: meta.instanceId, templateId: meta.templateId, key: String(meta.key) }
    default:
      return null
  }
}

function placeZone(record: JsonRecord, transform: Transform, key: string, label: string, meaning: ZoneMeaning, target: boolean): ActivityZone {
  const box = localBounds(record)
  const props = isObject(record.props) ? record.props : {}
  return {
    id: record.id,
    key,
    label,
    meaning,
    target,
    shape: record.type === 'geo' && props.geo === 'ellipse' ? 'ellipse' : 'rectangle',
    w: box.w,
    h: box.h,
    transform,
    inverse: invert(transform),
    bounds: transformBox(transform, box),
    center: applyTransform(transform, { x: box.w / 2, y: box.h / 2 }),
  }
}

/**
 * Every activity described by `templateRecords`, in frame order (top to bottom, left to right).
 * Shapes whose frame is missing, or that cannot be placed on a page, are left out.
 */
export function readActivities(templateRecords: readonly JsonRecord[]): Activity[] {
  const byId = indexRecords(templateRecords)
  const activities = new Map<string, Activity>()
  const members: Array<{ record: JsonRecord; meta: ActivityShapeMeta }> = []
  for (const record of templateRecords) {
    const meta = readActivityMeta(record)
    if (!meta) continue
    if (meta.role !== 'frame') {
      members.push({ record, meta })
      continue
    }
    const transform = pageTransform(record, byId)
    const pageId = pageOf(record, byId)
    if (!transform || !pageId) continue
    activities.set(meta.instanceId, {
      instanceId: meta.instanceId,
      templateId: meta.templateId,
      results: meta.results,
      name: meta.name,
      settings: meta.settings,
      frameId: record.id,
      pageId,
      area: placeZone(record, transform, 'frame', meta.name, { kind: 'section', section: 'frame' }, false),
      zones: [],
      tokens: [],
    })
  }
  for (const { record, meta } of members) {
    const activity = activities.get(meta.instanceId)
    const transform = activity && pageTransform(record, byId)
    if (!activity || !transform) continue
    if (meta.role === 'zone') activity.zones.push(placeZone(record, transform, meta.key, meta.label, meta.meaning, meta.target))
    else if (meta.role === 'token') {
      const box = localBounds(record)
      activity.tokens.push({ id: record.id, key: meta.key, token: meta.token, center: applyTransform(transform, { x: box.w / 2, y: box.h / 2 }) })
    }
  }
  const order = (a: Activity) => [a.area.bounds.y, a.area.bounds.x] as const
  return [...activities.values()].sort((a, b) => order(a)[0] - order(b)[0] || order(a)[1] - order(b)[1])
}

const EPSILON = 1e-6

/** The point in the zone's own space (origin at its top-left), or null if degenerate. */
export function zoneLocalPoint(zone: ActivityZone, point: Point): Point | null {
  return zone.inverse ? applyTransform(zone.inverse, point) : null
}

/** Whether a page point lies inside the zone (edges included; ellipses as ellipses). */
export function zoneContains(zone: ActivityZone, point: Point): boolean {
  const { bounds } = zone
  if (point.x < bounds.x - EPSILON || point.y < bounds.y - EPSILON || point.x > bounds.x + bounds.w + EPSILON || point.y > bounds.y + bounds.h + EPSILON) {
    return false
  }
  const local = zoneLocalPoint(zone, point)
  if (!local) return false
  if (zone.shape === 'ellipse') {
    const rx = zone.w / 2
    const ry = zone.h / 2
    const dx = (local.x - rx) / rx
    const dy = (local.y - ry) / ry
    return dx * dx + dy * dy <= 1 + EPSILON
  }
  return local.x >= -EPSILON && local.y >= -EPSILON && local.x <= zone.w + EPSILON && local.y <= zone.h + EPSILON
}

function area(zone: ActivityZone): number {
  return zone.w * zone.h
}

/** The activity whose frame contains the point (the smallest if frames overlap), or null. */
export function activityAt(activities: readonly Activity[], point: Point, pageId: string = DEFAULT_PAGE_ID): Activity | null {
  let best: Activity | null = null
  for (const activity of activities) {
    if (activity.pageId !== pageId || !zoneContains(activity.area, point)) continue
    if (!best || area(activity.area) < area(best.area)) best = activity
  }
  return best
}

/** The zones of one activity containing the point, smallest first (the most specific zone leads). */
export function zonesContaining(activity: Activity, point: Point): ActivityZone[] {
  return activity.zones.filter((z) => zoneContains(z, point)).sort((a, b) => area(a) - area(b))
}

/**
 * The most specific zone containing a page point, with its activity; null outside every zone.
 * This is where a note whose centre is at `point` belongs.
 */
export function zoneAt(
  activities: readonly Activity[],
  point: Point,
  pageId: string = DEFAULT_PAGE_ID,
): { activity: Activity; zone: ActivityZone } | null {
  const activity = activityAt(activities, point, pageId)
  const zone = activity ? zonesContaining(activity, point)[0] : undefined
  return activity && zone ? { activity, zone } : null
}

/** The zones "Move to…" offers for an activity, in layout order (or all zones with `all`). */
export function zonesOf(activity: Activity, { all = false }: { all?: boolean } = {}): ActivityZone[] {
  return all ? [...activity.zones] : activity.zones.filter((z) => z.target)
}

/** Offset between successive notes moved into the same zone, so they do not hide each other. */
export const MOVE_CASCADE_STEP = 24
const CASCADE = [0, 1, -1, 2, -2] as const

/**
 * Where to put a note's top-left corner (page space, unrotated note) so that its centre lands
 * in the zone's centre. The n-th note moved into the same zone (`slot` n) is shifted
 * diagonally by 0, +1, −1, +2, −2 steps (repeating), close enough to the centre to stay inside.
 */
export function positionInZone(
  zone: ActivityZone,
  noteSize: { w: number; h: number } = { w: NOTE_SIZE, h: NOTE_SIZE },
  slot = 0,
): Point {
  const shift = MOVE_CASCADE_STEP * (CASCADE[Math.abs(Math.trunc(slot)) % CASCADE.length] ?? 0)
  return { x: zone.center.x + shift - noteSize.w / 2, y: zone.center.y + shift - noteSize.h / 2 }
}
