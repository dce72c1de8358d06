/**
 * What the "add activity" form asks for besides the template: some templates are laid out from
 * a list of names (seats of a circle, rows of commitments, stakeholder columns).
 */
import type { ActivityTemplate } from '../../../shared/activities/index'

export type NamesInput = 'participants' | 'stakeholders'

/** Which list of names a template takes, if any. */
export function namesInputOf(template: Pick<ActivityTemplate, 'id' | 'results'>): NamesInput | null {
  if (template.results === 'circle' || template.results === 'commitments') return 'participants'
  if (template.results === 'needsMap') return 'stakeholders'
  return null
}

/** One name per line (or comma-separated), trimmed, empty ones dropped, at most 40. */
export function parseNames(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((name) => name.trim().slice(0, 60))
    .filter((name) => name !== '')
    .slice(0, 40)
}

/** The request body fields for a template and the names typed for it. */
export function activityRequestFields(
  template: Pick<ActivityTemplate, 'id' | 'results'>,
  namesText: string,
): { participants?: string[]; options?: Record<string, unknown> } {
  const names = parseNames(namesText)
  const input = namesInputOf(template)
  if (!input || names.length === 0) return {}
  return input === 'participants' ? { participants: names } : { options: { stakeholders: names } }
}
