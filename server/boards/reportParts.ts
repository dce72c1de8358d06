/**
 * What the server adds to a board's report (issue 16): the summary facts only it knows (purpose,
 * when the session took place, attendance, SPEC T1) and the figures it draws (a risk heat map
 * per risk matrix, with the band colours, server/reports/heatMap.ts), in the report's language.
 */
import { IMPACT_LEVELS, LIKELIHOOD_LEVELS, localizeText, type ActivityResult } from '../../shared/activities/index.js'
import { reportLocale, type ReportFigure, type ReportInput } from '../../shared/exports/report.js'
import type { ReportSummary } from '../../shared/exports/summary.js'
import { text, type Locale } from '../../shared/i18n/catalogue.js'
import { heatMapCounts, riskHeatMapMarkdown, riskHeatMapSvg, riskHeatMapTable, type HeatMapOptions } from '../reports/heatMap.js'
import type { Storage } from '../storage/Storage.js'

/** Board settings the summary reads: `purpose` (free text) and `sessionDate` (`YYYY-MM-DD`). */
export async function reportSummary(storage: Storage, board: { id: string; createdAt: number }): Promise<ReportSummary> {
  const settings = await storage.getBoardSettings(board.id)
  const date = typeof settings.sessionDate === 'string' ? Date.parse(`${settings.sessionDate}T00:00:00Z`) : NaN
  const attendance = await storage.listAttendance(board.id)
  return {
    purpose: typeof settings.purpose === 'string' && settings.purpose.trim() ? settings.purpose.trim() : null,
    startedAt: Number.isFinite(date) ? date : board.createdAt,
    attendance: attendance.map(({ name, role }) => ({ name, role })),
  }
}

type RiskRegister = Extract<ActivityResult, { kind: 'riskRegister' }>

function heatMapOptions(activity: RiskRegister, locale: Locale): HeatMapOptions {
  const bands = activity.bands.map((b) => ({ key: b.key, label: localizeText(b.label, locale), min: b.min, max: b.max, color: b.color }))
  const count = activity.register.length
  return {
    locale,
    bands,
    labels: {
      title: text('report.heatMap', locale, { name: localizeText(activity.name, locale) }),
      description: `${count} × ${text('field.risk', locale)}`,
      likelihood: text('field.likelihood', locale),
      impact: text('field.impact', locale),
      likelihoodLevels: LIKELIHOOD_LEVELS.map((l) => localizeText(l.name, locale)),
      impactLevels: IMPACT_LEVELS.map((l) => localizeText(l.name, locale)),
      legend: text('report.bands', locale),
    },
  }
}

/** A heat map for every risk matrix of the board, by activity instance id. */
/** The figures of a report, labelled in `locale` (the `?lang` asked for) or the report's own language. */
export function reportFigures(input: ReportInput, locale: Locale = reportLocale(input)): Record<string, ReportFigure> {
  const figures: Record<string, ReportFigure> = {}
  for (const a of input.results.activities) {
    if (a.kind !== 'riskRegister') continue
    const cells = heatMapCounts(a.register)
    const opts = heatMapOptions(a, locale)
    figures[a.instanceId] = { html: riskHeatMapSvg(cells, opts) + riskHeatMapTable(cells, opts), markdown: riskHeatMapMarkdown(cells, opts) }
  }
  return figures
}
