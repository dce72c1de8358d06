import { describe, expect, it } from 'vitest'
import type { ActionItem } from '../../../shared/activities/index.js'
import {
  actionCounts,
  actionState,
  commitmentCounts,
  commitmentStatus,
  isOverdue,
  isoDay,
  meansAsSeries,
  riskTrajectories,
  sessionMeans,
  sessionTimeline,
  type ActionInput,
} from '../../../server/reports/summary.js'

describe('isoDay', () => {
  it.each([
    ['2026-12-01', '2026-12-01'],
    [' 2026-12-01 ', '2026-12-01'],
    ['2026-12-01T23:30:00Z', '2026-12-01'],
    ['2026-12-01T23:30:00-02:00', '2026-12-02'],
    [Date.UTC(2026, 11, 1, 12), '2026-12-01'],
    ['2026-02-30', null],
    ['tomorrow', null],
    ['', null],
    [null, null],
    [Number.NaN, null],
  ] as const)('%s → %s', (input, day) => {
    expect(isoDay(input)).toBe(day)
  })
})

describe('sessions on a timeline', () => {
  const sessions = [
    { id: 'b2', title: 'Retro', startedAt: '2026-11-03T09:00:00Z', activities: ['Start / Stop / Continue'], attendees: [{ name: 'Ana' }, { name: ' ana ' }, { name: 'Bo' }, { name: '' }] },
    { id: 'b1', title: 'Risks', startedAt: '2026-10-01', activities: ['Risk matrix', 'Check-in'], attendees: [{ name: 'Ana' }, { name: 'Élise' }, { name: 'elise' }] },
    { id: 'b0', title: 'Undated', startedAt: 'soon', activities: [], attendees: [] },
    { id: 'a9', title: 'Same day', startedAt: '2026-11-03', activities: [], attendees: [] },
  ]

  it('orders by day then id, counts distinct names (case, spaces and accents ignored), drops undated', () => {
    expect(sessionTimeline(sessions)).toEqual([
      { id: 'b1', title: 'Risks', date: '2026-10-01', activities: ['Risk matrix', 'Check-in'], participants: 2 },
      { id: 'a9', title: 'Same day', date: '2026-11-03', activities: [], participants: 0 },
      { id: 'b2', title: 'Retro', date: '2026-11-03', activities: ['Start / Stop / Continue'], participants: 2 },
    ])
  })

  it('keeps a date range, both ends inclusive', () => {
    expect(sessionTimeline(sessions, { from: '2026-10-02', to: '2026-11-03' }).map((s) => s.id)).toEqual(['a9', 'b2'])
    expect(sessionTimeline(sessions, { to: '2026-10-01' }).map((s) => s.id)).toEqual(['b1'])
    expect(() => sessionTimeline(sessions, { from: 'last week' })).toThrow(RangeError)
  })
})

describe('actions as of a day', () => {
  const action = (due: string | null, status = 'open'): ActionInput => ({ text: 'Write the plan', owner: 'Ana', due, status })

  it.each([
    ['2026-11-30', 'open', true],
    ['2026-12-01', 'open', false], // due today: not overdue yet
    ['2026-12-02', 'open', false],
    ['2026-11-30T18:00:00Z', 'open', true],
    ['2026-11-30', 'done', false],
    ['2026-11-30', 'Dropped', false],
    ['2026-11-30', 'in progress', true],
    [null, 'open', false],
    ['next week', 'open', false],
  ])('due %s, status %s, as of 2026-12-01: overdue %s', (due, status, overdue) => {
    expect(isOverdue(action(due, status), '2026-12-01')).toBe(overdue)
  })

  it.each([
    ['done', 'done'],
    [' DONE ', 'done'],
    ['dropped', 'dropped'],
    ['open', 'open'],
    ['waiting', 'open'],
    ['', 'open'],
  ] as const)('status %j is %s', (status, state) => {
    expect(actionState(status)).toBe(state)
  })

  it('counts open, done, dropped and overdue', () => {
    const actions = [action('2026-11-01'), action('2026-12-01'), action('2026-11-01', 'done'), action(null, 'dropped'), action('2026-11-15', 'blocked')]
    expect(actionCounts(actions, '2026-12-01')).toEqual({ total: 5, open: 3, done: 1, dropped: 1, overdue: 2 })
    expect(actionCounts(actions, '2026-11-01')).toEqual({ total: 5, open: 3, done: 1, dropped: 1, overdue: 0 })
    expect(() => actionCounts(actions, 'today')).toThrow(RangeError)
  })

  it('takes the retrospective results’ action items as they are', () => {
    const item: ActionItem = { id: 'shape:a', text: 'Book the room', votes: 2, owner: 'Bo', due: '2026-11-30', status: 'open' }
    const input: ActionInput = item
    expect(isOverdue(input, '2026-12-01')).toBe(true)
  })
})

