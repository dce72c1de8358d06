import { useCallback, useEffect, useRef, useState } from 'react'
import { rememberBoard } from '../../lib/myBoards'
import {
  duplicateBoard,
  getVersion,
  listVersions,
  restoreVersion,
  saveVersion,
  type CreatedBoardLinks,
  type VersionSummary,
} from '../../api/boards'
import { buildPreview, type Preview } from './versionPreview'
import { errorMessage } from '../../api/http'

export type VersionsState = { state: 'loading' } | { state: 'ready'; versions: VersionSummary[] } | { state: 'failed'; reason: string }


/**
 * The board's history: the list of versions (newest first), their previews (fetched once
 * each), and the facilitator's actions: save with a label, restore, duplicate.
 */
export function useVersions(boardId: string, token: string) {
  const [list, setList] = useState<VersionsState>({ state: 'loading' })
  const [previews, setPreviews] = useState<Record<number, Preview | 'failed'>>({})
  const [actionError, setActionError] = useState<string | null>(null)
  const [working, setWorking] = useState(false)
  const requested = useRef(new Set<number>())

  const refresh = useCallback(async () => {
    try {
      const versions = await listVersions(boardId, token)
      setList({ state: 'ready', versions: [...versions].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id) })
    } catch (error) {
      setList({ state: 'failed', reason: errorMessage(error) })
    }
  }, [boardId, token])

  useEffect(() => {
    void refresh()
  }, [refresh])

  const loadPreview = useCallback(
    (versionId: number) => {
      if (requested.current.has(versionId)) return
      requested.current.add(versionId)
      getVersion(boardId, token, versionId).then(
        (records) => setPreviews((p) => ({ ...p, [versionId]: buildPreview([...records.control, ...records.board]) })),
        () => setPreviews((p) => ({ ...p, [versionId]: 'failed' })),
      )
    },
    [boardId, token],
  )

  /** Runs one facilitator action; its failure is shown, the list is refreshed either way. */
  const act = useCallback(
    async <T,>(task: () => Promise<T>): Promise<T | null> => {
      setWorking(true)
      setActionError(null)
      try {
        return await task()
      } catch (error) {
        setActionError(errorMessage(error))
        return null
      } finally {
        setWorking(false)
        await refresh()
      }
    },
    [refresh],
  )

  const save = useCallback((label: string) => act(() => saveVersion(boardId, token, label)), [act, boardId, token])
  const restore = useCallback((versionId: number) => act(() => restoreVersion(boardId, token, versionId)), [act, boardId, token])
  const duplicate = useCallback(
    (title?: string) =>
      act(async (): Promise<CreatedBoardLinks> => {
        const created = await duplicateBoard(boardId, token, title)
        rememberBoard({ id: created.board.id, title: created.board.title, links: created.links, lastRole: 'facilitator' })
        return created
      }),
    [act, boardId, token],
  )

  return { list, previews, loadPreview, save, restore, duplicate, working, actionError }
}
