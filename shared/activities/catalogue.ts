/** The activity template catalogue (ACTIVITIES.md). */
import { COMMUNITY_TEMPLATES } from './community.js'
import { DIALOGUE_TEMPLATES } from './circle/template.js'
import { NEEDS_ANALYSIS_TEMPLATES } from './needsAnalysis.js'
import { RETROSPECTIVE_TEMPLATES } from './retro/template.js'
import { RISK_MATRIX } from './riskMatrix/template.js'
import type { ActivityTemplate, TemplateSummary } from './types.js'

/** Every template, in gallery order. Ids are stable: boards store them. */
export const TEMPLATES: readonly ActivityTemplate[] = [
  ...NEEDS_ANALYSIS_TEMPLATES,
  RISK_MATRIX,
  ...DIALOGUE_TEMPLATES,
  ...RETROSPECTIVE_TEMPLATES,
  ...COMMUNITY_TEMPLATES,
]

const BY_ID: ReadonlyMap<string, ActivityTemplate> = new Map(TEMPLATES.map((t) => [t.id, t]))

/** The template with this id, or null. */
export function getTemplate(id: string): ActivityTemplate | null {
  return BY_ID.get(id) ?? null
}

/** What `GET /api/templates` returns: id, name, family, description, in gallery order. */
export function templateSummaries(): TemplateSummary[] {
  return TEMPLATES.map(({ id, name, family, description }) => ({ id, name, family, description }))
}
