/**
 * Export formatters (issue 5): every export is made from the same extracted results as the
 * results panel, in one language (issue 14): every fixed word, column name, status, date and
 * number comes from the shared catalogue in the report's locale, by default the board's own
 * ({@link boardLocale}). CSV quoting is papaparse's, Markdown tables are markdown-table's; each
 * result kind formats itself (shared/activities/kinds.ts).
 */
import Papa from 'papaparse'
import type { JsonRecord } from '../docLayout.js'
import type { BoardResults, NoteResult } from '../activities/index.js'
import { kindMarkdown, kindRows } from '../activities/kinds.js'
import { topNotes } from '../activities/ranking.js'
import { clusterNotesText, label, noteList, oneLine, say, sayNumber, table, type ReportContext, type RowExtra } from '../activities/reporting.js'
import { DEFAULT_LOCALE, type Locale } from '../i18n/catalogue.js'
import type { PlanState } from '../plan.js'
import { boardLocale, languageMarker } from './language.js'
import { planMarkdown } from './planReport.js'
import { summaryMarkdown, type ReportSummary } from './summary.js'

export type ReportInput = {
  board: { id: string; title: string; createdAt: number }
  generatedAt: number
  results: BoardResults
  /** Board-doc records, for authors and fields the results do not carry. */
  boardRecords: readonly JsonRecord[]
  /** Whether a vote has been revealed (or is live): votes columns are shown only then. */
  votesShown: boolean
  /** The report's language; by default the board's own (the language of its template texts), else `fallbackLocale`, else English. */
  locale?: Locale
  /** The language to use when the board's own is not known (e.g. from `Accept-Language`). */
  fallbackLocale?: Locale
  /** The board's plan with its run (issue 15): steps planned against actual times. */
  plan?: PlanState | null
  /** What the server knows about the session (purpose, time, attendance): the report starts with a summary when given. */
  summary?: ReportSummary
  /**
   * Figures the server drew per activity (by instance id), e.g. a risk heat map: trusted markup
   * for HTML, a table for Markdown, placed under the activity's heading.
   */
  figures?: Readonly<Record<string, ReportFigure>>
  /**
   * The board's picture drawn by the server from its shapes (issue 16), trusted SVG markup:
   * placed after the title, inline in HTML and as a data URL image in Markdown.
   */
  picture?: string | null
}

export type ReportFigure = { html: string; markdown: string }

/** One CSV row per note. */
export type NoteRow = {
  activity: string
  zone: string
  text: string
  votes: number | ''
  author: string
  owner: string
  due: string
  score: string
  /** A cluster's notes (issue 15), one line; '' for a plain note. */
  notes: string
}

export const CSV_COLUMNS: Array<keyof NoteRow> = ['activity', 'zone', 'text', 'votes', 'author', 'owner', 'due', 'score', 'notes']

/** The language a report of `input` is written in. */
export function reportLocale(input: ReportInput): Locale {
  return input.locale ?? boardLocale(input.results) ?? input.fallbackLocale ?? DEFAULT_LOCALE
}

function contextOf(input: ReportInput, html = false): ReportContext {
  const locale = reportLocale(input)
  return { locale, votesShown: input.votesShown, markLanguage: html ? languageMarker(locale) : undefined }
}

function metaOf(records: Map<string, JsonRecord>, id: string): Record<string, unknown> {
  const meta = records.get(id)?.meta
  return typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>) : {}
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/** Every note of every activity with the zone it sits in, then the notes outside activities. */
export function noteRows(input: ReportInput, ctx: ReportContext = contextOf(input)): NoteRow[] {
  const records = new Map(input.boardRecords.map((r) => [r.id, r]))
  const rows: NoteRow[] = []
  const push = (activity: string, zone: string, note: NoteResult, extra: RowExtra = {}) => {
    const meta = metaOf(records, note.id)
    rows.push({
      activity,
      zone,
      text: note.text,
      votes: input.votesShown ? note.votes : '',
      author: str(meta.author),
      owner: str(meta.owner),
      due: str(meta.due),
      score: '',
      notes: clusterNotesText(note),
      ...extra,
    })
  }
  for (const a of input.results.activities) {
    kindRows(ctx, a, (zone, note, extra) => push(a.name, zone, note, extra))
    for (const note of a.unzoned) push(a.name, '', note)
  }
  for (const note of input.results.unplaced) push('', '', note)
  return rows
}

