/**
 * Issue 15: the plan model is pure, so its run, its status line and the over-run arithmetic
 * are checked here against numbers worked out by hand.
 */
import { describe, expect, it } from 'vitest'
import { splitIntoGroups, groupingOrder } from '../../shared/groups.js'
import { advancePlan, formatClock, Plan, planStatus, READY_RUN, shortenRemaining, actualTimes, type PlanRun } from '../../shared/plan.js'
import { READY_PLANS, readyPlanInput, planSummaries } from '../../shared/plans/index.js'
import { getTemplate } from '../../shared/activities/index.js'

const MIN = 60_000
const T0 = 1_000_000

/** Step A: write 5 min, discuss 10 min. Step B: vote 4 min, discuss 6 min. 25 min in all. */
const plan: Plan = Plan.parse({
  title: { en: 'Two steps' },
  locale: 'en',
  steps: [
    { id: 'a', title: { en: 'Alpha', fr: 'Alpha FR' }, activity: null, phases: [{ kind: 'write-private', durationMs: 5 * MIN }, { kind: 'discuss', durationMs: 10 * MIN }] },
    { id: 'b', title: { en: 'Beta' }, activity: null, phases: [{ kind: 'vote', durationMs: 4 * MIN }, { kind: 'discuss', durationMs: 6 * MIN }] },
  ],
})

function must<T>(value: T | null): T {
  if (value === null) throw new Error('expected a value')
  return value
}

describe('plan run (pure)', () => {
  it('start fixes the planned schedule and enters the first phase', () => {
    const started = must(advancePlan(plan, READY_RUN, 'start', T0))
    expect(started.entered).toEqual({ step: 0, phase: 0 })
    expect(started.left).toBeNull()
    expect(started.run.planned).toEqual([
      { start: T0, end: T0 + 15 * MIN },
      { start: T0 + 15 * MIN, end: T0 + 25 * MIN },
    ])
    const status = planStatus(plan, started.run, T0 + 3 * MIN + 20_000)
    expect(status).toMatchObject({ stepNumber: 1, stepCount: 2, phase: 'write-private', remainingMs: 100_000, next: { kind: 'phase', phase: 'discuss' } })
    expect(formatClock(status.remainingMs)).toBe('1:40')
  })

  it('next, back and skip move through phases and steps; past the last step the run is done', () => {
    let run: PlanRun = must(advancePlan(plan, READY_RUN, 'start', T0)).run
    run = must(advancePlan(plan, run, 'next', T0 + 5 * MIN)).run
    expect([run.step, run.phase]).toEqual([0, 1])
    const back = must(advancePlan(plan, run, 'back', T0 + 6 * MIN))
    expect([back.run.step, back.run.phase]).toEqual([0, 0])
    expect(back.left).toEqual({ step: 0, phase: 1 })
    const skipped = must(advancePlan(plan, back.run, 'skip', T0 + 7 * MIN))
    expect(skipped.entered).toEqual({ step: 1, phase: 0 })
    expect(planStatus(plan, skipped.run, T0 + 7 * MIN)).toMatchObject({ stepNumber: 2, phase: 'vote', next: { kind: 'phase', phase: 'discuss' } })
    expect(advancePlan(plan, READY_RUN, 'next', T0)).toBeNull()
    let end = must(advancePlan(plan, skipped.run, 'next', T0 + 11 * MIN))
    end = must(advancePlan(plan, end.run, 'next', T0 + 17 * MIN))
    expect(end.run.status).toBe('done')
    expect(end.entered).toBeNull()
    // Actual times per step, from the log: step A ran 0–7 min (skipped), B 7–17 min.
    expect(actualTimes(plan, end.run)).toEqual([
      { start: T0, end: T0 + 7 * MIN, skipped: true },
      { start: T0 + 7 * MIN, end: T0 + 17 * MIN, skipped: false },
    ])
  })

  it('over-run: a plan advanced 3 min late projects a 3 min late end, and shorten rescales what remains', () => {
    const started = must(advancePlan(plan, READY_RUN, 'start', T0)).run
    // The facilitator moves on at 8 min instead of 5: the discuss phase starts 3 min late.
    const late = must(advancePlan(plan, started, 'next', T0 + 8 * MIN)).run
    const now = T0 + 10 * MIN // 2 min into the 10-min discussion
    const status = planStatus(plan, late, now)
    // Left: 8 min of this phase + 4 + 6 later = 18 min → ends at 28 min; planned 25.
    expect(status.remainingMs).toBe(8 * MIN)
    expect(status.plannedEnd).toBe(T0 + 25 * MIN)
    expect(status.projectedEnd).toBe(T0 + 28 * MIN)
    expect(status.lateByMs).toBe(3 * MIN)

    // Back to the planned end: 15 min available for 18 min of plan → factor 5/6.
    const shortened = must(shortenRemaining(plan, late, now, T0 + 25 * MIN))
    expect(shortened.factor).toBeCloseTo(5 / 6, 10)
    const durations = shortened.plan.steps.map((s) => s.phases.map((p) => p.durationMs))
    // Done phase untouched (5 min); current: 2 min elapsed + 8 min × 5/6 = 2 min + 400 s = 520 s;
    // vote 240 s × 5/6 = 200 s; discuss 360 s × 5/6 = 300 s.
    expect(durations).toEqual([[300_000, 520_000], [200_000, 300_000]])
    const after = planStatus(shortened.plan, late, now)
    expect(after.projectedEnd).toBe(T0 + 25 * MIN)
    expect(after.lateByMs).toBe(0)
    // Nothing to shorten when on time, or with no time left before the target.
    expect(shortenRemaining(shortened.plan, late, now, T0 + 25 * MIN)).toBeNull()
    expect(shortenRemaining(plan, late, now, now - 1)).toBeNull()
  })

  it('a running phase past its time shows 0:00 left and how far over it is', () => {
    const run = must(advancePlan(plan, READY_RUN, 'start', T0)).run
    const status = planStatus(plan, run, T0 + 6 * MIN)
    expect(status.remainingMs).toBe(0)
    expect(status.phaseOverrunMs).toBe(MIN)
    expect(formatClock(status.remainingMs)).toBe('0:00')
    expect(formatClock(3_723_000)).toBe('1:02:03')
  })

  it('refuses malformed plans', () => {
    const bad = (p: unknown) => Plan.safeParse(p).success
    expect(bad({ ...plan, steps: [] })).toBe(false)
    expect(bad({ ...plan, steps: [{ ...plan.steps[0], phases: [{ kind: 'dance', durationMs: 1 }] }] })).toBe(false)
    expect(bad({ ...plan, steps: [{ ...plan.steps[0], phases: [{ kind: 'vote', durationMs: -5 }] }] })).toBe(false)
  })
})

