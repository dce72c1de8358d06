/**
 * Board exports, the public API. {@link exportBoard} writes a board's report in a format and a
 * language; the HTTP route passes `?lang=` as `locale` and `Accept-Language` as `acceptLanguage`.
 */
import { isLocale, localeFromAcceptLanguage, type Locale } from '../i18n/catalogue.js'
import { reportLocale, toCsv, toHtml, toMarkdown, type ReportInput } from './report.js'

export { boardLocale } from './language.js'
export { CSV_COLUMNS, escapeHtml, formatDate, noteRows, participantsOf, reportLocale, toCsv, toHtml, toMarkdown, type NoteRow, type ReportInput } from './report.js'

export const REPORT_FORMATS = ['csv', 'md', 'html'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

export interface ExportOptions {
  /** `?lang=`: the report's language, whatever the board's. Anything but `en`/`fr` is ignored. */
  locale?: string | null
  /** The request's `Accept-Language`: used only when the board's own language is not known. */
  acceptLanguage?: string | null
  /** The board's image for the HTML report (a PNG or SVG data URL). */
  boardImage?: string | null
}

export interface ExportedReport {
  body: string
  contentType: string
  extension: ReportFormat
  /** The language the report is written in (for `Content-Language`). */
  locale: Locale
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
}

/**
 * A board's report in `format`. Its language: `options.locale` when given, else the board's
 * own (read from its template texts), else the first of `Accept-Language` we speak, else English.
 */
export async function exportBoard(format: ReportFormat, input: ReportInput, options: ExportOptions = {}): Promise<ExportedReport> {
  const withLocale: ReportInput = {
    ...input,
    locale: isLocale(options.locale) ? options.locale : input.locale,
    fallbackLocale: localeFromAcceptLanguage(options.acceptLanguage) ?? input.fallbackLocale,
  }
  const body =
    format === 'csv' ? toCsv(withLocale) : format === 'md' ? toMarkdown(withLocale) : await toHtml(withLocale, options.boardImage ?? null)
  return { body, contentType: CONTENT_TYPES[format], extension: format, locale: reportLocale(withLocale) }
}
