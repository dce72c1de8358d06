/**
 * The risk heat map (ACTIVITIES "Risk matrix"): a 5 × 5 grid, likelihood rows (5 "Almost
 * certain" at the top) × impact columns (1 "Insignificant" at the left), each cell filled with
 * the band colour of its score (likelihood × impact) and showing how many risks sit in it, with
 * axis labels and a legend; and its table alternative in HTML and Markdown.
 *
 * The module holds no words: every label comes from the caller in the report's language.
 */
import { fillFor, INK_MUTED, textColorOn } from './colors.js'
import { el, fragment, markdownTable, SVG_NS, type Markup } from './svg.js'
import { estimateWidth, truncateToWidth, wrapToWidth } from './textFit.js'

export const RISK_LEVELS = [1, 2, 3, 4, 5] as const

/**
 * A score band, scores `min`…`max` inclusive. The shared template's `RiskBand` fits this shape.
 * `color` is a zone colour name (`green`, `yellow`, …) or `#rrggbb`.
 */
export interface HeatMapBand {
  key: string
  label?: string
  min: number
  max: number
  color: string
}

/** The common default (ACTIVITIES): 1–4 low, 5–9 medium, 10–15 high, 16–25 critical. */
export const DEFAULT_HEAT_MAP_BANDS: readonly HeatMapBand[] = [
  { key: 'low', min: 1, max: 4, color: 'green' },
  { key: 'medium', min: 5, max: 9, color: 'yellow' },
  { key: 'high', min: 10, max: 15, color: 'orange' },
  { key: 'critical', min: 16, max: 25, color: 'red' },
]

/** How many risks sit in one cell. Levels are 1–5. */
export interface HeatMapCell {
  likelihood: number
  impact: number
  count: number
}

/** The caller's words (EN or FR). Level names are given level 1 first. */
export interface HeatMapLabels {
  /** The chart's accessible name (`<title>`, `aria-label`) and the table caption. */
  title: string
  /** A longer description (`<desc>`), e.g. "12 risks; 3 critical". */
  description?: string
  likelihood: string
  impact: string
  likelihoodLevels: readonly string[]
  impactLevels: readonly string[]
  /** Legend heading, e.g. "Score bands". */
  legend: string
  /** Band labels by band key, for bands without their own `label`. */
  bandLabels?: Readonly<Record<string, string>>
}

export interface HeatMapOptions {
  labels: HeatMapLabels
  bands?: readonly HeatMapBand[]
  /** BCP 47 locale for numbers (`en`, `fr`); default `en`. */
  locale?: string
}

/** A resolved cell: counts summed, band found. */
interface GridCell {
  likelihood: number
  impact: number
  score: number
  count: number
  band: HeatMapBand | null
}

const isLevel = (n: number) => Number.isInteger(n) && n >= 1 && n <= 5

/**
 * Counts risks per cell: the 25 cells, likelihood 5 first then impact 1 first. Risks whose
 * levels are not integers 1–5 are left out.
 */
export function heatMapCounts(risks: ReadonlyArray<{ likelihood: number; impact: number }>): HeatMapCell[] {
  return gridOf(risks.map((r) => ({ ...r, count: 1 })), DEFAULT_HEAT_MAP_BANDS).map(({ likelihood, impact, count }) => ({ likelihood, impact, count }))
}

/** The 25 cells in reading order (top row = likelihood 5), counts of repeated cells summed. */
function gridOf(cells: readonly HeatMapCell[], bands: readonly HeatMapBand[]): GridCell[] {
  const counts = new Map<string, number>()
  for (const c of cells) {
    if (!isLevel(c.likelihood) || !isLevel(c.impact) || !Number.isFinite(c.count) || c.count < 0) continue
    const key = `${c.likelihood}-${c.impact}`
    counts.set(key, (counts.get(key) ?? 0) + Math.floor(c.count))
  }
  return [...RISK_LEVELS].reverse().flatMap((likelihood) =>
    RISK_LEVELS.map((impact) => {
      const score = likelihood * impact
      return { likelihood, impact, score, count: counts.get(`${likelihood}-${impact}`) ?? 0, band: bandOf(bands, score) }
    }),
  )
}