describe('groups (pure)', () => {
  it('splits the people present into pairs and foursomes, never leaving anyone alone', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => i)
    expect(splitIntoGroups(ids(4), 2)).toEqual([[0, 1], [2, 3]])
    expect(splitIntoGroups(ids(5), 2)).toEqual([[0, 1, 2], [3, 4]])
    expect(splitIntoGroups(ids(4), 4)).toEqual([[0, 1, 2, 3]])
    expect(splitIntoGroups(ids(6), 4)).toEqual([[0, 1, 2], [3, 4, 5]])
    expect(splitIntoGroups(ids(9), 4)).toEqual([[0, 1, 2, 3, 4], [5, 6, 7, 8]])
    expect(splitIntoGroups(ids(1), 2)).toEqual([[0]])
    expect(splitIntoGroups([], 2)).toEqual([])
  })

  it('keeps earlier groups together, so two pairs make a foursome', () => {
    const people = ['d', 'a', 'c', 'b'].map((id) => ({ id, name: id.toUpperCase() }))
    const previous = {
      step: 's', phase: 1, size: 2,
      groups: [
        { id: 'g1', members: [{ id: 'a', name: 'A' }, { id: 'd', name: 'D' }], bounds: { x: 0, y: 0, w: 1, h: 1 }, pageId: 'page:page' },
        { id: 'g2', members: [{ id: 'c', name: 'C' }, { id: 'b', name: 'B' }], bounds: { x: 0, y: 0, w: 1, h: 1 }, pageId: 'page:page' },
      ],
    }
    expect(groupingOrder(people, previous).map((p) => p.id)).toEqual(['a', 'd', 'c', 'b'])
    expect(groupingOrder(people, null).map((p) => p.id)).toEqual(['a', 'b', 'c', 'd'])
  })
})

describe('ready-made plans', () => {
  it('are valid plans on existing templates, in English and French, with the published timings', () => {
    for (const ready of READY_PLANS) {
      for (const locale of ['en', 'fr'] as const) {
        const input = readyPlanInput(ready, locale)
        for (const step of input.steps) {
          if (step.activity && 'template' in step.activity) expect(getTemplate(step.activity.template), `${ready.id} ${step.id}`).not.toBeNull()
          expect(step.title.fr, `${ready.id} ${step.id} has a French title`).toBeTruthy()
        }
      }
      expect(ready.name.fr).toBeTruthy()
    }
    const oneTwoFour = READY_PLANS.find((p) => p.id === '1-2-4-all')!
    expect(oneTwoFour.steps[0]!.phases.map((p) => [p.kind, p.durationMs / MIN])).toEqual([
      ['write-private', 1], ['pairs', 2], ['groups', 4], ['all', 5],
    ])
    const summaries = planSummaries('en')
    expect(summaries.find((s) => s.id === 'retrospective-60')).toMatchObject({ durationMs: 60 * MIN, steps: 5 })
    expect(summaries.find((s) => s.id === 'needs-analysis-and-risk')?.durationMs).toBe(240 * MIN)
    expect(planSummaries('fr').find((s) => s.id === '1-2-4-all')?.name).toBe('1-2-4-Tous (12 min)')
  })

  it('last as long as their names say, in both languages', () => {
    let named = 0
    for (const locale of ['en', 'fr'] as const) {
      for (const summary of planSummaries(locale)) {
        const stated = /\((\d+) min\)$/.exec(summary.name)
        if (!stated) continue
        named++
        expect(summary.durationMs / MIN, `${summary.id} (${locale}): "${summary.name}"`).toBe(Number(stated[1]))
      }
    }
    expect(named).toBeGreaterThanOrEqual(12)
  })
})
