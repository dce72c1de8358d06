/**
 * Risk trajectories: small multiples, one row per risk, showing its score (likelihood × impact,
 * 1–25) in each session as a band-coloured dot with the score written in it, joined by a
 * sparkline whose height follows the score, and the change from its first to its last score;
 * plus the table alternative in HTML and Markdown.
 *
 * A risk's score is one placement agreed by the group, not an aggregate of answers, so the
 * small-group rule does not apply (see privacy.ts). The module holds no words.
 */
import { scaleLinear, scalePoint } from 'd3-scale'
import { line } from 'd3-shape'
import { fillFor, GRID_LINE, INK_MUTED, textColorOn } from './colors.js'
import { DEFAULT_HEAT_MAP_BANDS, type HeatMapBand } from './heatMap.js'
import { scoreChange } from './summary.js'
import { el, fragment, markdownTable, SVG_NS, type Markup } from './svg.js'
import { estimateWidth, truncateToWidth, wrapToWidth } from './textFit.js'
import type { TrendSession } from './trendChart.js'

/** One risk followed across sessions; a session without a point (or `score: null`) did not assess it. */
export interface TrajectoryRisk {
  key: string
  label: string
  points: ReadonlyArray<{ session: string; score: number | null }>
}

export interface TrajectoryLabels {
  /** Accessible name and table caption. */
  title: string
  description?: string
  /** Header of the risk column, e.g. "Risk". */
  risk: string
  /** Header of the change column, e.g. "Change". */
  change: string
  /** Text for a session that did not assess the risk; default an en dash. */
  notAssessed?: string
  bandLabels?: Readonly<Record<string, string>>
}

export interface TrajectoryOptions {
  sessions: readonly TrendSession[]
  labels: TrajectoryLabels
  bands?: readonly HeatMapBand[]
  locale?: string
}

const LABEL_W = 220
const COLUMN_W = 92
/** The change column: wide enough for its header ("Change", "Évolution"), within bounds. */
const changeWidth = (opts: TrajectoryOptions) => Math.min(120, Math.max(64, Math.ceil(estimateWidth(opts.labels.change, FONT) + 12)))
const ROW_H = 52
const HEADER_H = 40
const DOT_R = 13
const FONT = 13

const validScore = (s: number | null | undefined): s is number => typeof s === 'number' && Number.isInteger(s) && s >= 1 && s <= 25

/** The scores of a risk in session order (`null` where not assessed or not a score 1–25). */
export function scoresInOrder(risk: TrajectoryRisk, sessions: readonly TrendSession[]): Array<number | null> {
  return sessions.map((s) => {
    const score = risk.points.find((p) => p.session === s.key)?.score
    return validScore(score) ? score : null
  })
}

function bandOf(bands: readonly HeatMapBand[], score: number): HeatMapBand | null {
  return bands.find((b) => score >= b.min && score <= b.max) ?? null
}

function riskRow(risk: TrajectoryRisk, index: number, opts: TrajectoryOptions, x: (key: string) => number | undefined, change: Intl.NumberFormat): Markup {
  const bands = opts.bands ?? DEFAULT_HEAT_MAP_BANDS
  const top = HEADER_H + index * ROW_H
  const y = scaleLinear().domain([1, 25]).range([top + ROW_H - DOT_R - 3, top + DOT_R + 3])
  const scores = scoresInOrder(risk, opts.sessions)
  const cx = (k: number) => x(opts.sessions[k]!.key) ?? 0
  const path = line<number | null>()
    .digits(2)
    .defined((s) => s !== null)
    .x((_, k) => cx(k))
    .y((s) => y(s ?? 1))
  const present = scores.flatMap((s, k) => (s === null ? [] : [{ s, k }]))
  const bridge = () => line<{ s: number; k: number }>().digits(2).x((p) => cx(p.k)).y((p) => y(p.s))(present)
  const delta = scoreChange(scores)
  const labelLines = wrapToWidth(risk.label, LABEL_W - 12, FONT, 2)
  const right = LABEL_W + opts.sessions.length * COLUMN_W
  const changeW = changeWidth(opts)
  return el(
    'g',
    { 'data-risk': risk.key },
    el('title', {}, risk.label),
    el('line', { x1: 0, x2: right + changeW, y1: top + ROW_H, y2: top + ROW_H, stroke: GRID_LINE }),
    el('text', { x: 4, y: top + ROW_H / 2 + 4 - (labelLines.length - 1) * 8, 'font-size': FONT }, labelLines.map((l, k) => el('tspan', { x: 4, dy: k === 0 ? 0 : FONT + 3 }, l))),
    // Across sessions that did not assess the risk, a dashed line: it moved, but nobody looked in between.
    el('path', { d: bridge() ?? '', fill: 'none', stroke: INK_MUTED, 'stroke-width': 1.5, 'stroke-dasharray': '4 4' }),
    el('path', { d: path(scores) ?? '', fill: 'none', stroke: INK_MUTED, 'stroke-width': 2 }),
    scores.map((score, k) => {
      if (score === null) return null
      const fill = fillFor(bandOf(bands, score)?.color ?? 'grey')
      return fragment(
        el('circle', { cx: cx(k), cy: y(score), r: DOT_R, fill, stroke: '#ffffff', 'stroke-width': 1.5, 'data-session': opts.sessions[k]!.key, 'data-score': score }),
        el('text', { x: cx(k), y: y(score) + 4, 'text-anchor': 'middle', 'font-size': 12, 'font-weight': 700, fill: textColorOn(fill) }, String(score)),
      )
    }),
    el('text', { x: right + changeW / 2, y: top + ROW_H / 2 + 5, 'text-anchor': 'middle', 'font-size': 14, 'font-weight': 700, 'data-change': delta }, delta === null ? '' : change.format(delta)),
  )
}

