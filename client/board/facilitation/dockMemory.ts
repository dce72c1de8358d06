/**
 * Whether the facilitation panel is open, remembered per browser (not per board): someone who
 * collapsed it keeps it collapsed on every board until they open it again.
 */
const STORAGE_KEY = 'canvas.facilitationPanel'

/**
 * Screen width the open panel covers on the left of the canvas: `left` 8 px + `width` 284 px in
 * facilitation.css, plus a gap. The first fit of a board keeps its content out of it.
 */
export const OPEN_DOCK_INSET_PX = 300

export function loadDockOpen(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'collapsed'
  } catch {
    return true
  }
}

export function saveDockOpen(open: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, open ? 'open' : 'collapsed')
  } catch {
    // storage unavailable (private mode, quota): the panel just is not remembered
  }
}

/** Left inset for fitting the view: the open panel's width, none when it is collapsed. */
export function dockInsetPx(): number {
  return loadDockOpen() ? OPEN_DOCK_INSET_PX : 0
}
