/**
 * A board's results (SPEC E-rules): extracted once from both shared docs and the vote
 * totals, then written in every export format; the browser's picture of the board for the
 * printable report.
 */
import * as Y from 'yjs'
import { readAllRecords, type JsonRecord } from '../../shared/docLayout.js'
import { exportBoard as writeReport, type ReportInput } from '../../shared/exports/index.js'
import { reportLocale } from '../../shared/exports/report.js'
import { boardLocale } from '../../shared/exports/language.js'
import { topNotes } from '../../shared/activities/ranking.js'
import { STATE_KEYS, STATE_MAP, VoteTotals, parseState } from '../../shared/facilitation.js'
import { extractResults, type BoardResults } from '../../shared/activities/index.js'
import { reportedAverage } from '../../shared/activities/checkIn.js'
import { isLocale } from '../../shared/i18n/locale.js'
import { datedFileName } from '../../shared/fileName.js'
import { text } from '../../shared/i18n/catalogue.js'
import { boardPictureSvg } from '../reports/boardPicture.js'
import { PLAN_STATE_KEY, readPlanState } from '../../shared/plan.js'
import { readBoardState, type BoardDocsDeps } from './boardDocs.js'
import { recordsOfState } from './boardState.js'
import { reportFigures, reportSummary } from './reportParts.js'
import { getBoard } from './lifecycle.js'
import { toTldrFile } from './tldrFile.js'

export const EXPORT_FORMATS = ['json', 'csv', 'md', 'html', 'tldr'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export type BoardResultsSnapshot = {
  input: ReportInput
  results: BoardResults
  votes: Record<string, number> | null
  /** Both docs' records, as read for these results (the .tldr export reuses them). */
  records: { board: JsonRecord[]; control: JsonRecord[] }
}

export async function boardResults(deps: BoardDocsDeps, boardId: string): Promise<BoardResultsSnapshot> {
  const board = await getBoard(deps.storage, boardId)
  // One read of each doc: the control doc gives both the template records and the vote totals.
  const state = await readBoardState(deps, boardId)
  const control = new Y.Doc()
  Y.applyUpdate(control, state.control)
  const votes = parseState(VoteTotals, control.getMap(STATE_MAP).get(STATE_KEYS.voteTotals))
  const plan = readPlanState(control.getMap(STATE_MAP).get(PLAN_STATE_KEY))
  const records = { board: recordsOfState(state.board), control: readAllRecords(control) }
  control.destroy()
  const results = extractResults({ templateRecords: records.control, boardRecords: records.board, votes: votes ?? undefined })
  const input: ReportInput = {
    board: { id: board.id, title: board.title, createdAt: board.createdAt },
    generatedAt: Date.now(),
    results,
    boardRecords: records.board,
    votesShown: votes !== null,
    plan,
  }
  return { input, results, votes, records }
}

/**
 * The results as an export shows them: a check-in's or evaluation's average from fewer than 5
 * respondents is withheld (`averageScore: null`, `averageWithheld: true`; issue 16).
 */
function withheldAverages(results: BoardResults): BoardResults {
  const activities = results.activities.map((a) =>
    a.kind === 'checkIn' && reportedAverage(a) === 'withheld' ? { ...a, averageScore: null, averageWithheld: true } : a,
  )
  return { ...results, activities }
}

/** One export file: its text, content type and download name. */
export type ExportFile = { body: string; contentType: string; filename: string; headers?: Record<string, string> }

/**
 * The language of a report (docs/DECISIONS.md): `lang` wins, then the board's own language,
 * then the first of `Accept-Language` we speak, then English.
 */
export type ExportLanguage = { lang?: string | null; acceptLanguage?: string | null }

export async function exportBoard(deps: BoardDocsDeps, boardId: string, format: ExportFormat, language: ExportLanguage = {}): Promise<ExportFile> {
  const { input: results, records } = await boardResults(deps, boardId)
  // A report starts with its summary and holds the figures the server draws (issue 16).
  const input: ReportInput = { ...results, summary: await reportSummary(deps.storage, results.board) }
  input.figures = reportFigures(input, isLocale(language.lang) ? language.lang : undefined)
  // The board's picture, drawn now from its shapes: always current (issue 16).
  if (format === 'md' || format === 'html') {
    const locale = isLocale(language.lang) ? language.lang : reportLocale(input)
    input.picture = boardPictureSvg(records.control, records.board, text('report.boardImage', locale), boardLocale(input.results))
  }
  const filename = datedFileName(input.board.title, 'board', format, input.generatedAt)
  const file = (body: string, contentType: string, headers?: Record<string, string>): ExportFile => ({ body, contentType, filename, headers })
  switch (format) {
    case 'json': {
      const ranked = input.votesShown ? topNotes({ locale: reportLocale(input), votesShown: true }, input.results) : []
      const json = { board: input.board, exportedAt: new Date(input.generatedAt).toISOString(), votesShown: input.votesShown, topNotes: ranked, results: withheldAverages(input.results) }
      return file(JSON.stringify(json), 'application/json')
    }
    case 'csv':
    case 'md':
    case 'html': {
      const boardImage = format === 'html' ? await deps.storage.getBoardImage(boardId) : null
      const report = await writeReport(format, input, { locale: language.lang, acceptLanguage: language.acceptLanguage, boardImage })
      const csp: Record<string, string> = format === 'html' ? { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:" } : {}
      return file(report.body, report.contentType, { ...csp, 'content-language': report.locale })
    }
    case 'tldr': {
      const byId = new Map([...records.board, ...records.control].map((r) => [r.id, r]))
      return file(await toTldrFile(Array.from(byId.values())), 'application/json')
    }
  }
}

/** The browser stores a picture of the board for the printable report. */
export async function storeBoardImage(deps: BoardDocsDeps, boardId: string, dataUrl: string): Promise<void> {
  await deps.storage.putBoardImage(boardId, dataUrl)
}
