/**
 * The space report over a date range (issue 16), in Markdown, HTML or CSV: sessions, attendance,
 * actions opened / done / overdue, commitments' status, readiness and evaluation trends (charts
 * with their tables, withheld under 5 respondents), top risks and how they moved, recognitions.
 * The page a director reads in 30 seconds: the counts come first.
 */
import Papa from 'papaparse'
import { scrollableTables } from '../../shared/exports/report.js'
import { datedFileName } from '../../shared/fileName.js'
import { el, fragment, markdownCell, markdownTable, type Child, type TrendSeries } from '../reports/index.js'
import { TOP_RISKS, type SpaceCharts } from './charts.js'
import type { SpaceOverview } from './overview.js'
import { spacePage } from './page.js'
import type { SpaceDeps, SpaceLocale, SPACE_REPORT_FORMATS } from './spaces.js'
import { spaceWords, type SpaceWords } from './words.js'

export type SpaceReportFormat = (typeof SPACE_REPORT_FORMATS)[number]

export type SpaceReportFile = { body: string; contentType: string; filename: string; headers?: Record<string, string> }

type ReportData = { title: string; overview: SpaceOverview; charts: SpaceCharts; locale: SpaceLocale; w: SpaceWords }

export async function spaceReport(
  deps: SpaceDeps,
  spaceId: string,
  query: { format: SpaceReportFormat; from?: string; to?: string; locale?: SpaceLocale },
): Promise<SpaceReportFile> {
  const page = await spacePage(deps, spaceId, { from: query.from, to: query.to }, query.locale)
  const locale = query.locale ?? page.space.locale
  const data: ReportData = { title: page.space.title, overview: page.overview, charts: page.charts, locale, w: spaceWords(locale) }
  const filename = datedFileName(page.space.title, 'space', query.format)
  switch (query.format) {
    case 'md':
      return { body: spaceReportMarkdown(data), contentType: 'text/markdown; charset=utf-8', filename }
    case 'html':
      return { body: spaceReportHtml(data), contentType: 'text/html; charset=utf-8', filename, headers: { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:" } }
    case 'csv':
      return { body: spaceReportCsv(data), contentType: 'text/csv; charset=utf-8', filename }
  }
}

function dateTime(ms: number, locale: SpaceLocale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(ms)
}

function period(d: ReportData): string {
  const { from, to } = d.overview.range
  const first = d.overview.sessions[0]?.date
  const last = d.overview.sessions[d.overview.sessions.length - 1]?.date
  return `${from ?? first ?? '…'} – ${to ?? last ?? d.overview.asOf}`
}

/** The headline counts, one line each (what the director reads first). */
function headline(d: ReportData): Array<[string, string]> {
  const { w, overview: o } = d
  const people = new Set(o.sessions.flatMap((s) => s.attendance.map((a) => a.name.toLowerCase()))).size
  const c = o.commitmentCounts.total
  const lv = w.labelValue
  return [
    [w.sessions, `${o.sessions.length} · ${lv(w.people, people)}`],
    [w.actions, [lv(w.opened, o.actionCounts.total), lv(w.done, o.actionCounts.done), lv(w.overdue, o.actionCounts.overdue), lv(w.open, o.actionCounts.open)].join(' · ')],
    [w.commitments, [lv(w.total, c.total), lv(w.checkIn.done, c.done), lv(w.inProgress, c.inProgress), lv(w.checkIn.dropped, c.dropped), lv(w.noCheckIn, c.noCheckIn)].join(' · ')],
  ]
}

function sessionRows(d: ReportData): string[][] {
  return d.overview.sessions.map((s) => [s.date, s.title, s.activities.join(', '), String(s.participants)])
}

function attendanceRows(d: ReportData): string[][] {
  return d.overview.sessions.flatMap((s) => s.attendance.map((a) => [s.date, s.title, a.name, d.w.roles[a.role]]))
}

function actionRows(d: ReportData): string[][] {
  return d.overview.actions.map((a) => {
    // A known status in the report's language; another one (written on the board by hand) as it is.
    const status = d.w.actionStatus[a.status] ?? a.status
    return [a.text, a.owner ?? '', a.due ?? '', a.overdue ? `${status} (${d.w.overdue})` : status, a.boardTitle]
  })
}

function commitmentRows(d: ReportData): string[][] {
  return d.overview.commitments.map((c) => {
    const last = c.checkIns[c.checkIns.length - 1]
    return [c.person, c.modeLabel, c.text, c.status ? d.w.checkIn[c.status] : d.w.noCheckIn, last?.note ?? '']
  })
}

function recognitionRows(d: ReportData): string[][] {
  return d.overview.recognition.map((r) => [r.date, r.category, r.to ?? '', r.text])
}

function section(title: string, body: string): string {
  return `## ${markdownCell(title)}\n\n${body}\n`
}

function tableOrNone(d: ReportData, header: string[], rows: string[][]): string {
  return rows.length === 0 ? `_${d.w.none}_\n` : markdownTable(header, rows)
}

export function spaceReportMarkdown(d: ReportData): string {
  const { w } = d
  const parts = [
    `# ${w.labelValue(markdownCell(w.spaceReport), markdownCell(d.title))}\n`,
    `${w.labelValue(w.period, period(d))} · ${w.labelValue(w.generated, dateTime(Date.now(), d.locale))}\n`,
    headline(d).map(([k, v]) => `- ${w.labelValue(`**${k}**`, v)}`).join('\n') + '\n',
    section(w.sessions, tableOrNone(d, [w.date, w.session, w.activities, w.people], sessionRows(d))),
    section(w.attendance, tableOrNone(d, [w.date, w.session, w.name, w.role], attendanceRows(d))),
    section(w.actions, tableOrNone(d, [w.action, w.owner, w.due, w.status, w.board], actionRows(d))),
    section(w.commitments, tableOrNone(d, [w.person, w.mode, w.commitment, w.status, w.note], commitmentRows(d))),
    section(w.readiness, d.charts.readiness.markdown),
    section(w.evaluation, d.charts.evaluation.markdown),
    section(w.risks, d.overview.risks.length === 0 ? `_${w.none}_\n` : d.charts.risks.markdown),
    section(w.recognition, tableOrNone(d, [w.date, w.session, w.to, w.recognition], recognitionRows(d))),
  ]
  return parts.join('\n')
}

function htmlTable(d: ReportData, header: string[], rows: string[][]): Child {
  if (rows.length === 0) return el('p', {}, el('em', {}, d.w.none))
  return el('table', {}, el('thead', {}, el('tr', {}, header.map((h) => el('th', { scope: 'col' }, h)))), el('tbody', {}, rows.map((r) => el('tr', {}, r.map((cell) => el('td', {}, cell))))))
}

const REPORT_CSS =
  'body{font:14px/1.45 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse;margin:.5rem 0 1rem}.table-scroll{overflow-x:auto;margin:.5rem 0 1rem}.table-scroll table{margin:0}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}.headline{font-size:1.1rem;background:#f3f5f8;padding:.75rem 1rem;border-radius:6px}.chart svg{max-width:100%;height:auto}@media print{body{margin:0}}'

export function spaceReportHtml(d: ReportData): string {
  const { w } = d
  const h2 = (text: string) => el('h2', {}, text)
  const top = fragment(
    el('h1', {}, w.labelValue(w.spaceReport, d.title)),
    el('p', {}, `${w.labelValue(w.period, period(d))} · ${w.labelValue(w.generated, dateTime(Date.now(), d.locale))}`),
    el('ul', { class: 'headline' }, headline(d).map(([k, v]) => el('li', {}, el('strong', {}, k), w.labelValue('', v)))),
    h2(w.sessions),
    htmlTable(d, [w.date, w.session, w.activities, w.people], sessionRows(d)),
    h2(w.attendance),
    htmlTable(d, [w.date, w.session, w.name, w.role], attendanceRows(d)),
    h2(w.actions),
    htmlTable(d, [w.action, w.owner, w.due, w.status, w.board], actionRows(d)),
    h2(w.commitments),
    htmlTable(d, [w.person, w.mode, w.commitment, w.status, w.note], commitmentRows(d)),
  )
  // Chart markup comes from the server's chart builders (escaped there), so it is joined as is.
  const chart = (title: string, c: { svg: string; table: string }) => `${el('h2', {}, title)}<div class="chart">${c.svg}</div>${c.table}`
  const risks = d.overview.risks.length === 0 ? `${h2(w.risks)}${el('p', {}, el('em', {}, w.none))}` : chart(w.risks, d.charts.risks)
  const bottom = fragment(h2(w.recognition), htmlTable(d, [w.date, w.session, w.to, w.recognition], recognitionRows(d)))
  return `<!doctype html>
<html lang="${d.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
${el('title', {}, w.labelValue(w.spaceReport, d.title))}<style>${REPORT_CSS}</style></head>
<body>${scrollableTables(`${top}${chart(w.readiness, d.charts.readiness)}${chart(w.evaluation, d.charts.evaluation)}${risks}${bottom}`)}</body></html>
`
}

function trendRows(d: ReportData, name: string, series: TrendSeries): string[][] {
  const dates = new Map(d.overview.trends.sessions.map((s) => [s.key, s.label]))
  return series.points.map((p) => {
    // A withheld mean arrives as null (meansAsSeries): the cell stays empty.
    return ['trend', name, dates.get(p.session) ?? '', p.session, p.value === null ? '' : p.value.toFixed(2), String(p.respondents)]
  })
}

/** One row per fact: section, kind or name, date, item, value, detail. Withheld figures are left empty. */
export function spaceReportCsv(d: ReportData): string {
  const o = d.overview
  const rows: string[][] = [
    ...o.sessions.map((s) => ['session', s.title, s.date, s.id, String(s.participants), s.activities.join('; ')]),
    ...o.sessions.flatMap((s) => s.attendance.map((a) => ['attendance', a.name, s.date, s.id, a.role, ''])),
    ...o.actions.map((a) => ['action', a.text, a.due ?? '', a.boardId, a.status, [a.owner ?? '', a.overdue ? 'overdue' : ''].filter(Boolean).join('; ')]),
    ...o.commitments.map((c) => ['commitment', c.text, '', c.boardId, c.status ?? '', `${c.person}; ${c.mode}`]),
    ...trendRows(d, 'readiness', o.trends.readiness),
    ...trendRows(d, 'evaluation', o.trends.evaluation),
    ...o.risks.slice(0, TOP_RISKS).flatMap((r) => r.points.map((p) => ['risk', r.label, '', p.session, p.score === null ? '' : String(p.score), r.change === null ? '' : String(r.change)])),
    ...o.recognition.map((r) => ['recognition', r.text, r.date, r.boardId, r.to ?? '', r.category]),
  ]
  return Papa.unparse({ fields: ['section', 'name', 'date', 'item', 'value', 'detail'], data: rows }, { newline: '\r\n' })
}
