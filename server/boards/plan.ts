/**
 * Running a workshop plan (issue 15). The plan's public part and its run state live in the
 * control doc (`state.plan`); facilitator notes only in the facilitator doc (SPEC R10).
 * Every phase a run enters acts through the FacilitationService, exactly as the facilitator's
 * own controls do: timer, private writing, reveal, vote, bring, instructions, groups.
 */
import * as Y from 'yjs'
import type { z } from 'zod'
import { STATE_KEYS, STATE_MAP, VoteState, parseState, PrivateWritingState } from '../../shared/facilitation.js'
import {
  advancePlan,
  Plan,
  PLAN_NOTES_KEY,
  PLAN_STATE_KEY,
  READY_RUN,
  readPlanState,
  shortenRemaining,
  textIn,
  type LocalText,
  type PhaseRef,
  type PlanAction,
  type PlanInput,
  type PlanState,
  type PlanStep,
} from '../../shared/plan.js'
import { readActivities } from '../../shared/activities/index.js'
import { docKey } from '../../shared/roles.js'
import type { FacilitationService } from '../facilitation/FacilitationService.js'
import type { Logger } from '../logger.js'
import { addActivity } from './activities.js'
import { readBoardRecords, readDoc, SERVER_ORIGIN, withBoardDocs, type BoardDocsDeps } from './boardDocs.js'
import { BoardError } from './errors.js'
import { clearGroups, formGroupsForPhase, type GroupDeps } from './planGroups.js'

export type PlanDeps = GroupDeps & { facilitation: FacilitationService; logger: Logger }

export type RunAction = PlanAction | 'shorten'

/** Reads `state.plan` of a board's control doc. */
export async function readPlan(deps: BoardDocsDeps, boardId: string): Promise<PlanState | null> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, await readDoc(deps, boardId, { kind: 'control' }))
  const plan = readPlanState(doc.getMap(STATE_MAP).get(PLAN_STATE_KEY))
  doc.destroy()
  return plan
}

/** The facilitator notes of a board's plan: step id → notes (facilitator doc only). */
export async function readPlanNotes(deps: BoardDocsDeps, boardId: string): Promise<Record<string, LocalText>> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, await readDoc(deps, boardId, { kind: 'facilitator' }))
  const notes = doc.getMap(STATE_MAP).get(PLAN_NOTES_KEY)
  doc.destroy()
  return typeof notes === 'object' && notes !== null ? (notes as Record<string, LocalText>) : {}
}

async function writeControlState(deps: BoardDocsDeps, boardId: string, key: string, value: unknown): Promise<void> {
  await withBoardDocs(deps.rooms, boardId, ['control'], ({ control }) => {
    control.transact(() => control.getMap(STATE_MAP).set(key, value), SERVER_ORIGIN)
  })
}

async function writeNotes(deps: BoardDocsDeps, boardId: string, notes: Record<string, LocalText>): Promise<void> {
  await deps.rooms.withRoom(docKey(boardId, { kind: 'facilitator' }), 'facilitator', (room) => {
    room.doc.transact(() => room.doc.getMap(STATE_MAP).set(PLAN_NOTES_KEY, notes), SERVER_ORIGIN)
  })
}

/**
 * Resolves each step's activity: an instance already on the board must exist; a template is
 * added to the board now (titled after the step). Returns the steps as stored.
 */
