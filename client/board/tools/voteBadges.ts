/**
 * Vote totals drawn onto exported pictures (issue 13): a round badge with the count at each
 * voted note's top-right corner, in the SVG's own page coordinates (tldraw's export viewBox).
 */
import type { Editor, TLShape, TLShapeId } from 'tldraw'
import { clusterTitle } from '../../../shared/activities/clusters'

export type TotalBadge = { x: number; y: number; count: number }

/**
 * A cluster's total (SPEC F9): the votes on its titled frame plus those on its notes — a note's
 * nearest titled frame among its parents, or, for a note on the page, the smallest titled frame
 * holding its centre (as shared/activities/clusters.ts reads the board).
 */
function clusterTotals(editor: Editor, ids: readonly TLShapeId[], totals: Readonly<Record<string, number>>): Map<TLShapeId, number> {
  const shapes = ids.flatMap((id) => editor.getShape(id) ?? [])
  const frames = shapes.filter((s) => clusterTitle(s) !== null)
  const sums = new Map<TLShapeId, number>(frames.map((f) => [f.id, totals[f.id] ?? 0]))
  if (frames.length === 0) return sums
  const area = (s: TLShape) => {
    const b = editor.getShapePageBounds(s)
    return b ? b.w * b.h : Infinity
  }
  const clusterOf = (note: TLShape): TLShapeId | null => {
    const parent = editor.findShapeAncestor(note, (a) => sums.has(a.id))
    if (parent) return parent.id
    const center = editor.getShapePageBounds(note)?.center
    if (!center || note.parentId !== editor.getCurrentPageId()) return null
    const holding = frames.filter((f) => editor.getShapePageBounds(f)?.containsPoint(center)).sort((a, b) => area(a) - area(b))
    return holding[0]?.id ?? null
  }
  for (const note of shapes) {
    if (note.type !== 'note' || !totals[note.id]) continue
    const cluster = clusterOf(note)
    if (cluster) sums.set(cluster, (sums.get(cluster) ?? 0) + (totals[note.id] ?? 0))
  }
  return sums
}

/** Badges for the exported notes that have votes, and for clusters (their whole total). */
export function totalBadges(editor: Editor, ids: readonly TLShapeId[], totals: Readonly<Record<string, number>>): TotalBadge[] {
  const clusters = clusterTotals(editor, ids, totals)
  return ids.flatMap((id) => {
    const count = clusters.get(id) ?? totals[id] ?? 0
    const bounds = count > 0 ? editor.getShapePageBounds(id) : undefined
    return bounds ? [{ x: bounds.maxX, y: bounds.y, count }] : []
  })
}

/** The SVG with the badges drawn last (on top); unchanged when there are none or no viewBox. */
export function drawTotals(svg: string, badges: readonly TotalBadge[]): string {
  if (badges.length === 0 || !/viewBox="[^"]+"/.test(svg)) return svg
  const marks = badges
    .map(
      (b) =>
        `<g data-vote-total="${b.count}"><circle cx="${b.x}" cy="${b.y}" r="22" fill="#1d4ed8" stroke="#fff" stroke-width="3"/>` +
        `<text x="${b.x}" y="${b.y}" text-anchor="middle" dominant-baseline="central" font-family="sans-serif" font-size="22" font-weight="700" fill="#fff">${b.count}</text></g>`,
    )
    .join('')
  const end = svg.lastIndexOf('</svg>')
  return end < 0 ? svg : `${svg.slice(0, end)}<g class="vote-totals">${marks}</g>${svg.slice(end)}`
}

/** An SVG string rendered to PNG in the browser, at `pixelRatio`. */
export async function svgToPng(svg: string, width: number, height: number, pixelRatio = 2): Promise<Blob | null> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    image.src = url
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = Math.ceil(width * pixelRatio)
    canvas.height = Math.ceil(height * pixelRatio)
    const context = canvas.getContext('2d')
    if (!context) return null
    context.drawImage(image, 0, 0, canvas.width, canvas.height)
    return await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
  } finally {
    URL.revokeObjectURL(url)
  }
}
