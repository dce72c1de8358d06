/**
 * What every result kind's extraction shares: notes placed in zones, the ordering contract and
 * table / section readers. Each kind's own extraction lives beside its template.
 *
 * Ordering contract: notes in a zone are sorted by votes (most first), then reading order
 * (centre y, then x), then id. Queues, prompts and summaries are in reading order only.
 */
import type { JsonRecord } from '../docLayout.js'
import { zoneLocalPoint, type Activity, type ActivityZone } from './board.js'
import type { Point } from './geometry.js'
import type { AxisScale, ZoneMeaning } from './types.js'

/** A note as results show it. */
export interface NoteResult {
  /** The note's shape id. */
  id: string
  text: string
  votes: number
  /** A cluster (shared/activities/clusters.ts): the notes it holds; `text` is its title, `votes` its total. */
  notes?: NoteResult[]
}

export interface SectionResult {
  key: string
  label: string
  notes: NoteResult[]
}

/** What every activity result starts with. */
export interface ActivityHeader {
  instanceId: string
  templateId: string
  name: string
  /** Notes inside the activity's frame but in none of its zones. */
  unzoned: NoteResult[]
}


/** A note with where it is: its centre and the zones containing it, smallest first. */
export interface PlacedNote {
  record: JsonRecord
  note: NoteResult
  center: Point
  zones: ActivityZone[]
}

export function metaString(record: JsonRecord, key: string): string | null {
  const meta = record.meta
  if (typeof meta !== 'object' || meta === null) return null
  const value = (meta as Record<string, unknown>)[key]
  if (typeof value !== 'string' || value.trim() === '') return null
  return value.trim()
}

export function byVotes(a: PlacedNote, b: PlacedNote): number {
  return b.note.votes - a.note.votes || byReading(a, b)
}

export function byReading(a: PlacedNote, b: PlacedNote): number {
  return a.center.y - b.center.y || a.center.x - b.center.x || (a.note.id < b.note.id ? -1 : a.note.id > b.note.id ? 1 : 0)
}

export function notesOf(placed: readonly PlacedNote[], order = byVotes): NoteResult[] {
  return [...placed].sort(order).map((p) => p.note)
}

export function joinText(placed: readonly PlacedNote[]): string {
  return [...placed].sort(byReading).map((p) => p.note.text).filter((t) => t !== '').join('\n')
}

/**
 * The score on an axis for a fraction 0…1 along it: `max − min + 1` equal bands, so the
 * first band is `min` and the last `max` (an edge point belongs to the band it closes).
 */
export function axisScore(scale: AxisScale, fraction: number): number {
  const steps = scale.max - scale.min + 1
  const band = Math.min(steps - 1, Math.max(0, Math.floor(fraction * steps)))
  return scale.min + band
}

/** Scores of a point on a scale zone: x rightwards, y upwards. */
export function scaleScores(zone: ActivityZone, point: Point): { x: number | null; y: number | null } {
  const meaning = zone.meaning
  const local = zoneLocalPoint(zone, point)
  if (meaning.kind !== 'scale' || !local) return { x: null, y: null }
  return {
    x: meaning.x ? axisScore(meaning.x, local.x / zone.w) : null,
    y: meaning.y ? axisScore(meaning.y, 1 - local.y / zone.h) : null,
  }
}

/** The notes whose most specific zone is `zone`. */
export function groupByZone(placed: readonly PlacedNote[]): Map<string, PlacedNote[]> {
  const groups = new Map<string, PlacedNote[]>()
  for (const p of placed) {
    const zone = p.zones[0]
    if (!zone) continue
    const list = groups.get(zone.id)
    if (list) list.push(p)
    else groups.set(zone.id, [p])
  }
  return groups
}

export type Meaning<K extends ZoneMeaning['kind']> = Extract<ZoneMeaning, { kind: K }>

export function zonesOfKind<K extends ZoneMeaning['kind']>(activity: Activity, kind: K): Array<ActivityZone & { meaning: Meaning<K> }> {
  return activity.zones.filter((z): z is ActivityZone & { meaning: Meaning<K> } => z.meaning.kind === kind)
}

/** Ordered unique values (first occurrence wins). */
export function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((item) => (seen.has(key(item)) ? false : (seen.add(key(item)), true)))
}

export interface Extraction {
  activity: Activity
  placed: PlacedNote[]
  groups: Map<string, PlacedNote[]>
  /** Notes used by the result; the rest of `placed` is reported as unzoned. */
  used: Set<string>
}

export function take(x: Extraction, zone: ActivityZone): PlacedNote[] {
  const list = x.groups.get(zone.id) ?? []
  for (const p of list) x.used.add(p.note.id)
  return list
}

export function sections(x: Extraction, kind: 'section'): SectionResult[] {
  return zonesOfKind(x.activity, kind).map((zone) => ({ key: zone.meaning.section, label: zone.label, notes: notesOf(take(x, zone)) }))
}

/** Table results (needs map, commitments): columns × rows in layout order. */
export function cells(x: Extraction): { columns: Array<{ key: string; label: string }>; rows: Array<{ key: string; label: string }>; notes: (column: string, row: string) => NoteResult[] } {
  const zones = zonesOfKind(x.activity, 'cell')
  // Layout order from the cells' positions, not from the order records come out of the doc
  // (a row added later, by another client, may be stored first).
  const leftToRight = [...zones].sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y)
  const topToBottom = [...zones].sort((a, b) => a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x)
  const columns = unique(leftToRight.map((z) => ({ key: z.meaning.column, label: z.meaning.columnLabel })), (c) => c.key)
  const rows = unique(topToBottom.map((z) => ({ key: z.meaning.row, label: z.meaning.rowLabel })), (r) => r.key)
  const byCell = new Map(zones.map((z) => [`${z.meaning.column}\u0000${z.meaning.row}`, notesOf(take(x, z))]))
  return { columns, rows, notes: (column, row) => byCell.get(`${column}\u0000${row}`) ?? [] }
}

