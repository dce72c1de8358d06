/**
 * "Plan a follow-up" (issue 15): from a needs-analysis or risk board's results, a plan whose
 * steps take the top-voted needs and the critical and high risks as their prompts, one
 * *What, So What, Now What* each (its own activity, titled with the prompt).
 *
 * Prompts, in order: the needs with at least one vote, most votes first (ties in board order),
 * at most `needs`; then every risk in the critical or high band, highest score first (ties:
 * higher impact, then higher likelihood, then board order), across all risk matrices. At most
 * MAX_STEPS prompts in all.
 */
import type { ActivityResult, BoardResults } from '../activities/index.js'
import { MAX_STEPS, type PlanInput, type PlanStepInput } from '../plan.js'
import type { Locale } from '../i18n/locale.js'
import { phase, t } from './types.js'

/** The server's refusal when a board has nothing a follow-up could take (the page says it in its own language). */
export const NOTHING_TO_FOLLOW_UP = 'nothing to follow up: this board has no voted need and no critical or high risk'

export const FOLLOW_UP_BANDS = ['critical', 'high'] as const
export const DEFAULT_FOLLOW_UP_NEEDS = 3
const MAX_PROMPT = 140

export type FollowUpPrompt =
  | { kind: 'need'; id: string; text: string; votes: number }
  | { kind: 'risk'; id: string; text: string; riskId: string; score: number; band: string; owner: string | null; mitigation: string | null }

type Risk = Extract<ActivityResult, { kind: 'riskRegister' }>['register'][number]

function needsOf(results: BoardResults): Array<Extract<FollowUpPrompt, { kind: 'need' }>> {
  const needs: Array<Extract<FollowUpPrompt, { kind: 'need' }>> = []
  for (const a of results.activities) {
    if (a.kind !== 'needsMap') continue
    for (const s of a.stakeholders) for (const row of s.rows) for (const n of row.notes) if (n.votes > 0) needs.push({ kind: 'need', id: n.id, text: n.text, votes: n.votes })
  }
  // Array.prototype.sort is stable: equal votes keep board order.
  return needs.sort((a, b) => b.votes - a.votes)
}

function risksOf(results: BoardResults): Risk[] {
  const risks = results.activities.flatMap((a) => (a.kind === 'riskRegister' ? a.register.filter((r) => (FOLLOW_UP_BANDS as readonly string[]).includes(r.band)) : []))
  return risks.sort((a, b) => b.score - a.score || b.impact - a.impact || b.likelihood - a.likelihood)
}

/** The prompts of a follow-up, in plan order. */
export function followUpPrompts(results: BoardResults, needs = DEFAULT_FOLLOW_UP_NEEDS): FollowUpPrompt[] {
  const risks = risksOf(results).map((r): FollowUpPrompt => ({ kind: 'risk', id: r.id, text: r.text, riskId: r.riskId, score: r.score, band: r.band, owner: r.owner, mitigation: r.mitigation }))
  return [...needsOf(results).slice(0, needs), ...risks].slice(0, MAX_STEPS)
}

function short(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > MAX_PROMPT ? `${line.slice(0, MAX_PROMPT - 1)}…` : line || '…'
}

function stepOf(prompt: FollowUpPrompt, index: number): PlanStepInput {
  const text = short(prompt.text)
  const title =
    prompt.kind === 'risk'
      ? t(`Risk ${prompt.riskId} (score ${prompt.score}): ${text}`, `Risque ${prompt.riskId} (score ${prompt.score}) : ${text}`)
      : t(`Need: ${text}`, `Besoin : ${text}`)
  const facts = (owner: string, mitigation: string) =>
    prompt.kind === 'risk' ? [prompt.owner ? `${owner}${prompt.owner}` : '', prompt.mitigation ? `${mitigation}${prompt.mitigation}` : ''].filter(Boolean).join('. ') : ''
  const notes = t(facts('Owner: ', 'Mitigation: '), facts('Responsable : ', 'Atténuation : '))
  return {
    id: `${prompt.kind}-${index + 1}`,
    title,
    activity: { template: 'ls-what-so-what-now-what' },
    instructions: t(
      `About “${text}”: What? the facts. So what? why it matters. Now what? the actions, under “Now what?”.`,
      `À propos de « ${text} » : Quoi ? les faits. Et alors ? pourquoi c’est important. Et maintenant ? les actions, sous « Et maintenant ? ».`,
    ),
    ...(notes.en ? { notes } : {}),
    phases: [phase('write-private', 3), phase('groups', 5, { reveal: true, groupSize: 4 }), phase('all', 5)],
  }
}

/** The follow-up plan of `title`'s results, or null when it has no prompt. */
export function followUpPlan(results: BoardResults, title: string, locale: Locale, needs = DEFAULT_FOLLOW_UP_NEEDS): PlanInput | null {
  const prompts = followUpPrompts(results, needs)
  if (prompts.length === 0) return null
  return {
    source: 'follow-up',
    title: t(`Follow-up of ${short(title)}`, `Suite de ${short(title)}`),
    locale,
    steps: prompts.map(stepOf),
  }
}