function bandOf(bands: readonly HeatMapBand[], score: number): HeatMapBand | null {
  return bands.find((b) => score >= b.min && score <= b.max) ?? null
}

function bandLabel(band: HeatMapBand | null, labels: HeatMapLabels): string {
  if (!band) return '–'
  return band.label ?? labels.bandLabels?.[band.key] ?? band.key
}

const levelName = (levels: readonly string[], level: number) => levels[level - 1] ?? String(level)

const CELL_W = 104
const CELL_H = 60
const GAP = 2
const FONT = 13
const AXIS_FONT = 14
const TOP = 12
const LEVEL_LABEL_MAX_W = 190
const LEGEND_W = 190

function cellMarkup(cell: GridCell, x: number, y: number, labels: HeatMapLabels, number: Intl.NumberFormat): Markup {
  const fill = cell.band ? fillFor(cell.band.color) : fillFor('grey')
  const ink = textColorOn(fill)
  const name = `${levelName(labels.likelihoodLevels, cell.likelihood)} × ${levelName(labels.impactLevels, cell.impact)} = ${cell.score} (${bandLabel(cell.band, labels)}) → ${number.format(cell.count)}`
  return el(
    'g',
    { 'data-cell': `${cell.likelihood}-${cell.impact}` },
    el('title', {}, name),
    el('rect', { x, y, width: CELL_W - GAP, height: CELL_H - GAP, rx: 3, fill, 'data-likelihood': cell.likelihood, 'data-impact': cell.impact, 'data-band': cell.band?.key ?? null }),
    el('text', { x: x + 6, y: y + 14, 'font-size': 10, fill: ink, 'data-score': cell.score }, String(cell.score)),
    el(
      'text',
      { x: x + (CELL_W - GAP) / 2, y: y + CELL_H / 2 + 8, 'font-size': 22, 'font-weight': cell.count > 0 ? 700 : 400, 'text-anchor': 'middle', fill: ink, 'data-count': cell.count },
      number.format(cell.count),
    ),
  )
}

function legendMarkup(bands: readonly HeatMapBand[], labels: HeatMapLabels, x: number, y: number, number: Intl.NumberFormat): Markup {
  const items = bands.map((band, i) => {
    const fill = fillFor(band.color)
    const range = `${number.format(band.min)}–${number.format(band.max)}`
    return el(
      'g',
      { 'data-legend': band.key },
      el('rect', { x, y: y + 24 + i * 26, width: 18, height: 18, rx: 3, fill, stroke: INK_MUTED, 'stroke-width': 0.5 }),
      el('text', { x: x + 26, y: y + 37 + i * 26, 'font-size': FONT }, truncateToWidth(`${bandLabel(band, labels)} (${range})`, LEGEND_W - 30, FONT)),
    )
  })
  return el('g', { class: 'legend' }, el('text', { x, y: y + 12, 'font-size': FONT, 'font-weight': 700 }, truncateToWidth(labels.legend, LEGEND_W, FONT)), items)
}

/**
 * The heat map as a standalone SVG (`role="img"`, named by `labels.title`). Each cell is a
 * `<g data-cell="L-I">` holding a `rect` (its band fill, `data-band`) and the count as text
 * (`data-count`); counts of cells given twice are summed, missing cells count 0.
 */
