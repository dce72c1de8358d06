/**
 * What every result kind's report formatting shares: the report's language and its fixed words
 * (from the shared catalogue), note lists and Markdown tables. Each kind's own formatting lives
 * beside its template; shared/exports puts a board's report together.
 */
import { markdownTable } from 'markdown-table'
import { CATALOGUE, text, type Locale, type ReportTextKey, type TextKey } from '../i18n/catalogue.js'
import type { NoteResult } from './extraction.js'

/** The language of a report and what the formatting needs to know about the board. */
export interface ReportContext {
  locale: Locale
  /** Whether a vote has been revealed (or is live): vote counts are shown only then. */
  votesShown: boolean
  /**
   * For an HTML report: marks a template text that is in the other language (a board created
   * in French, reported in English) with its `lang`. Absent for Markdown and CSV.
   */
  markLanguage?: (text: string) => string
}

/** A template text (zone label, activity name) as the report shows it: with its `lang` when foreign. */
export function label(ctx: ReportContext, value: string): string {
  return ctx.markLanguage ? ctx.markLanguage(value) : value
}

/** Fields a CSV row of a note may carry besides its zone and text. */
export interface RowExtra {
  owner?: string
  due?: string
  score?: string
}

/** Called once per note, with the name of the zone (or part) it sits in. */
export type NoteVisitor = (zone: string, note: NoteResult, extra?: RowExtra) => void

/** A fixed word of the report in its language. */
export function say(ctx: ReportContext, key: ReportTextKey | TextKey, params?: Readonly<Record<string, string | number>>): string {
  return text(key, ctx.locale, params)
}

/**
 * A text the catalogue knows in some language (a default band label, a quadrant), shown in the
 * report's language; any other text (typed by a person) as given.
 */
export function sayKnown(ctx: ReportContext, value: string, keys: readonly TextKey[]): string {
  const key = keys.find((k) => CATALOGUE[k].en === value || CATALOGUE[k].fr === value)
  return key ? text(key, ctx.locale) : value
}

const STATUS_KEYS: Readonly<Record<string, ReportTextKey>> = { open: 'status.open', 'in-progress': 'status.in-progress', done: 'status.done' }

/** A note status in the report's language (`open`, `in-progress`, `done`; others as given). */
export function sayStatus(ctx: ReportContext, status: string): string {
  const key = STATUS_KEYS[status]
  return key ? say(ctx, key) : status
}

/** A number in the report's language (`3.5` / `3,5`). */
export function sayNumber(ctx: ReportContext, value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(ctx.locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value)
}

/** Note text on one line; `|` escaped so that a note cannot break a table row. */
export const oneLine = (value: string) => value.replace(/\s*\n\s*/g, ' / ').replace(/\|/g, '\\|').trim()

/** ` (3 votes)` after a note when votes are shown and it has any. */
export function votesSuffix(ctx: ReportContext, n: { votes: number }): string {
  if (!ctx.votesShown || n.votes <= 0) return ''
  return ` (${say(ctx, n.votes === 1 ? 'report.vote' : 'report.votes', { count: sayNumber(ctx, n.votes) })})`
}

/**
 * A bulleted list of notes, with vote counts when shown. A cluster (issue 15) is one bold item,
 * its notes indented under it.
 */
export function noteList(ctx: ReportContext, notes: readonly NoteResult[]): string {
  if (notes.length === 0) return `_${say(ctx, 'report.noNotes')}_\n`
  const line = (n: NoteResult, indent: string) => `${indent}- ${oneLine(n.text) || `_${say(ctx, 'report.emptyNote')}_`}${votesSuffix(ctx, n)}`
  return (
    notes
      .map((n) => (n.notes ? [`- **${oneLine(n.text)}**${votesSuffix(ctx, n)}`, ...n.notes.map((m) => line(m, '  '))].join('\n') : line(n, '')))
      .join('\n') + '\n'
  )
}

/** The notes of a cluster on one line (tables, CSV), '' for a plain note. */
export function clusterNotesText(n: NoteResult): string {
  return n.notes ? n.notes.map((m) => oneLine(m.text)).filter((t) => t !== '').join(' · ') : ''
}

/** A Markdown table: a header row of catalogue words, then the rows. */
export function table(ctx: ReportContext, header: ReadonlyArray<ReportTextKey>, rows: string[][]): string {
  return markdownTable([header.map((k) => say(ctx, k)), ...rows]) + '\n'
}
