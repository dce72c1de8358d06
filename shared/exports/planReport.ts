/**
 * The plan section of the Markdown/HTML report (issue 15): each step with its planned and
 * actual start and duration. Times are offsets from the run's start ("+0:15"), so the report
 * reads the same in every time zone.
 */
import { markdownTable } from 'markdown-table'
import { actualTimes, stepDurationMs, textIn, type PhaseKind, type PlanState } from '../plan.js'

export type PlanReportRow = {
  step: string
  phases: string
  plannedStart: string
  plannedMinutes: string
  actualStart: string
  actualMinutes: string
}

const PHASE_LABELS: Record<PhaseKind, string> = {
  'write-private': 'write privately',
  reveal: 'reveal',
  vote: 'vote',
  discuss: 'discuss',
  group: 'group',
  pairs: 'pairs',
  groups: 'groups',
  all: 'all together',
}

/** `+h:mm` from the run's start. */
function offset(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000))
  return `+${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`
}

function minutes(ms: number): string {
  const m = ms / 60_000
  return Number.isInteger(m) ? String(m) : m.toFixed(1)
}

/** One row per step; actual columns stay empty for steps that have not run. */
export function planReportRows({ plan, run }: PlanState): PlanReportRow[] {
  const actual = actualTimes(plan, run)
  const origin = run.planned[0]?.start ?? run.log[0]?.start ?? null
  return plan.steps.map((step, i) => {
    const planned = run.planned[i]
    const a = actual[i]!
    return {
      step: textIn(step.title, plan.locale),
      phases: step.phases.map((p) => `${PHASE_LABELS[p.kind]} ${minutes(p.durationMs)}′`).join(', '),
      plannedStart: planned && origin !== null ? offset(planned.start - origin) : '',
      plannedMinutes: minutes(planned ? planned.end - planned.start : stepDurationMs(step)),
      actualStart: a.start !== null && origin !== null ? offset(a.start - origin) : '',
      actualMinutes: a.start !== null && a.end !== null ? `${minutes(Math.round((a.end - a.start) / 6000) * 6000)}${a.skipped ? ' (skipped)' : ''}` : '',
    }
  })
}

/** The `## Plan` section, or '' when the board has no plan. */
export function planMarkdown(state: PlanState | null): string {
  if (!state) return ''
  const rows = planReportRows(state)
  const table = markdownTable([
    ['Step', 'Phases', 'Planned start', 'Planned (min)', 'Actual start', 'Actual (min)'],
    ...rows.map((r) => [r.step, r.phases, r.plannedStart, r.plannedMinutes, r.actualStart, r.actualMinutes]),
  ])
  const status = state.run.status === 'done' ? 'Run to the end.' : state.run.status === 'running' ? 'Still running.' : 'Not started.'
  return `## Plan: ${textIn(state.plan.title, state.plan.locale)}\n\n${status}\n\n${table}\n`
}
