/**
 * A row added to a "Commitments" activity after it was created (issue 13): a person who joined
 * later gets their own row, below the last one, with one cell per mode like the rows laid out at
 * creation; the frame grows by one row. Pure: the server writes the records into the control doc.
 */
import { plainTextToRichText } from './richText.js'
import type { JsonRecord } from '../docLayout.js'
import { err, ok, type Result } from '../result.js'
import { readActivityMeta } from './board.js'
import { keysFor, MAX_LIST_LENGTH, ZONE_GAP } from './layout.js'
import { relabelZone } from './relabel.js'
import { ACTIVITY_META_KEY, type ZoneMeaning } from './types.js'

/** Longest name a row heading takes (as the names typed at creation). */
export const MAX_ROW_NAME = 60

type CellMeaning = Extract<ZoneMeaning, { kind: 'cell' }>
type Cell = { record: JsonRecord; meaning: CellMeaning; label: string }

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0)

function propsOf(record: JsonRecord): Record<string, unknown> {
  return typeof record.props === 'object' && record.props !== null ? (record.props as Record<string, unknown>) : {}
}

/** A fractional index key just above `after` (valid: the fraction never ends in 0). */
function indexAbove(after: string, n: number): string {
  return `${after}V${'123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'[n] ?? 'z'}`
}

/** The records of a new row named `name` in the commitments activity `activityId`. */
export function addCommitmentRow(records: readonly JsonRecord[], activityId: string, name: string): Result<JsonRecord[]> {
  const person = name.trim().replace(/\s+/g, ' ').slice(0, MAX_ROW_NAME)
  if (!person) return err('the name is empty')
  const frame = records.find((r) => r.id === `shape:${activityId}`)
  const frameMeta = frame ? readActivityMeta(frame) : null
  if (!frame || frameMeta?.role !== 'frame' || frameMeta.results !== 'commitments') return err('that activity is not a commitments activity')
  const cells: Cell[] = []
  let lastIndex = 'a0'
  for (const record of records) {
    const meta = readActivityMeta(record)
    if (!meta || meta.role === 'frame' || meta.instanceId !== activityId) continue
    if (typeof record.index === 'string' && record.index > lastIndex) lastIndex = record.index
    if (meta.role === 'zone' && meta.meaning.kind === 'cell') cells.push({ record, meaning: meta.meaning, label: meta.label })
  }
  const rowKeys = [...new Set(cells.map((c) => c.meaning.row))]
  if (rowKeys.length >= MAX_LIST_LENGTH) return err(`an activity holds at most ${MAX_LIST_LENGTH} rows`)
  const lastRow = cells.filter((c) => c.meaning.row === rowKeys[rowKeys.length - 1]).sort((a, b) => num(a.record.x) - num(b.record.x))
  const first = lastRow[0]
  const rowLabel = records.find((r) => r.id === `shape:${activityId}.label.row-${first?.meaning.row}`)
  if (!first || !rowLabel) return err('that activity has no row to follow')
  const rowHeight = num(propsOf(first.record).h)
  const step = rowHeight + ZONE_GAP
  // A key from the name, unique among the rows (keysFor suffixes repeats: "ada", "ada-2").
  const key = keysFor([...rowKeys.map((k) => `${k}`), person]).at(-1)!
  const rowKey = rowKeys.includes(key) ? `${key}-${rowKeys.length + 1}` : key
  const y = num(first.record.y) + step
  const out: JsonRecord[] = [{ ...frame, props: { ...propsOf(frame), h: num(propsOf(frame).h) + step } }]
  out.push({
    ...rowLabel,
    id: `shape:${activityId}.label.row-${rowKey}`,
    y: num(rowLabel.y) + step,
    index: indexAbove(lastIndex, 0),
    meta: { [ACTIVITY_META_KEY]: { ...(rowLabel.meta as Record<string, Record<string, unknown>>)[ACTIVITY_META_KEY], key: `row-${rowKey}` } },
    props: { ...propsOf(rowLabel), richText: plainTextToRichText(person) },
  })
  lastRow.forEach((cell, i) => {
    const label = cell.label.startsWith(cell.meaning.rowLabel) ? person + cell.label.slice(cell.meaning.rowLabel.length) : `${person}: ${cell.meaning.columnLabel}`
    const meaning: CellMeaning = { ...cell.meaning, row: rowKey, rowLabel: person }
    const base = relabelZone({ ...cell.record, id: `shape:${activityId}.zone.${rowKey}-${cell.meaning.column}`, y, index: indexAbove(lastIndex, i + 1) }, label)
    const activity = (base.meta as Record<string, Record<string, unknown>>)[ACTIVITY_META_KEY]
    out.push({ ...base, meta: { [ACTIVITY_META_KEY]: { ...activity, key: `${rowKey}-${cell.meaning.column}`, meaning } } })
  })
  return ok(out)
}
