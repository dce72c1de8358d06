/** The ready-made plans (issue 15), in gallery order, and what `GET /api/plans` lists. */
import { planDurationMs, PlanInput, textIn, type Plan } from '../plan.js'
import type { Locale as TemplateLocale } from '../i18n/locale.js'
import { FIFTEEN_PERCENT_PLAN, ONE_TWO_FOUR_ALL_PLAN, TRIZ_PLAN, WHAT_SO_WHAT_NOW_WHAT_PLAN } from './structures.js'
import type { ReadyPlan } from './types.js'
import { CHANGE_READINESS_PLAN, NEEDS_AND_RISK_PLAN, RETROSPECTIVE_PLAN } from './workshops.js'

export type { ReadyPlan } from './types.js'

export const READY_PLANS: readonly ReadyPlan[] = [
  NEEDS_AND_RISK_PLAN,
  CHANGE_READINESS_PLAN,
  RETROSPECTIVE_PLAN,
  ONE_TWO_FOUR_ALL_PLAN,
  WHAT_SO_WHAT_NOW_WHAT_PLAN,
  FIFTEEN_PERCENT_PLAN,
  TRIZ_PLAN,
]

export function getReadyPlan(id: string): ReadyPlan | null {
  return READY_PLANS.find((p) => p.id === id) ?? null
}

/** A ready-made plan as the input of `set`, for a board in `locale`. */
export function readyPlanInput(plan: ReadyPlan, locale: TemplateLocale): PlanInput {
  return PlanInput.parse({ source: plan.id, title: plan.name, locale, steps: plan.steps })
}

export type PlanSummary = { id: string; name: string; description: string; steps: number; durationMs: number }

/** What `GET /api/plans` lists, in `locale`. */
export function planSummaries(locale: TemplateLocale): PlanSummary[] {
  return READY_PLANS.map((p) => {
    const input = readyPlanInput(p, locale)
    const asPlan: Plan = { title: input.title, locale, steps: input.steps.map((s) => ({ ...s, activity: null })) }
    return { id: p.id, name: textIn(p.name, locale), description: textIn(p.description, locale), steps: p.steps.length, durationMs: planDurationMs(asPlan) }
  })
}