async function resolveSteps(deps: BoardDocsDeps, boardId: string, input: Plan['locale'], steps: PlanInput['steps']): Promise<PlanStep[]> {
  const { control } = await readBoardRecords(deps, boardId)
  const existing = new Set(readActivities(control).map((a) => a.instanceId))
  const out: PlanStep[] = []
  for (const step of steps) {
    const { activity, id, title, instructions, phases } = step
    const rest = { id, title, ...(instructions ? { instructions } : {}), phases }
    if (activity === null) out.push({ ...rest, activity: null })
    else if ('sameAs' in activity) {
      const earlier = out.find((s) => s.id === activity.sameAs)
      if (!earlier) throw new BoardError(400, `step ${step.id}: sameAs names no earlier step (${activity.sameAs})`)
      out.push({ ...rest, activity: earlier.activity })
    } else if ('instanceId' in activity) {
      if (!existing.has(activity.instanceId)) throw new BoardError(400, `step ${step.id}: no activity ${activity.instanceId} on this board`)
      out.push({ ...rest, activity: { instanceId: activity.instanceId } })
    } else {
      const added = await addActivity(deps, boardId, { template: activity.template, options: activity.options, title: textIn(step.title, input), locale: input })
      out.push({ ...rest, activity: { instanceId: added.instanceId } })
    }
  }
  return out
}

export class PlanService {
  /** One plan action at a time per board: two clicks on "Next" advance twice, in order. */
  private readonly queues = new Map<string, Promise<unknown>>()

  constructor(private readonly deps: PlanDeps) {}

  private serial<T>(boardId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(boardId) ?? Promise.resolve()
    const run = previous.then(task, task)
    const settled = run.catch(() => undefined)
    this.queues.set(boardId, settled)
    void settled.then(() => {
      if (this.queues.get(boardId) === settled) this.queues.delete(boardId)
    })
    return run
  }

  /** Replaces the board's plan (ready to start); its notes go to the facilitator doc only. */
  set(boardId: string, input: PlanInput): Promise<PlanState> {
    return this.serial(boardId, async () => {
      const steps = await resolveSteps(this.deps, boardId, input.locale, input.steps)
      const plan: Plan = { ...(input.source ? { source: input.source } : {}), title: input.title, locale: input.locale, steps }
      const state: PlanState = { plan, run: READY_RUN }
      const notes = Object.fromEntries(input.steps.flatMap((s) => (s.notes ? [[s.id, s.notes] as const] : [])))
      await writeNotes(this.deps, boardId, notes)
      await writeControlState(this.deps, boardId, PLAN_STATE_KEY, state)
      return state
    })
  }

  /** Start, Next, Back, Skip or Shorten, at server time. */
  run(boardId: string, action: RunAction, options: { targetEnd?: number } = {}, now = Date.now()): Promise<PlanState> {
    return this.serial(boardId, async () => {
      const current = await readPlan(this.deps, boardId)
      if (!current) throw new BoardError(409, 'this board has no plan')
      if (action === 'shorten') return this.shorten(boardId, current, options.targetEnd, now)
      const transition = advancePlan(current.plan, current.run, action, now)
      if (!transition) throw new BoardError(409, `cannot ${action} now`)
      const next: PlanState = { plan: current.plan, run: transition.run }
      await writeControlState(this.deps, boardId, PLAN_STATE_KEY, next)
      if (transition.left) await this.leavePhase(boardId, current.plan, transition.left)
      if (transition.entered) await this.enterPhase(boardId, current.plan, transition.entered, transition.left, now)
      else await this.deps.facilitation.timer(boardId, { action: 'reset' }, now)
      return next
    })
  }

  private async shorten(boardId: string, current: PlanState, targetEnd: number | undefined, now: number): Promise<PlanState> {
    const plannedEnd = current.run.planned[current.run.planned.length - 1]?.end
    const target = targetEnd ?? plannedEnd
    if (target === undefined) throw new BoardError(409, 'the plan is not running')
    const shortened = shortenRemaining(current.plan, current.run, now, target)
    if (!shortened) throw new BoardError(409, 'nothing to shorten: the plan is not running late for that end')
    const next: PlanState = { plan: shortened.plan, run: current.run }
    await writeControlState(this.deps, boardId, PLAN_STATE_KEY, next)
    const phase = shortened.plan.steps[current.run.step]?.phases[current.run.phase]
    if (phase && current.run.phaseStartedAt !== null) {
      const left = phase.durationMs - (now - current.run.phaseStartedAt)
      if (left >= 1000) await this.deps.facilitation.timer(boardId, { action: 'start', durationMs: left }, now)
    }
    return next
  }

