/** The activity template catalogue (ACTIVITIES.md), in gallery order. */
import { CHANGE_READINESS_CHECK_IN } from './checkIn.js'
import { DIALOGUE_TEMPLATES } from './circle/template.js'
import { COMMITMENTS } from './commitments.js'
import { EMPATHY_MAP } from './empathyMap.js'
import { STAKEHOLDER_NEEDS_MAP } from './needsMap.js'
import { POWER_INTEREST_GRID } from './powerInterest.js'
import { RECOGNITION_WALL } from './recognition.js'
import { RETROSPECTIVE_TEMPLATES } from './retro/template.js'
import { RISK_MATRIX } from './riskMatrix/template.js'
import type { ActivityTemplate, TemplateSummary } from './types.js'

/** Every template, in gallery order. Ids are stable: boards store them. */
export const TEMPLATES: readonly ActivityTemplate[] = [
  STAKEHOLDER_NEEDS_MAP,
  EMPATHY_MAP,
  POWER_INTEREST_GRID,
  RISK_MATRIX,
  ...DIALOGUE_TEMPLATES,
  ...RETROSPECTIVE_TEMPLATES,
  CHANGE_READINESS_CHECK_IN,
  RECOGNITION_WALL,
  COMMITMENTS,
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
