/** The risk register in a report: a table by score, and one CSV row per risk. */
import type { RiskEntry, RiskRegisterResult } from './results.js'
import { oneLine, say, sayKnown, sayNumber, sayStatus, table, type NoteVisitor, type ReportContext } from '../reporting.js'

const BAND_KEYS = ['risk-matrix.low', 'risk-matrix.medium', 'risk-matrix.high', 'risk-matrix.critical'] as const

/** A band label in the report's language when it is a default band's; a label the facilitator set as given. */
export function bandLabel(ctx: ReportContext, r: RiskEntry): string {
  return r.band === 'unbanded' ? say(ctx, 'band.unbanded') : sayKnown(ctx, r.bandLabel, BAND_KEYS)
}

export function riskRegisterMarkdown(ctx: ReportContext, a: RiskRegisterResult): string[] {
  if (a.register.length === 0) return [`_${say(ctx, 'risk.noRisks')}_\n`]
  const header = ['field.riskId', 'field.risk', 'field.likelihood', 'field.impact', 'field.score', 'field.band', 'field.owner', 'field.mitigation', 'field.status'] as const
  const rows = a.register.map((r) => [
    r.riskId,
    oneLine(r.text),
    sayNumber(ctx, r.likelihood),
    sayNumber(ctx, r.impact),
    sayNumber(ctx, r.score),
    bandLabel(ctx, r),
    r.owner ?? '',
    r.mitigation ?? '',
    sayStatus(ctx, r.status),
  ])
  return [table(ctx, header, rows)]
}

export function riskRegisterRows(ctx: ReportContext, a: RiskRegisterResult, visit: NoteVisitor): void {
  for (const r of a.register) {
    visit(say(ctx, 'risk.zone', { likelihood: r.likelihood, impact: r.impact }), r, {
      score: say(ctx, 'risk.score', { score: sayNumber(ctx, r.score), band: bandLabel(ctx, r) }),
      owner: r.owner ?? '',
    })
  }
}
