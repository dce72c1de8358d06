/** The facilitator's plan actions and the ready-made plans to choose from. */
import { useCallback, useEffect, useState } from 'react'
import { errorMessage } from '../../api/http'
import { listPlans, postPlan, type PlanRequest, type PlanSummary } from '../../api/plans'
import type { Locale } from '../../../shared/i18n/locale'

export type PlanActions = {
  readyPlans: PlanSummary[]
  act: (request: PlanRequest) => Promise<void>
  busy: boolean
  error: string | null
}

export function usePlanActions(boardId: string, token: string, locale: Locale, enabled: boolean): PlanActions {
  const [readyPlans, setReadyPlans] = useState<PlanSummary[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (!enabled) return
    let live = true
    listPlans(locale).then(
      (plans) => live && setReadyPlans(plans),
      (e: unknown) => live && setError(errorMessage(e)),
    )
    return () => {
      live = false
    }
  }, [enabled, locale])
  const act = useCallback(
    async (request: PlanRequest) => {
      setBusy(true)
      setError(null)
      try {
        await postPlan(boardId, token, request)
      } catch (e) {
        setError(errorMessage(e))
      } finally {
        setBusy(false)
      }
    },
    [boardId, token],
  )
  return { readyPlans, act, busy, error }
}
