/**
 * A trend over sessions (change readiness, session evaluation): a line or bar chart drawn with
 * d3-scale and d3-shape as SVG, and its table alternative in HTML and Markdown.
 *
 * Small-group privacy ({@link guardFigure}): a point whose respondent count is under
 * MIN_RESPONDENTS is not drawn (the line breaks there) and its table cell holds the caller's
 * "withheld" word. The module holds no words: labels come from the caller.
 */
import { scaleBand, scaleLinear, scalePoint } from 'd3-scale'
import { line, symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, type SymbolType } from 'd3-shape'
import { GRID_LINE, INK_MUTED, SERIES_COLORS } from './colors.js'
import { figureText, guardFigure, type GuardedFigure, type WithheldWords } from './privacy.js'
import { el, formatNumber, fragment, markdownTable, SVG_NS, type Markup } from './svg.js'
import { truncateToWidth, wrapToWidth } from './textFit.js'

/** A session on the x axis, in the order given. */
export interface TrendSession {
  key: string
  /** E.g. a date or a short title, in the caller's format. */
  label: string
}

/** One value of a series in a session, with how many people it was computed from. */
export interface TrendPoint {
  session: string
  value: number | null
  respondents: number
}

export interface TrendSeries {
  key: string
  label: string
  points: readonly TrendPoint[]
}

export interface TrendChartLabels extends WithheldWords {
  /** Accessible name (`<title>`, `aria-label`) and table caption. */
  title: string
  description?: string
  /** Header of the sessions column of the table, e.g. "Session". */
  session: string
  /** Y axis title, e.g. "Mean (1–5)". */
  valueAxis: string
  /** Header of the respondent count columns, e.g. "Respondents". */
  respondents: string
}

export interface TrendChartOptions {
  sessions: readonly TrendSession[]
  labels: TrendChartLabels
  /** Y domain, e.g. [1, 5]; values outside it are clamped to the plot. */
  domain: readonly [number, number]
  kind?: 'line' | 'bar'
  locale?: string
  width?: number
  height?: number
}

/** Marker shapes by series, so that series differ by more than colour (WCAG 1.4.1). */
const SERIES_SYMBOLS: readonly SymbolType[] = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond]
const markerPath = (i: number, size = 90) => symbol(SERIES_SYMBOLS[i % SERIES_SYMBOLS.length], size)() ?? ''

const MARGIN = { top: 24, right: 24, bottom: 58, left: 64 }
const FONT = 13
const LEGEND_ROW = 22

/** The guarded figure of each series in each session (sessions in axis order). */
function figures(series: readonly TrendSeries[], sessions: readonly TrendSession[]): GuardedFigure<number>[][] {
  return series.map((s) =>
    sessions.map((session) => {
      const point = s.points.find((p) => p.session === session.key)
      return point ? guardFigure(point.value, point.respondents) : { status: 'empty', respondents: 0 }
    }),
  )
}

function valueFormat(locale: string): (value: number) => string {
  const format = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  return (value) => format.format(value)
}

interface Frame {
  width: number
  height: number
  plotTop: number
  plotBottom: number
  plotLeft: number
  plotRight: number
}

function frameOf(opts: TrendChartOptions, seriesCount: number): Frame {
  const width = opts.width ?? 640
  const legendH = seriesCount > 1 ? seriesCount * LEGEND_ROW + 8 : 0
  const height = (opts.height ?? 320) + legendH
  return { width, height, plotTop: MARGIN.top + legendH, plotBottom: height - MARGIN.bottom, plotLeft: MARGIN.left, plotRight: width - MARGIN.right }
}

function yAxis(y: (v: number) => number, ticks: number[], frame: Frame, label: string, format: (v: number) => string): Markup {
  const midY = (frame.plotTop + frame.plotBottom) / 2
  return el(
    'g',
    { class: 'y-axis', 'font-size': FONT, fill: INK_MUTED },
    ticks.map((t) =>
      fragment(
        el('line', { x1: frame.plotLeft, x2: frame.plotRight, y1: y(t), y2: y(t), stroke: GRID_LINE, 'stroke-width': 1 }),
        el('text', { x: frame.plotLeft - 8, y: y(t) + 4, 'text-anchor': 'end', 'data-tick': t }, format(t)),
      ),
    ),
    el('text', { x: 16, y: midY, 'text-anchor': 'middle', 'font-weight': 700, fill: '#1a1a1a', transform: `rotate(-90 16 ${midY})` }, truncateToWidth(label, frame.plotBottom - frame.plotTop, FONT)),
  )
}

type PointScale = (key: string) => number | undefined

