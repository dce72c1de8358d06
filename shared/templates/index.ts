/**
 * Activity templates, the public API: {@link TEMPLATES}, {@link templateSummaries} for
 * `GET /api/templates`, {@link buildActivityRecords} to put an activity on a board.
 */
export { getTemplate, TEMPLATES, templateSummaries } from './catalogue.js'
export { buildActivityRecords, type BuildActivityInput, type BuiltActivity } from './builder.js'
export * from './types.js'
export { DEFAULT_TEMPLATE_LOCALE, localizeText, TEMPLATE_LOCALES, type TemplateLocale } from './locale.js'
export { bandFor, DEFAULT_RISK_BANDS, IMPACT_LEVELS, LIKELIHOOD_LEVELS, parseRiskBands } from './riskMatrix.js'
export type { RiskBand, RiskLevel, RiskMatrixSettings } from './riskMatrix.js'
export type { CircleSettings } from './dialogueCircles.js'
