/**
 * The change-readiness check-in (community): its template, results and report.
 */
import { en } from '../i18n/catalogue.js'
import { mayShow } from '../privacy.js'
import { ok } from '../result.js'
import { byReading, scaleScores, sections, take, zonesOfKind, type Extraction, type NoteResult, type PlacedNote, type SectionResult } from './extraction.js'
import { sectionRows, sectionsMarkdown } from './empathyMap.js'
import { FRAME_PADDING, HEADER_HEIGHT, ZONE_GAP, headerLabel } from './layout.js'
import { oneLine, say, sayNumber, table, type NoteVisitor, type ReportContext } from './reporting.js'
import { SESSION_EVALUATION_ID } from './sessionEvaluation.js'
import type { ActivityTemplate, AxisScale, LabelSpec, ZoneSpec } from './types.js'

export const READINESS_SCALE: AxisScale = { name: en('change-readiness-check-in.readiness'), min: 1, max: 10, lowLabel: en('change-readiness-check-in.resisting'), highLabel: en('change-readiness-check-in.championing') }

const SPECTRUM_W = 1400
const SPECTRUM_H = 300
const AREA_H = 440

/**
 * A spectrum from resisting (left, 1) to championing (right, 10): a note's horizontal position
 * is its readiness score. Below it, en('stakeholder-needs-map.what-s-in-it') and en('change-readiness-check-in.what-worries-me').
 */
export const CHANGE_READINESS_CHECK_IN: ActivityTemplate = {
  id: 'change-readiness-check-in',
  name: en('change-readiness-check-in.name'),
  family: 'community',
  description: en('change-readiness-check-in.description'),
  instructions:
    `${en('change-readiness-check-in.place-a-note-on')}\n\n${en('change-readiness-check-in.there-are-no-wrong')}`,
  results: 'checkIn',
  layout() {
    const width = 2 * FRAME_PADDING + SPECTRUM_W
    const areaW = (SPECTRUM_W - ZONE_GAP) / 2
    const areaY = HEADER_HEIGHT + SPECTRUM_H + 60
    const height = areaY + AREA_H + FRAME_PADDING
    const zones: ZoneSpec[] = [
      {
        key: 'spectrum',
        label: en('change-readiness-check-in.resisting-championing'),
        x: FRAME_PADDING,
        y: HEADER_HEIGHT,
        w: SPECTRUM_W,
        h: SPECTRUM_H,
        shape: 'rectangle',
        color: 'light-violet',
        fill: 'semi',
        meaning: { kind: 'scale', x: READINESS_SCALE, y: null },
        target: true,
      },
      {
        key: 'wiifm',
        label: en('stakeholder-needs-map.what-s-in-it'),
        x: FRAME_PADDING,
        y: areaY,
        w: areaW,
        h: AREA_H,
        shape: 'rectangle',
        color: 'light-green',
        fill: 'semi',
        meaning: { kind: 'section', section: 'wiifm' },
        target: true,
      },
      {
        key: 'worries',
        label: en('change-readiness-check-in.what-worries-me'),
        x: FRAME_PADDING + areaW + ZONE_GAP,
        y: areaY,
        w: areaW,
        h: AREA_H,
        shape: 'rectangle',
        color: 'light-red',
        fill: 'semi',
        meaning: { kind: 'section', section: 'worries' },
        target: true,
      },
    ]
    const labels: LabelSpec[] = [
      headerLabel(CHANGE_READINESS_CHECK_IN.instructions, width),
      { key: 'axis-low', text: en('change-readiness-check-in.resisting-1'), x: FRAME_PADDING, y: HEADER_HEIGHT + SPECTRUM_H + 10, w: 300, size: 's' },
      { key: 'axis-high', text: en('change-readiness-check-in.championing-10'), x: FRAME_PADDING + SPECTRUM_W - 300, y: HEADER_HEIGHT + SPECTRUM_H + 10, w: 300, size: 's' },
    ]
    return ok({ width, height, zones, labels, tokens: [], settings: {} })
  },
}

export interface ScoredNote extends NoteResult {
  score: number
}

export interface CheckInResult {
  kind: 'checkIn'
  /** Notes on the spectrum with their readiness score (1 resisting … 10 championing), lowest first. */
  spectrum: ScoredNote[]
  averageScore: number | null
  sections: SectionResult[]
}

export function extractCheckIn(x: Extraction): CheckInResult {
  const spectrumZone = zonesOfKind(x.activity, 'scale').find((z) => z.meaning.x && !z.meaning.y)
  const scored: Array<{ entry: ScoredNote; placed: PlacedNote }> = []
  if (spectrumZone) {
    for (const p of take(x, spectrumZone)) {
      const score = scaleScores(spectrumZone, p.center).x
      if (score !== null) scored.push({ entry: { ...p.note, score }, placed: p })
    }
  }
  scored.sort((a, b) => a.entry.score - b.entry.score || byReading(a.placed, b.placed))
  const spectrum = scored.map((s) => s.entry)
  const averageScore = spectrum.length === 0 ? null : Math.round((spectrum.reduce((sum, s) => sum + s.score, 0) / spectrum.length) * 100) / 100
  return { kind: 'checkIn', spectrum, averageScore, sections: sections(x, 'section') }
}

/**
 * The average a report may show: withheld when fewer than 5 people answered (small-group
 * privacy, issue 16; one note on the spectrum is one respondent), null when nobody did.
 */
export function reportedAverage(a: Pick<CheckInResult, 'averageScore' | 'spectrum'>): number | 'withheld' | null {
  if (a.averageScore === null) return null
  return mayShow(a.spectrum.length) ? a.averageScore : 'withheld'
}

/** A session evaluation is reported in its own words (return on time invested, 1–5). */
const isEvaluation = (a: { templateId?: string }) => a.templateId === SESSION_EVALUATION_ID

export function checkInMarkdown(ctx: ReportContext, a: CheckInResult & { templateId?: string }): string[] {
  const evaluation = isEvaluation(a)
  const none = evaluation ? say(ctx, 'evaluation.averageNone') : say(ctx, 'checkIn.averageNone')
  const withheld = evaluation ? say(ctx, 'evaluation.averageWithheld') : say(ctx, 'checkIn.averageWithheld')
  const shown = reportedAverage(a)
  const average = shown === null ? none : shown === 'withheld' ? withheld : say(ctx, evaluation ? 'evaluation.average' : 'checkIn.average', { score: sayNumber(ctx, shown, 1) })
  const out = [`${average}\n`]
  if (a.spectrum.length) out.push(table(ctx, ['field.text', evaluation ? 'field.evaluation' : 'field.readiness'], a.spectrum.map((n) => [oneLine(n.text), sayNumber(ctx, n.score)])))
  return [...out, ...sectionsMarkdown(ctx, a.sections)]
}

export function checkInRows(ctx: ReportContext, a: CheckInResult & { templateId?: string }, visit: NoteVisitor): void {
  const row = say(ctx, isEvaluation(a) ? 'evaluation.scaleRow' : 'checkIn.spectrumRow')
  for (const n of a.spectrum) visit(row, n, { score: sayNumber(ctx, n.score) })
  sectionRows(a.sections, visit)
}