/** Session centres: a point scale with half a step at each end, so bars and points share them. */
function sessionScale(sessions: readonly TrendSession[], frame: Frame): PointScale {
  return scalePoint<string>().domain(sessions.map((s) => s.key)).range([frame.plotLeft, frame.plotRight]).padding(0.5)
}

function xAxis(sessions: readonly TrendSession[], x: PointScale, step: number, frame: Frame): Markup {
  return el(
    'g',
    { class: 'x-axis', 'font-size': FONT, fill: '#1a1a1a' },
    el('line', { x1: frame.plotLeft, x2: frame.plotRight, y1: frame.plotBottom, y2: frame.plotBottom, stroke: INK_MUTED }),
    sessions.map((s) => {
      const cx = x(s.key) ?? 0
      const lines = wrapToWidth(s.label, Math.max(step - 6, 24), FONT, 2)
      return el('text', { x: cx, y: frame.plotBottom + 20, 'text-anchor': 'middle', 'data-session': s.key }, lines.map((l, k) => el('tspan', { x: cx, dy: k === 0 ? 0 : FONT + 3 }, l)))
    }),
  )
}

function legend(series: readonly TrendSeries[], frame: Frame): Markup | null {
  if (series.length < 2) return null
  return el(
    'g',
    { class: 'legend', 'font-size': FONT },
    series.map((s, i) => {
      const color = SERIES_COLORS[i % SERIES_COLORS.length]!
      const y = MARGIN.top + i * LEGEND_ROW
      return fragment(
        el('line', { x1: frame.plotLeft, x2: frame.plotLeft + 24, y1: y - 4, y2: y - 4, stroke: color, 'stroke-width': 3 }),
        el('path', { d: markerPath(i, 70), transform: `translate(${formatNumber(frame.plotLeft + 12)} ${formatNumber(y - 4)})`, fill: color }),
        el('text', { x: frame.plotLeft + 32, y }, truncateToWidth(s.label, frame.plotRight - frame.plotLeft - 32, FONT)),
      )
    }),
  )
}

/** Marks of every series: lines broken at withheld or empty points, or grouped bars. */
function marks(grid: GuardedFigure<number>[][], sessions: readonly TrendSession[], x: PointScale, y: (v: number) => number, frame: Frame, kind: 'line' | 'bar', format: (v: number) => string): Markup {
  const single = grid.length === 1
  if (kind === 'bar') {
    const outer = scaleBand<string>().domain(sessions.map((s) => s.key)).range([frame.plotLeft, frame.plotRight]).paddingInner(0.3).paddingOuter(0.15)
    const inner = scaleBand<number>().domain(grid.map((_, i) => i)).range([0, outer.bandwidth()]).padding(0.08)
    return el(
      'g',
      { class: 'marks' },
      grid.map((row, i) =>
        row.map((f, k) => {
          if (f.status !== 'shown') return null
          const x = (outer(sessions[k]!.key) ?? 0) + (inner(i) ?? 0)
          const top = y(f.value)
          const color = SERIES_COLORS[i % SERIES_COLORS.length]!
          return fragment(
            el('rect', { x, y: top, width: inner.bandwidth(), height: Math.max(0, frame.plotBottom - top), fill: color, 'data-series': i, 'data-session': sessions[k]!.key, 'data-value': f.value }),
            single ? el('text', { x: x + inner.bandwidth() / 2, y: top - 6, 'text-anchor': 'middle', 'font-size': FONT, 'font-weight': 700 }, format(f.value)) : null,
          )
        }),
      ),
    )
  }
  const path = line<GuardedFigure<number>>()
    .digits(2)
    .defined((f) => f.status === 'shown')
    .x((_, k) => x(sessions[k]!.key) ?? 0)
    .y((f) => (f.status === 'shown' ? y(f.value) : 0))
  return el(
    'g',
    { class: 'marks' },
    grid.map((row, i) => {
      const color = SERIES_COLORS[i % SERIES_COLORS.length]!
      return el(
        'g',
        { 'data-series': i },
        el('path', { d: path(row) ?? '', fill: 'none', stroke: color, 'stroke-width': 3, 'stroke-linejoin': 'round' }),
        row.map((f, k) => {
          if (f.status !== 'shown') return null
          const cx = x(sessions[k]!.key) ?? 0
          return fragment(
            el('path', { class: 'point', d: markerPath(i), transform: `translate(${formatNumber(cx)} ${formatNumber(y(f.value))})`, fill: color, stroke: '#ffffff', 'stroke-width': 1.5, 'data-cx': cx, 'data-cy': y(f.value), 'data-session': sessions[k]!.key, 'data-value': f.value }),
            single ? el('text', { x: cx, y: y(f.value) - 12, 'text-anchor': 'middle', 'font-size': FONT, 'font-weight': 700 }, format(f.value)) : null,
          )
        }),
      )
    }),
  )
}

