/**
 * What the space page and the space report show, computed once from the space's sessions: the
 * timeline, attendance, actions, commitments with their check-ins, recognitions, risks across
 * sessions and the readiness and evaluation trends (small-group rule: server/reports/privacy.ts).
 */
import {
  actionCounts,
  commitmentCounts,
  meansAsSeries,
  riskTrajectories,
  sessionMeans,
  sessionTimeline,
  type ActionCounts,
  type CommitmentCounts,
  type RiskInput,
  type RiskTrajectoryData,
  type SessionSummary,
  type TrendSeries,
  type TrendSession,
} from '../reports/index.js'
import type { AttendanceRecord, CheckInRecord } from '../storage/Storage.js'
import { actionsOf, commitmentsOf, type SpaceAction, type SpaceCommitment } from './actions.js'
import { activitiesOfKind, type SpaceSession } from './sessions.js'

export const READINESS_TEMPLATE = 'change-readiness-check-in'
export const EVALUATION_TEMPLATE = 'session-evaluation'
export const READINESS_DOMAIN = [1, 10] as const
export const EVALUATION_DOMAIN = [1, 5] as const

export type Recognition = { boardId: string; boardTitle: string; date: string; category: string; text: string; to: string | null }
export type Attendee = Pick<AttendanceRecord, 'name' | 'role' | 'firstSeen' | 'lastSeen'>

export type SpaceOverview = {
  asOf: string
  range: { from: string | null; to: string | null }
  sessions: Array<SessionSummary & { attendance: Attendee[] }>
  actions: SpaceAction[]
  actionCounts: ActionCounts
  commitments: SpaceCommitment[]
  commitmentCounts: { total: CommitmentCounts; byMode: Array<{ mode: string; counts: CommitmentCounts }> }
  recognition: Recognition[]
  risks: RiskTrajectoryData[]
  /** One point per session (x axis order = `sessions`), means withheld under 5 respondents. */
  trends: { sessions: TrendSession[]; readiness: TrendSeries; evaluation: TrendSeries }
}

/** The scores placed on the spectrum of every activity of a template in a session. */
function spectrumAnswers(session: SpaceSession, templateId: string): number[] {
  return activitiesOfKind(session, 'checkIn')
    .filter((a) => a.templateId === templateId)
    .flatMap((a) => a.spectrum.map((n) => n.score))
}

/** A register's entries as risks; a default `R<rank>` id is not the facilitator's id (see riskTrajectories). */
function risksOf(session: SpaceSession): RiskInput[] {
  return activitiesOfKind(session, 'riskRegister').flatMap((a) =>
    a.register.map((r, i) => ({
      text: r.text,
      likelihood: r.likelihood,
      impact: r.impact,
      riskId: r.riskId === `R${i + 1}` ? null : r.riskId,
      mitigation: r.mitigation,
      status: r.status,
    })),
  )
}

function recognitionOf(session: SpaceSession, date: string): Recognition[] {
  return activitiesOfKind(session, 'recognition').flatMap((a) =>
    a.categories.flatMap((c) => c.notes.map((n) => ({ boardId: session.board.id, boardTitle: session.board.title, date, category: c.label, text: n.text, to: n.to }))),
  )
}

export function spaceOverview(all: readonly SpaceSession[], checkIns: readonly CheckInRecord[], options: { asOf: string; from?: string; to?: string }): SpaceOverview {
  const timeline = sessionTimeline(
    all.map((s) => ({
      id: s.board.id,
      title: s.board.title,
      startedAt: s.date,
      activities: s.activities.map((a) => a.name),
      attendees: s.attendance,
    })),
    { from: options.from, to: options.to },
  )
  const byId = new Map(all.map((s) => [s.board.id, s]))
  const sessions = timeline.flatMap((t) => byId.get(t.id) ?? [])
  const trendSessions = timeline.map((t) => ({ key: t.id, label: t.date }))
  const means = (templateId: string, domain: readonly [number, number]) =>
    sessionMeans(sessions.map((s) => ({ session: s.board.id, answers: spectrumAnswers(s, templateId) })), { min: domain[0], max: domain[1] })
  const actions = actionsOf(sessions, options.asOf)
  const commitments = commitmentsOf(sessions, checkIns)
  return {
    asOf: options.asOf,
    range: { from: options.from ?? null, to: options.to ?? null },
    sessions: timeline.map((t) => ({
      ...t,
      attendance: (byId.get(t.id)?.attendance ?? []).map(({ name, role, firstSeen, lastSeen }) => ({ name, role, firstSeen, lastSeen })),
    })),
    actions,
    actionCounts: actionCounts(actions, options.asOf),
    commitments,
    commitmentCounts: commitmentCounts(commitments.map((c) => ({ mode: c.mode, status: c.status }))),
    recognition: timeline.flatMap((t) => {
      const session = byId.get(t.id)
      return session ? recognitionOf(session, t.date) : []
    }),
    risks: riskTrajectories(sessions.map((s) => ({ session: s.board.id, risks: risksOf(s) }))),
    trends: {
      sessions: trendSessions,
      readiness: meansAsSeries('readiness', 'readiness', means(READINESS_TEMPLATE, READINESS_DOMAIN)),
      evaluation: meansAsSeries('evaluation', 'evaluation', means(EVALUATION_TEMPLATE, EVALUATION_DOMAIN)),
    },
  }
}