/**
 * After a vote, the ranked top notes as rows in the same columns: activity "Top notes", zone
 * the rank (docs/DECISIONS.md). None while votes are hidden.
 */
function rankedRows(input: ReportInput, ctx: ReportContext): NoteRow[] {
  if (!input.votesShown) return []
  const heading = say(ctx, 'report.topNotes')
  return topNotes(ctx, input.results).map((n) => ({ activity: heading, zone: String(n.rank), text: n.text, votes: n.votes, author: '', owner: '', due: '', score: '', notes: n.notes ?? '' }))
}

/** The CSV export: one row per note, then the ranked top notes; column names in the report's language. */
export function toCsv(input: ReportInput): string {
  const ctx = contextOf(input)
  const fields = CSV_COLUMNS.map((c) => say(ctx, `csv.${c}`))
  const rows = [...noteRows(input, ctx), ...rankedRows(input, ctx)]
  return Papa.unparse({ fields, data: rows.map((r) => CSV_COLUMNS.map((c) => r[c])) }, { newline: '\r\n' })
}

/** The ranked top notes as a Markdown section, when votes are shown and any note has one. */
function topNotesMarkdown(input: ReportInput, ctx: ReportContext): string[] {
  const ranked = input.votesShown ? topNotes(ctx, input.results) : []
  if (ranked.length === 0) return []
  const rows = ranked.map((n) => [sayNumber(ctx, n.rank), n.notes ? `**${oneLine(n.text)}** (${n.notes})` : oneLine(n.text), sayNumber(ctx, n.votes), label(ctx, n.activity), label(ctx, n.zone)])
  return [`## ${say(ctx, 'report.topNotes')}\n\n${table(ctx, ['field.rank', 'field.text', 'field.votes', 'field.activity', 'field.zone'], rows)}`]
}

/** People named on the board: note authors, seated participants, action owners. */
export function participantsOf(input: ReportInput): string[] {
  const names = new Set<string>()
  for (const r of noteRows(input)) {
    if (r.author) names.add(r.author)
    if (r.owner) names.add(r.owner)
  }
  for (const a of input.results.activities) {
    if (a.kind === 'circle') for (const s of a.seats) if (s.participant) names.add(s.participant)
  }
  return Array.from(names).sort((x, y) => x.localeCompare(y))
}

/** A date in the report's language (`1 December 2026`, `1 décembre 2026`), in UTC. */
export function formatDate(locale: Locale, at: number): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(at))
}

/** Where a figure goes: its Markdown (a Markdown report) or a placeholder the HTML report fills in. */
type FigureSlot = (instanceId: string) => string | null

/** The picture after the title in Markdown: an SVG data URL image. */
function pictureMarkdown(ctx: ReportContext, picture: string | null | undefined): string | null {
  if (!picture) return null
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(picture).replace(/\(/g, '%28').replace(/\)/g, '%29')}`
  return `![${say(ctx, 'report.boardImage')}](${url})\n`
}

function markdownOf(
  input: ReportInput,
  ctx: ReportContext,
  figure: FigureSlot = (id) => input.figures?.[id]?.markdown ?? null,
  picture: string | null = pictureMarkdown(ctx, input.picture),
): string {
  const people = participantsOf(input)
  const parts = [
    `# ${input.board.title}\n`,
    ...(picture ? [picture] : []),
    `${say(ctx, 'report.reportOf', { date: formatDate(ctx.locale, input.generatedAt), created: formatDate(ctx.locale, input.board.createdAt) })}\n`,
    // With a summary, its attendance says who was there: the names on notes would read as part of
    // its last section ("Decisions and actions"), under another word for the same people.
    ...(input.summary
      ? [summaryMarkdown(ctx, input.summary, input.results.activities)]
      : [`**${say(ctx, 'report.participants')}** ${people.length ? people.join(', ') : `_${say(ctx, 'report.noneNamed')}_`}\n`]),
    ...topNotesMarkdown(input, ctx),
  ]
  for (const a of input.results.activities) {
    const drawn = figure(a.instanceId)
    const out = [`## ${label(ctx, a.name)}\n`, ...(drawn ? [drawn] : []), ...kindMarkdown(ctx, a)]
    if (a.unzoned.length) out.push(`### ${say(ctx, 'report.otherNotes')}\n\n${noteList(ctx, a.unzoned)}`)
    parts.push(out.join('\n'))
  }
  if (input.results.unplaced.length) parts.push(`## ${say(ctx, 'report.outside')}\n\n${noteList(ctx, input.results.unplaced)}`)
  if (input.plan) parts.push(planMarkdown(ctx, input.plan))
  return parts.join('\n')
}

