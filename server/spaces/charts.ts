/**
 * The space's charts in its language: readiness and evaluation trends and the risk trajectories,
 * each as a server-drawn SVG with its table alternative (HTML and Markdown).
 */
import {
  riskTrajectoryMarkdown,
  riskTrajectorySvg,
  riskTrajectoryTable,
  trendChartMarkdown,
  trendChartSvg,
  trendChartTable,
  type TrajectoryOptions,
  type TrendChartOptions,
  type TrendSeries,
} from '../reports/index.js'
import { EVALUATION_DOMAIN, READINESS_DOMAIN, type SpaceOverview } from './overview.js'
import type { SpaceLocale } from './spaces.js'
import { spaceWords } from './words.js'

export type Chart = { svg: string; table: string; markdown: string }
export type SpaceCharts = { readiness: Chart; evaluation: Chart; risks: Chart }

/** How many risks the trajectory chart follows (highest latest score first). */
export const TOP_RISKS = 10

function trend(series: TrendSeries, opts: TrendChartOptions): Chart {
  return { svg: trendChartSvg([series], opts), table: trendChartTable([series], opts), markdown: trendChartMarkdown([series], opts) }
}

export function spaceCharts(overview: SpaceOverview, locale: SpaceLocale): SpaceCharts {
  const w = spaceWords(locale)
  const sessions = overview.trends.sessions
  const trendOpts = (title: string, axis: string, domain: readonly [number, number]): TrendChartOptions => ({
    sessions,
    domain,
    locale,
    labels: { title, session: w.session, valueAxis: axis, respondents: w.respondents, withheld: w.withheld },
  })
  const risks = overview.risks.slice(0, TOP_RISKS).map((r) => ({ key: r.key, label: r.riskId ? `${r.riskId} ${r.label}` : r.label, points: r.points }))
  const riskOpts: TrajectoryOptions = {
    sessions,
    locale,
    labels: { title: w.risks, risk: w.risk, change: w.change, notAssessed: w.notAssessed, bandLabels: w.bands },
  }
  return {
    readiness: trend({ ...overview.trends.readiness, label: w.readiness }, trendOpts(w.readiness, w.readinessAxis, READINESS_DOMAIN)),
    evaluation: trend({ ...overview.trends.evaluation, label: w.evaluation }, trendOpts(w.evaluation, w.evaluationAxis, EVALUATION_DOMAIN)),
    risks: { svg: riskTrajectorySvg(risks, riskOpts), table: riskTrajectoryTable(risks, riskOpts), markdown: riskTrajectoryMarkdown(risks, riskOpts) },
  }
}
