import { useEffect, useRef } from 'react'
import type { Editor } from 'tldraw'
import { readActivities } from '../../../shared/activities'
import { STATE_MAP } from '../../../shared/facilitation'
import { PLAN_STATE_KEY, planActivityId, readPlanState } from '../../../shared/plan'
import { readAllRecords } from '../../../shared/docLayout'
import type { BoardConnection } from '../connection/useBoardConnection'

export type Camera = { x: number; y: number; z: number }
type Rect = { x: number; y: number; w: number; h: number }

/** Margin on each side of the fitted content, as tldraw's zoomToFit (less on a small screen). */
const MARGIN_PX = 64
/** Insets that would leave less than this for the content are ignored. */
const MIN_FREE_WIDTH_PX = 400
/**
 * The smallest zoom a board opens at: a note's text (tldraw's default note font, 22 px at 100 %)
 * is then at least 12 CSS px on screen. An activity larger than the screen at this zoom opens
 * on its start (top left: its instructions and first zones) rather than whole and unreadable.
 */
export const READABLE_ZOOM = 0.56

/** Screen pixels covered by the app's panels on each side of the canvas (and below it). */
export type Insets = { left: number; right: number; bottom?: number }

/**
 * The camera that shows `content` in the part of the screen between the insets, at a zoom within
 * [minZoom, maxZoom]: whole and centred when it fits at that zoom, else from its top-left corner.
 * tldraw's convention: screen = (page + camera) × z.
 */
export function fitCamera(content: Rect, screen: { w: number; h: number }, opts: Insets & { minZoom: number; maxZoom: number }): Camera {
  const useInsets = screen.w - opts.left - opts.right >= MIN_FREE_WIDTH_PX
  const left = useInsets ? opts.left : 0
  const freeW = screen.w - left - (useInsets ? opts.right : 0)
  const freeH = screen.h - (opts.bottom ?? 0)
  const margin = Math.min(MARGIN_PX, freeW * 0.14, freeH * 0.14)
  const fit = Math.min((freeW - 2 * margin) / content.w, (freeH - 2 * margin) / content.h)
  const z = Math.min(opts.maxZoom, Math.max(opts.minZoom, Number.isFinite(fit) ? fit : opts.maxZoom))
  const edge = Math.min(margin, 16)
  const x = content.w * z <= freeW - 2 * margin ? (left + freeW / 2) / z - (content.x + content.w / 2) : (left + edge) / z - content.x
  const y = content.h * z <= freeH - 2 * margin ? freeH / 2 / z - (content.y + content.h / 2) : edge / z - content.y
  return { x, y, z }
}

function sameCamera(a: Camera, b: Camera): boolean {
  return Math.abs(a.x - b.x) < 1e-6 && Math.abs(a.y - b.y) < 1e-6 && Math.abs(a.z - b.z) < 1e-9
}

export type MountedEditor = { editor: Editor; cameraAtMount: Camera }

/** What the first view shows: the plan's activity when it is on this page, else the page's first activity, else all of its content. */
function firstViewContent(editor: Editor, connection: BoardConnection): Rect | null {
  const pageId = editor.getCurrentPageId()
  const control = connection.control.doc
  const onPage = readActivities(readAllRecords(control)).filter((a) => a.pageId === pageId)
  const planned = planActivityId(readPlanState(control.getMap(STATE_MAP).get(PLAN_STATE_KEY)))
  const activity = onPage.find((a) => a.instanceId === planned) ?? onPage[0]
  return activity?.area.bounds ?? editor.getCurrentPageBounds() ?? null
}

/** The camera that shows `content` clear of the panels, at a readable zoom, never past 100 %. */
function readableFit(editor: Editor, content: Rect, insets: Insets): Camera {
  const { zoomSteps } = editor.getCameraOptions()
  const screen = editor.getViewportScreenBounds()
  const maxZoom = Math.min(1, zoomSteps[zoomSteps.length - 1]!)
  const minZoom = Math.min(maxZoom, Math.max(zoomSteps[0]!, READABLE_ZOOM))
  return fitCamera(content, screen, { ...insets, minZoom, maxZoom })
}

/**
 * Fits the view once per page load: when the editor is mounted and both the board doc and the
 * control doc (where an activity's shapes live) have had their first sync with the server. Never
 * again afterwards (notes arriving from others leave the camera alone), not at all when the board
 * is empty or when the camera has moved since mount (the person panned or zoomed, or is following
 * someone). It shows the first activity of the page at a readable zoom (see READABLE_ZOOM),
 * never past 100 %. `insets` is read at that moment: what the panels cover on each side (the
 * facilitation panel on the left while it is open, the board panel on the right, a phone's bar).
 */
export function useInitialFit(mounted: MountedEditor | null, connection: BoardConnection | null, insets: () => Insets): void {
  const done = useRef(false)

  useEffect(() => {
    if (!mounted || !connection || done.current) return
    const { editor, cameraAtMount } = mounted
    const providers = [connection.board.provider, connection.control.provider]
    const unsubscribe = () => {
      for (const provider of providers) provider.off('sync', onSync)
    }
    function onSync() {
      if (done.current || !providers.every((provider) => provider.synced)) return
      done.current = true
      unsubscribe()
      if (editor.isDisposed || !connection) return
      if (!sameCamera(editor.getCamera(), cameraAtMount) || editor.getInstanceState().followingUserId !== null) return
      const content = firstViewContent(editor, connection)
      if (!content) return
      editor.setCamera(readableFit(editor, content, insets()), { immediate: true })
    }
    for (const provider of providers) provider.on('sync', onSync)
    onSync()
    return unsubscribe
  }, [mounted, connection, insets])
}
