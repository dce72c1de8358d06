/**
 * The outline of a board as text: activities (top to bottom) → zones (board order) → notes
 * (reading order). A note belongs to the activity whose frame holds its centre and to the most
 * specific zone "Move to…" offers that holds it, as results extraction files it.
 * No tldraw import, so it is unit-tested in Node.
 */
import { activityAt, zonesContaining, zonesOf, type Activity, type ActivityZone } from '../../../shared/activities/index'
import type { Translate } from '../../i18n/I18nProvider'
import { zoneDisplayName } from '../activities/zoneChoices'

export type OutlineNote = {
  id: string
  text: string
  /** `meta.author` when the note carries one. */
  author: string | null
  /** A note only this person sees yet (private writing). */
  isPrivate: boolean
  center: { x: number; y: number }
}
export type OutlineZone = { zone: ActivityZone; name: string; notes: OutlineNote[] }
export type OutlineActivity = { activity: Activity; zones: OutlineZone[]; elsewhere: OutlineNote[] }
export type Outline = {
  activities: OutlineActivity[]
  /** Notes outside every activity. */
  unplaced: OutlineNote[]
  noteCount: number
}

/**
 * An activity with more zones than this (a 5 × 5 risk matrix) shows its empty zones folded
 * under one heading: a screen reader user otherwise walked 25 cells, each with its own "Add a
 * note" button, to find the few that hold notes. The top "Add a note" still offers every zone.
 */
export const FOLD_EMPTY_ZONES_ABOVE = 12

/** The id of a zone's heading in the outline (focus lands there after a move or a delete). */
export function zoneHeadingId(zoneId: string): string {
  return `outline-zone-${zoneId.replace(/[^A-Za-z0-9_-]/g, '-')}`
}

/** Rows closer than this (page units) read as one row. */
const ROW_TOLERANCE = 24

/** Zones in board order: top to bottom, then left to right within a row. */
export function inBoardOrder<Z extends Pick<ActivityZone, 'bounds'>>(zones: readonly Z[]): Z[] {
  return [...zones].sort((a, b) => (Math.abs(a.bounds.y - b.bounds.y) > ROW_TOLERANCE ? a.bounds.y - b.bounds.y : a.bounds.x - b.bounds.x))
}

const readingOrder = (a: OutlineNote, b: OutlineNote) => a.center.y - b.center.y || a.center.x - b.center.x || a.id.localeCompare(b.id)

export function buildOutline(t: Translate, activities: readonly Activity[], notes: readonly OutlineNote[], pageId: string): Outline {
  const outline: OutlineActivity[] = activities.map((activity) => ({
    activity,
    zones: inBoardOrder(zonesOf(activity)).map((zone) => ({ zone, name: zoneDisplayName(t, activity, zone), notes: [] })),
    elsewhere: [],
  }))
  const byActivity = new Map(outline.map((o) => [o.activity.instanceId, o]))
  const unplaced: OutlineNote[] = []
  for (const note of notes) {
    const activity = activityAt(activities, note.center, pageId)
    const entry = activity && byActivity.get(activity.instanceId)
    if (!activity || !entry) {
      unplaced.push(note)
      continue
    }
    const zone = zonesContaining(activity, note.center).find((z) => z.target)
    const target = zone && entry.zones.find((z) => z.zone.id === zone.id)
    ;(target ? target.notes : entry.elsewhere).push(note)
  }
  for (const entry of outline) {
    for (const zone of entry.zones) zone.notes.sort(readingOrder)
    entry.elsewhere.sort(readingOrder)
  }
  return { activities: outline, unplaced: unplaced.sort(readingOrder), noteCount: notes.length }
}
