/**
 * Results extraction (DESIGN "Exports and results"): each note of the board doc belongs to the
 * activity and zone that contain its centre, geometrically, in page space. Per activity, the
 * result kind stored on its frame decides the structure. One function feeds the results panel
 * and every export.
 *
 * Ordering contract: notes in a zone are sorted by votes (most first), then reading order
 * (centre y, then x), then id. Queues, prompts and summaries are in reading order only.
 */
import { DEFAULT_PAGE_ID } from '../boardSchema.js'
import type { JsonRecord } from '../docLayout.js'
import { indexRecords, pageCenter, pageOf, type Point } from './geometry.js'
import { QUADRANT_LABELS } from './needsAnalysis.js'
import { bandFor, DEFAULT_RISK_BANDS, parseRiskBands, type RiskBand } from './riskMatrix/template.js'
import { ACTIVITY_META_KEY, type AxisScale, type Quadrant, type ResultKind, type ZoneMeaning } from './types.js'
import { activityAt, readActivities, zoneContains, zoneLocalPoint, zonesContaining, type Activity, type ActivityZone } from './board.js'
import { shapeText } from './richText.js'

/** A note as results show it. */
export interface NoteResult {
  /** The note's shape id. */
  id: string
  text: string
  votes: number
}

export interface SectionResult {
  key: string
  label: string
  notes: NoteResult[]
}

export interface RiskEntry extends NoteResult {
  /** Register id: `meta.riskId` when the facilitator set one, else `R<rank>` by score. */
  riskId: string
  likelihood: number
  impact: number
  score: number
  band: string
  bandLabel: string
  owner: string | null
  mitigation: string | null
  /** `meta.status`, `open` when unset. */
  status: string
}

export interface ActionItem extends NoteResult {
  owner: string | null
  due: string | null
  status: string
}

export interface GridEntry extends NoteResult {
  power: number
  interest: number
  quadrant: Quadrant
}

export interface SeatResult {
  seat: number
  ring: 'circle' | 'inner' | 'outer'
  participant: string | null
  emptyChair: boolean
  notes: NoteResult[]
}

export interface RoundResult {
  round: number
  /** The prompt set on the template, else the text of the notes in the prompt zone. */
  prompt: string
  /** Speakers in order: the speaking ring from the round's start seat, empty seats skipped. */
  speakers: string[]
  /** The text of the notes in the summary zone, in reading order. */
  summary: string
  notes: NoteResult[]
}

export interface ScoredNote extends NoteResult {
  score: number
}

export interface KudosNote extends NoteResult {
  /** Who is recognised: `meta.to`. */
  to: string | null
}

interface ActivityHeader {
  instanceId: string
  templateId: string
  name: string
  /** Notes inside the activity's frame but in none of its zones. */
  unzoned: NoteResult[]
}

/** The structured result of one activity, discriminated by `kind` (the template's result kind). */
export type ActivityResult = ActivityHeader &
  (
    | { kind: 'needsMap'; stakeholders: Array<{ key: string; label: string; rows: SectionResult[] }> }
    | { kind: 'empathyMap'; sections: SectionResult[] }
    | {
        kind: 'powerInterest'
        /** By power, then interest, both descending. */
        stakeholders: GridEntry[]
        quadrants: Array<{ quadrant: Quadrant; label: string; stakeholders: GridEntry[] }>
      }
    | { kind: 'riskRegister'; bands: RiskBand[]; register: RiskEntry[] }
    | {
        kind: 'circle'
        variant: string
        seats: SeatResult[]
        talkingPiece: { seat: number; participant: string | null } | null
        rounds: RoundResult[]
        /** Fishbowl queue for the empty chair, top first. */
        queue: NoteResult[]
      }
    | { kind: 'retro'; columns: SectionResult[]; actions: ActionItem[] }
    | {
        kind: 'checkIn'
        /** Notes on the spectrum with their readiness score (1 resisting … 10 championing), lowest first. */
        spectrum: ScoredNote[]
        averageScore: number | null
        sections: SectionResult[]
      }
    | { kind: 'recognition'; categories: Array<{ key: string; label: string; notes: KudosNote[] }> }
    | { kind: 'commitments'; people: Array<{ key: string; label: string; modes: SectionResult[] }> }
  )

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

/** A note with where it is: its centre and the zones containing it, smallest first. */
interface PlacedNote {
  record: JsonRecord
  note: NoteResult
  center: Point
  zones: ActivityZone[]
}

