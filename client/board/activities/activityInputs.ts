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

/** What the create forms hold as typed: names (one a line) and round prompts (one a line). */
export type ActivityOptionsText = { names: string; prompts: string }
export const NO_OPTIONS: ActivityOptionsText = { names: '', prompts: '' }

/** Longest prompt and most rounds the forms send (the template takes up to 40). */
const MAX_PROMPT_LENGTH = 200
const MAX_PROMPTS = 10

/** Whether a template takes round prompts (talking circle, fishbowl). */
export function takesPrompts(template: Pick<ActivityTemplate, 'results'>): boolean {
  return template.results === 'circle'
}

/** One prompt per line (commas belong to the question), trimmed, empty ones dropped, at most 10. */
export function parsePrompts(text: string): string[] {
  return text
    .split('\n')
    .map((prompt) => prompt.trim().slice(0, MAX_PROMPT_LENGTH))
    .filter((prompt) => prompt !== '')
    .slice(0, MAX_PROMPTS)
}

/** The request body fields for a template and the names (and prompts) typed for it. */
export function activityRequestFields(
  template: Pick<ActivityTemplate, 'id' | 'results'>,
  typed: string | ActivityOptionsText,
): { participants?: string[]; options?: Record<string, unknown> } {
  const text = typeof typed === 'string' ? { names: typed, prompts: '' } : typed
  const names = parseNames(text.names)
  const prompts = takesPrompts(template) ? parsePrompts(text.prompts) : []
  const input = namesInputOf(template)
  const fields: { participants?: string[]; options?: Record<string, unknown> } = {}
  if (input === 'participants' && names.length > 0) fields.participants = names
  if (input === 'stakeholders' && names.length > 0) fields.options = { stakeholders: names }
  if (prompts.length > 0) fields.options = { ...fields.options, prompts }
  return fields
}
