/**
 * Workshop plans (issue 15): the ready-made plans, and setting and running a board's plan.
 * Only the facilitator link changes or drives a plan; every page reads it from the control doc.
 */
import type { Hono } from 'hono'
import { z } from 'zod'
import { planStatus, PlanInput } from '../../shared/plan.js'
import { planSummaries } from '../../shared/plans/index.js'
import { TEMPLATE_LOCALES } from '../../shared/activities/index.js'
import { readPlan, type PlanService } from '../boards/plan.js'
import { readyMadePlan } from '../boards/readyPlans.js'
import { boardLinks } from '../boards/lifecycle.js'
import type { BoardAccess } from './access.js'
import type { AppEnv } from './env.js'
import { parseJsonBody, parseQuery } from './validate.js'
import type { BoardDocsDeps } from '../boards/boardDocs.js'

const PlanAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('set'), plan: PlanInput }),
  z.object({ action: z.literal('load'), planId: z.string().min(1).max(64), locale: z.enum(TEMPLATE_LOCALES).optional() }),
  z.object({ action: z.enum(['start', 'next', 'back', 'skip']) }),
  z.object({ action: z.literal('shorten'), targetEnd: z.number().int().positive().optional() }),
])

/** "Plan a follow-up" (issue 15): how many top-voted needs to take (risks: every critical and high one), an optional title. */
const FollowUpBody = z
  .object({
    needs: z.number().int().min(0, 'needs is 0 to 10').max(10, 'needs is 0 to 10').optional(),
    title: z.string().trim().min(1, 'title must not be empty').max(200, 'title is at most 200 characters').optional(),
  })
  .strict()

const ListQuery = z.object({ locale: z.enum(TEMPLATE_LOCALES, { message: `locale must be one of ${TEMPLATE_LOCALES.join(', ')}` }).optional() })

const FACILITATOR_ONLY = { role: 'facilitator', message: 'only the facilitator link can change or run the plan' } as const

export function registerPlanRoutes(app: Hono<AppEnv>, deps: BoardDocsDeps & { plans: PlanService; boardAccess: BoardAccess }): void {
  const { plans, boardAccess } = deps

  app.get('/api/plans', (c) => {
    const query = parseQuery(c.req.query(), ListQuery)
    return c.json({ plans: planSummaries(query.locale ?? 'en') })
  })

  app.get('/api/boards/:id/plan', boardAccess(), async (c) => {
    const state = await readPlan(deps, c.var.board)
    const now = Date.now()
    return c.json({ plan: state, status: state ? planStatus(state.plan, state.run, now) : null, now })
  })

  app.post('/api/boards/:id/plan', boardAccess(FACILITATOR_ONLY), async (c) => {
    const body = await parseJsonBody(c, PlanAction)
    const id = c.var.board
    switch (body.action) {
      case 'set':
        return c.json({ plan: await plans.set(id, body.plan) })
      case 'load':
        return c.json({ plan: await plans.set(id, readyMadePlan(body.planId, body.locale ?? 'en')) })
      case 'shorten':
        return c.json({ plan: await plans.run(id, 'shorten', { targetEnd: body.targetEnd }), now: Date.now() })
      default:
        return c.json({ plan: await plans.run(id, body.action), now: Date.now() })
    }
  })

  // A new board planned from this one's results; its links are relative (`/b/<id>#<token>`).
  app.post('/api/boards/:id/follow-up', boardAccess({ role: 'facilitator', message: 'only the facilitator link can plan a follow-up' }), async (c) => {
    const body = await parseJsonBody(c, FollowUpBody)
    // Asked with the space facilitator link (SPEC R8), the follow-up is a session of the same space.
    // Imported with the first follow-up: it reads the board's report (issue 18).
    const { planFollowUp } = await import('../boards/followUp.js')
    const created = await planFollowUp(deps, c.var.board, { ...body, inSameSpace: c.var.via === 'space' })
    return c.json({ board: created.board, links: boardLinks('', created.board.id, created.tokens), plan: created.plan, prompts: created.prompts }, 201)
  })
}