/**
 * The trajectories as one standalone SVG (`role="img"`): a header of session labels, then one
 * row per risk in the order given. Dots carry `data-session` and `data-score`.
 */
export function riskTrajectorySvg(risks: readonly TrajectoryRisk[], opts: TrajectoryOptions): string {
  const changeW = changeWidth(opts)
  const width = LABEL_W + opts.sessions.length * COLUMN_W + changeW
  const height = HEADER_H + Math.max(1, risks.length) * ROW_H + 4
  const x = scalePoint<string>().domain(opts.sessions.map((s) => s.key)).range([LABEL_W, LABEL_W + opts.sessions.length * COLUMN_W]).padding(0.5)
  const change = new Intl.NumberFormat(opts.locale ?? 'en', { signDisplay: 'exceptZero' })
  const header = fragment(
    el('text', { x: 4, y: HEADER_H - 12, 'font-size': FONT, 'font-weight': 700 }, truncateToWidth(opts.labels.risk, LABEL_W - 8, FONT)),
    opts.sessions.map((s) => {
      const cx = x(s.key) ?? 0
      const lines = wrapToWidth(s.label, COLUMN_W - 6, 12, 2)
      return el('text', { x: cx, y: HEADER_H - 12 - (lines.length - 1) * 14, 'font-size': 12, 'text-anchor': 'middle', fill: INK_MUTED }, lines.map((l, k) => el('tspan', { x: cx, dy: k === 0 ? 0 : 14 }, l)))
    }),
    el('text', { x: width - changeW / 2, y: HEADER_H - 12, 'font-size': FONT, 'font-weight': 700, 'text-anchor': 'middle' }, truncateToWidth(opts.labels.change, changeW - 4, FONT)),
    el('line', { x1: 0, x2: width, y1: HEADER_H, y2: HEADER_H, stroke: INK_MUTED }),
  )
  return el(
    'svg',
    { xmlns: SVG_NS, viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': opts.labels.title, 'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', fill: '#1a1a1a' },
    el('title', {}, opts.labels.title),
    opts.labels.description ? el('desc', {}, opts.labels.description) : null,
    el('rect', { width, height, fill: '#ffffff' }),
    header,
    risks.map((risk, i) => riskRow(risk, i, opts, x, change)),
  ).toString()
}

function tableOf(risks: readonly TrajectoryRisk[], opts: TrajectoryOptions): { header: string[]; rows: string[][] } {
  const bands = opts.bands ?? DEFAULT_HEAT_MAP_BANDS
  const change = new Intl.NumberFormat(opts.locale ?? 'en', { signDisplay: 'exceptZero' })
  const none = opts.labels.notAssessed ?? '–'
  const bandLabel = (score: number) => {
    const band = bandOf(bands, score)
    return band ? (band.label ?? opts.labels.bandLabels?.[band.key] ?? band.key) : '–'
  }
  const header = [opts.labels.risk, ...opts.sessions.map((s) => s.label), opts.labels.change]
  const rows = risks.map((risk) => {
    const scores = scoresInOrder(risk, opts.sessions)
    const delta = scoreChange(scores)
    return [risk.label, ...scores.map((s) => (s === null ? none : `${s} (${bandLabel(s)})`)), delta === null ? none : change.format(delta)]
  })
  return { header, rows }
}

/** The table alternative as an HTML `<table>`: one row per risk, its score per session, its change. */
export function riskTrajectoryTable(risks: readonly TrajectoryRisk[], opts: TrajectoryOptions): string {
  const { header, rows } = tableOf(risks, opts)
  return el(
    'table',
    { class: 'risk-trajectories' },
    el('caption', {}, opts.labels.title),
    el('thead', {}, el('tr', {}, header.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map(([first, ...rest]) => el('tr', {}, el('th', { scope: 'row' }, first ?? ''), rest.map((c) => el('td', {}, c))))),
  ).toString()
}

/** The table alternative as a Markdown table. */
export function riskTrajectoryMarkdown(risks: readonly TrajectoryRisk[], opts: TrajectoryOptions): string {
  const { header, rows } = tableOf(risks, opts)
  return markdownTable(header, rows)
}
