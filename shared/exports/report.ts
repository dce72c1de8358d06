/**
 * Export formatters (issue 5): every export is made from the same extracted results as the
 * results panel. CSV quoting is papaparse's, Markdown tables are markdown-table's.
 */
import { markdownTable } from 'markdown-table'
import Papa from 'papaparse'
import type { JsonRecord } from '../docLayout.js'
import type { ActivityResult, BoardResults, NoteResult } from '../activities/index.js'

export type ReportInput = {
  board: { id: string; title: string; createdAt: number }
  generatedAt: number
  results: BoardResults
  /** Board-doc records, for authors and fields the results do not carry. */
  boardRecords: readonly JsonRecord[]
  /** Whether a vote has been revealed (or is live): votes columns are shown only then. */
  votesShown: boolean
}

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
}

export const CSV_COLUMNS: Array<keyof NoteRow> = ['activity', 'zone', 'text', 'votes', 'author', 'owner', 'due', 'score']

function metaOf(records: Map<string, JsonRecord>, id: string): Record<string, unknown> {
  const meta = records.get(id)?.meta
  return typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>) : {}
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/** Every note of every activity with the zone it sits in, then the notes outside activities. */
export function noteRows(input: ReportInput): NoteRow[] {
  const records = new Map(input.boardRecords.map((r) => [r.id, r]))
  const rows: NoteRow[] = []
  const push = (activity: string, zone: string, note: NoteResult, extra: Partial<NoteRow> = {}) => {
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
      ...extra,
    })
  }
  for (const a of input.results.activities) {
    forEachNote(a, (zone, note, extra) => push(a.name, zone, note, extra))
    for (const note of a.unzoned) push(a.name, '', note)
  }
  for (const note of input.results.unplaced) push('', '', note)
  return rows
}

type NoteVisitor = (zone: string, note: NoteResult, extra?: Partial<NoteRow>) => void

function forEachNote(a: ActivityResult, visit: NoteVisitor): void {
  switch (a.kind) {
    case 'needsMap':
      for (const s of a.stakeholders) for (const row of s.rows) for (const n of row.notes) visit(`${s.label} · ${row.label}`, n)
      return
    case 'empathyMap':
      for (const s of a.sections) for (const n of s.notes) visit(s.label, n)
      return
    case 'powerInterest':
      for (const q of a.quadrants) for (const n of q.stakeholders) visit(q.label, n, { score: `power ${n.power}, interest ${n.interest}` })
      return
    case 'riskRegister':
      for (const r of a.register) {
        visit(`likelihood ${r.likelihood} × impact ${r.impact}`, r, { score: `${r.score} (${r.bandLabel})`, owner: r.owner ?? '' })
      }
      return
    case 'circle':
      for (const s of a.seats) for (const n of s.notes) visit(`seat ${s.seat}${s.participant ? ` (${s.participant})` : ''}`, n)
      for (const r of a.rounds) for (const n of r.notes) visit(`round ${r.round}`, n)
      for (const n of a.queue) visit('queue', n)
      return
    case 'retro':
      for (const c of a.columns) for (const n of c.notes) visit(c.label, n)
      for (const n of a.actions) visit('Actions', n, { owner: n.owner ?? '', due: n.due ?? '' })
      return
    case 'checkIn':
      for (const n of a.spectrum) visit('readiness spectrum', n, { score: String(n.score) })
      for (const s of a.sections) for (const n of s.notes) visit(s.label, n)
      return
    case 'recognition':
      for (const c of a.categories) for (const n of c.notes) visit(c.label, n, n.to ? { score: `to ${n.to}` } : {})
      return
    case 'commitments':
      for (const p of a.people) for (const m of p.modes) for (const n of m.notes) visit(`${p.label} · ${m.label}`, n)
      return
  }
}

export function toCsv(input: ReportInput): string {
  return Papa.unparse({ fields: CSV_COLUMNS, data: noteRows(input).map((r) => CSV_COLUMNS.map((c) => r[c])) }, { newline: '\r\n' })
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

/** Note text on one line; `|` escaped so that a note cannot break a table row. */
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' / ').replace(/\|/g, '\\|').trim()
const votes = (input: ReportInput, n: { votes: number }) => (input.votesShown && n.votes > 0 ? ` (${n.votes} ${n.votes === 1 ? 'vote' : 'votes'})` : '')

function noteList(input: ReportInput, notes: NoteResult[]): string {
  if (notes.length === 0) return '_No notes._\n'
  return notes.map((n) => `- ${oneLine(n.text) || '_(empty note)_'}${votes(input, n)}`).join('\n') + '\n'
}

