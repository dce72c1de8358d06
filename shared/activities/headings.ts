/**
 * The headings of an activity a facilitator may rename in place (issue 13): a zone's own heading
 * (a retrospective column, a seat, a section), and the column and row headings of a table
 * activity (a stakeholder group of the needs map, a person's row of the commitments), which are
 * text labels above or beside their cells. Renaming a table heading also renames what the cells
 * of that column or row mean (`columnLabel` / `rowLabel`, what results and exports read).
 * Grid cells (needs map, commitments, risk matrix) are renamed through their column or row.
 * Pure: the server writes the returned records into the control doc.
 */
import type { JsonRecord } from '../docLayout.js'
import { err, ok, type Result } from '../result.js'
import { readActivityMeta } from './board.js'
import { MAX_ZONE_LABEL, relabelZone } from './relabel.js'
import { plainTextToRichText, richTextToPlainText } from './richText.js'
import { ACTIVITY_META_KEY, type ZoneMeaning } from './types.js'

export type HeadingKind = 'zone' | 'column' | 'row'

/** One renamable heading: `id` is the shape drawn on the canvas. */
export interface Heading {
  id: string
  activityId: string
  kind: HeadingKind
  /** The zone key, or the column / row key of a table. */
  key: string
  label: string
}

type CellMeaning = Extract<ZoneMeaning, { kind: 'cell' }>

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Zones whose heading is their own (grid cells take their column's and row's). */
export function isRenamableZone(meaning: ZoneMeaning): boolean {
  return meaning.kind !== 'cell' && meaning.kind !== 'riskCell'
}

function cellsOf(records: readonly JsonRecord[], activityId: string): Array<{ record: JsonRecord; meaning: CellMeaning }> {
  const out: Array<{ record: JsonRecord; meaning: CellMeaning }> = []
  for (const record of records) {
    const meta = readActivityMeta(record)
    if (meta?.role === 'zone' && meta.instanceId === activityId && meta.meaning.kind === 'cell') out.push({ record, meaning: meta.meaning })
  }
  return out
}

/** A table label's column or row: `column-<key>` / `row-<key>` over cells that use that key. */
function tableHeading(record: JsonRecord, key: string, cells: ReadonlyArray<{ meaning: CellMeaning }>): { kind: 'column' | 'row'; key: string } | null {
  const match = /^(column|row)-(.+)$/.exec(key)
  if (!match) return null
  const kind = match[1] as 'column' | 'row'
  const tableKey = match[2]!
  const used = cells.some(({ meaning }) => (kind === 'column' ? meaning.column : meaning.row) === tableKey)
  return used && record.type === 'text' ? { kind, key: tableKey } : null
}

/** Every heading of the board's activities a facilitator may rename, in record order. */
export function renamableHeadings(records: readonly JsonRecord[]): Heading[] {
  const headings: Heading[] = []
  const cellsByActivity = new Map<string, ReturnType<typeof cellsOf>>()
  const cells = (activityId: string) => {
    let list = cellsByActivity.get(activityId)
    if (!list) cellsByActivity.set(activityId, (list = cellsOf(records, activityId)))
    return list
  }
  for (const record of records) {
    const meta = readActivityMeta(record)
    if (meta?.role === 'zone' && isRenamableZone(meta.meaning)) {
      headings.push({ id: record.id, activityId: meta.instanceId, kind: 'zone', key: meta.key, label: meta.label })
    } else if (meta?.role === 'label') {
      const table = tableHeading(record, meta.key, cells(meta.instanceId))
      const props = isObject(record.props) ? record.props : {}
      if (table) headings.push({ id: record.id, activityId: meta.instanceId, ...table, label: richTextToPlainText(props.richText).trim() })
    }
  }
  return headings
}

/** A cell's own heading ("Ada: Online", "Needs") follows its row's or column's new name. */
function cellLabel(current: string, oldName: string, newName: string): string {
  if (!oldName) return current
  if (current.startsWith(oldName)) return newName + current.slice(oldName.length)
  if (current.endsWith(oldName)) return current.slice(0, current.length - oldName.length) + newName
  return current
}

/** The records to write so that heading `headingId` reads `label`; an error value when it may not be renamed. */
export function renameHeading(records: readonly JsonRecord[], headingId: string, label: string): Result<JsonRecord[]> {
  const text = label.trim().replace(/\s+/g, ' ').slice(0, MAX_ZONE_LABEL)
  if (!text) return err('the new heading is empty')
  const heading = renamableHeadings(records).find((h) => h.id === headingId)
  const record = records.find((r) => r.id === headingId)
  if (!heading || !record) return err('that heading cannot be renamed')
  if (heading.kind === 'zone') {
    const meta = readActivityMeta(record)
    const seat = meta?.role === 'zone' && meta.meaning.kind === 'seat'
    return ok([relabelZone(record, text, seat ? text : undefined)])
  }
  const props = isObject(record.props) ? record.props : {}
  const out: JsonRecord[] = [{ ...record, props: { ...props, richText: plainTextToRichText(text) } }]
  for (const cell of cellsOf(records, heading.activityId)) {
    const { meaning } = cell
    if ((heading.kind === 'column' ? meaning.column : meaning.row) !== heading.key) continue
    const meta = isObject(cell.record.meta) ? cell.record.meta : {}
    const activity = isObject(meta[ACTIVITY_META_KEY]) ? meta[ACTIVITY_META_KEY] : {}
    const oldName = heading.kind === 'column' ? meaning.columnLabel : meaning.rowLabel
    const nextMeaning: CellMeaning = heading.kind === 'column' ? { ...meaning, columnLabel: text } : { ...meaning, rowLabel: text }
    const current = typeof activity.label === 'string' ? activity.label : ''
    const renamed = relabelZone(cell.record, cellLabel(current, oldName, text))
    const renamedMeta = renamed.meta as Record<string, Record<string, unknown>>
    out.push({ ...renamed, meta: { ...renamedMeta, [ACTIVITY_META_KEY]: { ...renamedMeta[ACTIVITY_META_KEY], meaning: nextMeaning } } })
  }
  return ok(out)
}
