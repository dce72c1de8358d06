/** Workshop plans (server/http/planRoutes.ts): the ready-made plans and the facilitator's run actions. */
import type { PlanSummary } from '../../shared/plans/index'
import type { Locale } from '../../shared/i18n/locale'
import { apiJson, boardPath } from './http'

export type { PlanSummary }

export type PlanRequest =
  | { action: 'load'; planId: string; locale?: Locale }
  | { action: 'start' | 'next' | 'back' | 'skip' }
  | { action: 'shorten'; targetEnd?: number }

export async function listPlans(locale: Locale): Promise<PlanSummary[]> {
  return (await apiJson<{ plans: PlanSummary[] }>(`/api/plans?locale=${locale}`)).plans
}

/** One plan action (facilitator token); rejects with the server's message. */
export async function postPlan(boardId: string, token: string, body: PlanRequest): Promise<unknown> {
  return apiJson(`${boardPath(boardId)}/plan`, { method: 'POST', token, body })
}
