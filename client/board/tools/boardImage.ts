/**
 * Pictures of the board made in the browser with tldraw's own exporter (`editor.toImage`,
 * `editor.getSvgString`): PNG and SVG downloads of the board or the selection, and the picture
 * the server keeps for the printable HTML report.
 */
import type { Editor, TLShapeId } from 'tldraw'
import { blobToDataUrl } from './download'
import { MAX_BOARD_IMAGE_CHARS } from '../../api/boards'
import { drawTotals, svgToPng, totalBadges } from './voteBadges'

export type ImageScope = 'selection' | 'board'

/** The shapes an export covers: the selection when asked and there is one, else the whole page. */
export function shapesToExport(editor: Editor, scope: ImageScope): TLShapeId[] {
  const selected = editor.getSelectedShapeIds()
  if (scope === 'selection' && selected.length > 0) return [...selected]
  return [...editor.getCurrentPageShapeIds()]
}

/** A PNG of the shapes; with vote totals (note id → count) drawn on the voted notes when given. */
export async function exportPng(editor: Editor, ids: TLShapeId[], scale = 1, totals: Readonly<Record<string, number>> = {}): Promise<Blob | null> {
  if (ids.length === 0) return null
  const badges = totalBadges(editor, ids, totals)
  if (badges.length > 0) {
    const result = await editor.getSvgString(ids, { background: true, scale })
    if (result) return svgToPng(drawTotals(result.svg, badges), result.width, result.height)
  }
  const { blob } = await editor.toImage(ids, { format: 'png', background: true, scale, pixelRatio: 2 })
  return blob
}

/** An SVG of the shapes, with vote totals drawn on the voted notes when given. */
export async function exportSvg(editor: Editor, ids: TLShapeId[], totals: Readonly<Record<string, number>> = {}): Promise<Blob | null> {
  if (ids.length === 0) return null
  const result = await editor.getSvgString(ids, { background: true })
  return result ? new Blob([drawTotals(result.svg, totalBadges(editor, ids, totals))], { type: 'image/svg+xml' }) : null
}

/**
 * A PNG data URL of the whole page that fits the server's limit: the export is scaled down
 * until it does. Null for an empty page or a board too large to fit even at 1/8 scale.
 */
export async function boardImageDataUrl(editor: Editor): Promise<string | null> {
  const ids = shapesToExport(editor, 'board')
  for (const scale of [1, 0.5, 0.25, 0.125]) {
    const blob = ids.length ? (await editor.toImage(ids, { format: 'png', background: true, scale, pixelRatio: 1 })).blob : null
    if (!blob) return null
    // base64 grows by 4/3; skip reading a blob that cannot fit.
    if ((blob.size * 4) / 3 + 32 > MAX_BOARD_IMAGE_CHARS) continue
    const dataUrl = await blobToDataUrl(blob)
    if (dataUrl.length <= MAX_BOARD_IMAGE_CHARS) return dataUrl
  }
  return null
}