/** Under a session where no series may be shown, the caller's "withheld" (or "empty") word. */
function gapNotes(grid: GuardedFigure<number>[][], sessions: readonly TrendSession[], x: PointScale, frame: Frame, words: WithheldWords, step: number): Markup {
  return el(
    'g',
    { class: 'gaps', 'font-size': 11, fill: INK_MUTED, 'font-style': 'italic' },
    sessions.map((s, k) => {
      const column = grid.map((row) => row[k]!)
      if (column.some((f) => f.status === 'shown') || !column.some((f) => f.status === 'withheld')) return null
      const cx = x(s.key) ?? 0
      const lines = wrapToWidth(words.withheld, Math.max(step - 8, 40), 11, 3)
      return el('text', { x: cx, y: frame.plotBottom - 10 - (lines.length - 1) * 13, 'text-anchor': 'middle', 'data-withheld': s.key }, lines.map((l, n) => el('tspan', { x: cx, dy: n === 0 ? 0 : 13 }, l)))
    }),
  )
}

/**
 * The chart as a standalone SVG (`role="img"`, named by `labels.title`). Drawn points carry
 * `data-session` and `data-value`; a withheld point has no mark at all.
 */
export function trendChartSvg(series: readonly TrendSeries[], opts: TrendChartOptions): string {
  const locale = opts.locale ?? 'en'
  const format = valueFormat(locale)
  const frame = frameOf(opts, series.length)
  const grid = figures(series, opts.sessions)
  const [lo, hi] = opts.domain[0] < opts.domain[1] ? opts.domain : [0, 1]
  const yScale = scaleLinear().domain([lo, hi]).range([frame.plotBottom, frame.plotTop]).clamp(true)
  const y = (v: number) => yScale(v)
  const ticks = yScale.ticks(Math.min(6, Math.max(2, Math.round(hi - lo) + 1)))
  const step = (frame.plotRight - frame.plotLeft) / Math.max(1, opts.sessions.length)
  const x = sessionScale(opts.sessions, frame)
  return el(
    'svg',
    { xmlns: SVG_NS, viewBox: `0 0 ${frame.width} ${frame.height}`, width: frame.width, height: frame.height, role: 'img', 'aria-label': opts.labels.title, 'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', fill: '#1a1a1a' },
    el('title', {}, opts.labels.title),
    opts.labels.description ? el('desc', {}, opts.labels.description) : null,
    el('rect', { width: frame.width, height: frame.height, fill: '#ffffff' }),
    legend(series, frame),
    yAxis(y, ticks, frame, opts.labels.valueAxis, (t) => new Intl.NumberFormat(locale).format(t)),
    xAxis(opts.sessions, x, step, frame),
    marks(grid, opts.sessions, x, y, frame, opts.kind ?? 'line', format),
    gapNotes(grid, opts.sessions, x, frame, opts.labels, step),
  ).toString()
}

/** Rows of the table: one per session; per series its value (or withheld word) and respondent count. */
function tableOf(series: readonly TrendSeries[], opts: TrendChartOptions): { header: string[]; rows: string[][] } {
  const locale = opts.locale ?? 'en'
  const format = valueFormat(locale)
  const count = new Intl.NumberFormat(locale)
  const grid = figures(series, opts.sessions)
  const header = [opts.labels.session, ...series.flatMap((s) => [s.label, `${s.label} · ${opts.labels.respondents}`])]
  const rows = opts.sessions.map((session, k) => [
    session.label,
    ...grid.flatMap((row) => {
      const f = row[k]!
      return [figureText(f, format, opts.labels), count.format(f.respondents)]
    }),
  ])
  return { header, rows }
}

/** The table alternative as an HTML `<table>`. */
export function trendChartTable(series: readonly TrendSeries[], opts: TrendChartOptions): string {
  const { header, rows } = tableOf(series, opts)
  return el(
    'table',
    { class: 'trend' },
    el('caption', {}, opts.labels.title),
    el('thead', {}, el('tr', {}, header.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map(([first, ...rest]) => el('tr', {}, el('th', { scope: 'row' }, first ?? ''), rest.map((c) => el('td', {}, c))))),
  ).toString()
}

/** The table alternative as a Markdown table. */
export function trendChartMarkdown(series: readonly TrendSeries[], opts: TrendChartOptions): string {
  const { header, rows } = tableOf(series, opts)
  return markdownTable(header, rows)
}
