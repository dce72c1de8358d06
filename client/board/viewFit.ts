/**
 * Where the camera goes when the app moves it: the board's first view, and a "bring everyone"
 * (the facilitator's, or the plan's to a new step's activity). Content is fitted between the
 * panels, at a zoom where notes stay readable; a phone shows the start of what does not fit.
 */
import type { Editor } from 'tldraw'
import { dockInsetPx } from './facilitation/dockMemory'
import { isPhoneLayout } from './phone/usePhoneLayout'

export type Camera = { x: number; y: number; z: number }
export type Rect = { x: number; y: number; w: number; h: number }

/** Margin on each side of the fitted content, as tldraw's zoomToFit (less on a small screen). */
const MARGIN_PX = 64
/** Insets that would leave less than this for the content are ignored. */
const MIN_FREE_WIDTH_PX = 400
/**
 * The smallest zoom the app moves a view to: a note's text (tldraw's default note font, 22 px at
 * 100 %) is then at least 12 CSS px on screen. An activity larger than the screen at this zoom is
 * shown from its start (top left: its instructions and first zones) rather than whole and unreadable.
 */
export const READABLE_ZOOM = 0.56

/**
 * Screen width the board panel (with tldraw's style panel under it) covers on the right of the
 * canvas: `.board-panel` (BoardPanel.tsx) is 264 px wide with 8 px margins (styles.css), plus a gap.
 */
export const BOARD_PANEL_INSET_PX = 288
/** Height of tldraw's toolbar at the bottom of a phone's canvas. */
const PHONE_TOOLBAR_PX = 64

/** Height of tldraw's page menu at the top of a phone's canvas. */
const PHONE_MENU_PX = 48
/** Room above an activity's frame for its heading, which tldraw draws outside the frame. */
const FRAME_HEADING_PX = 28

/** Screen pixels covered by the app's panels on each side of the canvas (and above and below it). */
export type Insets = { left: number; right: number; top?: number; bottom?: number }

/** What the panels cover now (on a phone no panel is open; tldraw's toolbar is at the bottom). */
export const panelInsets = (): Insets => (isPhoneLayout() ? { left: 0, right: 0, bottom: PHONE_TOOLBAR_PX } : { left: dockInsetPx(), right: BOARD_PANEL_INSET_PX })

/**
 * The camera that shows `content` in the part of the screen between the insets, at a zoom within
 * [minZoom, maxZoom]: whole and centred when it fits at that zoom, else from its top-left corner
 * (or, with `anchor: 'center'`, around its middle). tldraw's convention: screen = (page + camera) × z.
 */
export function fitCamera(
  content: Rect,
  screen: { w: number; h: number },
  opts: Insets & { minZoom: number; maxZoom: number; anchor?: 'start' | 'center' },
): Camera {
  const useInsets = screen.w - opts.left - opts.right >= MIN_FREE_WIDTH_PX
  const left = useInsets ? opts.left : 0
  const freeW = screen.w - left - (useInsets ? opts.right : 0)
  const top = opts.top ?? 0
  const freeH = screen.h - top - (opts.bottom ?? 0)
  const margin = Math.min(MARGIN_PX, freeW * 0.14, freeH * 0.14)
  const fit = Math.min((freeW - 2 * margin) / content.w, (freeH - 2 * margin) / content.h)
  const z = Math.min(opts.maxZoom, Math.max(opts.minZoom, Number.isFinite(fit) ? fit : opts.maxZoom))
  const edge = Math.min(margin, 16)
  const centre = opts.anchor === 'center'
  const x = centre || content.w * z <= freeW - 2 * margin ? (left + freeW / 2) / z - (content.x + content.w / 2) : (left + edge) / z - content.x
  const y = centre || content.h * z <= freeH - 2 * margin ? (top + freeH / 2) / z - (content.y + content.h / 2) : (top + edge) / z - content.y
  return { x, y, z }
}

/**
 * What covers the top of the canvas (`canvasTop`: its top edge on screen): the plan bar where there
 * is one, and on a phone tldraw's page menu; then room for the activity's heading. An activity's
 * title and instructions, at its top, stay clear of them.
 */
function topInset(canvasTop: number): number {
  const bar = document.querySelector('.plan-bar')?.getBoundingClientRect()
  const barBottom = bar && bar.height > 0 ? bar.bottom - canvasTop : 0
  return Math.max(0, barBottom, isPhoneLayout() ? PHONE_MENU_PX : 0) + FRAME_HEADING_PX
}

/**
 * The camera that shows `content` clear of the panels, at a readable zoom, never past `maxZoom`
 * (100 % unless given; tldraw's own limits always hold).
 */
export function readableFit(editor: Editor, content: Rect, opts: { maxZoom?: number; anchor?: 'start' | 'center' } = {}): Camera {
  const { zoomSteps } = editor.getCameraOptions()
  const screen = editor.getViewportScreenBounds()
  const maxZoom = Math.min(opts.maxZoom ?? 1, zoomSteps[zoomSteps.length - 1]!)
  const minZoom = Math.min(maxZoom, Math.max(zoomSteps[0]!, READABLE_ZOOM))
  return fitCamera(content, screen, { ...panelInsets(), top: topInset(screen.y), minZoom, maxZoom, anchor: opts.anchor })
}
