/**
 * A workshop plan (run of show, issue 15): an ordered list of steps, each a sequence of timed
 * phases on one activity of the board. The public part (steps, phases, instructions, timings
 * and the run state) lives in the control doc's `state.plan`, readable by everyone; the
 * facilitator notes live only in the facilitator doc (`state.planNotes`, SPEC R10).
 *
 * Everything here is pure: the server drives a run with {@link advancePlan}, and every page
 * shows {@link planStatus}. Readers parse with these schemas: `state` is JSON a client wrote.
 */
import { z } from 'zod'
import { LOCALES as TEMPLATE_LOCALES, type Locale as TemplateLocale } from './i18n/locale.js'

export const PLAN_STATE_KEY = 'plan'
/** Key of the facilitator doc's `state` map holding step id → facilitator notes. */
export const PLAN_NOTES_KEY = 'planNotes'

export const MAX_PHASE_MS = 8 * 60 * 60 * 1000
export const MAX_STEPS = 40
export const MAX_PHASES = 12

/** A text in English, optionally in French too; {@link textIn} picks the board's language. */
export const LocalText = z.object({ en: z.string().max(5000), fr: z.string().max(5000).optional() })
export type LocalText = z.infer<typeof LocalText>

export function textIn(text: LocalText | undefined, locale: TemplateLocale): string {
  if (!text) return ''
  return (locale === 'fr' ? text.fr : undefined) ?? text.en
}

export const PHASE_KINDS = ['write-private', 'reveal', 'vote', 'discuss', 'group', 'pairs', 'groups', 'all'] as const
export type PhaseKind = (typeof PHASE_KINDS)[number]

export const PhaseSettings = z
  .object({
    /** Reveal the private notes (with author names unless `anonymous`) on entering the phase. */
    reveal: z.boolean().optional(),
    anonymous: z.boolean().optional(),
    /** `vote`: the vote's limits. */
    votesPerPerson: z.number().int().min(1).max(100).optional(),
    maxPerNote: z.number().int().min(1).max(100).optional(),
    hideTotals: z.boolean().optional(),
    /** `groups`: people per group (pairs are 2). */
    groupSize: z.number().int().min(2).max(12).optional(),
  })
  .strict()
export type PhaseSettings = z.infer<typeof PhaseSettings>

export const Phase = z.object({
  kind: z.enum(PHASE_KINDS),
  durationMs: z.number().int().min(0).max(MAX_PHASE_MS),
  settings: PhaseSettings.optional(),
})
export type Phase = z.infer<typeof Phase>

const StepId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'a step id is 1 to 40 letters, digits, - or _')

/**
 * The activity a step works on: one already on the board, one to add from a template, or the
 * same as an earlier step's (`sameAs` its step id).
 */
export const StepActivityInput = z.union([
  z.object({ instanceId: z.string().min(1).max(100) }).strict(),
  z.object({ template: z.string().min(1).max(64), options: z.record(z.string(), z.unknown()).optional() }).strict(),
  z.object({ sameAs: StepId }).strict(),
])

const StepBase = {
  id: StepId,
  title: LocalText,
  instructions: LocalText.optional(),
  phases: z.array(Phase).min(1).max(MAX_PHASES),
}

/** A step as a facilitator sends it (`set`): may add an activity and carries its notes. */
export const PlanStepInput = z.object({ ...StepBase, activity: StepActivityInput.nullable(), notes: LocalText.optional() }).strict()
export type PlanStepInput = z.infer<typeof PlanStepInput>

/** A step as stored in the control doc: its activity resolved, no notes. */
export const PlanStep = z.object({ ...StepBase, activity: z.object({ instanceId: z.string().min(1).max(100) }).nullable() })
export type PlanStep = z.infer<typeof PlanStep>

function uniqueStepIds(steps: ReadonlyArray<{ id: string }>): boolean {
  return new Set(steps.map((s) => s.id)).size === steps.length
}

export const PlanInput = z
  .object({
    /** The ready-made plan it was made from, if any. */
    source: z.string().max(64).optional(),
    title: LocalText,
    locale: z.enum(TEMPLATE_LOCALES).default('en'),
    steps: z.array(PlanStepInput).min(1).max(MAX_STEPS),
  })
  .strict()
  .refine((p) => uniqueStepIds(p.steps), { message: 'step ids must be unique', path: ['steps'] })
export type PlanInput = z.output<typeof PlanInput>

export const Plan = z.object({
  source: z.string().max(64).optional(),
  title: LocalText,
  locale: z.enum(TEMPLATE_LOCALES),
  steps: z.array(PlanStep).min(1).max(MAX_STEPS),
})
export type Plan = z.infer<typeof Plan>

/** One phase as it ran: actual start and end (null while it runs). */
export const PhaseLogEntry = z.object({
  step: z.number().int().min(0),
  phase: z.number().int().min(0),
  start: z.number(),
  end: z.number().nullable(),
  skipped: z.boolean().optional(),
})
export type PhaseLogEntry = z.infer<typeof PhaseLogEntry>

