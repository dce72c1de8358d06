/**
 * Activities, the public API: templates ({@link TEMPLATES}, {@link templateSummaries} for
 * `GET /api/templates`, {@link buildActivityRecords} to put an activity on a board), results
 * ({@link extractResults} for the results panel and every export) and the geometry of a board's
 * activities ({@link readActivities}, {@link zoneAt}, {@link zonesOf}, {@link positionInZone} for
 * the "Move to…" keyboard command). Each result kind's template, extraction and report live together
 * in its own folder or file (see README.md).
 */
export { getTemplate, TEMPLATES, templateSummaries } from './catalogue.js'
export { buildActivityRecords, placeLayout, type BuildActivityInput, type BuiltActivity } from './builder.js'
export * from './types.js'
export { DEFAULT_TEMPLATE_LOCALE, localizeText, TEMPLATE_LOCALES, type TemplateLocale } from './locale.js'
export { bandFor, DEFAULT_RISK_BANDS, IMPACT_LEVELS, LIKELIHOOD_LEVELS, parseRiskBands } from './riskMatrix/template.js'
export type { RiskBand, RiskLevel, RiskMatrixSettings } from './riskMatrix/template.js'
export type { CircleSettings } from './circle/template.js'
export {
  activityAt,
  MOVE_CASCADE_STEP,
  positionInZone,
  readActivities,
  readActivityMeta,
  zoneAt,
  zoneContains,
  zonesContaining,
  zonesOf,
  type Activity,
  type ActivityToken,
  type ActivityZone,
} from './board.js'
export {
  axisScore,
  EDITABLE_NOTE_META,
  extractResults,
  openActions,
  type ActionItem,
  type ActivityResult,
  type BoardResults,
  type ExtractInput,
  type GridEntry,
  type KudosNote,
  type NoteResult,
  type RiskEntry,
  type RoundResult,
  type ScoredNote,
  type SeatResult,
  type SectionResult,
} from './extract.js'
export { richTextToPlainText, shapeText } from './richText.js'
