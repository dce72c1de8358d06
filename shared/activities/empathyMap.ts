/**
 * The empathy map (needs analysis; Dave Gray, 2017, CC BY-SA): its template, results and report.
 */
import { en } from '../i18n/catalogue.js'
import { ok } from '../result.js'
import { sections, type Extraction, type SectionResult } from './extraction.js'
import { FRAME_PADDING, HEADER_HEIGHT, ZONE_GAP, headerLabel } from './layout.js'
import { label, noteList, type NoteVisitor, type ReportContext } from './reporting.js'
import type { ActivityTemplate, ZoneColor, ZoneSpec } from './types.js'

/** Empathy-map sections in reading order of the results. */
export const EMPATHY_SECTIONS = [
  { key: 'who', label: en('empathy-map.who-are-we-empathising') },
  { key: 'goal', label: en('empathy-map.what-do-they-need') },
  { key: 'see', label: en('empathy-map.what-do-they-see') },
  { key: 'say', label: en('empathy-map.what-do-they-say') },
  { key: 'do', label: en('empathy-map.what-do-they-do') },
  { key: 'hear', label: en('empathy-map.what-do-they-hear') },
  { key: 'pains', label: en('empathy-map.think-feel-pains') },
  { key: 'gains', label: en('empathy-map.think-feel-gains') },
] as const

const EMP_W = 480
const EMP_H = 360

/**
 * Who and Goal first (top corners), then See, Say, Do, Hear clockwise around the head
 * (top, right, bottom, left), with Think & Feel in the middle split into Pains and Gains.
 */
const EMPATHY_PLACES: Record<(typeof EMPATHY_SECTIONS)[number]['key'], { col: number; row: number; w: number; dx: number; color: ZoneColor }> = {
  who: { col: 0, row: 0, w: EMP_W, dx: 0, color: 'violet' },
  see: { col: 1, row: 0, w: EMP_W, dx: 0, color: 'light-blue' },
  goal: { col: 2, row: 0, w: EMP_W, dx: 0, color: 'violet' },
  hear: { col: 0, row: 1, w: EMP_W, dx: 0, color: 'light-blue' },
  pains: { col: 1, row: 1, w: (EMP_W - ZONE_GAP) / 2, dx: 0, color: 'light-red' },
  gains: { col: 1, row: 1, w: (EMP_W - ZONE_GAP) / 2, dx: (EMP_W + ZONE_GAP) / 2, color: 'light-green' },
  say: { col: 2, row: 1, w: EMP_W, dx: 0, color: 'light-blue' },
  do: { col: 0, row: 2, w: 3 * EMP_W + 2 * ZONE_GAP, dx: 0, color: 'light-blue' },
}

export const EMPATHY_MAP: ActivityTemplate = {
  id: 'empathy-map',
  name: en('empathy-map.name'),
  family: 'needs-analysis',
  description: en('empathy-map.description'),
  instructions:
    `${en('empathy-map.start-with-who-and')}\n\n${en('empathy-map.empathy-map-canvas-by')}`,
  results: 'empathyMap',
  layout() {
    const width = 2 * FRAME_PADDING + 3 * EMP_W + 2 * ZONE_GAP
    const height = HEADER_HEIGHT + 3 * EMP_H + 2 * ZONE_GAP + FRAME_PADDING
    const zones = EMPATHY_SECTIONS.map(({ key, label }): ZoneSpec => {
      const place = EMPATHY_PLACES[key]
      return {
        key,
        label,
        x: FRAME_PADDING + place.col * (EMP_W + ZONE_GAP) + place.dx,
        y: HEADER_HEIGHT + place.row * (EMP_H + ZONE_GAP),
        w: place.w,
        h: EMP_H,
        shape: 'rectangle',
        color: place.color,
        fill: 'semi',
        meaning: { kind: 'section', section: key },
        target: true,
      }
    })
    return ok({ width, height, zones, labels: [headerLabel(EMPATHY_MAP.instructions, width)], tokens: [], settings: {} })
  },
}

export interface EmpathyMapResult {
  kind: 'empathyMap'
  sections: SectionResult[]
}

export function extractEmpathyMap(x: Extraction): EmpathyMapResult {
  return { kind: 'empathyMap', sections: sections(x, 'section') }
}

export function sectionsMarkdown(ctx: ReportContext, list: readonly SectionResult[]): string[] {
  return list.map((s) => `### ${label(ctx, s.label)}\n\n${noteList(ctx, s.notes)}`)
}

export function sectionRows(list: readonly SectionResult[], visit: NoteVisitor): void {
  for (const s of list) for (const n of s.notes) visit(s.label, n)
}
