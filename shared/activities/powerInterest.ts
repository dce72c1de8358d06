/**
 * The power / interest grid (needs analysis): its template, results and report.
 */
import { en } from '../i18n/catalogue.js'
import { ok } from '../result.js'
import { byReading, scaleScores, type Extraction, type Meaning, type NoteResult, type PlacedNote } from './extraction.js'
import { FRAME_PADDING, HEADER_HEIGHT, ZONE_GAP, headerLabel } from './layout.js'
import { oneLine, say, sayNumber, table, type NoteVisitor, type ReportContext } from './reporting.js'
import type { ActivityTemplate, AxisScale, LabelSpec, Quadrant, ZoneColor, ZoneSpec } from './types.js'

export const POWER_SCALE: AxisScale = { name: en('power-interest-grid.power'), min: 1, max: 10, lowLabel: en('power-interest-grid.low-power'), highLabel: en('power-interest-grid.high-power-2') }
export const INTEREST_SCALE: AxisScale = { name: en('power-interest-grid.interest'), min: 1, max: 10, lowLabel: en('power-interest-grid.low-interest'), highLabel: en('power-interest-grid.high-interest-2') }

const QUADRANT_KEYS = {
  manageClosely: 'power-interest-grid.manage-closely',
  keepSatisfied: 'power-interest-grid.keep-satisfied',
  keepInformed: 'power-interest-grid.keep-informed',
  monitor: 'power-interest-grid.monitor',
} as const satisfies Record<Quadrant, string>

export const QUADRANT_LABELS: Record<Quadrant, string> = {
  manageClosely: en('power-interest-grid.manage-closely'),
  keepSatisfied: en('power-interest-grid.keep-satisfied'),
  keepInformed: en('power-interest-grid.keep-informed'),
  monitor: en('power-interest-grid.monitor'),
}

const GRID_SIZE = 1000
const AXIS_LABEL_W = 160

/**
 * The grid is one `scale` zone (interest left → right, power bottom → top, 1–10 each) with
 * the four quadrants on top of it. A note's scores come from its position in the grid.
 */
export const POWER_INTEREST_GRID: ActivityTemplate = {
  id: 'power-interest-grid',
  name: en('power-interest-grid.name'),
  family: 'needs-analysis',
  description: en('power-interest-grid.description'),
  instructions:
    `${en('power-interest-grid.write-one-stakeholder-per')}\n\n${en('power-interest-grid.manage-closely-high-power')}`,
  results: 'powerInterest',
  layout() {
    const gridX = FRAME_PADDING + AXIS_LABEL_W
    const gridY = HEADER_HEIGHT
    const half = GRID_SIZE / 2
    const width = gridX + GRID_SIZE + FRAME_PADDING
    const height = gridY + GRID_SIZE + 80 + FRAME_PADDING
    const quadrant = (q: Quadrant, col: number, row: number, color: ZoneColor): ZoneSpec => ({
      key: q,
      label: QUADRANT_LABELS[q],
      x: gridX + col * half,
      y: gridY + row * half,
      w: half,
      h: half,
      shape: 'rectangle',
      color,
      fill: 'semi',
      meaning: { kind: 'quadrant', quadrant: q },
      target: true,
    })
    const zones: ZoneSpec[] = [
      {
        key: 'grid',
        label: '',
        x: gridX,
        y: gridY,
        w: GRID_SIZE,
        h: GRID_SIZE,
        shape: 'rectangle',
        color: 'black',
        fill: 'none',
        meaning: { kind: 'scale', x: INTEREST_SCALE, y: POWER_SCALE },
        target: false,
      },
      quadrant('keepSatisfied', 0, 0, 'yellow'),
      quadrant('manageClosely', 1, 0, 'light-red'),
      quadrant('monitor', 0, 1, 'grey'),
      quadrant('keepInformed', 1, 1, 'light-blue'),
    ]
    const labels: LabelSpec[] = [
      headerLabel(POWER_INTEREST_GRID.instructions, width),
      { key: 'axis-power-high', text: en('power-interest-grid.high-power'), x: FRAME_PADDING, y: gridY, w: AXIS_LABEL_W - ZONE_GAP, size: 's' },
      { key: 'axis-power-low', text: en('power-interest-grid.low-power'), x: FRAME_PADDING, y: gridY + GRID_SIZE - 40, w: AXIS_LABEL_W - ZONE_GAP, size: 's' },
      { key: 'axis-interest-low', text: en('power-interest-grid.low-interest'), x: gridX, y: gridY + GRID_SIZE + 20, w: 300, size: 's' },
      { key: 'axis-interest-high', text: en('power-interest-grid.high-interest'), x: gridX + GRID_SIZE - 300, y: gridY + GRID_SIZE + 20, w: 300, size: 's' },
    ]
    return ok({ width, height, zones, labels, tokens: [], settings: {} })
  },
}

export interface GridEntry extends NoteResult {
  power: number
  interest: number
  quadrant: Quadrant
}

export interface PowerInterestResult {
  kind: 'powerInterest'
  /** By power, then interest, both descending. */
  stakeholders: GridEntry[]
  quadrants: Array<{ quadrant: Quadrant; label: string; stakeholders: GridEntry[] }>
}

export function extractPowerInterest(x: Extraction): PowerInterestResult {
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
    kind: 'powerInterest',
    stakeholders,
    quadrants: order.map((quadrant) => ({ quadrant, label: QUADRANT_LABELS[quadrant], stakeholders: stakeholders.filter((s) => s.quadrant === quadrant) })),
  }
}

export function powerInterestMarkdown(ctx: ReportContext, a: PowerInterestResult): string[] {
  const rows = a.stakeholders.map((s) => [oneLine(s.text), sayNumber(ctx, s.power), sayNumber(ctx, s.interest), say(ctx, QUADRANT_KEYS[s.quadrant])])
  return [table(ctx, ['field.stakeholder', 'field.power', 'field.interest', 'field.quadrant'], rows)]
}

export function powerInterestRows(ctx: ReportContext, a: PowerInterestResult, visit: NoteVisitor): void {
  for (const q of a.quadrants) {
    for (const n of q.stakeholders) {
      visit(say(ctx, QUADRANT_KEYS[q.quadrant]), n, { score: say(ctx, 'powerInterest.scores', { power: sayNumber(ctx, n.power), interest: sayNumber(ctx, n.interest) }) })
    }
  }
}
