/**
 * The recognition wall (community): its template, results and report.
 */
import { en, labelValue } from '../i18n/catalogue.js'
import { ok } from '../result.js'
import { byVotes, metaString, take, zonesOfKind, type Extraction, type NoteResult } from './extraction.js'
import { columnZones, headerLabel } from './layout.js'
import { label, noteList, oneLine, say, votesSuffix, type NoteVisitor, type ReportContext } from './reporting.js'
import type { ActivityTemplate } from './types.js'

/** Recognition categories; the recipient of a kudos note is its `meta.to`. */
export const RECOGNITION_CATEGORIES = [
  { key: 'thank-you', label: en('recognition-wall.thank-you') },
  { key: 'well-done', label: en('recognition-wall.well-done') },
  { key: 'inspired-me', label: en('recognition-wall.you-inspired-me') },
] as const

export const RECOGNITION_WALL: ActivityTemplate = {
  id: 'recognition-wall',
  name: en('recognition-wall.name'),
  family: 'community',
  description: en('recognition-wall.description'),
  instructions:
    `${en('recognition-wall.write-a-kudos-note')}\n\n${en('recognition-wall.read-the-wall-together')}`,
  results: 'recognition',
  layout() {
    const { zones, width, height } = columnZones(
      RECOGNITION_CATEGORIES.map((c, i) => ({
        key: c.key,
        label: c.label,
        color: (['yellow', 'light-green', 'light-violet'] as const)[i] ?? 'yellow',
        meaning: { kind: 'section', section: c.key },
      })),
    )
    return ok({ width, height, zones, labels: [headerLabel(RECOGNITION_WALL.instructions, width)], tokens: [], settings: {} })
  },
}

export interface KudosNote extends NoteResult {
  /** Who is recognised: `meta.to`. */
  to: string | null
}

export interface RecognitionResult {
  kind: 'recognition'
  categories: Array<{ key: string; label: string; notes: KudosNote[] }>
}

export function extractRecognition(x: Extraction): RecognitionResult {
  const categories = zonesOfKind(x.activity, 'section').map((zone) => ({
    key: zone.meaning.section,
    label: zone.label,
    notes: [...take(x, zone)].sort(byVotes).map((p) => ({ ...p.note, to: metaString(p.record, 'to') })),
  }))
  return { kind: 'recognition', categories }
}

export function recognitionMarkdown(ctx: ReportContext, a: RecognitionResult): string[] {
  return a.categories.flatMap((c) => [
    `### ${label(ctx, c.label)}\n`,
    c.notes.length ? c.notes.map((n) => `- ${n.to ? labelValue(`**${n.to}**`, '', ctx.locale) : ''}${oneLine(n.text)}${votesSuffix(ctx, n)}`).join('\n') + '\n' : noteList(ctx, []),
  ])
}

export function recognitionRows(ctx: ReportContext, a: RecognitionResult, visit: NoteVisitor): void {
  for (const c of a.categories) for (const n of c.notes) visit(c.label, n, n.to ? { score: say(ctx, 'recognition.to', { name: n.to }) } : {})
}
