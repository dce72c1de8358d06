/**
 * Needs analysis: stakeholder needs map, empathy map (Dave Gray, 2017, CC BY-SA) and the
 * power / interest grid.
 */
import { ok } from '../result.js'
import { FRAME_PADDING, HEADER_HEIGHT, ZONE_GAP, headerLabel, keysFor, readStringList } from './layout.js'
import type { ActivityTemplate, AxisScale, LabelSpec, Quadrant, ZoneColor, ZoneSpec } from './types.js'
import { en } from '../i18n/catalogue.js'

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

/** Empathy-map sections in reading order of the results. */
export const EMPATHY_SECTIONS = [
  { key: 'who', label: en('empathy-map.who-are-we-empathising') },
  { key: 'goal', label: en('empathy-map.what-do-they-need') },
  { key: 'see', label: en('empathy-map.what-do-they-see') },
  { key: 'say', label: en('empathy-map.what-do-they-say') },
  { key: 'do', label: en('empathy-map.what-do-they-do') },
  { key: 'hear', label: en('empathy-map.what-do-they-hear') },
  { key: 'pains', label: en('empathy-map.think-feel-pains') },
  { key: 'gains', label: en('empathy-map.think-feel-gains') },
] as const

const EMP_W = 480
const EMP_H = 360

/**
 * Who and Goal first (top corners), then See, Say, Do, Hear clockwise around the head
 * (top, right, bottom, left), with Think & Feel in the middle split into Pains and Gains.
 */
const EMPATHY_PLACES: Record<(typeof EMPATHY_SECTIONS)[number]['key'], { col: number; row: number; w: number; dx: number; color: ZoneColor }> = {
  who: { col: 0, row: 0, w: EMP_W, dx: 0, color: 'violet' },
  see: { col: 1, row: 0, w: EMP_W, dx: 0, color: 'light-blue' },
  goal: { col: 2, row: 0, w: EMP_W, dx: 0, color: 'violet' },
  hear: { col: 0, row: 1, w: EMP_W, dx: 0, color: 'light-blue' },
  pains: { col: 1, row: 1, w: (EMP_W - ZONE_GAP) / 2, dx: 0, color: 'light-red' },
  gains: { col: 1, row: 1, w: (EMP_W - ZONE_GAP) / 2, dx: (EMP_W + ZONE_GAP) / 2, color: 'light-green' },
  say: { col: 2, row: 1, w: EMP_W, dx: 0, color: 'light-blue' },
  do: { col: 0, row: 2, w: 3 * EMP_W + 2 * ZONE_GAP, dx: 0, color: 'light-blue' },
}

export const EMPATHY_MAP: ActivityTemplate = {
  id: 'empathy-map',
  name: en('empathy-map.name'),
  family: 'needs-analysis',
  description: en('empathy-map.description'),
  instructions:
    `${en('empathy-map.start-with-who-and')}\n\n${en('empathy-map.empathy-map-canvas-by')}`,
  results: 'empathyMap',
  layout() {
    const width = 2 * FRAME_PADDING + 3 * EMP_W + 2 * ZONE_GAP
    const height = HEADER_HEIGHT + 3 * EMP_H + 2 * ZONE_GAP + FRAME_PADDING
    const zones = EMPATHY_SECTIONS.map(({ key, label }): ZoneSpec => {
      const place = EMPATHY_PLACES[key]
      return {
        key,
        label,
        x: FRAME_PADDING + place.col * (EMP_W + ZONE_GAP) + place.dx,
        y: HEADER_HEIGHT + place.row * (EMP_H + ZONE_GAP),
        w: place.w,
        h: EMP_H,
        shape: 'rectangle',
        color: place.color,
        fill: 'semi',
        meaning: { kind: 'section', section: key },
        target: true,
      }
    })
    return ok({ width, height, zones, labels: [headerLabel(EMPATHY_MAP.instructions, width)], tokens: [], settings: {} })
  },
}

export const POWER_SCALE: AxisScale = { name: en('power-interest-grid.power'), min: 1, max: 10, lowLabel: en('power-interest-grid.low-power'), highLabel: en('power-interest-grid.high-power-2') }
export const INTEREST_SCALE: AxisScale = { name: en('power-interest-grid.interest'), min: 1, max: 10, lowLabel: en('power-interest-grid.low-interest'), highLabel: en('power-interest-grid.high-interest-2') }

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

export const NEEDS_ANALYSIS_TEMPLATES: readonly ActivityTemplate[] = [STAKEHOLDER_NEEDS_MAP, EMPATHY_MAP, POWER_INTEREST_GRID]
