/**
 * Server-drawn report parts (issue 16), the public API: charts as standalone SVG strings, each
 * with its table alternative as HTML and Markdown, the small-group privacy rule, and the pure
 * summaries a space report is computed from. No module here holds words: every label comes from
 * the caller, in the report's language.
 */
export { riskHeatMapSvg, riskHeatMapTable, riskHeatMapMarkdown, heatMapCounts, DEFAULT_HEAT_MAP_BANDS, type HeatMapBand, type HeatMapCell, type HeatMapLabels, type HeatMapOptions } from './heatMap.js'
export { trendChartSvg, trendChartTable, trendChartMarkdown, type TrendChartLabels, type TrendChartOptions, type TrendPoint, type TrendSeries, type TrendSession } from './trendChart.js'
export { riskTrajectorySvg, riskTrajectoryTable, riskTrajectoryMarkdown, type TrajectoryLabels, type TrajectoryOptions, type TrajectoryRisk } from './trajectory.js'
export { MIN_RESPONDENTS, mayShow, guardFigure, guardedMean, figureText, type GuardedFigure, type WithheldWords } from './privacy.js'
export {
  actionCounts,
  actionState,
  commitmentCounts,
  commitmentStatus,
  isOverdue,
  isoDay,
  meansAsSeries,
  normaliseName,
  riskTrajectories,
  scoreChange,
  sessionMeans,
  sessionTimeline,
  type ActionCounts,
  type ActionInput,
  type ActionState,
  type CommitmentCounts,
  type CommitmentInput,
  type CommitmentStatus,
  type RiskInput,
  type RiskTrajectoryData,
  type SessionAnswers,
  type SessionInput,
  type SessionMean,
  type SessionRisks,
  type SessionSummary,
} from './summary.js'
export { el, fragment, escapeText, markdownCell, markdownTable, Markup, type Attrs, type Child } from './svg.js'