/** The Markdown report, in the report's language. */
export function toMarkdown(input: ReportInput): string {
  return markdownOf(input, contextOf(input))
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)
}

/** Every string in a JSON value, HTML-escaped (user text never becomes markup). */
function escapeDeep<T>(value: T): T {
  if (typeof value === 'string') return escapeHtml(value) as T
  if (Array.isArray(value)) return value.map(escapeDeep) as T
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeDeep(v)])) as T
  }
  return value
}

const PRINT_CSS = `
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f; max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.8rem; margin-bottom: .2rem; } h2 { border-bottom: 2px solid #e5e5ea; padding-bottom: .2rem; margin-top: 2.2rem; break-after: avoid; }
h3 { margin-top: 1.4rem; break-after: avoid; } table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: 10pt; }
th, td { border: 1px solid #d1d1d6; padding: .35rem .5rem; text-align: left; vertical-align: top; } th { background: #f2f2f7; }
tr { break-inside: avoid; } .table-scroll { overflow-x: auto; margin: .6rem 0 1rem; } .table-scroll table { margin: 0; } img.board, figure.board svg { max-width: 100%; height: auto; border: 1px solid #d1d1d6; } .figure svg { max-width: 100%; height: auto; } figure.board { margin: 1rem 0; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
`

/**
 * Each table of a report page in a region that scrolls sideways on a screen narrower than the table (a
 * phone): the page itself never does, and the table keeps its semantics. The region takes the
 * focus, so that a keyboard can scroll it, and is named after the heading above it.
 */
export function scrollableTables(html: string): string {
  let heading = ''
  return html.replace(/<h([1-3])[^>]*>([\s\S]*?)<\/h\1>|<table(?:\s[^>]*)?>[\s\S]*?<\/table>/g, (whole, _level: string | undefined, text: string | undefined) => {
    if (text !== undefined) {
      // Heading text as marked wrote it: escaped already, tags dropped for the attribute.
      heading = text.replace(/<[^>]*>/g, '').replace(/"/g, '&quot;').trim()
      return whole
    }
    return `<div class="table-scroll" role="region" aria-label="${heading}" tabindex="0">${whole}</div>`
  })
}

/**
 * The Markdown report as a standalone, print-styled HTML page (no scripts), with `<html lang>`
 * set to the report's language and `lang` on template texts in the other language.
 */
export async function toHtml(input: ReportInput, boardImageDataUrl?: string | null): Promise<string> {
  const { marked } = await import('marked')
  const ctx = contextOf(input, true)
  // Figures are trusted markup drawn by the server: a placeholder (an HTML comment marked leaves
  // alone) goes through Markdown, then the figure replaces it.
  const figures = input.figures ?? {}
  const slot: FigureSlot = (id) => (figures[id] ? `<!-- figure:${Object.keys(figures).indexOf(id)} -->\n` : null)
  // The board's picture goes after the title: the server's drawing, else a browser's image.
  const image = input.picture
    ? `<figure class="board">${input.picture}</figure>`
    : boardImageDataUrl && /^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(boardImageDataUrl)
      ? `<img class="board" alt="${escapeHtml(say(ctx, 'report.boardImage'))}" src="${boardImageDataUrl}">`
      : ''
  const parsed = await marked.parse(markdownOf(escapeDeep({ ...input, figures: undefined, picture: undefined }), ctx, slot, image ? '<!-- picture -->\n' : null), { async: true, gfm: true })
  const body = scrollableTables(
    parsed
      .replace(/<!-- figure:(\d+) -->/g, (_whole, i: string) => {
        const figure = Object.values(figures)[Number(i)]
        return figure ? `<div class="figure">${figure.html}</div>` : ''
      })
      .replace('<!-- picture -->', () => image),
  )
  return `<!doctype html>
<html lang="${ctx.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.board.title)}</title><style>${PRINT_CSS}</style></head>
<body>${body}</body></html>
`
}
