/**
 * Small-group privacy (DESIGN "Growing the design"): a figure computed from fewer than
 * {@link MIN_RESPONDENTS} respondents is withheld in every view and export — charts do not draw
 * it, tables say "withheld" (the caller's word), CSV leaves it out. This module is the one place
 * the rule is written; charts apply it again to what they are given, so a caller that forgot it
 * still cannot draw a withheld figure.
 *
 * Only figures computed from people's answers fall under the rule (mean readiness, mean session
 * evaluation). Counts of people or things (participants, actions, risks in a cell) and a risk's
 * score (one group placement, not an aggregate of answers) are shown as they are.
 */

/** The fewest respondents a figure may be computed from and still be shown. */
export const MIN_RESPONDENTS = 5

/**
 * A figure with its privacy state: `shown` (enough respondents), `withheld` (1 to 4
 * respondents), or `empty` (no respondent at all: nothing to withhold, e.g. a session without a
 * check-in).
 */
export type GuardedFigure<T> =
  | { status: 'shown'; value: T; respondents: number }
  | { status: 'withheld'; respondents: number }
  | { status: 'empty'; respondents: 0 }

/** Whether a figure computed from `respondents` people may be shown (a bad count never may). */
export function mayShow(respondents: number): boolean {
  return Number.isInteger(respondents) && respondents >= MIN_RESPONDENTS
}

/**
 * Applies the rule to one figure. A count that is not a positive integer counts as no
 * respondent (`empty`); 1 to 4 respondents withhold the figure whatever its value (so a caller
 * may pass `null` for a value it never computed); otherwise a `null` or non-finite value is no
 * figure (`empty`).
 */
export function guardFigure<T>(value: T | null, respondents: number): GuardedFigure<T> {
  if (!Number.isInteger(respondents) || respondents <= 0) return { status: 'empty', respondents: 0 }
  if (!mayShow(respondents)) return { status: 'withheld', respondents }
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return { status: 'empty', respondents: 0 }
  return { status: 'shown', value, respondents }
}

/** The mean of the respondents' answers (one number each), guarded; non-finite answers are ignored. */
export function guardedMean(answers: readonly number[]): GuardedFigure<number> {
  const valid = answers.filter((a) => Number.isFinite(a))
  if (valid.length === 0) return { status: 'empty', respondents: 0 }
  return guardFigure(valid.reduce((sum, a) => sum + a, 0) / valid.length, valid.length)
}

/** Words for the figures that are not shown, supplied by the caller in the report's language. */
export interface WithheldWords {
  /** E.g. "withheld (fewer than 5 respondents)" / « masqué (moins de 5 répondants) ». */
  withheld: string
  /** For an empty figure; defaults to an en dash. */
  empty?: string
}

/** A guarded figure as table text: the formatted value, or the caller's word for withheld / empty. */
export function figureText<T>(figure: GuardedFigure<T>, format: (value: T) => string, words: WithheldWords): string {
  switch (figure.status) {
    case 'shown':
      return format(figure.value)
    case 'withheld':
      return words.withheld
    case 'empty':
      return words.empty ?? '–'
  }
}
