/**
 * Where a new (or moved) note goes inside a zone so that it covers no other note: the free spot
 * nearest the zone's centre. No tldraw import, so it is unit-tested in Node.
 */
import { positionInZone, zoneContains, type ActivityZone } from '../../../shared/activities/index'

export type Rect = { x: number; y: number; w: number; h: number }
export type Size = { w: number; h: number }

/** Space kept between notes. */
const GAP = 8
/** Candidate spots are this fraction of the note's size apart. */
const STEP_FRACTION = 0.25

function overlaps(a: Rect, b: Rect, gap: number): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap
}

/** The note lies in the zone: its centre, and its corners as far as the zone's shape allows. */
function fits(zone: ActivityZone, spot: Rect): boolean {
  const corners = [
    { x: spot.x, y: spot.y },
    { x: spot.x + spot.w, y: spot.y },
    { x: spot.x, y: spot.y + spot.h },
    { x: spot.x + spot.w, y: spot.y + spot.h },
  ]
  return zoneContains(zone, { x: spot.x + spot.w / 2, y: spot.y + spot.h / 2 }) && corners.every((c) => zoneContains(zone, c))
}

/** Top-left corners to try, nearest the zone's centre first. */
function candidates(zone: ActivityZone, size: Size): Array<{ x: number; y: number }> {
  const { bounds } = zone
  const stepX = Math.max(8, size.w * STEP_FRACTION)
  const stepY = Math.max(8, size.h * STEP_FRACTION)
  const out: Array<{ x: number; y: number; d: number }> = []
  for (let y = bounds.y; y + size.h <= bounds.y + bounds.h; y += stepY) {
    for (let x = bounds.x; x + size.w <= bounds.x + bounds.w; x += stepX) {
      const d = Math.hypot(x + size.w / 2 - zone.center.x, y + size.h / 2 - zone.center.y)
      out.push({ x, y, d })
    }
  }
  // A zone narrower than a note: its centre is the only place.
  out.push({ x: zone.center.x - size.w / 2, y: zone.center.y - size.h / 2, d: 0 })
  return out.sort((a, b) => a.d - b.d)
}

/**
 * The top-left corner (page space) for a note of `size` in the zone, clear of every rectangle in
 * `occupied` when the zone has room; otherwise the zone's centre cascade ({@link positionInZone}),
 * which still puts the note's centre inside the zone.
 */
export function clearSpotInZone(zone: ActivityZone, size: Size, occupied: readonly Rect[]): { x: number; y: number } {
  const inZone = occupied.filter((r) => zoneContains(zone, { x: r.x + r.w / 2, y: r.y + r.h / 2 })).length
  const spots = candidates(zone, size)
  for (const strict of [true, false]) {
    for (const spot of spots) {
      const rect = { ...spot, w: size.w, h: size.h }
      if (strict && !fits(zone, rect)) continue
      if (!strict && !zoneContains(zone, { x: spot.x + size.w / 2, y: spot.y + size.h / 2 })) continue
      if (!occupied.some((o) => overlaps(rect, o, GAP))) return { x: spot.x, y: spot.y }
    }
  }
  return positionInZone(zone, size, inZone)
}
