/** A ready-made plan by id (GET /api/plans lists them), or 404. */
import type { PlanInput } from '../../shared/plan.js'
import { getReadyPlan, readyPlanInput } from '../../shared/plans/index.js'
import type { TemplateLocale } from '../../shared/activities/index.js'
import { BoardError } from './errors.js'

export function readyMadePlan(id: string, locale: TemplateLocale): PlanInput {
  const plan = getReadyPlan(id)
  if (!plan) throw new BoardError(400, `no ready-made plan ${id}; GET /api/plans lists them`)
  return readyPlanInput(plan, locale)
}
