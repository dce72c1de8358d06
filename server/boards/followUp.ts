/**
 * "Plan a follow-up" (issue 15, SPEC F-rules): a new board whose plan takes the source board's
 * top-voted needs and its critical and high risks as the prompts of its steps
 * (shared/plans/followUp.ts). The facilitator link only (the route checks it). The new board is
 * in the source board's language; asked with the space facilitator link it is a session of the
 * source board's space (that link may create boards there, SPEC R8), otherwise it stands alone.
 */
import { followUpPlan, followUpPrompts, NOTHING_TO_FOLLOW_UP, type FollowUpPrompt } from '../../shared/plans/followUp.js'
import { reportLocale } from '../../shared/exports/report.js'
import type { PlanState } from '../../shared/plan.js'
import type { BoardDocsDeps } from './boardDocs.js'
import { BoardError } from './errors.js'
import { createBoardFromTemplate, type CreatedBoard } from './lifecycle.js'
import type { PlanService } from './plan.js'
import { boardResults } from './results.js'

export type FollowUp = CreatedBoard & { plan: PlanState; prompts: FollowUpPrompt[] }

export async function planFollowUp(
  deps: BoardDocsDeps & { plans: PlanService },
  boardId: string,
  options: { needs?: number; title?: string; inSameSpace?: boolean } = {},
): Promise<FollowUp> {
  const { input, results } = await boardResults(deps, boardId)
  const locale = reportLocale(input)
  const plan = followUpPlan(results, input.board.title, locale, options.needs)
  if (!plan) throw new BoardError(400, NOTHING_TO_FOLLOW_UP)
  const title = options.title ?? (locale === 'fr' ? plan.title.fr : undefined) ?? plan.title.en
  const created = await createBoardFromTemplate(deps.storage, { title: title.slice(0, 200), locale })
  const state = await deps.plans.set(created.board.id, plan)
  const space = options.inSameSpace ? await deps.storage.getBoardSpace(boardId) : null
  if (space) await deps.storage.setBoardSpace(created.board.id, space)
  return { ...created, plan: state, prompts: followUpPrompts(results, options.needs) }
}
