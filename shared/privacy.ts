/**
 * Small-group privacy, the number (DESIGN "Growing the design"): a figure computed from fewer
 * than MIN_RESPONDENTS respondents is not shown, in the space page and reports
 * (server/reports/privacy.ts) and in a board's report (a check-in's or evaluation's average).
 */
export const MIN_RESPONDENTS = 5

/** Whether a figure computed from `respondents` people may be shown (a bad count never may). */
export function mayShow(respondents: number): boolean {
  return Number.isInteger(respondents) && respondents >= MIN_RESPONDENTS
}
