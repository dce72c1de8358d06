import { useEffect } from 'react'
import { react, type Editor } from 'tldraw'
import type * as Y from 'yjs'
import { STATE_MAP } from '../../shared/facilitation'
import { PLAN_STATE_KEY, planActivityId, readPlanState } from '../../shared/plan'
import { firstViewContent } from '../board/hooks/useInitialFit'
import { fitCamera } from '../board/viewFit'

/**
 * While the projector follows nobody (its leader has not opened the board yet, or left), it shows
 * the plan's activity, else the page's first one, whole: a room reads a projector from afar, and
 * before this it showed whatever sat at the page's origin at 100 %. Fitted again when the plan
 * moves to another activity; following the leader takes over as soon as they are here.
 */
export function useProjectorFit(editor: Editor | null, control: Y.Doc | null, synced: boolean): void {
  useEffect(() => {
    if (!editor || !control || !synced) return
    const state = control.getMap(STATE_MAP)
    let fittedFor: string | null | undefined
    const fit = () => {
      if (editor.isDisposed || editor.getInstanceState().followingUserId !== null) return
      const planned = planActivityId(readPlanState(state.get(PLAN_STATE_KEY)))
      if (planned === fittedFor) return
      const content = firstViewContent(editor, control)
      if (!content) return
      fittedFor = planned
      const { zoomSteps } = editor.getCameraOptions()
      editor.setCamera(fitCamera(content, editor.getViewportScreenBounds(), { left: 0, right: 0, minZoom: zoomSteps[0]!, maxZoom: 1 }), { immediate: true })
    }
    fit()
    state.observe(fit)
    // When following stops (the leader left), the room sees the plan's activity again.
    const stop = react('projector fits when it follows nobody', () => {
      if (editor.getInstanceState().followingUserId === null) {
        fittedFor = undefined
        queueMicrotask(fit)
      }
    })
    return () => {
      state.unobserve(fit)
      stop()
    }
  }, [editor, control, synced])
}
