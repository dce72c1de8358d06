/**
 * Between the template file format and the rest: a built-in template as a file (laid out with
 * its default options, in one language), an activity of a board captured as a file's activity,
 * and a file's activity placed back on a board as records (the same builder as the built-ins).
 */
import type { JsonRecord } from '../docLayout.js'
import {
  getTemplate,
  localizeText,
  placeLayout,
  readActivityMeta,
  richTextToPlainText,
  type ActivityLayout,
  type BuildActivityInput,
  type BuiltActivity,
  type TemplateLocale,
  type ZoneMeaning,
} from '../activities/index.js'
import { isTemplateText, localizeLayout } from '../activities/locale.js'
import type { Result } from '../result.js'
import { TEMPLATE_FORMAT, TEMPLATE_FORMAT_VERSION, type TemplateActivity, type TemplateFile } from './format.js'

/** The author a built-in's file names. */
export const BUILT_IN_AUTHOR = 'Workshop canvas'

/** A built-in template in the file format: its default layout, texts in `locale`; null if unknown. */
export function builtInTemplateFile(id: string, locale: TemplateLocale): TemplateFile | null {
  const template = getTemplate(id)
  if (!template) return null
  const laid = template.layout({ participants: [], options: {} })
  if (!laid.ok) return null
  const layout = localizeLayout(laid.value, locale)
  const activity: TemplateActivity = {
    instanceId: 'a1',
    base: template.id,
    name: localizeText(template.name, locale),
    results: template.results,
    instructions: localizeText(template.instructions, locale),
    x: 0,
    y: 0,
    width: layout.width,
    height: layout.height,
    zones: layout.zones.map((z) => ({ ...z })),
    labels: layout.labels.map((l) => ({ ...l })),
    tokens: layout.tokens.map((t) => ({ ...t })),
    settings: jsonSettings(layout.settings),
  }
  return {
    format: TEMPLATE_FORMAT,
    version: TEMPLATE_FORMAT_VERSION,
    id: template.id,
    builtIn: true,
    name: activity.name,
    author: BUILT_IN_AUTHOR,
    locale,
    description: localizeText(template.description, locale),
    activities: [activity],
    plan: null,
  }
}

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

/** Settings as plain JSON (drops `undefined` and functions, as storing them would). */
function jsonSettings(settings: Record<string, unknown>): Record<string, JsonValue> {
  const copy: unknown = JSON.parse(JSON.stringify(settings))
  return typeof copy === 'object' && copy !== null && !Array.isArray(copy) ? (copy as Record<string, JsonValue>) : {}
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback)
const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback)

function labelSize(v: unknown): 's' | 'm' | 'l' {
  return v === 's' || v === 'm' ? v : v === 'l' || v === 'xl' ? 'l' : 's'
}

type ZoneOf = TemplateActivity['zones'][number]

function zoneOf(record: JsonRecord, meta: { key: string; label: string; meaning: ZoneMeaning; target: boolean }): ZoneOf {
  const props = isObject(record.props) ? record.props : {}
  return {
    key: meta.key,
    label: meta.label,
    x: num(record.x, 0),
    y: num(record.y, 0),
    w: num(props.w, 1),
    h: num(props.h, 1),
    shape: props.geo === 'ellipse' ? 'ellipse' : 'rectangle',
    color: str(props.color, 'grey') as ZoneOf['color'],
    fill: str(props.fill, 'none') as ZoneOf['fill'],
    meaning: meta.meaning as ZoneOf['meaning'],
    target: meta.target,
  }
}

/**
 * One activity of a board as a template activity: its frame (title, size, settings, result
 * kind), zones, labels and tokens in the frame's coordinates, and `instructions` (the board's
 * edited ones, else the built-in's). Null when no activity has that instance id. The values are
 * copied as the board holds them; {@link parseTemplateFile} checks them before anything is stored.
 */
export function captureActivity(controlRecords: readonly JsonRecord[], instanceId: string, instructions: string | undefined, locale: TemplateLocale): TemplateActivity | null {
  const frame = controlRecords.find((r) => r.id === `shape:${instanceId}`)
  const frameMeta = frame ? readActivityMeta(frame) : null
  if (!frame || frameMeta?.role !== 'frame') return null
  const props = isObject(frame.props) ? frame.props : {}
  const activity: TemplateActivity = {
    instanceId,
    base: frameMeta.templateId.slice(0, 80) || 'custom',
    name: str(props.name, frameMeta.name).trim() || frameMeta.name,
    results: frameMeta.results,
    instructions: instructions ?? localizeText(getTemplate(frameMeta.templateId)?.instructions ?? '', locale),
    x: num(frame.x, 0),
    y: num(frame.y, 0),
    width: num(props.w, 1),
    height: num(props.h, 1),
    zones: [],
    labels: [],
    tokens: [],
    settings: jsonSettings(frameMeta.settings),
  }
  for (const record of controlRecords) {
    if (record.parentId !== frame.id) continue
    const meta = readActivityMeta(record)
    if (!meta || meta.instanceId !== instanceId) continue
    const p = isObject(record.props) ? record.props : {}
    if (meta.role === 'zone') activity.zones.push(zoneOf(record, meta))
    else if (meta.role === 'label') {
      activity.labels.push({ key: meta.key, text: richTextToPlainText(p.richText), x: num(record.x, 0), y: num(record.y, 0), w: num(p.w, 100), size: labelSize(p.size) })
    } else if (meta.role === 'token') {
      activity.tokens.push({ key: meta.key, label: meta.key, role: 'talkingPiece', x: num(record.x, 0), y: num(record.y, 0), w: num(p.w, 40), h: num(p.h, 40) })
    }
  }
  return activity
}

/** A template activity as the layout the builder places. */
export function layoutOf(activity: TemplateActivity): ActivityLayout {
  return {
    width: activity.width,
    height: activity.height,
    zones: activity.zones,
    labels: activity.labels,
    tokens: activity.tokens,
    settings: activity.settings,
  }
}

/** The records of a template activity on a board: the builder's, of its `base` id and result kind. */
export function buildTemplateActivity(activity: TemplateActivity, input: BuildActivityInput = {}): Result<BuiltActivity> {
  return placeLayout({ id: activity.base, results: activity.results }, layoutOf(activity), { ...input, title: input.title?.trim() || activity.name })
}

/**
 * The language of captured activities: the catalogue language most of their texts are in (as
 * a board's, shared/exports/language.ts); null when none is known (only custom texts).
 */
export function languageOf(activities: readonly TemplateActivity[]): TemplateLocale | null {
  const texts = activities.flatMap((a) => [a.name, ...a.zones.map((z) => z.label), ...a.labels.map((l) => l.text)])
  const count = (locale: TemplateLocale, other: TemplateLocale) => texts.filter((t) => isTemplateText(t, locale) && !isTemplateText(t, other)).length
  const en = count('en', 'fr')
  const fr = count('fr', 'en')
  return en === 0 && fr === 0 ? null : fr > en ? 'fr' : 'en'
}