export const PlanRun = z.object({
  status: z.enum(['ready', 'running', 'done']),
  step: z.number().int().min(0),
  phase: z.number().int().min(0),
  phaseStartedAt: z.number().nullable(),
  /** The schedule fixed at start: planned start and end of each step. */
  planned: z.array(z.object({ start: z.number(), end: z.number() })).max(MAX_STEPS),
  log: z.array(PhaseLogEntry).max(MAX_STEPS * MAX_PHASES * 4),
})
export type PlanRun = z.infer<typeof PlanRun>

/** What `state.plan` holds. */
export const PlanState = z.object({ plan: Plan, run: PlanRun })
export type PlanState = z.infer<typeof PlanState>

export const READY_RUN: PlanRun = { status: 'ready', step: 0, phase: 0, phaseStartedAt: null, planned: [], log: [] }

export function stepDurationMs(step: PlanStep): number {
  return step.phases.reduce((sum, p) => sum + p.durationMs, 0)
}

export function planDurationMs(plan: Plan): number {
  return plan.steps.reduce((sum, s) => sum + stepDurationMs(s), 0)
}

/** The schedule of a run starting at `start`: each step back to back, as planned. */
export function plannedSchedule(plan: Plan, start: number): PlanRun['planned'] {
  let at = start
  return plan.steps.map((step) => {
    const s = { start: at, end: at + stepDurationMs(step) }
    at = s.end
    return s
  })
}

/** Time left in the current phase; negative when it has run over. */
export function phaseRemainingMs(plan: Plan, run: PlanRun, now: number): number {
  const phase = plan.steps[run.step]?.phases[run.phase]
  if (!phase || run.status !== 'running' || run.phaseStartedAt === null) return 0
  return phase.durationMs - (now - run.phaseStartedAt)
}

/** Planned time of everything after the current phase. */
function laterPhasesMs(plan: Plan, run: PlanRun): number {
  let sum = 0
  plan.steps.forEach((step, s) =>
    step.phases.forEach((phase, p) => {
      if (s > run.step || (s === run.step && p > run.phase)) sum += phase.durationMs
    }),
  )
  return sum
}

export type NextUp = { kind: 'phase'; phase: PhaseKind } | { kind: 'step'; step: number; title: LocalText } | null

export type PlanStatus = {
  status: PlanRun['status']
  /** 1-based. */
  stepNumber: number
  stepCount: number
  stepTitle: LocalText | null
  phase: PhaseKind | null
  /** Never below zero; `overrunMs` of the phase says by how much it ran over. */
  remainingMs: number
  phaseOverrunMs: number
  next: NextUp
  plannedEnd: number | null
  /** When the plan ends if every remaining phase takes its planned time from now. */
  projectedEnd: number | null
  /** projectedEnd − plannedEnd; positive when running late. */
  lateByMs: number
}

/**
 * The activity the plan is on: the running step's, or the first step's before the plan starts
 * (what the room is about to do). Null when the plan is done or its step has no activity
 * (a break, a plenary).
 */
export function planActivityId(state: PlanState | null): string | null {
  if (!state || state.run.status === 'done') return null
  return state.plan.steps[state.run.step]?.activity?.instanceId ?? null
}

/** "Step 3 of 7 · Vote · 1:40 left", next step, planned end against projected end. */
export function planStatus(plan: Plan, run: PlanRun, now: number): PlanStatus {
  const step = plan.steps[run.step] ?? null
  const running = run.status === 'running' && step !== null
  const remaining = running ? phaseRemainingMs(plan, run, now) : 0
  const plannedEnd = run.planned.length > 0 ? run.planned[run.planned.length - 1]!.end : null
  const projectedEnd = running ? now + Math.max(0, remaining) + laterPhasesMs(plan, run) : run.status === 'done' ? lastEnd(run) : null
  let next: NextUp = null
  if (running && step) {
    const nextPhase = step.phases[run.phase + 1]
    const nextStep = plan.steps[run.step + 1]
    if (nextPhase) next = { kind: 'phase', phase: nextPhase.kind }
    else if (nextStep) next = { kind: 'step', step: run.step + 1, title: nextStep.title }
  } else if (run.status === 'ready') next = { kind: 'step', step: 0, title: plan.steps[0]!.title }
  return {
    status: run.status,
    stepNumber: Math.min(run.step, plan.steps.length - 1) + 1,
    stepCount: plan.steps.length,
    stepTitle: step?.title ?? null,
    phase: running ? step.phases[run.phase]?.kind ?? null : null,
    remainingMs: Math.max(0, remaining),
    phaseOverrunMs: Math.max(0, -remaining),
    next,
    plannedEnd,
    projectedEnd,
    lateByMs: plannedEnd !== null && projectedEnd !== null ? projectedEnd - plannedEnd : 0,
  }
}

function lastEnd(run: PlanRun): number | null {
  const last = run.log[run.log.length - 1]
  return last ? last.end ?? last.start : null
}

