/**
 * What a space report computes, as pure functions of plain inputs (issue 16): the sessions on a
 * timeline, actions opened / done / overdue as of a day, commitments' check-in counts, readiness
 * and evaluation means per session under the small-group rule, and each risk's score per session.
 *
 * Days are ISO calendar days `YYYY-MM-DD` in UTC; they compare as strings.
 */
import { guardedMean, type GuardedFigure } from './privacy.js'
import type { TrendPoint, TrendSeries } from './trendChart.js'
import { normaliseName } from '../../shared/personName.js'

export { normaliseName }

const DAY = /^(\d{4})-(\d{2})-(\d{2})/

/**
 * The UTC calendar day of an ISO date (`2026-12-01`), an ISO date-time, or epoch milliseconds;
 * null for anything else (including impossible days such as `2026-02-30`).
 */
export function isoDay(value: string | number | null | undefined): string | null {
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) <= 8.64e15 ? new Date(value).toISOString().slice(0, 10) : null
  if (typeof value !== 'string') return null
  const match = DAY.exec(value.trim())
  if (!match) return null
  const time = value.trim().length === 10 ? Date.parse(`${match[0]}T00:00:00Z`) : Date.parse(value.trim())
  if (!Number.isFinite(time)) return null
  const day = new Date(time).toISOString().slice(0, 10)
  // Date.parse rolls 2026-02-30 over to March: a rolled day is not the day that was written.
  return value.trim().length === 10 && day !== match[0] ? null : day
}

function requireDay(value: string, name: string): string {
  const day = isoDay(value)
  if (!day) throw new RangeError(`${name} must be an ISO date, got ${JSON.stringify(value)}`)
  return day
}

// ---------------------------------------------------------------------------------------------
// Sessions

export interface SessionInput {
  /** The board's id. */
  id: string
  title: string
  /** When the session took place (ISO date, date-time, or epoch ms). */
  startedAt: string | number
  /** The names of its activities, in board order. */
  activities: readonly string[]
  /** Attendance: the names people gave (role and times do not matter here). */
  attendees: ReadonlyArray<{ name: string }>
}

export interface SessionSummary {
  id: string
  title: string
  /** `YYYY-MM-DD` (UTC). */
  date: string
  activities: string[]
  /** Distinct non-empty attendee names, compared with {@link normaliseName}. */
  participants: number
}

/**
 * The sessions on a timeline, oldest first (same day: by id), keeping those whose day lies in
 * `from`…`to` (inclusive, either open). Sessions without a valid date are left out.
 */
