/**
 * The space page's state: its data (loaded with the link's token), and the changes a member
 * makes from it (an action's status, owner or due date; a commitment check-in), each followed by
 * a reload so that the page shows what the boards now hold.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, apiFetch, apiJson, errorMessage } from '../api/http'
import { saveBlob } from '../board/tools/download'
import { datedFileName } from '../../shared/fileName'
import { useI18n } from '../i18n/I18nProvider'
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
  // Charts and reports are written in the page's language (a space's team may read either).
  const { locale } = useI18n()
  const [state, setState] = useState<SpaceState>(token ? { state: 'loading' } : { state: 'failed', reason: 'noToken' })

  // Only the latest load is shown: one asked in the previous language may answer after it.
  const latest = useRef(0)
  const reload = useCallback(async () => {
    if (!token) return
    const load = ++latest.current
    try {
      const data = await apiJson<SpacePageData>(`${spacePath(spaceId)}?locale=${locale}`, { token, cache: 'no-store' })
      if (load === latest.current) setState({ state: 'ready', data })
    } catch (error) {
      if (load !== latest.current) return
      const denied = error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404)
      setState(denied ? { state: 'failed', reason: 'denied' } : { state: 'failed', reason: 'other', detail: errorMessage(error) })
    }
  }, [spaceId, token, locale])

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
      const res = await apiFetch(`${spacePath(spaceId)}/report?format=${format}&locale=${locale}`, { token })
      saveBlob(await res.blob(), datedFileName(title, 'space', format))
    },
    [spaceId, token, locale],
  )

  return { state, reload, updateAction, checkIn, downloadReport }
}
