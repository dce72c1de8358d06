/** Issue 15: the report lists each step of the plan with planned against actual times. */
import { describe, expect, it } from 'vitest'
import { planMarkdown, planReportRows } from '../../shared/exports/planReport.js'
import { toMarkdown } from '../../shared/exports/report.js'
import { advancePlan, Plan, READY_RUN, type PlanRun } from '../../shared/plan.js'

const MIN = 60_000
const FR = { locale: 'fr', votesShown: false } as const
const EN = { locale: 'en', votesShown: false } as const
const T0 = Date.UTC(2026, 0, 5, 9, 0)

const plan = Plan.parse({
  title: { en: 'Retro', fr: 'Rétro' },
  locale: 'fr',
  steps: [
    { id: 'a', title: { en: 'Gather', fr: 'Recueillir' }, activity: null, phases: [{ kind: 'write-private', durationMs: 10 * MIN }, { kind: 'reveal', durationMs: 5 * MIN }] },
    { id: 'b', title: { en: 'Vote' }, activity: null, phases: [{ kind: 'vote', durationMs: 3 * MIN }] },
    { id: 'c', title: { en: 'Close' }, activity: null, phases: [{ kind: 'discuss', durationMs: 10 * MIN }] },
  ],
})

function step(run: PlanRun, action: 'start' | 'next' | 'skip', at: number): PlanRun {
  const t = advancePlan(plan, run, action, at)
  if (!t) throw new Error(`cannot ${action}`)
  return t.run
}

describe('plan in the report', () => {
  it('shows planned and actual start and duration per step, in the plan language', () => {
    // Started on time; step A ran 12 + 6 = 18 min (planned 15); B skipped after 1 min; C not run.
    let run = step(READY_RUN, 'start', T0)
    run = step(run, 'next', T0 + 12 * MIN)
    run = step(run, 'next', T0 + 18 * MIN)
    run = step(run, 'skip', T0 + 19 * MIN)
    const rows = planReportRows(FR, { plan, run })
    expect(rows).toEqual([
      { step: 'Recueillir', phases: 'écriture individuelle 10′, dévoilement 5′', plannedStart: '+0:00', plannedMinutes: '15', actualStart: '+0:00', actualMinutes: '18' },
      { step: 'Vote', phases: 'vote 3′', plannedStart: '+0:15', plannedMinutes: '3', actualStart: '+0:18', actualMinutes: '1 (sautée)' },
      { step: 'Close', phases: 'discussion 10′', plannedStart: '+0:18', plannedMinutes: '10', actualStart: '+0:19', actualMinutes: '' },
    ])
    expect(planReportRows(EN, { plan, run })[0]).toMatchObject({ step: 'Gather', phases: 'write privately 10′, reveal 5′' })
    const md = planMarkdown(FR, { plan, run })
    expect(md).toContain('## Déroulé\u00a0: Rétro')
    expect(md).toContain('En cours.')
    expect(md).toContain('| Étape')
    const report = toMarkdown({
      board: { id: 'b1', title: 'Board', createdAt: T0 },
      generatedAt: T0,
      results: { activities: [], unplaced: [] },
      boardRecords: [],
      votesShown: false,
      locale: 'en',
      plan: { plan, run },
    })
    expect(report).toContain('| Gather')
    expect(report).toContain('| Planned start')
    expect(report.indexOf('## Plan: Retro')).toBeGreaterThan(report.indexOf('# Board'))
  })

  it('a plan not started shows planned durations only', () => {
    const rows = planReportRows(EN, { plan, run: READY_RUN })
    expect(rows.map((r) => [r.plannedStart, r.plannedMinutes, r.actualStart])).toEqual([['', '15', ''], ['', '3', ''], ['', '10', '']])
    expect(planMarkdown(EN, null)).toBe('')
  })
})