export function sessionTimeline(sessions: readonly SessionInput[], range: { from?: string; to?: string } = {}): SessionSummary[] {
  const from = range.from === undefined ? null : requireDay(range.from, 'from')
  const to = range.to === undefined ? null : requireDay(range.to, 'to')
  const out: SessionSummary[] = []
  for (const s of sessions) {
    const date = isoDay(s.startedAt)
    if (!date || (from && date < from) || (to && date > to)) continue
    const names = new Set(s.attendees.map((a) => normaliseName(a.name)).filter((n) => n !== ''))
    out.push({ id: s.id, title: s.title, date, activities: [...s.activities], participants: names.size })
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

// ---------------------------------------------------------------------------------------------
// Actions

/**
 * An action as the retrospective results give it (`ActionItem` of shared/results: `text`,
 * `owner`, `due`, `status`), plus where it comes from. `status` is free text on the note;
 * the app writes `open` and `done`.
 */
export interface ActionInput {
  text: string
  owner: string | null
  /** ISO day (or date-time); anything else means no due date. */
  due: string | null
  status: string
  sourceBoard?: string
}

export type ActionState = 'open' | 'done' | 'dropped'

/** `done` and `dropped` (any case, spaces trimmed) close an action; every other status leaves it open. */
export function actionState(status: string): ActionState {
  const s = status.trim().toLowerCase()
  return s === 'done' ? 'done' : s === 'dropped' ? 'dropped' : 'open'
}

/** An open action whose due day is strictly before `asOf` (due on `asOf` itself is not overdue yet). */
export function isOverdue(action: ActionInput, asOf: string): boolean {
  const due = isoDay(action.due)
  return actionState(action.status) === 'open' && due !== null && due < requireDay(asOf, 'asOf')
}

export interface ActionCounts {
  total: number
  open: number
  done: number
  dropped: number
  /** Open and overdue (a subset of `open`). */
  overdue: number
}

/** Counts actions by state as of a day. Throws a RangeError when `asOf` is not an ISO day. */
export function actionCounts(actions: readonly ActionInput[], asOf: string): ActionCounts {
  const day = requireDay(asOf, 'asOf')
  const counts: ActionCounts = { total: 0, open: 0, done: 0, dropped: 0, overdue: 0 }
  for (const a of actions) {
    counts.total++
    counts[actionState(a.status)]++
    if (isOverdue(a, day)) counts.overdue++
  }
  return counts
}

// ---------------------------------------------------------------------------------------------
// Commitments

export type CommitmentStatus = 'done' | 'inProgress' | 'dropped'

/**
 * A check-in status: `done`, `in progress` (also `in-progress`, `in_progress`, `inProgress`,
 * any case) or `dropped`; null for no check-in or an unknown word.
 */
export function commitmentStatus(raw: string | null | undefined): CommitmentStatus | null {
  const s = (raw ?? '').toLowerCase().replace(/[\s_-]+/g, '')
  return s === 'done' ? 'done' : s === 'inprogress' ? 'inProgress' : s === 'dropped' ? 'dropped' : null
}

export interface CommitmentInput {
  /** `online`, `onsite` or `ongoing` (any key the commitments template uses). */
  mode: string
  /** The latest check-in's status, null when nobody checked in. */
  status: string | null
}

export interface CommitmentCounts {
  total: number
  done: number
  inProgress: number
  dropped: number
  /** No check-in yet (or an unknown status). */
  noCheckIn: number
}

const emptyCommitmentCounts = (): CommitmentCounts => ({ total: 0, done: 0, inProgress: 0, dropped: 0, noCheckIn: 0 })

/** Commitments counted by check-in status, overall and per mode (modes in first-seen order). */
export function commitmentCounts(commitments: readonly CommitmentInput[]): { total: CommitmentCounts; byMode: Array<{ mode: string; counts: CommitmentCounts }> } {
  const total = emptyCommitmentCounts()
  const byMode = new Map<string, CommitmentCounts>()
  for (const c of commitments) {
    const mode = byMode.get(c.mode) ?? emptyCommitmentCounts()
    byMode.set(c.mode, mode)
    const key = commitmentStatus(c.status) ?? 'noCheckIn'
    for (const counts of [total, mode]) {
      counts.total++
      counts[key]++
    }
  }
  return { total, byMode: [...byMode].map(([mode, counts]) => ({ mode, counts })) }
}

// ---------------------------------------------------------------------------------------------
// Readiness and evaluation

/** The answers given in one session, one number per respondent. */
export interface SessionAnswers {
  session: string
  answers: readonly number[]
}

export interface SessionMean {
  session: string
  figure: GuardedFigure<number>
}

/**
 * The mean answer per session under the small-group rule. Answers outside `scale` (inclusive)
 * or not finite are not answers: they count neither in the mean nor as respondents.
 */
export function sessionMeans(sessions: readonly SessionAnswers[], scale: { min: number; max: number }): SessionMean[] {
  return sessions.map((s) => ({
    session: s.session,
    figure: guardedMean(s.answers.filter((a) => Number.isFinite(a) && a >= scale.min && a <= scale.max)),
  }))
}

/**
 * Means as a chart series. A withheld mean leaves the summary as `value: null`, so the number
 * never travels further than this function.
 */
export function meansAsSeries(key: string, label: string, means: readonly SessionMean[]): TrendSeries {
  const points = means.map(({ session, figure }): TrendPoint => ({
    session,
    value: figure.status === 'shown' ? figure.value : null,
    respondents: figure.respondents,
  }))
  return { key, label, points }
}

// ---------------------------------------------------------------------------------------------
// Risks across sessions

/** A risk of one session's register. */
export interface RiskInput {
  text: string
  likelihood: number
  impact: number
  /**
   * The id the facilitator gave the risk (`meta.riskId`), if any. Do NOT pass the register's
   * default `R<rank>`: it follows the ranking, so it names different risks in different sessions.
   */
  riskId?: string | null
  mitigation?: string | null
  status?: string
}

export interface SessionRisks {
  session: string
  risks: readonly RiskInput[]
}

export interface RiskTrajectoryData {
  /** Stable key of the risk across sessions (see {@link riskTrajectories}). */
  key: string
  /** The facilitator's id in the latest session that has one, else null. */
  riskId: string | null
  /** The risk's text in the latest session that assessed it. */
  label: string
  /** One point per session given, in that order; `score` null where the session did not assess it. */
  points: Array<{ session: string; score: number | null }>
  /** Score in the latest session that assessed it. */
  latestScore: number
  /** Latest minus first assessed score; null when assessed once. */
  change: number | null
  mitigation: string | null
  status: string | null
}

/** Last assessed score minus first assessed score; null when assessed fewer than twice. */
export function scoreChange(scores: ReadonlyArray<number | null>): number | null {
  const present = scores.filter((s): s is number => s !== null)
  return present.length < 2 ? null : present[present.length - 1]! - present[0]!
}

/** Union-find over identity tokens: two entries sharing a token are one risk. */
class Identities {
  readonly #parent = new Map<string, string>()
  find(token: string): string {
    let root = token
    while (this.#parent.has(root) && this.#parent.get(root) !== root) root = this.#parent.get(root)!
    this.#parent.set(token, root)
    if (!this.#parent.has(root)) this.#parent.set(root, root)
    return root
  }
  union(a: string, b: string): void {
    const [ra, rb] = [this.find(a), this.find(b)]
    if (ra !== rb) this.#parent.set(rb, ra)
  }
}

const isLevel = (n: number) => Number.isInteger(n) && n >= 1 && n <= 5

function tokensOf(risk: RiskInput): string[] {
  const text = normaliseName(risk.text).replace(/[.!?;:…]+$/u, '').trim()
  const id = risk.riskId ? normaliseName(risk.riskId) : ''
  return [...(id ? [`id:${id}`] : []), ...(text ? [`text:${text}`] : [])]
}

/**
 * Each risk's score per session. Identity across sessions: two register entries are the same
 * risk when they share the facilitator's risk id (compared case- and accent-insensitively) or
 * their text, normalised (Unicode NFKC, accents and case ignored, spaces collapsed, trailing
 * `.!?;:…` dropped), and transitively so: a risk first written "Budget cut", given the id
 * "R-7" in the next session and reworded there, stays one risk. Reword it AND omit the id and it
 * becomes a new risk. Entries with invalid levels or no text are left out. When one session holds
 * the same risk twice, its highest score counts. Sessions are taken in the order given
 * (chronological, as {@link sessionTimeline} returns them); the result is ordered by latest
 * score, highest first, then by first appearance.
 */
export function riskTrajectories(sessions: readonly SessionRisks[]): RiskTrajectoryData[] {
  const ids = new Identities()
  const entries = sessions.flatMap((s, k) =>
    s.risks.filter((r) => isLevel(r.likelihood) && isLevel(r.impact) && tokensOf(r).length > 0).map((risk) => ({ k, risk, tokens: tokensOf(risk) })),
  )
  for (const e of entries) for (const t of e.tokens.slice(1)) ids.union(e.tokens[0]!, t)
  const groups = new Map<string, typeof entries>()
  for (const e of entries) {
    const root = ids.find(e.tokens[0]!)
    groups.set(root, [...(groups.get(root) ?? []), e])
  }
  const out = [...groups.values()].map((group): RiskTrajectoryData => {
    const scores = sessions.map((_, k) => {
      const here = group.filter((e) => e.k === k).map((e) => e.risk.likelihood * e.risk.impact)
      return here.length ? Math.max(...here) : null
    })
    const latest = group[group.length - 1]!.risk
    const latestId = [...group].reverse().find((e) => e.risk.riskId)?.risk.riskId ?? null
    return {
      key: ids.find(group[0]!.tokens[0]!),
      riskId: latestId ? latestId.trim() : null,
      label: latest.text.trim(),
      points: sessions.map((s, k) => ({ session: s.session, score: scores[k] ?? null })),
      latestScore: [...scores].reverse().find((s): s is number => s !== null) ?? 0,
      change: scoreChange(scores),
      mitigation: latest.mitigation ?? null,
      status: latest.status ?? null,
    }
  })
  return out.sort((a, b) => b.latestScore - a.latestScore)
}
