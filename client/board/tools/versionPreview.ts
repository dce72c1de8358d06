/**
 * A cheap picture of a saved version: each shape's page-space box in its tldraw colour, drawn
 * as SVG rectangles (no tldraw rendering, so a history list of many versions stays light).
 */
import { DEFAULT_PAGE_ID } from '../../../shared/boardSchema'
import type { JsonRecord } from '../../../shared/docLayout'
import { indexRecords, localBounds, pageOf, pageTransform, transformBox, type Box } from '../../../shared/activities/geometry'

export type PreviewShape = Box & { id: string; kind: 'note' | 'frame' | 'line' | 'box'; fill: string; stroke: string }
export type Preview = { viewBox: Box; shapes: PreviewShape[] }

/** tldraw's default palette (light theme), as solid and pale fills. */
const COLOURS: Record<string, { solid: string; pale: string }> = {
  black: { solid: '#1d1d1d', pale: '#e8e8e8' },
  grey: { solid: '#9fa8b2', pale: '#eceef0' },
  'light-violet': { solid: '#e085f4', pale: '#f5eafa' },
  violet: { solid: '#ae3ec9', pale: '#ecdcf2' },
  blue: { solid: '#4465e9', pale: '#dce1f8' },
  'light-blue': { solid: '#4ba1f1', pale: '#ddedfa' },
  yellow: { solid: '#f1ac4b', pale: '#f9f0e6' },
  orange: { solid: '#e16919', pale: '#f8e2d4' },
  green: { solid: '#099268', pale: '#d3e9e3' },
  'light-green': { solid: '#4cb05e', pale: '#dbf0e0' },
  'light-red': { solid: '#f87777', pale: '#f4dadb' },
  red: { solid: '#e03131', pale: '#f4dadb' },
  white: { solid: '#ffffff', pale: '#ffffff' },
}

function colourOf(shape: JsonRecord): { solid: string; pale: string } {
  const props = shape.props as { color?: unknown } | undefined
  return COLOURS[typeof props?.color === 'string' ? props.color : 'black'] ?? COLOURS.black!
}

function kindOf(shape: JsonRecord): PreviewShape['kind'] {
  switch (shape.type) {
    case 'note':
      return 'note'
    case 'frame':
      return 'frame'
    case 'line':
    case 'arrow':
    case 'draw':
    case 'highlight':
      return 'line'
    default:
      return 'box'
  }
}

/**
 * The preview of the records of one version (board and template records together), for one
 * page. Frames come first so that notes are drawn over them.
 */
export function buildPreview(records: readonly JsonRecord[], pageId: string = DEFAULT_PAGE_ID): Preview {
  const byId = indexRecords(records)
  const shapes: PreviewShape[] = []
  for (const record of records) {
    if (record.typeName !== 'shape' || pageOf(record, byId) !== pageId) continue
    const transform = pageTransform(record, byId)
    if (!transform) continue
    const box = transformBox(transform, localBounds(record))
    if (!Number.isFinite(box.x + box.y + box.w + box.h)) continue
    const colour = colourOf(record)
    const kind = kindOf(record)
    shapes.push({
      id: record.id,
      kind,
      ...box,
      fill: kind === 'note' ? colour.solid : kind === 'frame' ? '#ffffff' : colour.pale,
      stroke: kind === 'frame' ? '#525a63' : colour.solid,
    })
  }
  const order: Record<PreviewShape['kind'], number> = { frame: 0, box: 1, line: 2, note: 3 }
  shapes.sort((a, b) => order[a.kind] - order[b.kind])
  return { viewBox: unionBox(shapes), shapes }
}

function unionBox(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, w: 100, h: 60 }
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const b of boxes) {
    minX = Math.min(minX, b.x)
    minY = Math.min(minY, b.y)
    maxX = Math.max(maxX, b.x + b.w)
    maxY = Math.max(maxY, b.y + b.h)
  }
  const pad = Math.max(maxX - minX, maxY - minY) * 0.04 + 10
  return { x: minX - pad, y: minY - pad, w: maxX - minX + 2 * pad, h: maxY - minY + 2 * pad }
}
