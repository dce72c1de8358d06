/**
 * Results extraction (DESIGN "Exports and results"): each note of the board doc belongs to the
 * activity and zone that contain its centre, geometrically, in page space. Per activity, the
 * result kind stored on its frame decides the structure. One function feeds the results panel
 * and every export.
 *
 * Ordering contract: notes in a zone are sorted by votes (most first), then reading order
 * (centre y, then x), then id. Queues, prompts and summaries are in reading order only.
 */
import { DEFAULT_PAGE_ID } from '../boardSchemaCore.js'
import type { JsonRecord } from '../docLayout.js'
import { activityAt, readActivities, zonesContaining, type Activity } from './board.js'
import { clusterFrames, clusterItems, clusterOfNote } from './clusters.js'
import { groupByZone, notesOf, type ActivityHeader, type Extraction, type NoteResult, type PlacedNote } from './extraction.js'
import { indexRecords, pageCenter, pageOf } from './geometry.js'
import { extractKind, type KindResult } from './kinds.js'
import type { ActionItem } from './retro/results.js'
import { shapeText } from './richText.js'
import { ACTIVITY_META_KEY, type ResultKind } from './types.js'

export { axisScore, type NoteResult, type SectionResult } from './extraction.js'
export type { KudosNote } from './recognition.js'
export type { ScoredNote } from './checkIn.js'
export type { GridEntry } from './powerInterest.js'
export type { RiskEntry } from './riskMatrix/results.js'
export type { RoundResult, SeatResult } from './circle/results.js'
export type { ActionItem } from './retro/results.js'

/** The structured result of one activity, discriminated by `kind` (the template's result kind). */
export type ActivityResult = ActivityHeader & KindResult

export interface BoardResults {
  /** One result per activity, in frame order (top to bottom, left to right). */
  activities: ActivityResult[]
  /** Notes outside every activity. */
  unplaced: NoteResult[]
}

export interface ExtractInput {
  /** Template records (the control doc). */
  templateRecords: readonly JsonRecord[]
  /** Board records (the board doc): notes, and any frames they are parented to. */
  boardRecords: readonly JsonRecord[]
  /** Vote totals by note id (published at reveal). */
  votes?: Readonly<Record<string, number>>
  /** The page to read (default `page:page`). */
  pageId?: string
}

function extractActivity(activity: Activity, placed: PlacedNote[]): ActivityResult {
  const x: Extraction = { activity, placed, groups: groupByZone(placed), used: new Set() }
  const result = extractKind(activity.results, x)
  const unzoned = notesOf(placed.filter((p) => !x.used.has(p.note.id)))
  return { instanceId: activity.instanceId, templateId: activity.templateId, name: activity.name, ...result, unzoned }
}

/**
 * The note `meta` fields the results panel lets the facilitator edit, per result kind
 * (`status` is free text; `open` and `done` are the values the app itself uses).
 */
export const EDITABLE_NOTE_META: Partial<Record<ResultKind, readonly string[]>> = {
  riskRegister: ['owner', 'mitigation', 'status', 'riskId'],
  retro: ['owner', 'due', 'status'],
  recognition: ['to'],
}

/**
 * The action items of a retrospective that are not done yet, e.g. to carry them into the next
 * retrospective on the same board. Empty for any other activity.
 */
export function openActions(result: ActivityResult): ActionItem[] {
  return result.kind === 'retro' ? result.actions.filter((a) => a.status !== 'done') : []
}

function isTemplateShape(record: JsonRecord): boolean {
  const meta = record.meta
  return typeof meta === 'object' && meta !== null && ACTIVITY_META_KEY in meta
}

/**
 * Structured results of every activity on a page. Notes are the board's `note` shapes (not
 * template shapes); each belongs to the activity whose frame contains its centre and, inside
 * it, to the smallest zone containing the centre. Parent frames of notes are followed.
 */
export function extractResults(input: ExtractInput): BoardResults {
  const pageId = input.pageId ?? DEFAULT_PAGE_ID
  const activities = readActivities(input.templateRecords)
  const byId = indexRecords(input.templateRecords, input.boardRecords)
  const perActivity = new Map<string, PlacedNote[]>(activities.map((a) => [a.instanceId, []]))
  const unplaced: PlacedNote[] = []
  const frames = clusterFrames(input.boardRecords, byId, (r) => pageOf(r, byId), pageId)
  const members = new Map<string, PlacedNote[]>()
  const items: Array<{ record: JsonRecord; note: NoteResult; center: { x: number; y: number } }> = []
  for (const record of input.boardRecords) {
    if (record.typeName !== 'shape' || record.type !== 'note' || isTemplateShape(record)) continue
    if (pageOf(record, byId) !== pageId) continue
    const center = pageCenter(record, byId)
    if (!center) continue
    const note: NoteResult = { id: record.id, text: shapeText(record), votes: input.votes?.[record.id] ?? 0 }
    const cluster = clusterOfNote(record, center, frames, byId)
    if (cluster) {
      const list = members.get(cluster)
      if (list) list.push({ record, note, center, zones: [] })
      else members.set(cluster, [{ record, note, center, zones: [] }])
    } else items.push({ record, note, center })
  }
  // A cluster is one item holding its notes, placed by its centre (issue 15).
  for (const { record, note, center } of [...items, ...clusterItems(frames, members, input.votes)]) {
    const activity = activityAt(activities, center, pageId)
    if (!activity) {
      unplaced.push({ record, note, center, zones: [] })
      continue
    }
    perActivity.get(activity.instanceId)?.push({ record, note, center, zones: zonesContaining(activity, center) })
  }
  return {
    activities: activities.filter((a) => a.pageId === pageId).map((a) => extractActivity(a, perActivity.get(a.instanceId) ?? [])),
    unplaced: notesOf(unplaced),
  }
}