  private async leavePhase(boardId: string, plan: Plan, at: PhaseRef): Promise<void> {
    const phase = plan.steps[at.step]?.phases[at.phase]
    if (phase?.kind !== 'vote') return
    const vote = await this.controlValue(boardId, STATE_KEYS.vote, VoteState)
    if (vote?.status === 'open') await this.deps.facilitation.setVoteStatus(boardId, 'closed')
  }

  private async controlValue<T>(boardId: string, key: string, schema: z.ZodType<T>): Promise<T | null> {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, await readDoc(this.deps, boardId, { kind: 'control' }))
    const value = parseState(schema, doc.getMap(STATE_MAP).get(key))
    doc.destroy()
    return value
  }

  /** What entering a phase does: bring and instructions on a new step, then the phase's own action, then the timer. */
  private async enterPhase(boardId: string, plan: Plan, at: PhaseRef, left: PhaseRef | null, now: number): Promise<void> {
    const { facilitation } = this.deps
    const step = plan.steps[at.step]!
    const phase = step.phases[at.phase]!
    const settings = phase.settings ?? {}
    if (step.activity && (left === null || left.step !== at.step)) await this.bringTo(boardId, plan, step, now)
    const writing = await this.controlValue(boardId, STATE_KEYS.privateWriting, PrivateWritingState)
    if ((settings.reveal || phase.kind === 'reveal') && writing?.on) {
      await facilitation.revealPrivateNotes(boardId, { anonymous: settings.anonymous ?? writing.anonymousReveal })
    }
    switch (phase.kind) {
      case 'write-private':
        await facilitation.setPrivateWriting(boardId, { on: true, anonymousReveal: settings.anonymous ?? false })
        break
      case 'reveal': {
        const vote = await this.controlValue(boardId, STATE_KEYS.vote, VoteState)
        if (vote && vote.status !== 'revealed') await facilitation.setVoteStatus(boardId, 'revealed')
        break
      }
      case 'vote':
        await facilitation.openVote(boardId, {
          votesPerPerson: settings.votesPerPerson ?? 3,
          maxPerNote: settings.maxPerNote ?? settings.votesPerPerson ?? 3,
          anonymous: settings.anonymous ?? true,
          hideTotals: settings.hideTotals ?? true,
        })
        break
      case 'pairs':
      case 'groups':
        await formGroupsForPhase(this.deps, boardId, { step, at, size: phase.kind === 'pairs' ? 2 : settings.groupSize ?? 4, now })
        break
      case 'all':
        await clearGroups(this.deps, boardId)
        break
      default:
        if (left !== null && left.step !== at.step) await clearGroups(this.deps, boardId)
        break
    }
    if (phase.durationMs >= 1000) await facilitation.timer(boardId, { action: 'start', durationMs: phase.durationMs }, now)
    else await facilitation.timer(boardId, { action: 'reset' }, now)
  }

  /** Brings everyone to the step's activity and shows its instructions. */
  private async bringTo(boardId: string, plan: Plan, step: PlanStep, now: number): Promise<void> {
    const { control } = await readBoardRecords(this.deps, boardId)
    const activity = readActivities(control).find((a) => a.instanceId === step.activity?.instanceId)
    if (!activity) {
      this.deps.logger.warn({ boardId, step: step.id }, 'plan step names an activity that is not on the board')
      return
    }
    const { x, y, w, h } = activity.area.bounds
    await this.deps.facilitation.bring(boardId, { at: now, bounds: { x, y, w, h }, pageId: activity.pageId, plan: true })
    const instructions = textIn(step.instructions, plan.locale)
    if (instructions) await this.deps.facilitation.setInstructions(boardId, activity.instanceId, instructions)
  }
}