export function riskHeatMapSvg(cells: readonly HeatMapCell[], opts: HeatMapOptions): string {
  const { labels } = opts
  const bands = opts.bands ?? DEFAULT_HEAT_MAP_BANDS
  const number = new Intl.NumberFormat(opts.locale ?? 'en')
  const grid = gridOf(cells, bands)
  const levelW = Math.min(LEVEL_LABEL_MAX_W, Math.max(...RISK_LEVELS.map((l) => estimateWidth(levelName(labels.likelihoodLevels, l), FONT))) + 8)
  const gridX = 28 + levelW + 8
  const gridW = 5 * CELL_W
  const gridH = 5 * CELL_H
  const legendX = gridX + gridW + 28
  const width = legendX + LEGEND_W
  const height = TOP + gridH + 64
  const rows = [...RISK_LEVELS].reverse()
  const rowLabels = rows.map((l, row) =>
    el('text', { x: gridX - 8, y: TOP + row * CELL_H + CELL_H / 2 + 4, 'font-size': FONT, 'text-anchor': 'end' }, truncateToWidth(levelName(labels.likelihoodLevels, l), levelW, FONT)),
  )
  const columnLabels = RISK_LEVELS.map((i) => {
    const lines = wrapToWidth(levelName(labels.impactLevels, i), CELL_W - 6, FONT, 2)
    const x = gridX + (i - 1) * CELL_W + (CELL_W - GAP) / 2
    return el('text', { x, y: TOP + gridH + 16, 'font-size': FONT, 'text-anchor': 'middle' }, lines.map((line, k) => el('tspan', { x, dy: k === 0 ? 0 : FONT + 2 }, line)))
  })
  const axisY = TOP + gridH / 2
  const body = fragment(
    el('title', {}, labels.title),
    labels.description ? el('desc', {}, labels.description) : null,
    el('rect', { width, height, fill: '#ffffff' }),
    grid.map((cell, k) => cellMarkup(cell, gridX + (k % 5) * CELL_W, TOP + Math.floor(k / 5) * CELL_H, labels, number)),
    rowLabels,
    columnLabels,
    el('text', { x: 16, y: axisY, 'font-size': AXIS_FONT, 'font-weight': 700, 'text-anchor': 'middle', transform: `rotate(-90 16 ${axisY})` }, truncateToWidth(`${labels.likelihood} →`, gridH, AXIS_FONT)),
    el('text', { x: gridX + gridW / 2, y: height - 10, 'font-size': AXIS_FONT, 'font-weight': 700, 'text-anchor': 'middle' }, truncateToWidth(`${labels.impact} →`, gridW, AXIS_FONT)),
    legendMarkup(bands, labels, legendX, TOP, number),
  )
  return el(
    'svg',
    { xmlns: SVG_NS, viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': labels.title, 'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', fill: '#1a1a1a' },
    body,
  ).toString()
}

/** Table rows of the heat map: likelihood 5 first; each cell "count (band)". */
function tableRows(cells: readonly HeatMapCell[], opts: HeatMapOptions): { header: string[]; rows: Array<{ level: string; cells: Array<{ text: string; band: string | null }> }> } {
  const { labels } = opts
  const number = new Intl.NumberFormat(opts.locale ?? 'en')
  const grid = gridOf(cells, opts.bands ?? DEFAULT_HEAT_MAP_BANDS)
  const header = [`${labels.likelihood} / ${labels.impact}`, ...RISK_LEVELS.map((i) => levelName(labels.impactLevels, i))]
  const rows = [...RISK_LEVELS].reverse().map((l, row) => ({
    level: levelName(labels.likelihoodLevels, l),
    cells: grid.slice(row * 5, row * 5 + 5).map((c) => ({ text: `${number.format(c.count)} (${bandLabel(c.band, labels)})`, band: c.band?.key ?? null })),
  }))
  return { header, rows }
}

/** The table alternative as an HTML `<table>` (caption = title; row and column headers scoped). */
export function riskHeatMapTable(cells: readonly HeatMapCell[], opts: HeatMapOptions): string {
  const { header, rows } = tableRows(cells, opts)
  return el(
    'table',
    { class: 'risk-heat-map' },
    el('caption', {}, opts.labels.title),
    el('thead', {}, el('tr', {}, header.map((h) => el('th', { scope: 'col' }, h)))),
    el(
      'tbody',
      {},
      rows.map((r) => el('tr', {}, el('th', { scope: 'row' }, r.level), r.cells.map((c) => el('td', { 'data-band': c.band }, c.text)))),
    ),
  ).toString()
}

/** The table alternative as a Markdown table (every cell escaped). */
export function riskHeatMapMarkdown(cells: readonly HeatMapCell[], opts: HeatMapOptions): string {
  const { header, rows } = tableRows(cells, opts)
  return markdownTable(header, rows.map((r) => [r.level, ...r.cells.map((c) => c.text)]))
}
