/**
 * The board's picture for its report (issue 16), drawn by the server from the board's shapes,
 * so it is current whenever a report is made (no browser, no stale export). Activity frames,
 * their zones and labels, notes (in their colour, with their text), board frames (clusters,
 * with their title), geo and text shapes of one page, each as its axis-aligned page box; other
 * shapes (drawings, arrows, images) as a faint outline. Text is estimated (server/reports/textFit.ts).
 */
import type { JsonRecord } from '../../shared/docLayout.js'
import { indexRecords, localBounds, pageOf, pageTransform, transformBox, type Box } from '../../shared/activities/geometry.js'
import { shapeText } from '../../shared/activities/richText.js'
import { DARK_TEXT, GRID_LINE, INK_MUTED, NOTE_FILLS, fillFor, textColorOn } from './colors.js'
import { SVG_NS, el, type Markup } from './svg.js'
import { truncateToWidth, wrapToWidth } from './textFit.js'

/** The picture's width in CSS pixels; its height follows the board's proportions. */
export const PICTURE_WIDTH = 960
const MARGIN = 40
/** Shapes drawn at most (a huge board is cut, the frames and notes first). */
const MAX_SHAPES = 2000

type Placed = { record: JsonRecord; box: Box; order: number }

const KIND_ORDER: Readonly<Record<string, number>> = { frame: 0, geo: 1, text: 2, note: 3 }

function propsOf(record: JsonRecord): Record<string, unknown> {
  return typeof record.props === 'object' && record.props !== null ? (record.props as Record<string, unknown>) : {}
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/** A pale version of a named fill for zones (mixed with white). */
function pale(color: string): string {
  const hex = fillFor(color)
  const mix = (i: number) => Math.round(parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) * 0.25 + 255 * 0.75)
  return `#${[0, 1, 2].map((i) => mix(i).toString(16).padStart(2, '0')).join('')}`
}

function lines(text: string, box: Box, fontSize: number, maxLines: number, color: string, anchorTop: boolean): Markup[] {
  const wrapped = wrapToWidth(text, box.w - 16, fontSize, maxLines)
  const top = anchorTop ? box.y + 8 + fontSize : box.y + box.h / 2 - ((wrapped.length - 1) * fontSize * 1.2) / 2 + fontSize / 3
  return wrapped.map((line, i) => el('text', { x: box.x + 8, y: top + i * fontSize * 1.2, 'font-size': fontSize, fill: color }, line))
}

function drawShape({ record, box }: Placed): Markup {
  const props = propsOf(record)
  const color = str(props.color) || 'grey'
  switch (record.type) {
    case 'frame': {
      const name = truncateToWidth(str(props.name), box.w, 18)
      return el('g', { 'data-kind': 'frame' }, el('rect', { x: box.x, y: box.y, width: box.w, height: box.h, fill: '#ffffff', stroke: INK_MUTED, 'stroke-width': 2 }), name ? el('text', { x: box.x, y: box.y - 8, 'font-size': 18, fill: DARK_TEXT, 'font-weight': 'bold' }, name) : null)
    }
    case 'note': {
      // Unnamed or unknown: tldraw's default note ("black", drawn yellow).
      const fill = NOTE_FILLS[str(props.color) || 'black'] ?? fillFor(color)
      return el('g', { 'data-kind': 'note' }, el('rect', { x: box.x, y: box.y, width: box.w, height: box.h, fill, rx: 4 }), lines(shapeText(record), box, 20, 6, textColorOn(fill), false))
    }
    case 'geo':
      return el('g', { 'data-kind': 'zone' }, el('rect', { x: box.x, y: box.y, width: box.w, height: box.h, fill: pale(color), stroke: fillFor(color) }), lines(shapeText(record), box, 18, 2, DARK_TEXT, true))
    case 'text':
      return el('g', { 'data-kind': 'text' }, lines(shapeText(record), box, 16, 3, DARK_TEXT, true))
    default:
      return el('rect', { 'data-kind': 'other', x: box.x, y: box.y, width: box.w, height: box.h, fill: 'none', stroke: GRID_LINE, 'stroke-dasharray': '6 4' })
  }
}

/** The shapes of `pageId` with their page boxes, in drawing order: template shapes first, then frames, zones, texts, notes. */
function placedShapes(control: readonly JsonRecord[], board: readonly JsonRecord[], pageId: string): Placed[] {
  const byId = indexRecords(control, board)
  const placed: Placed[] = []
  for (const [source, records] of [control, board].entries()) {
    for (const record of records) {
      if (record.typeName !== 'shape' || pageOf(record, byId) !== pageId) continue
      const m = pageTransform(record, byId)
      if (!m) continue
      const box = transformBox(m, localBounds(record))
      if (![box.x, box.y, box.w, box.h].every(Number.isFinite) || box.w <= 0 || box.h <= 0) continue
      placed.push({ record, box, order: source * 10 + (KIND_ORDER[str(record.type)] ?? 4) })
    }
  }
  const index = (r: JsonRecord) => str(r.index)
  return placed
    .sort((a, b) => a.order - b.order || (index(a.record) < index(b.record) ? -1 : index(a.record) > index(b.record) ? 1 : 0))
    .slice(0, MAX_SHAPES)
}

/**
 * The picture as standalone SVG markup, or null when the page has no shape. `label` is its
 * accessible name; `lang` the language of the board's own texts (so a report in another
 * language marks them, as it marks the template texts it quotes).
 */
export function boardPictureSvg(control: readonly JsonRecord[], board: readonly JsonRecord[], label: string, lang: string | null = null, pageId = 'page:page'): string | null {
  const shapes = placedShapes(control, board, pageId)
  if (shapes.length === 0) return null
  const x0 = Math.min(...shapes.map((s) => s.box.x)) - MARGIN
  const y0 = Math.min(...shapes.map((s) => s.box.y)) - MARGIN
  const w = Math.max(...shapes.map((s) => s.box.x + s.box.w)) + MARGIN - x0
  const h = Math.max(...shapes.map((s) => s.box.y + s.box.h)) + MARGIN - y0
  const height = Math.max(1, Math.round((PICTURE_WIDTH * h) / w))
  return el(
    'svg',
    { xmlns: SVG_NS, viewBox: `${x0} ${y0} ${w} ${h}`.split(' ').map((n) => String(Math.round(Number(n)))).join(' '), width: PICTURE_WIDTH, height, role: 'img', 'aria-label': label, lang, 'font-family': 'system-ui, sans-serif', class: 'board-picture' },
    el('title', {}, label),
    el('rect', { x: x0, y: y0, width: w, height: h, fill: '#fafafa' }),
    shapes.map(drawShape),
  ).toString()
}
