import { useCallback, useMemo, useState } from 'react'
import { useValue, type Editor } from 'tldraw'
import type { JsonRecord } from '../../../shared/docLayout'
import { readActivities } from '../../../shared/activities'
import { loadMyBoards } from '../../lib/myBoards'
import { carryOver, importBeside } from '../../api/boards'
import { earlierBoards } from './carryOverCandidates'
import { errorMessage } from '../../api/http'
import { jsonOf } from '../../sync/jsonRecord'

import { readImportFile } from './readImportFile'

export { MAX_IMPORT_READ_BYTES, readImportFile } from './readImportFile'

export type TaskState = { state: 'idle' } | { state: 'busy' } | { state: 'done'; count: number } | { state: 'failed'; reason: string }


/** Runs a task that yields a count, keeping its state for the UI. */
export function useCountTask() {
  const [status, setStatus] = useState<TaskState>({ state: 'idle' })
  const run = useCallback(async (task: () => Promise<number>) => {
    setStatus({ state: 'busy' })
    try {
      setStatus({ state: 'done', count: await task() })
    } catch (error) {
      setStatus({ state: 'failed', reason: errorMessage(error) })
    }
  }, [])
  return { status, run }
}

/** A .tldr file placed beside the board's activities (facilitator). */
export function useImportBeside(boardId: string, token: string) {
  const { status, run } = useCountTask()
  const importFile = (file: File) => run(async () => (await importBeside(boardId, token, await readImportFile(file))).imported)
  return { status, importFile }
}

/**
 * Carry-over of open actions from an earlier board into this board's retrospective. Offered
 * only when the board has an activity with an Actions zone (read from the template shapes).
 */
export function useCarryOver(editor: Editor, boardId: string, token: string) {
  const hasActionsZone = useValue(
    'has actions zone',
    () => {
      const shapes = editor.getCurrentPageShapes().map(jsonOf)
      return readActivities(shapes).some((a) => a.zones.some((z) => z.meaning.kind === 'actions'))
    },
    [editor],
  )
  const candidates = useMemo(() => earlierBoards(loadMyBoards(), boardId), [boardId])
  const { status, run } = useCountTask()
  const carry = (fromBoardId: string) => {
    const from = candidates.find((b) => b.id === fromBoardId)
    if (from) void run(async () => (await carryOver(boardId, token, from.id, from.token)).carried)
  }
  return { hasActionsZone, candidates, status, carry }
}
