/**
 * The stakeholder needs map (needs analysis): its template, results and report.
 */
import { en } from '../i18n/catalogue.js'
import { ok } from '../result.js'
import { cells, type Extraction, type SectionResult } from './extraction.js'
import { FRAME_PADDING, HEADER_HEIGHT, ZONE_GAP, headerLabel, keysFor, readStringList } from './layout.js'
import { label, noteList, type NoteVisitor, type ReportContext } from './reporting.js'
import type { ActivityTemplate, LabelSpec, ZoneSpec } from './types.js'

/** The rows of the stakeholder needs map, top to bottom. */
export const NEEDS_MAP_ROWS = [
  { key: 'needs', label: en('stakeholder-needs-map.needs') },
  { key: 'wiifm', label: en('stakeholder-needs-map.what-s-in-it') },
  { key: 'concerns', label: en('stakeholder-needs-map.concerns-fears') },
  { key: 'current', label: en('stakeholder-needs-map.current-way-of-working') },
] as const

const NEEDS_CELL_W = 460
const NEEDS_CELL_H = 300
const ROW_HEADER_W = 240
const COLUMN_HEADER_H = 60

/**
 * Options: `stakeholders` (list of group names, default three placeholders the facilitator
 * renames). One column per group, one row per {@link NEEDS_MAP_ROWS} entry.
 */
export const STAKEHOLDER_NEEDS_MAP: ActivityTemplate = {
  id: 'stakeholder-needs-map',
  name: en('stakeholder-needs-map.name'),
  family: 'needs-analysis',
  description: en('stakeholder-needs-map.description'),
  instructions:
    `${en('stakeholder-needs-map.for-each-stakeholder-group')}\n\n${en('stakeholder-needs-map.then-dot-vote-the')}`,
  results: 'needsMap',
  layout({ options }) {
    const groups = readStringList(options, 'stakeholders', [1, 2, 3].map((n) => en('stakeholder-needs-map.group', { n })))
    if (!groups.ok) return groups
    const keys = keysFor(groups.value)
    const gridX = FRAME_PADDING + ROW_HEADER_W
    const gridY = HEADER_HEIGHT + COLUMN_HEADER_H
    const width = gridX + groups.value.length * (NEEDS_CELL_W + ZONE_GAP) - ZONE_GAP + FRAME_PADDING
    const height = gridY + NEEDS_MAP_ROWS.length * (NEEDS_CELL_H + ZONE_GAP) - ZONE_GAP + FRAME_PADDING
    const zones: ZoneSpec[] = []
    const labels: LabelSpec[] = [headerLabel(STAKEHOLDER_NEEDS_MAP.instructions, width)]
    groups.value.forEach((group, c) => {
      const x = gridX + c * (NEEDS_CELL_W + ZONE_GAP)
      const column = keys[c] ?? `group-${c + 1}`
      labels.push({ key: `column-${column}`, text: group, x, y: HEADER_HEIGHT, w: NEEDS_CELL_W, size: 'm' })
      NEEDS_MAP_ROWS.forEach((row, r) => {
        zones.push({
          key: `${column}-${row.key}`,
          label: row.label,
          x,
          y: gridY + r * (NEEDS_CELL_H + ZONE_GAP),
          w: NEEDS_CELL_W,
          h: NEEDS_CELL_H,
          shape: 'rectangle',
          color: r % 2 === 0 ? 'light-blue' : 'light-green',
          fill: 'semi',
          meaning: { kind: 'cell', column, columnLabel: group, row: row.key, rowLabel: row.label },
          target: true,
        })
      })
    })
    NEEDS_MAP_ROWS.forEach((row, r) => {
      labels.push({ key: `row-${row.key}`, text: row.label, x: FRAME_PADDING, y: gridY + r * (NEEDS_CELL_H + ZONE_GAP), w: ROW_HEADER_W - ZONE_GAP, size: 'm' })
    })
    return ok({ width, height, zones, labels, tokens: [], settings: {} })
  },
}

export interface NeedsMapResult {
  kind: 'needsMap'
  stakeholders: Array<{ key: string; label: string; rows: SectionResult[] }>
}

export function extractNeedsMap(x: Extraction): NeedsMapResult {
  const table = cells(x)
  const stakeholders = table.columns.map((c) => ({ ...c, rows: table.rows.map((r) => ({ ...r, notes: table.notes(c.key, r.key) })) }))
  return { kind: 'needsMap', stakeholders }
}

export function needsMapMarkdown(ctx: ReportContext, a: NeedsMapResult): string[] {
  return a.stakeholders.flatMap((s) => [`### ${label(ctx, s.label)}\n`, ...s.rows.map((row) => `**${label(ctx, row.label)}**\n\n${noteList(ctx, row.notes)}`)])
}

export function needsMapRows(a: NeedsMapResult, visit: NoteVisitor): void {
  for (const s of a.stakeholders) for (const row of s.rows) for (const n of row.notes) visit(`${s.label} · ${row.label}`, n)
}
