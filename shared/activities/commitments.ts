/**
 * Commitments online, onsite, ongoing (community): its template, results and report.
 */
import { en } from '../i18n/catalogue.js'
import { ok } from '../result.js'
import { cells, type Extraction, type SectionResult } from './extraction.js'
import { COLUMN_HEIGHT, FRAME_PADDING, HEADER_HEIGHT, ZONE_GAP, keysFor, headerLabel } from './layout.js'
import { label, noteList, type NoteVisitor, type ReportContext } from './reporting.js'
import type { ActivityTemplate, LabelSpec, ZoneSpec } from './types.js'

/** The three modes of the methodology's peer learning. */
export const COMMITMENT_MODES = [
  { key: 'online', label: en('commitments.online') },
  { key: 'onsite', label: en('commitments.onsite') },
  { key: 'ongoing', label: en('commitments.ongoing') },
] as const

const PERSON_LABEL_W = 240
const COMMIT_CELL_W = 460
const COMMIT_CELL_H = 260

/**
 * One row per participant (or a single en('commitments.everyone') row when the list is empty), one column per
 * mode: what each person will do online, onsite and ongoing.
 */
export const COMMITMENTS: ActivityTemplate = {
  id: 'commitments',
  name: en('commitments.name'),
  family: 'community',
  description: en('commitments.description'),
  instructions:
    `${en('commitments.in-your-row-write')}\n\n${en('commitments.we-come-back-to')}`,
  results: 'commitments',
  layout({ participants }) {
    const people = participants.length > 0 ? [...participants] : [en('commitments.everyone')]
    const keys = keysFor(people)
    const gridX = FRAME_PADDING + PERSON_LABEL_W
    const gridY = HEADER_HEIGHT + 60
    const width = gridX + COMMITMENT_MODES.length * (COMMIT_CELL_W + ZONE_GAP) - ZONE_GAP + FRAME_PADDING
    const rowH = people.length === 1 ? COLUMN_HEIGHT : COMMIT_CELL_H
    const height = gridY + people.length * (rowH + ZONE_GAP) - ZONE_GAP + FRAME_PADDING
    const zones: ZoneSpec[] = []
    const labels: LabelSpec[] = [headerLabel(COMMITMENTS.instructions, width)]
    COMMITMENT_MODES.forEach((mode, c) => {
      labels.push({ key: `column-${mode.key}`, text: mode.label, x: gridX + c * (COMMIT_CELL_W + ZONE_GAP), y: HEADER_HEIGHT, w: COMMIT_CELL_W, size: 'm' })
    })
    people.forEach((person, r) => {
      const row = keys[r] ?? `person-${r + 1}`
      const y = gridY + r * (rowH + ZONE_GAP)
      labels.push({ key: `row-${row}`, text: person, x: FRAME_PADDING, y, w: PERSON_LABEL_W - ZONE_GAP, size: 's' })
      COMMITMENT_MODES.forEach((mode, c) => {
        zones.push({
          key: `${row}-${mode.key}`,
          label: en('commitments.cell', { person, mode: mode.label }),
          x: gridX + c * (COMMIT_CELL_W + ZONE_GAP),
          y,
          w: COMMIT_CELL_W,
          h: rowH,
          shape: 'rectangle',
          color: (['light-blue', 'light-green', 'light-violet'] as const)[c] ?? 'light-blue',
          fill: 'semi',
          meaning: { kind: 'cell', column: mode.key, columnLabel: mode.label, row, rowLabel: person },
          target: true,
        })
      })
    })
    return ok({ width, height, zones, labels, tokens: [], settings: {} })
  },
}

export interface CommitmentsResult {
  kind: 'commitments'
  people: Array<{ key: string; label: string; modes: SectionResult[] }>
}

export function extractCommitments(x: Extraction): CommitmentsResult {
  const table = cells(x)
  const people = table.rows.map((r) => ({ ...r, modes: table.columns.map((c) => ({ ...c, notes: table.notes(c.key, r.key) })) }))
  return { kind: 'commitments', people }
}

export function commitmentsMarkdown(ctx: ReportContext, a: CommitmentsResult): string[] {
  return a.people.flatMap((p) => [`### ${p.label}\n`, ...p.modes.map((m) => `**${label(ctx, m.label)}**\n\n${noteList(ctx, m.notes)}`)])
}

export function commitmentsRows(a: CommitmentsResult, visit: NoteVisitor): void {
  for (const p of a.people) for (const m of p.modes) for (const n of m.notes) visit(`${p.label} · ${m.label}`, n)
}
