import { useEffect, useRef } from 'react'
import type { Editor } from 'tldraw'
import type * as Y from 'yjs'
import { readActivities } from '../../../shared/activities'
import { STATE_MAP } from '../../../shared/facilitation'
import { PLAN_STATE_KEY, planActivityId, readPlanState } from '../../../shared/plan'
import { readAllRecords } from '../../../shared/docLayout'
import type { BoardConnection } from '../connection/useBoardConnection'
import { readableFit, type Camera, type Rect } from '../viewFit'

export type { Camera } from '../viewFit'

function sameCamera(a: Camera, b: Camera): boolean {
  return Math.abs(a.x - b.x) < 1e-6 && Math.abs(a.y - b.y) < 1e-6 && Math.abs(a.z - b.z) < 1e-9
}

export type MountedEditor = { editor: Editor; cameraAtMount: Camera }

/** What the first view shows: the plan's activity when it is on this page, else the page's first activity, else all of its content. */
export function firstViewContent(editor: Editor, control: Y.Doc): Rect | null {
  const pageId = editor.getCurrentPageId()
  const onPage = readActivities(readAllRecords(control)).filter((a) => a.pageId === pageId)
  const planned = planActivityId(readPlanState(control.getMap(STATE_MAP).get(PLAN_STATE_KEY)))
  const activity = onPage.find((a) => a.instanceId === planned) ?? onPage[0]
  return activity?.area.bounds ?? editor.getCurrentPageBounds() ?? null
}

/**
 * Fits the view once per page load: when the editor is mounted and both the board doc and the
 * control doc (where an activity's shapes live) have had their first sync with the server. Never
 * again afterwards (notes arriving from others leave the camera alone), not at all when the board
 * is empty or when the camera has moved since mount (the person panned or zoomed, or is following
 * someone). It shows the first activity of the page at a readable zoom (see READABLE_ZOOM),
 * never past 100 %, clear of what the panels cover at that moment (viewFit.ts).
 */
export function useInitialFit(mounted: MountedEditor | null, connection: BoardConnection | null): void {
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
      const content = firstViewContent(editor, connection.control.doc)
      if (!content) return
      editor.setCamera(readableFit(editor, content), { immediate: true })
    }
    for (const provider of providers) provider.on('sync', onSync)
    onSync()
    return unsubscribe
  }, [mounted, connection])
}