function activityMarkdown(input: ReportInput, a: ActivityResult): string {
  const out: string[] = [`## ${a.name}\n`]
  switch (a.kind) {
    case 'needsMap':
      for (const s of a.stakeholders) {
        out.push(`### ${s.label}\n`)
        for (const row of s.rows) out.push(`**${row.label}**\n\n${noteList(input, row.notes)}`)
      }
      break
    case 'empathyMap':
    case 'checkIn':
      if (a.kind === 'checkIn') {
        out.push(`Average readiness: ${a.averageScore === null ? 'no notes yet' : `${a.averageScore.toFixed(1)} / 10`}\n`)
        if (a.spectrum.length) out.push(markdownTable([['Note', 'Readiness (1–10)'], ...a.spectrum.map((n) => [oneLine(n.text), String(n.score)])]) + '\n')
      }
      for (const s of a.sections) out.push(`### ${s.label}\n\n${noteList(input, s.notes)}`)
      break
    case 'powerInterest':
      out.push(
        markdownTable([
          ['Stakeholder', 'Power', 'Interest', 'Quadrant'],
          ...a.stakeholders.map((s) => [oneLine(s.text), String(s.power), String(s.interest), a.quadrants.find((q) => q.quadrant === s.quadrant)?.label ?? s.quadrant]),
        ]) + '\n',
      )
      break
    case 'riskRegister':
      out.push(
        a.register.length === 0
          ? '_No risks yet._\n'
          : markdownTable([
              ['ID', 'Risk', 'Likelihood', 'Impact', 'Score', 'Band', 'Owner', 'Mitigation', 'Status'],
              ...a.register.map((r) => [r.riskId, oneLine(r.text), String(r.likelihood), String(r.impact), String(r.score), r.bandLabel, r.owner ?? '', r.mitigation ?? '', r.status]),
            ]) + '\n',
      )
      break
    case 'circle':
      for (const r of a.rounds) {
        out.push(`### Round ${r.round}${r.prompt ? `: ${oneLine(r.prompt)}` : ''}\n`)
        if (r.speakers.length) out.push(`Speakers, in order: ${r.speakers.join(', ')}\n`)
        if (r.summary) out.push(`Summary: ${oneLine(r.summary)}\n`)
        out.push(noteList(input, r.notes))
      }
      break
    case 'retro':
      for (const c of a.columns) out.push(`### ${c.label}\n\n${noteList(input, c.notes)}`)
      out.push('### Actions\n')
      out.push(
        a.actions.length === 0
          ? '_No actions._\n'
          : markdownTable([['Action', 'Owner', 'Due', 'Status'], ...a.actions.map((x) => [oneLine(x.text), x.owner ?? '', x.due ?? '', x.status])]) + '\n',
      )
      break
    case 'recognition':
      for (const c of a.categories) {
        out.push(`### ${c.label}\n`)
        out.push(c.notes.length ? c.notes.map((n) => `- ${n.to ? `**${n.to}**: ` : ''}${oneLine(n.text)}${votes(input, n)}`).join('\n') + '\n' : '_No notes._\n')
      }
      break
    case 'commitments':
      for (const p of a.people) {
        out.push(`### ${p.label}\n`)
        for (const m of p.modes) out.push(`**${m.label}**\n\n${noteList(input, m.notes)}`)
      }
      break
  }
  if (a.unzoned.length) out.push(`### Other notes\n\n${noteList(input, a.unzoned)}`)
  return out.join('\n')
}

export function toMarkdown(input: ReportInput): string {
  const date = new Date(input.generatedAt).toISOString().slice(0, 10)
  const people = participantsOf(input)
  const parts = [
    `# ${input.board.title}\n`,
    `Report of ${date}. Board created ${new Date(input.board.createdAt).toISOString().slice(0, 10)}.\n`,
    `**Participants:** ${people.length ? people.join(', ') : '_none named_'}\n`,
    ...input.results.activities.map((a) => activityMarkdown(input, a)),
  ]
  if (input.results.unplaced.length) parts.push(`## Notes outside activities\n\n${noteList(input, input.results.unplaced)}`)
  return parts.join('\n')
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
tr { break-inside: avoid; } img.board { max-width: 100%; border: 1px solid #d1d1d6; margin: 1rem 0; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
`

/** The Markdown report as a standalone, print-styled HTML page (no scripts). */
export async function toHtml(input: ReportInput, boardImageDataUrl?: string | null): Promise<string> {
  const { marked } = await import('marked')
  const body = await marked.parse(toMarkdown(escapeDeep(input)), { async: true, gfm: true })
  const image =
    boardImageDataUrl && /^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(boardImageDataUrl)
      ? `<img class="board" alt="The board" src="${boardImageDataUrl}">`
      : ''
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.board.title)}</title><style>${PRINT_CSS}</style></head>
<body>${image}${body}</body></html>
`
}
