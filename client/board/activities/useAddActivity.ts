import { useCallback, useState } from 'react'
import type { Editor, TLShapeId } from 'tldraw'
import { addActivity } from '../../api/boards'
import { errorMessage } from '../../api/http'

export type AddActivityRequest = {
  template: string
  title?: string
  participants?: string[]
  options?: Record<string, unknown>
  /** Language of the template texts written on the board (default `en`). */
  locale?: 'en' | 'fr'
}
type Added = { instanceId: string; bounds: { x: number; y: number; w: number; h: number } }

/** How long to wait for the new activity's frame to arrive through the control doc before giving up zooming to it. */
const ARRIVAL_TIMEOUT_MS = 10_000

/** Zooms to the activity once its frame is in the store (it arrives through the control doc). */
function zoomWhenArrived(editor: Editor, added: Added): void {
  const frameId = `shape:${added.instanceId}` as TLShapeId
  const zoom = () => {
    editor.zoomToBounds(added.bounds, { inset: 64, animation: { duration: 300 } })
  }
  if (editor.getShape(frameId)) {
    zoom()
    return
  }
  const stop = editor.store.listen(() => {
    if (!editor.getShape(frameId)) return
    stop()
    clearTimeout(timer)
    zoom()
  })
  const timer = setTimeout(stop, ARRIVAL_TIMEOUT_MS)
}

/**
 * Adds an activity beside the existing ones through `POST /api/boards/:id/activities`: the
 * server builds the template shapes, places them on free space of the whole board (both docs)
 * and writes them into the control doc, exactly as when a board is created from an activity.
 */
export function useAddActivity(editor: Editor, boardId: string, token: string) {
  const [adding, setAdding] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const add = useCallback(
    async (request: AddActivityRequest): Promise<boolean> => {
      setAdding(true)
      setError(null)
      try {
        const activity = await addActivity<Added>(boardId, token, request)
        zoomWhenArrived(editor, activity)
        return true
      } catch (e) {
        setError(errorMessage(e))
        return false
      } finally {
        setAdding(false)
      }
    },
    [editor, boardId, token],
  )
  return { add, adding, error }
}
