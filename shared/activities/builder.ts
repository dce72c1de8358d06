/**
 * The one builder: template → tldraw records (a frame holding geo zones, text labels and
 * tokens), placed on free space of the page. Every record is locked and carries
 * `meta.activity` (see {@link ActivityShapeMeta}), so results can be read from records alone.
 * The records belong in the control doc (DESIGN "Permissions are documents").
 */
import { plainTextToRichText } from './richText.js'
import { DEFAULT_PAGE_ID } from '../boardSchemaCore.js'
import type { JsonRecord } from '../docLayout.js'
import { err, ok, type Result } from '../result.js'
import { getTemplate } from './catalogue.js'
import { DEFAULT_TEMPLATE_LOCALE, localizeLayout, localizeText, TEMPLATE_LOCALES, type TemplateLocale } from './locale.js'
import { boxesOverlap, indexRecords, localBounds, pageOf, pageTransform, transformBox, type Box, type Point } from './geometry.js'
import { ACTIVITY_META_KEY, type ActivityLayout, type ActivityShapeMeta, type ActivityTemplate } from './types.js'

/**
 * The scale of a zone (its label and outline): large zones get large labels, so that a column or cell reads
 * when the board opens fitted to its activity (a retrospective opens at about a third of full
 * size). Seats (ellipses) keep small names: the talking piece sits on their rim.
 */
function zoneLabelScale(zone: { shape: string; w: number; h: number }): number {
  if (zone.shape === 'ellipse') return 1
  const side = Math.min(zone.w, zone.h)
  // tldraw scales a geo shape's label and its stroke together; size `s` at a larger scale
  // gives the largest text for the thinnest outline.
  return side >= 400 ? 2 : side >= 200 ? 1.4 : 1
}

/** Empty space kept between a new activity and anything already on the page. */
export const PLACEMENT_GAP = 100

export interface BuildActivityInput {
  /** Preferred top-left corner on the page (default 0, 0); the activity moves to free space near it. */
  origin?: Point
  /** Records already on the board (both docs); the activity will not overlap their shapes. */
  existing?: readonly JsonRecord[]
  /** Participant display names, in seat / row order (circles, commitments). */
  participants?: readonly string[]
  /** Template options, documented on each template. */
  options?: Readonly<Record<string, unknown>>
  /** Identifies the activity instance in shape ids and meta; random when absent. `[A-Za-z0-9_-]{1,64}`. */
  instanceId?: string
  /** Frame title; the template's name by default. */
  title?: string
  /** The page to place the activity on (default `page:page`). */
  pageId?: string
  /**
   * The language of the texts written on the board (zone labels, instructions, level names;
   * default `en`). Ids, keys, positions and zone meanings do not depend on it.
   */
  locale?: TemplateLocale
}

export interface BuiltActivity {
  instanceId: string
  frameId: string
  /** Where the frame landed, in page coordinates. */
  bounds: Box
  /** The frame first, then its children: write them all into the control doc. */
  records: JsonRecord[]
}

const INSTANCE_ID = /^[A-Za-z0-9_-]{1,64}$/
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

function randomInstanceId(): string {
  const bytes = new Uint8Array(10)
  globalThis.crypto.getRandomValues(bytes)
  return 'act' + Array.from(bytes, (b) => BASE62[b % 62]).join('')
}

/** The n-th (0-based) ascending fractional index key: a0…az, then b00…bzz. */
function childIndexKey(n: number): string {
  if (n < 62) return 'a' + BASE62[n]
  const m = n - 62
  return 'b' + BASE62[Math.floor(m / 62) % 62] + BASE62[m % 62]
}

/** The n-th (1-based) negative integer index key, descending: Zz, Zy, …, Z0, Yzz, … */
function negativeIndexKey(n: number): string {
  if (n <= 62) return 'Z' + BASE62[62 - n]
  const m = 3844 - (n - 62)
  return 'Y' + BASE62[Math.floor(m / 62) % 62] + BASE62[m % 62]
}

/**
 * A page-level index below every existing page child, so activity frames render under the
 * participants' notes (a note created later is always above; one dragged over stays visible).
 */