function metaString(record: JsonRecord, key: string): string | null {
  const meta = record.meta
  if (typeof meta !== 'object' || meta === null) return null
  const value = (meta as Record<string, unknown>)[key]
  if (typeof value !== 'string' || value.trim() === '') return null
  return value.trim()
}

function byVotes(a: PlacedNote, b: PlacedNote): number {
  return b.note.votes - a.note.votes || byReading(a, b)
}

function byReading(a: PlacedNote, b: PlacedNote): number {
  return a.center.y - b.center.y || a.center.x - b.center.x || (a.note.id < b.note.id ? -1 : a.note.id > b.note.id ? 1 : 0)
}

function notesOf(placed: readonly PlacedNote[], order = byVotes): NoteResult[] {
  return [...placed].sort(order).map((p) => p.note)
}

function joinText(placed: readonly PlacedNote[]): string {
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
function scaleScores(zone: ActivityZone, point: Point): { x: number | null; y: number | null } {
  const meaning = zone.meaning
  const local = zoneLocalPoint(zone, point)
  if (meaning.kind !== 'scale' || !local) return { x: null, y: null }
  return {
    x: meaning.x ? axisScore(meaning.x, local.x / zone.w) : null,
    y: meaning.y ? axisScore(meaning.y, 1 - local.y / zone.h) : null,
  }
}

/** The notes whose most specific zone is `zone`. */
function groupByZone(placed: readonly PlacedNote[]): Map<string, PlacedNote[]> {
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

type Meaning<K extends ZoneMeaning['kind']> = Extract<ZoneMeaning, { kind: K }>

function zonesOfKind<K extends ZoneMeaning['kind']>(activity: Activity, kind: K): Array<ActivityZone & { meaning: Meaning<K> }> {
  return activity.zones.filter((z): z is ActivityZone & { meaning: Meaning<K> } => z.meaning.kind === kind)
}

/** Ordered unique values (first occurrence wins). */
function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((item) => (seen.has(key(item)) ? false : (seen.add(key(item)), true)))
}

interface Extraction {
  activity: Activity
  placed: PlacedNote[]
  groups: Map<string, PlacedNote[]>
  /** Notes used by the result; the rest of `placed` is reported as unzoned. */
  used: Set<string>
}

function take(x: Extraction, zone: ActivityZone): PlacedNote[] {
  const list = x.groups.get(zone.id) ?? []
  for (const p of list) x.used.add(p.note.id)
  return list
}

function sections(x: Extraction, kind: 'section'): SectionResult[] {
  return zonesOfKind(x.activity, kind).map((zone) => ({ key: zone.meaning.section, label: zone.label, notes: notesOf(take(x, zone)) }))
}

/** Table results (needs map, commitments): columns × rows in layout order. */
function cells(x: Extraction): { columns: Array<{ key: string; label: string }>; rows: Array<{ key: string; label: string }>; notes: (column: string, row: string) => NoteResult[] } {
  const zones = zonesOfKind(x.activity, 'cell')
  const columns = unique(zones.map((z) => ({ key: z.meaning.column, label: z.meaning.columnLabel })), (c) => c.key)
  const rows = unique(zones.map((z) => ({ key: z.meaning.row, label: z.meaning.rowLabel })), (r) => r.key)
  const byCell = new Map(zones.map((z) => [`${z.meaning.column}\u0000${z.meaning.row}`, notesOf(take(x, z))]))
  return { columns, rows, notes: (column, row) => byCell.get(`${column}\u0000${row}`) ?? [] }
}

function extractRiskRegister(x: Extraction): { bands: RiskBand[]; register: RiskEntry[] } {
  const parsed = parseRiskBands(x.activity.settings.bands)
  const bands = parsed.ok ? parsed.value : DEFAULT_RISK_BANDS.map((b) => ({ ...b }))
  const entries: Array<Omit<RiskEntry, 'riskId'> & { placed: PlacedNote }> = []
  for (const zone of zonesOfKind(x.activity, 'riskCell')) {
    const { likelihood, impact } = zone.meaning
    const score = likelihood * impact
    const band = bandFor(bands, score)
    for (const p of take(x, zone)) {
      entries.push({
        ...p.note,
        likelihood,
        impact,
        score,
        band: band?.key ?? 'unbanded',
        bandLabel: band?.label ?? 'Unbanded',
        owner: metaString(p.record, 'owner'),
        mitigation: metaString(p.record, 'mitigation'),
        status: metaString(p.record, 'status') ?? 'open',
        placed: p,
      })
    }
  }
  entries.sort((a, b) => b.score - a.score || b.impact - a.impact || b.likelihood - a.likelihood || byReading(a.placed, b.placed))
  const register = entries.map(({ placed, ...entry }, i): RiskEntry => ({
    ...entry,
    riskId: metaString(placed.record, 'riskId') ?? `R${i + 1}`,
  }))
  return { bands, register }
}

function extractPowerInterest(x: Extraction): { stakeholders: GridEntry[]; quadrants: Array<{ quadrant: Quadrant; label: string; stakeholders: GridEntry[] }> } {
  const scored: Array<{ entry: GridEntry; placed: PlacedNote }> = []
  for (const p of x.placed) {
    const grid = p.zones.find((z) => z.meaning.kind === 'scale' && z.meaning.x && z.meaning.y)
    if (!grid) continue
    const { x: interest, y: power } = scaleScores(grid, p.center)
    if (interest === null || power === null) continue
    const meaning = grid.meaning as Meaning<'scale'>
    const highPower = power > (meaning.y!.min + meaning.y!.max) / 2
    const highInterest = interest > (meaning.x!.min + meaning.x!.max) / 2
    const quadrant: Quadrant = highPower ? (highInterest ? 'manageClosely' : 'keepSatisfied') : highInterest ? 'keepInformed' : 'monitor'
    x.used.add(p.note.id)
    scored.push({ entry: { ...p.note, power, interest, quadrant }, placed: p })
  }
  scored.sort((a, b) => b.entry.power - a.entry.power || b.entry.interest - a.entry.interest || byReading(a.placed, b.placed))
  const stakeholders = scored.map((s) => s.entry)
  const order: Quadrant[] = ['manageClosely', 'keepSatisfied', 'keepInformed', 'monitor']
  return {
    stakeholders,
    quadrants: order.map((quadrant) => ({ quadrant, label: QUADRANT_LABELS[quadrant], stakeholders: stakeholders.filter((s) => s.quadrant === quadrant) })),
  }
}

function rotateFrom<T>(items: readonly T[], start: number): T[] {
  return [...items.slice(start), ...items.slice(0, start)]
}

function extractCircle(x: Extraction, tokens: Activity['tokens']) {
  const seatZones = zonesOfKind(x.activity, 'seat').sort((a, b) => a.meaning.seat - b.meaning.seat)
  const seats: SeatResult[] = seatZones.map((z) => ({
    seat: z.meaning.seat,
    ring: z.meaning.ring,
    participant: z.meaning.participant,
    emptyChair: z.meaning.emptyChair,
    notes: notesOf(take(x, z)),
  }))
  const piece = tokens.find((t) => t.token === 'talkingPiece')
  const holder = piece ? seatZones.find((z) => zoneContains(z, piece.center)) : undefined
  const speaking = seatZones.filter((z) => z.meaning.ring !== 'outer')
  const roundZones = zonesOfKind(x.activity, 'round')
  const roundNumbers = [...new Set(roundZones.map((z) => z.meaning.round))].sort((a, b) => a - b)
  const rounds = roundNumbers.map((round): RoundResult => {
    const part = (name: 'prompt' | 'notes' | 'summary') => roundZones.find((z) => z.meaning.round === round && z.meaning.part === name)
    const promptZone = part('prompt')
    const notesZone = part('notes')
    const summaryZone = part('summary')
    const promptNotes = promptZone ? take(x, promptZone) : []
    const startSeat = promptZone?.meaning.startSeat ?? 1
    const startAt = Math.max(0, speaking.findIndex((z) => z.meaning.seat === startSeat))
    return {
      round,
      prompt: promptZone?.meaning.prompt || joinText(promptNotes),
      speakers: rotateFrom(speaking, startAt).flatMap((z) => (z.meaning.participant && !z.meaning.emptyChair ? [z.meaning.participant] : [])),
      summary: summaryZone ? joinText(take(x, summaryZone)) : '',
      notes: notesZone ? notesOf(take(x, notesZone)) : [],
    }
  })
  const queueZone = zonesOfKind(x.activity, 'queue')[0]
  return {
    variant: typeof x.activity.settings.variant === 'string' ? x.activity.settings.variant : 'talkingCircle',
    seats,
    talkingPiece: holder ? { seat: holder.meaning.seat, participant: holder.meaning.participant } : null,
    rounds,
    queue: queueZone ? notesOf(take(x, queueZone), byReading) : [],
  }
}

function extractRetro(x: Extraction): { columns: SectionResult[]; actions: ActionItem[] } {
  const columns = sections(x, 'section')
  const actions = zonesOfKind(x.activity, 'actions').flatMap((zone) =>
    [...take(x, zone)].sort(byVotes).map((p): ActionItem => ({
      ...p.note,
      owner: metaString(p.record, 'owner'),
      due: metaString(p.record, 'due'),
      status: metaString(p.record, 'status') ?? 'open',
    })),
  )
  return { columns, actions }
}

function extractCheckIn(x: Extraction): { spectrum: ScoredNote[]; averageScore: number | null; sections: SectionResult[] } {
  const spectrumZone = zonesOfKind(x.activity, 'scale').find((z) => z.meaning.x && !z.meaning.y)
  const scored: Array<{ entry: ScoredNote; placed: PlacedNote }> = []
  if (spectrumZone) {
    for (const p of take(x, spectrumZone)) {
      const score = scaleScores(spectrumZone, p.center).x
      if (score !== null) scored.push({ entry: { ...p.note, score }, placed: p })
    }
  }
  scored.sort((a, b) => a.entry.score - b.entry.score || byReading(a.placed, b.placed))
  const spectrum = scored.map((s) => s.entry)
  const averageScore = spectrum.length === 0 ? null : Math.round((spectrum.reduce((sum, s) => sum + s.score, 0) / spectrum.length) * 100) / 100
  return { spectrum, averageScore, sections: sections(x, 'section') }
}

function extractRecognition(x: Extraction): Array<{ key: string; label: string; notes: KudosNote[] }> {
  return zonesOfKind(x.activity, 'section').map((zone) => ({
    key: zone.meaning.section,
    label: zone.label,
    notes: [...take(x, zone)].sort(byVotes).map((p) => ({ ...p.note, to: metaString(p.record, 'to') })),
  }))
}

function extractActivity(activity: Activity, placed: PlacedNote[]): ActivityResult {
  const x: Extraction = { activity, placed, groups: groupByZone(placed), used: new Set() }
  const header = { instanceId: activity.instanceId, templateId: activity.templateId, name: activity.name }
  const unzoned = () => notesOf(placed.filter((p) => !x.used.has(p.note.id)))
  const kind: ResultKind = activity.results
  switch (kind) {
    case 'needsMap': {
      const table = cells(x)
      const stakeholders = table.columns.map((c) => ({ ...c, rows: table.rows.map((r) => ({ ...r, notes: table.notes(c.key, r.key) })) }))
      return { ...header, kind, stakeholders, unzoned: unzoned() }
    }
    case 'commitments': {
      const table = cells(x)
      const people = table.rows.map((r) => ({ ...r, modes: table.columns.map((c) => ({ ...c, notes: table.notes(c.key, r.key) })) }))
      return { ...header, kind, people, unzoned: unzoned() }
    }
    case 'empathyMap':
      return { ...header, kind, sections: sections(x, 'section'), unzoned: unzoned() }
    case 'powerInterest':
      return { ...header, kind, ...extractPowerInterest(x), unzoned: unzoned() }
    case 'riskRegister':
      return { ...header, kind, ...extractRiskRegister(x), unzoned: unzoned() }
    case 'circle':
      return { ...header, kind, ...extractCircle(x, activity.tokens), unzoned: unzoned() }
    case 'retro':
      return { ...header, kind, ...extractRetro(x), unzoned: unzoned() }
    case 'checkIn':
      return { ...header, kind, ...extractCheckIn(x), unzoned: unzoned() }
    case 'recognition':
      return { ...header, kind, categories: extractRecognition(x), unzoned: unzoned() }
    default: {
      const exhaustive: never = kind
      throw new Error(`unknown result kind ${String(exhaustive)}`)
    }
  }
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
  for (const record of input.boardRecords) {
    if (record.typeName !== 'shape' || record.type !== 'note' || isTemplateShape(record)) continue
    if (pageOf(record, byId) !== pageId) continue
    const center = pageCenter(record, byId)
    if (!center) continue
    const note: NoteResult = { id: record.id, text: shapeText(record), votes: input.votes?.[record.id] ?? 0 }
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
