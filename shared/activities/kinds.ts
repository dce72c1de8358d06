/**
 * The registry of result kinds: for each kind, where its extraction and report formatting are.
 * Adding a kind means a module beside its template and one line in each switch below (the
 * compiler checks that every kind is handled).
 */
import { extractCheckIn, checkInMarkdown, checkInRows, type CheckInResult } from './checkIn.js'
import { circleMarkdown, circleRows } from './circle/report.js'
import { extractCircle, type CircleResult } from './circle/results.js'
import { commitmentsMarkdown, commitmentsRows, extractCommitments, type CommitmentsResult } from './commitments.js'
import { extractEmpathyMap, sectionRows, sectionsMarkdown, type EmpathyMapResult } from './empathyMap.js'
import type { Extraction } from './extraction.js'
import { extractNeedsMap, needsMapMarkdown, needsMapRows, type NeedsMapResult } from './needsMap.js'
import { extractPowerInterest, powerInterestMarkdown, powerInterestRows, type PowerInterestResult } from './powerInterest.js'
import { extractRecognition, recognitionMarkdown, recognitionRows, type RecognitionResult } from './recognition.js'
import type { NoteVisitor, ReportContext } from './reporting.js'
import { retroMarkdown, retroRows } from './retro/report.js'
import { extractRetro, type RetroResult } from './retro/results.js'
import { riskRegisterMarkdown, riskRegisterRows } from './riskMatrix/report.js'
import { extractRiskRegister, type RiskRegisterResult } from './riskMatrix/results.js'
import type { ResultKind } from './types.js'

/** The result of one kind, discriminated by `kind`. */
export type KindResult =
  | NeedsMapResult
  | EmpathyMapResult
  | PowerInterestResult
  | RiskRegisterResult
  | CircleResult
  | RetroResult
  | CheckInResult
  | RecognitionResult
  | CommitmentsResult

export function extractKind(kind: ResultKind, x: Extraction): KindResult {
  switch (kind) {
    case 'needsMap': return extractNeedsMap(x)
    case 'empathyMap': return extractEmpathyMap(x)
    case 'powerInterest': return extractPowerInterest(x)
    case 'riskRegister': return extractRiskRegister(x)
    case 'circle': return extractCircle(x)
    case 'retro': return extractRetro(x)
    case 'checkIn': return extractCheckIn(x)
    case 'recognition': return extractRecognition(x)
    case 'commitments': return extractCommitments(x)
    default: {
      const exhaustive: never = kind
      throw new Error(`unknown result kind ${String(exhaustive)}`)
    }
  }
}

/** The Markdown blocks of one activity's result (after its heading). */
export function kindMarkdown(ctx: ReportContext, a: KindResult): string[] {
  switch (a.kind) {
    case 'needsMap': return needsMapMarkdown(ctx, a)
    case 'empathyMap': return sectionsMarkdown(ctx, a.sections)
    case 'powerInterest': return powerInterestMarkdown(ctx, a)
    case 'riskRegister': return riskRegisterMarkdown(ctx, a)
    case 'circle': return circleMarkdown(ctx, a)
    case 'retro': return retroMarkdown(ctx, a)
    case 'checkIn': return checkInMarkdown(ctx, a)
    case 'recognition': return recognitionMarkdown(ctx, a)
    case 'commitments': return commitmentsMarkdown(ctx, a)
  }
}

/** Every note of one activity's result with the zone it is listed under (CSV rows). */
export function kindRows(ctx: ReportContext, a: KindResult, visit: NoteVisitor): void {
  switch (a.kind) {
    case 'needsMap': return needsMapRows(a, visit)
    case 'empathyMap': return sectionRows(a.sections, visit)
    case 'powerInterest': return powerInterestRows(ctx, a, visit)
    case 'riskRegister': return riskRegisterRows(ctx, a, visit)
    case 'circle': return circleRows(ctx, a, visit)
    case 'retro': return retroRows(ctx, a, visit)
    case 'checkIn': return checkInRows(ctx, a, visit)
    case 'recognition': return recognitionRows(ctx, a, visit)
    case 'commitments': return commitmentsRows(a, visit)
  }
}