function frameIndexBelow(existing: readonly JsonRecord[], pageId: string): string {
  let lowest: string | null = null
  for (const record of existing) {
    if (record.typeName !== 'shape' || record.parentId !== pageId || typeof record.index !== 'string') continue
    if (lowest === null || record.index < lowest) lowest = record.index
  }
  for (let n = 1; n < 62 + 3844; n++) {
    const key = negativeIndexKey(n)
    if (lowest === null || key < lowest) return key
  }
  return negativeIndexKey(62 + 3843)
}

/** Page-space bounds of every shape of `pageId` in `existing`. */
function occupiedBoxes(existing: readonly JsonRecord[], pageId: string): Box[] {
  const byId = indexRecords(existing)
  const boxes: Box[] = []
  for (const record of existing) {
    if (record.typeName !== 'shape' || pageOf(record, byId) !== pageId) continue
    const m = pageTransform(record, byId)
    if (m) boxes.push(transformBox(m, localBounds(record)))
  }
  return boxes
}

/**
 * The free top-left position nearest `origin` for a `w × h` box: the origin itself, or a spot
 * right of / below an occupied box. Right of everything is always free, so this never fails.
 */
export function findFreeSpot(origin: Point, w: number, h: number, occupied: readonly Box[], gap = PLACEMENT_GAP): Point {
  const candidates: Point[] = [origin]
  for (const b of occupied) {
    candidates.push(
      { x: b.x + b.w + gap, y: origin.y },
      { x: b.x + b.w + gap, y: b.y },
      { x: origin.x, y: b.y + b.h + gap },
      { x: b.x, y: b.y + b.h + gap },
    )
  }
  const distance = (p: Point) => Math.hypot(p.x - origin.x, p.y - origin.y)
  candidates.sort((p, q) => distance(p) - distance(q) || p.y - q.y || p.x - q.x)
  for (const p of candidates) {
    const box = { x: p.x, y: p.y, w, h }
    if (!occupied.some((b) => boxesOverlap(box, b, gap))) return p
  }
  const right = Math.max(origin.x, ...occupied.map((b) => b.x + b.w + gap))
  return { x: right, y: origin.y }
}

function shapeRecord(
  id: string,
  type: string,
  parentId: string,
  index: string,
  x: number,
  y: number,
  meta: ActivityShapeMeta,
  props: Record<string, unknown>,
): JsonRecord {
  return {
    id,
    typeName: 'shape',
    type,
    x,
    y,
    rotation: 0,
    index,
    parentId,
    isLocked: true,
    opacity: 1,
    meta: { [ACTIVITY_META_KEY]: meta },
    props,
  }
}

type ChildContext = { instanceId: string; frameId: string; base: { instanceId: string; templateId: string } }

function zoneRecord(ctx: ChildContext, zone: ActivityLayout['zones'][number], index: string): JsonRecord {
  return shapeRecord(
    `shape:${ctx.instanceId}.zone.${zone.key}`,
    'geo',
    ctx.frameId,
    index,
    zone.x,
    zone.y,
    { role: 'zone', ...ctx.base, key: zone.key, label: zone.label, meaning: zone.meaning, target: zone.target },
    {
      geo: zone.shape,
      dash: 'solid',
      url: '',
      w: zone.w,
      h: zone.h,
      growY: 0,
      scale: zoneLabelScale(zone),
      labelColor: 'black',
      color: zone.color,
      fill: zone.fill,
      size: 's',
      font: 'sans',
      align: zone.shape === 'ellipse' ? 'middle' : 'start',
      verticalAlign: zone.shape === 'ellipse' ? 'middle' : 'start',
      richText: plainTextToRichText(zone.label),
    },
  )
}

function labelRecord(ctx: ChildContext, label: ActivityLayout['labels'][number], index: string): JsonRecord {
  return shapeRecord(
    `shape:${ctx.instanceId}.label.${label.key}`,
    'text',
    ctx.frameId,
    index,
    label.x,
    label.y,
    { role: 'label', ...ctx.base, key: label.key },
    { color: 'black', size: label.size, font: 'sans', textAlign: 'start', w: label.w, richText: plainTextToRichText(label.text), scale: 1, autoSize: false },
  )
}

