/**
 * The space page's state: its data (loaded with the link's token), and the changes a member
 * makes from it (an action's status, owner or due date; a commitment check-in), each followed by
 * a reload so that the page shows what the boards now hold.
 */
import { useCallback, useEffect, useState } from 'react'
import { ApiError, apiFetch, apiJson, errorMessage } from '../api/http'
import { saveBlob } from '../board/tools/download'
import { spacePath, type ActionChange, type CheckInStatus, type SpaceAction, type SpaceCommitment, type SpacePageData } from './spaceData'

export type SpaceState =
  | { state: 'loading' }
  | { state: 'failed'; reason: 'noToken' | 'denied' | 'other'; detail?: string }
  | { state: 'ready'; data: SpacePageData }

export const REPORT_FORMATS = ['md', 'html', 'csv'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** `/api/spaces/<id>/<kind>/<boardId>/<noteId>`, every part encoded. */
function notePath(spaceId: string, kind: 'actions' | 'commitments', item: { boardId: string; noteId: string }): string {
  return `${spacePath(spaceId)}/${kind}/${encodeURIComponent(item.boardId)}/${encodeURIComponent(item.noteId)}`
}

export function useSpace(spaceId: string, token: string) {
  const [state, setState] = useState<SpaceState>(token ? { state: 'loading' } : { state: 'failed', reason: 'noToken' })

  const reload = useCallback(async () => {
    if (!token) return
    try {
      setState({ state: 'ready', data: await apiJson<SpacePageData>(spacePath(spaceId), { token, cache: 'no-store' }) })
    } catch (error) {
      const denied = error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404)
      setState(denied ? { state: 'failed', reason: 'denied' } : { state: 'failed', reason: 'other', detail: errorMessage(error) })
    }
  }, [spaceId, token])

  useEffect(() => {
    void reload()
  }, [reload])

  const updateAction = useCallback(
    async (action: SpaceAction, change: ActionChange) => {
      await apiFetch(notePath(spaceId, 'actions', action), { method: 'PATCH', token, body: change })
      await reload()
    },
    [spaceId, token, reload],
  )

  const checkIn = useCallback(
    async (commitment: SpaceCommitment, status: CheckInStatus, note: string) => {
      await apiFetch(`${notePath(spaceId, 'commitments', commitment)}/check-ins`, { method: 'POST', token, body: { status, note } })
      await reload()
    },
    [spaceId, token, reload],
  )

  const downloadReport = useCallback(
    async (format: ReportFormat, title: string) => {
      const res = await apiFetch(`${spacePath(spaceId)}/report?format=${format}`, { token })
      const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'space'
      saveBlob(await res.blob(), `${slug}-${new Date().toISOString().slice(0, 10)}.${format}`)
    },
    [spaceId, token],
  )

  return { state, reload, updateAction, checkIn, downloadReport }
}