describe('commitments', () => {
  it.each([
    ['done', 'done'],
    ['In progress', 'inProgress'],
    ['in-progress', 'inProgress'],
    ['in_progress', 'inProgress'],
    ['inProgress', 'inProgress'],
    ['DROPPED', 'dropped'],
    ['maybe', null],
    [null, null],
  ] as const)('check-in %j is %s', (raw, status) => {
    expect(commitmentStatus(raw)).toBe(status)
  })

  it('counts by status overall and per mode', () => {
    const counts = commitmentCounts([
      { mode: 'online', status: 'done' },
      { mode: 'onsite', status: null },
      { mode: 'online', status: 'in progress' },
      { mode: 'ongoing', status: 'dropped' },
      { mode: 'online', status: 'done' },
    ])
    expect(counts.total).toEqual({ total: 5, done: 2, inProgress: 1, dropped: 1, noCheckIn: 1 })
    expect(counts.byMode).toEqual([
      { mode: 'online', counts: { total: 3, done: 2, inProgress: 1, dropped: 0, noCheckIn: 0 } },
      { mode: 'onsite', counts: { total: 1, done: 0, inProgress: 0, dropped: 0, noCheckIn: 1 } },
      { mode: 'ongoing', counts: { total: 1, done: 0, inProgress: 0, dropped: 1, noCheckIn: 0 } },
    ])
  })
})

describe('readiness and evaluation means per session', () => {
  const means = sessionMeans(
    [
      { session: 's1', answers: [1, 2, 4, 5] }, // 4 respondents: withheld
      { session: 's2', answers: [1, 2, 4, 5, 3] }, // 5 respondents: 15 / 5 = 3
      { session: 's3', answers: [5, 5, 4, 4, 3, 9, 0, Number.NaN] }, // 9, 0 and NaN are off the 1–5 scale: 21 / 5 = 4.2
      { session: 's4', answers: [] },
    ],
    { min: 1, max: 5 },
  )

  it('withholds 4 respondents, shows 5, ignores answers off the scale', () => {
    expect(means).toEqual([
      { session: 's1', figure: { status: 'withheld', respondents: 4 } },
      { session: 's2', figure: { status: 'shown', value: 3, respondents: 5 } },
      { session: 's3', figure: { status: 'shown', value: expect.closeTo(4.2, 10), respondents: 5 } },
      { session: 's4', figure: { status: 'empty', respondents: 0 } },
    ])
  })

  it('become a chart series in which a withheld mean carries no value', () => {
    const series = meansAsSeries('readiness', 'Readiness', means)
    expect(series.points.map((p) => [p.session, p.value, p.respondents])).toEqual([
      ['s1', null, 4],
      ['s2', 3, 5],
      ['s3', expect.closeTo(4.2, 10), 5],
      ['s4', null, 0],
    ])
  })
})

describe('risks across sessions', () => {
  it('follows a risk by normalised text, then by the facilitator’s id through a rewording', () => {
    const trajectories = riskTrajectories([
      { session: 's1', risks: [{ text: 'Budget cut.', likelihood: 2, impact: 4 }, { text: 'Staff turnover', likelihood: 4, impact: 4 }] },
      {
        session: 's2',
        risks: [
          { text: '  budget   CUT ', likelihood: 3, impact: 4, riskId: 'R-7' }, // same text, id given here
          { text: 'Key people leave', likelihood: 3, impact: 3 }, // reworded, no id: a new risk
        ],
      },
      { session: 's3', risks: [{ text: 'Funding reduced by the ministry', likelihood: 5, impact: 4, riskId: 'r-7', mitigation: 'Second funder', status: 'open' }] },
    ])
    expect(trajectories.map((t) => [t.label, t.riskId, t.points.map((p) => p.score), t.latestScore, t.change])).toEqual([
      // 8 → 12 → 20: latest 20, change +12
      ['Funding reduced by the ministry', 'r-7', [8, 12, 20], 20, 12],
      // 16 in s1 only
      ['Staff turnover', null, [16, null, null], 16, null],
      ['Key people leave', null, [null, 9, null], 9, null],
    ])
    expect(trajectories[0]!.mitigation).toBe('Second funder')
    expect(new Set(trajectories.map((t) => t.key)).size).toBe(3)
  })

  it('takes the highest score when a session holds the same risk twice, and drops invalid entries', () => {
    const [only, ...rest] = riskTrajectories([
      { session: 's1', risks: [{ text: 'Delay', likelihood: 2, impact: 2 }, { text: 'delay', likelihood: 3, impact: 5 }, { text: 'Bad', likelihood: 6, impact: 1 }, { text: '  ', likelihood: 1, impact: 1 }] },
    ])
    expect(rest).toEqual([])
    expect(only!.points).toEqual([{ session: 's1', score: 15 }])
  })
})