function tokenRecord(ctx: ChildContext, token: ActivityLayout['tokens'][number], index: string): JsonRecord {
  return shapeRecord(
    `shape:${ctx.instanceId}.token.${token.key}`,
    'geo',
    ctx.frameId,
    index,
    token.x,
    token.y,
    { role: 'token', ...ctx.base, key: token.key, token: token.role },
    {
      geo: 'star',
      dash: 'solid',
      url: '',
      w: token.w,
      h: token.h,
      growY: 0,
      scale: 1,
      labelColor: 'black',
      color: 'orange',
      fill: 'solid',
      size: 's',
      font: 'sans',
      align: 'middle',
      verticalAlign: 'middle',
      richText: plainTextToRichText(''),
    },
  )
}

function layoutRecords(
  template: Pick<ActivityTemplate, 'id' | 'results'>,
  layout: ActivityLayout,
  instanceId: string,
  title: string,
  pageId: string,
  frameIndex: string,
  at: Point,
): JsonRecord[] {
  const frameId = `shape:${instanceId}`
  const ctx: ChildContext = { instanceId, frameId, base: { instanceId, templateId: template.id } }
  const records: JsonRecord[] = [
    shapeRecord(
      frameId,
      'frame',
      pageId,
      frameIndex,
      at.x,
      at.y,
      { role: 'frame', ...ctx.base, results: template.results, name: title, settings: layout.settings },
      { w: layout.width, h: layout.height, name: title, color: 'black' },
    ),
  ]
  let n = 0
  for (const zone of layout.zones) records.push(zoneRecord(ctx, zone, childIndexKey(n++)))
  for (const label of layout.labels) records.push(labelRecord(ctx, label, childIndexKey(n++)))
  for (const token of layout.tokens) records.push(tokenRecord(ctx, token, childIndexKey(n++)))
  return records
}

/**
 * Builds the records of one activity from a template: a locked frame on free space of the
 * page near `origin`, with locked zones, labels and tokens inside. Errors (unknown template,
 * invalid option, bad instance id) are values.
 */
export function buildActivityRecords(templateId: string, input: BuildActivityInput = {}): Result<BuiltActivity> {
  const template = getTemplate(templateId)
  if (!template) return err(`unknown template ${templateId}`)
  const locale = input.locale ?? DEFAULT_TEMPLATE_LOCALE
  if (!(TEMPLATE_LOCALES as readonly string[]).includes(locale)) return err(`locale must be one of ${TEMPLATE_LOCALES.join(', ')}`)
  const built = template.layout({ participants: input.participants ?? [], options: input.options ?? {} })
  if (!built.ok) return built
  const title = input.title?.trim() || localizeText(template.name, locale)
  return placeLayout(template, localizeLayout(built.value, locale), { ...input, title })
}

/**
 * Places a layout already in its final texts (a built-in's, or a custom template's, issue 15)
 * as one activity of `template.id` yielding `template.results`: the records of
 * {@link buildActivityRecords}, titled `input.title` (the layout is not translated).
 */
export function placeLayout(
  template: Pick<ActivityTemplate, 'id' | 'results'>,
  layout: ActivityLayout,
  input: BuildActivityInput & { title: string },
): Result<BuiltActivity> {
  const instanceId = input.instanceId ?? randomInstanceId()
  if (!INSTANCE_ID.test(instanceId)) return err('instanceId must be 1–64 letters, digits, _ or -')
  const pageId = input.pageId ?? DEFAULT_PAGE_ID
  const existing = input.existing ?? []
  if (existing.some((r) => r.id === `shape:${instanceId}`)) return err(`activity ${instanceId} already exists`)
  const origin = input.origin ?? { x: 0, y: 0 }
  const at = findFreeSpot(origin, layout.width, layout.height, occupiedBoxes(existing, pageId))
  const records = layoutRecords(template, layout, instanceId, input.title, pageId, frameIndexBelow(existing, pageId), at)
  return ok({
    instanceId,
    frameId: `shape:${instanceId}`,
    bounds: { x: at.x, y: at.y, w: layout.width, h: layout.height },
    records,
  })
}
