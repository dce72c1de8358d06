/**
 * The summary a board's report starts with (issue 16): title aside, its purpose, date and time,
 * facilitator, attendance, the top-voted items ranked, and the decisions and actions with their
 * owners and due dates. Attendance and the facilitator come from the server (ReportInput.summary);
 * the rest is read from the results.
 */
import type { ActivityResult } from '../activities/index.js'
import { label, oneLine, say, sayNumber, sayStatus, table, type ReportContext } from '../activities/reporting.js'
import { labelValue, type Locale } from '../i18n/catalogue.js'
import { normaliseName } from '../personName.js'
import { FOLLOW_UP_BANDS } from '../plans/followUp.js'
import { bandLabel } from '../activities/riskMatrix/report.js'

/** What only the server knows about a session: why, when, and who was there (SPEC T1). */
export interface ReportSummary {
  purpose: string | null
  /** When the session took place (epoch ms). */
  startedAt: number
  attendance: ReadonlyArray<{ name: string; role: 'facilitator' | 'participant' | 'viewer' }>
}

/** How many top-voted items the summary ranks. */
export const TOP_VOTED = 5

type Voted = { text: string; votes: number; activity: string }

/** Every note with votes, most first (then in board order), across activities. */
export function topVoted(activities: readonly ActivityResult[], votesShown: boolean, limit = TOP_VOTED): Voted[] {
  if (!votesShown) return []
  const seen = new Set<string>()
  const voted: Voted[] = []
  const visit = (activity: string, notes: ReadonlyArray<{ id: string; text: string; votes: number }>) => {
    for (const n of notes) {
      if (n.votes <= 0 || seen.has(n.id)) continue
      seen.add(n.id)
      voted.push({ text: n.text, votes: n.votes, activity })
    }
  }
  for (const a of activities) {
    visit(a.name, a.unzoned)
    for (const notes of notesOf(a)) visit(a.name, notes)
  }
  return voted.sort((x, y) => y.votes - x.votes).slice(0, limit)
}

/** The note lists of a result, whatever its kind. */
function notesOf(a: ActivityResult): ReadonlyArray<ReadonlyArray<{ id: string; text: string; votes: number }>> {
  switch (a.kind) {
    case 'needsMap':
      return a.stakeholders.flatMap((s) => s.rows.map((r) => r.notes))
    case 'empathyMap':
      return a.sections.map((s) => s.notes)
    case 'powerInterest':
      return [a.stakeholders]
    case 'riskRegister':
      return [a.register]
    case 'circle':
      return [...a.seats.map((s) => s.notes), ...a.rounds.map((r) => r.notes), a.queue]
    case 'retro':
      return [...a.columns.map((c) => c.notes), a.actions]
    case 'checkIn':
      return [a.spectrum, ...a.sections.map((s) => s.notes)]
    case 'recognition':
      return a.categories.map((c) => c.notes)
    case 'commitments':
      return a.people.flatMap((p) => p.modes.map((m) => m.notes))
  }
}

/** Decisions (risk mitigations) and actions (retrospective actions): item, owner, due date, status. */
export function decisionsAndActions(ctx: ReportContext, activities: readonly ActivityResult[]): string[][] {
  const rows: string[][] = []
  for (const a of activities) {
    if (a.kind === 'retro') for (const x of a.actions) rows.push([oneLine(x.text), x.owner ?? '', x.due ?? '', sayStatus(ctx, x.status), label(ctx, a.name)])
    if (a.kind === 'riskRegister') {
      for (const r of a.register) if (r.mitigation) rows.push([labelValue(oneLine(r.text), oneLine(r.mitigation), ctx.locale), r.owner ?? '', '', sayStatus(ctx, r.status), label(ctx, a.name)])
    }
  }
  return rows
}

function dateTime(locale: Locale, at: number): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(at)) + ' UTC'
}

/**
 * Each person once per role, in the order first seen: one name (case, spaces and accents aside)
 * recorded from two devices or two visits is one person, as the space counts people.
 */
function distinctPeople(attendance: ReportSummary['attendance']): ReportSummary['attendance'] {
  const seen = new Set<string>()
  return attendance.filter((a) => {
    const key = `${a.role}\u0000${normaliseName(a.name)}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The summary section, in Markdown. */
export function summaryMarkdown(ctx: ReportContext, summary: ReportSummary, activities: readonly ActivityResult[]): string {
  const people = distinctPeople(summary.attendance)
  const names = (role: string) => people.filter((a) => a.role === role).map((a) => a.name)
  const attendance = people.map((a) => `${oneLine(a.name)} (${say(ctx, `role.${a.role}`)})`)
  const lines = [
    `## ${say(ctx, 'report.summary')}\n`,
    ...(summary.purpose ? [`**${say(ctx, 'report.purpose')}** ${oneLine(summary.purpose)}  `] : []),
    `**${say(ctx, 'report.when')}** ${dateTime(ctx.locale, summary.startedAt)}  `,
    `**${say(ctx, 'report.facilitator')}** ${names('facilitator').map(oneLine).join(', ') || `_${say(ctx, 'report.nobodyRecorded')}_`}  `,
    `**${say(ctx, 'report.attendance', { count: sayNumber(ctx, people.length) })}** ${attendance.join(', ') || `_${say(ctx, 'report.nobodyRecorded')}_`}\n`,
    `### ${say(ctx, 'report.topVoted')}\n`,
  ]
  const voted = topVoted(activities, ctx.votesShown)
  lines.push(
    voted.length === 0
      ? `_${say(ctx, 'report.noVotes')}_\n`
      : voted.map((v, i) => `${i + 1}. ${oneLine(v.text)} (${say(ctx, v.votes === 1 ? 'report.vote' : 'report.votes', { count: sayNumber(ctx, v.votes) })}) · ${label(ctx, v.activity)}`).join('\n') + '\n',
  )
  lines.push(...topRisksMarkdown(ctx, activities))
  lines.push(`### ${say(ctx, 'report.decisions')}\n`)
  const rows = decisionsAndActions(ctx, activities)
  lines.push(rows.length === 0 ? `_${say(ctx, 'report.noDecisions')}_\n` : table(ctx, ['field.item', 'field.owner', 'field.due', 'field.status', 'field.activity'], rows))
  return lines.join('\n')
}

/**
 * The critical and high risks of every risk matrix on the board (the bands a follow-up takes),
 * highest score first: what a reader of the summary needs from a risk workshop. Nothing when the
 * board has no risk matrix.
 */
function topRisksMarkdown(ctx: ReportContext, activities: readonly ActivityResult[]): string[] {
  const registers = activities.filter((a) => a.kind === 'riskRegister')
  if (registers.length === 0) return []
  const bands: readonly string[] = FOLLOW_UP_BANDS
  const rows = registers
    .flatMap((a) => a.register.filter((r) => bands.includes(r.band)).map((r) => ({ a, r })))
    .sort((x, y) => y.r.score - x.r.score)
    .map(({ a, r }) => [r.riskId, oneLine(r.text), sayNumber(ctx, r.score), bandLabel(ctx, r), r.owner ?? '', label(ctx, a.name)])
  return [
    `### ${say(ctx, 'report.topRisks')}\n`,
    rows.length === 0 ? `_${say(ctx, 'report.noTopRisks')}_\n` : table(ctx, ['field.riskId', 'field.risk', 'field.score', 'field.band', 'field.owner', 'field.activity'], rows),
  ]
}
