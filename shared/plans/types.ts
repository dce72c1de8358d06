/**
 * Ready-made plans as data (issue 15): each is a plan input (shared/plan.ts) whose steps add
 * their activities from templates, in English and French.
 */
import type { LocalText, Phase, PhaseKind, PhaseSettings, PlanStepInput } from '../plan.js'

export type ReadyPlan = {
  id: string
  name: LocalText
  description: LocalText
  steps: PlanStepInput[]
}

/** A text in both languages. */
export function t(en: string, fr: string): LocalText {
  return { en, fr }
}

/** Minutes in milliseconds. */
export function min(n: number): number {
  return Math.round(n * 60_000)
}

/** A phase of `minutes` minutes. */
export function phase(kind: PhaseKind, minutes: number, settings?: PhaseSettings): Phase {
  return settings ? { kind, durationMs: min(minutes), settings } : { kind, durationMs: min(minutes) }
}