/** `m:ss` (or `h:mm:ss`), never negative. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = String(total % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

/** Durations are rounded to whole seconds when rescaled. */
const roundToSecond = (ms: number) => Math.max(0, Math.round(ms / 1000) * 1000)

/**
 * Shortens what remains of a running plan so that it ends at `targetEnd`: the rest of the
 * current phase and every later phase are scaled by the same factor (available ÷ remaining),
 * each rounded to a whole second. The current phase keeps what has elapsed. Phases already
 * done are untouched. Null when nothing can be shortened (not running, no time left before
 * the target, or already on time).
 */
export function shortenRemaining(plan: Plan, run: PlanRun, now: number, targetEnd: number): { plan: Plan; factor: number } | null {
  if (run.status !== 'running' || run.phaseStartedAt === null) return null
  const currentLeft = Math.max(0, phaseRemainingMs(plan, run, now))
  const remaining = currentLeft + laterPhasesMs(plan, run)
  const available = targetEnd - now
  if (available <= 0 || remaining <= available) return null
  const factor = available / remaining
  const elapsed = now - run.phaseStartedAt
  const steps = plan.steps.map((step, s) => ({
    ...step,
    phases: step.phases.map((phase, p) => {
      if (s < run.step || (s === run.step && p < run.phase)) return phase
      if (s === run.step && p === run.phase) return { ...phase, durationMs: roundToSecond(elapsed + currentLeft * factor) }
      return { ...phase, durationMs: roundToSecond(phase.durationMs * factor) }
    }),
  }))
  return { plan: { ...plan, steps }, factor }
}

export type PlanAction = 'start' | 'next' | 'back' | 'skip'

/** A phase a transition leaves or enters, for the server to act on. */
export type PhaseRef = { step: number; phase: number }

export type PlanTransition = { run: PlanRun; left: PhaseRef | null; entered: PhaseRef | null }

function closeLog(log: PhaseLogEntry[], now: number, skipped: boolean): PhaseLogEntry[] {
  const last = log[log.length - 1]
  if (!last || last.end !== null) return log
  return [...log.slice(0, -1), { ...last, end: now, ...(skipped ? { skipped: true } : {}) }]
}

function enter(run: PlanRun, at: PhaseRef, now: number, left: PhaseRef | null, skipped = false): PlanTransition {
  const log = [...closeLog(run.log, now, skipped), { step: at.step, phase: at.phase, start: now, end: null }]
  return { run: { ...run, status: 'running', step: at.step, phase: at.phase, phaseStartedAt: now, log }, left, entered: at }
}

/**
 * The next run state for a facilitator's action at server time `now`. `start` (re)starts
 * from the first phase and fixes the planned schedule; `next` goes to the next phase (or the
 * next step's first; past the last, the run is done); `back` to the previous phase; `skip`
 * leaves the rest of the current step. Null when the action makes no sense now.
 */
export function advancePlan(plan: Plan, run: PlanRun, action: PlanAction, now: number): PlanTransition | null {
  const current: PhaseRef | null = run.status === 'running' ? { step: run.step, phase: run.phase } : null
  if (action === 'start') {
    const fresh: PlanRun = { ...READY_RUN, planned: plannedSchedule(plan, now) }
    return enter(fresh, { step: 0, phase: 0 }, now, current)
  }
  if (!current) return null
  const step = plan.steps[current.step]
  if (!step) return null
  let target: PhaseRef | null
  if (action === 'next') target = current.phase + 1 < step.phases.length ? { step: current.step, phase: current.phase + 1 } : firstOf(plan, current.step + 1)
  else if (action === 'skip') target = firstOf(plan, current.step + 1)
  else target = current.phase > 0 ? { step: current.step, phase: current.phase - 1 } : lastOf(plan, current.step - 1)
  if (action === 'back' && !target) return null
  if (!target) {
    const done: PlanRun = { ...run, status: 'done', phaseStartedAt: null, log: closeLog(run.log, now, action === 'skip') }
    return { run: done, left: current, entered: null }
  }
  return enter(run, target, now, current, action === 'skip')
}

function firstOf(plan: Plan, step: number): PhaseRef | null {
  return plan.steps[step] ? { step, phase: 0 } : null
}

function lastOf(plan: Plan, step: number): PhaseRef | null {
  const s = plan.steps[step]
  return s ? { step, phase: s.phases.length - 1 } : null
}

/** Actual start and end of each step (from the log), null where it has not run. */
export function actualTimes(plan: Plan, run: PlanRun): Array<{ start: number | null; end: number | null; skipped: boolean }> {
  return plan.steps.map((_, s) => {
    const entries = run.log.filter((e) => e.step === s)
    if (entries.length === 0) return { start: null, end: null, skipped: false }
    const last = entries[entries.length - 1]!
    return { start: entries[0]!.start, end: last.end, skipped: entries.some((e) => e.skipped === true) }
  })
}

/** Reads `state.plan`, or null when absent or malformed. */
export function readPlanState(value: unknown): PlanState | null {
  const parsed = PlanState.safeParse(value)
  return parsed.success ? parsed.data : null
}
