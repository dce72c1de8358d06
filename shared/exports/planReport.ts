/**
 * The plan section of the Markdown/HTML report (issue 15): each step with its planned and
 * actual start and duration, in the report's language. Times are offsets from the run's start
 * ("+0:15"), so the report reads the same in every time zone.
 */
import { say, table, oneLine, sayNumber, type ReportContext } from '../activities/reporting.js'
import { actualTimes, stepDurationMs, textIn, type PlanState } from '../plan.js'

export type PlanReportRow = {
  step: string
  phases: string
  plannedStart: string
  plannedMinutes: string
  actualStart: string
  actualMinutes: string
}

/** `+h:mm` from the run's start. */
function offset(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000))
  return `+${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`
}

/** Minutes, to a tenth when not whole. */
function minutes(ctx: ReportContext, ms: number): string {
  const m = Math.round(ms / 6000) / 10
  return sayNumber(ctx, m, Number.isInteger(m) ? 0 : 1)
}

/** One row per step, in the report's language; actual columns stay empty for steps not run. */
export function planReportRows(ctx: ReportContext, { plan, run }: PlanState): PlanReportRow[] {
  const actual = actualTimes(plan, run)
  const origin = run.planned[0]?.start ?? run.log[0]?.start ?? null
  return plan.steps.map((step, i) => {
    const planned = run.planned[i]
    const a = actual[i]!
    return {
      step: oneLine(textIn(step.title, ctx.locale)),
      phases: step.phases.map((p) => `${say(ctx, `phase.${p.kind}`)} ${minutes(ctx, p.durationMs)}′`).join(', '),
      plannedStart: planned && origin !== null ? offset(planned.start - origin) : '',
      plannedMinutes: minutes(ctx, planned ? planned.end - planned.start : stepDurationMs(step)),
      actualStart: a.start !== null && origin !== null ? offset(a.start - origin) : '',
      actualMinutes: a.start !== null && a.end !== null ? `${minutes(ctx, a.end - a.start)}${a.skipped ? ` ${say(ctx, 'plan.skipped')}` : ''}` : '',
    }
  })
}

/** The plan section of the report, or '' when the board has no plan. */
export function planMarkdown(ctx: ReportContext, state: PlanState | null): string {
  if (!state) return ''
  const rows = planReportRows(ctx, state).map((r) => [r.step, r.phases, r.plannedStart, r.plannedMinutes, r.actualStart, r.actualMinutes])
  const status = say(ctx, state.run.status === 'done' ? 'plan.done' : state.run.status === 'running' ? 'plan.running' : 'plan.ready')
  const header = ['plan.step', 'plan.phases', 'plan.plannedStart', 'plan.plannedMinutes', 'plan.actualStart', 'plan.actualMinutes'] as const
  return `## ${say(ctx, 'plan.heading', { title: oneLine(textIn(state.plan.title, ctx.locale)) })}\n\n${status}\n\n${table(ctx, header, rows)}`
}
