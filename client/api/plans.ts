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

export type FollowUpCreated = { board: { id: string; title: string }; links: Record<'facilitator' | 'participant' | 'viewer', string>; prompts: unknown[] }

/** "Plan a follow-up" (facilitator token): a new board planned from this one's results; links are relative. */
export async function planFollowUp(boardId: string, token: string): Promise<FollowUpCreated> {
  return apiJson(`${boardPath(boardId)}/follow-up`, { method: 'POST', token, body: {} })
}
