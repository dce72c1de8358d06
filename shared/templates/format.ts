/**
 * The one template file format (issue 15, SPEC L10): built-in and custom templates alike. A
 * file holds one or more activities laid out as data (frame size, zones with their meaning,
 * text labels, tokens, settings, instructions), in their final texts and one language, and
 * optionally a plan whose steps name those activities. A built-in is converted to it by laying
 * it out with its default options (`builtInTemplateFile`); a custom one is captured from a board.
 *
 * Everything a file says is bounded: known keys only, strings and arrays with maxima, numbers
 * finite and in range. A file is text from anywhere, so {@link parseTemplateFile} never throws.
 */
import { z } from 'zod'
import { getTemplate } from '../activities/catalogue.js'
import { PlanInput } from '../plan.js'
import { LOCALES } from '../i18n/locale.js'
import { err, ok, type Result } from '../result.js'

export const TEMPLATE_FORMAT = 'workshop-canvas/template'
export const TEMPLATE_FORMAT_VERSION = 1
/** Default of `MAX_TEMPLATE_BYTES` (SPEC L10). */
export const DEFAULT_MAX_TEMPLATE_BYTES = 1024 * 1024
/** Deepest nesting of arrays and objects a file may have (settings are free JSON). */
export const MAX_TEMPLATE_DEPTH = 24
export const MAX_TEMPLATE_ACTIVITIES = 20
export const MAX_TEMPLATE_NAME = 120
export const MAX_TEMPLATE_AUTHOR = 80

/** Custom template ids: never a built-in's (built-in ids have no `custom-` prefix, see the tests). */
export const CUSTOM_TEMPLATE_PREFIX = 'custom-'
export const CUSTOM_TEMPLATE_ID = /^custom-[A-Za-z0-9_-]{22}$/

const coordinate = z.number().finite().min(-1_000_000).max(1_000_000)
const size = z.number().finite().positive().max(100_000)
const text = (max: number) => z.string().max(max, `at most ${max} characters`)
/** A one-line text stored in a column of its own (PostgreSQL refuses NUL): no control characters. */
export const singleLine = (max: number) => text(max).regex(/^[^\u0000-\u001f\u007f]*$/, 'no control characters')
const key = z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/, 'a key is 1 to 80 letters, digits, _ . : or -')
const seatNumber = z.number().int().min(1).max(500)

const Axis = z.strictObject({ name: text(200), min: z.number().finite(), max: z.number().finite(), lowLabel: text(200), highLabel: text(200) })

/** Mirrors `ZoneMeaning` in shared/activities/types.ts; the tests parse every built-in with it. */
export const ZoneMeaningSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('section'), section: text(200) }),
  z.strictObject({ kind: z.literal('actions') }),
  z.strictObject({ kind: z.literal('cell'), column: text(200), columnLabel: text(500), row: text(200), rowLabel: text(500) }),
  z.strictObject({ kind: z.literal('riskCell'), likelihood: z.number().int().min(1).max(5), impact: z.number().int().min(1).max(5) }),
  z.strictObject({ kind: z.literal('quadrant'), quadrant: z.enum(['manageClosely', 'keepSatisfied', 'keepInformed', 'monitor']) }),
  z.strictObject({ kind: z.literal('scale'), x: Axis.nullable(), y: Axis.nullable() }),
  z.strictObject({
    kind: z.literal('seat'),
    seat: seatNumber,
    ring: z.enum(['circle', 'inner', 'outer']),
    participant: text(200).nullable(),
    emptyChair: z.boolean(),
  }),
  z.strictObject({
    kind: z.literal('round'),
    round: z.number().int().min(1).max(200),
    part: z.enum(['prompt', 'notes', 'summary']),
    prompt: text(2000),
    startSeat: seatNumber,
  }),
  z.strictObject({ kind: z.literal('queue') }),
])

const ZONE_COLORS = [
  'black', 'grey', 'light-violet', 'violet', 'blue', 'light-blue', 'yellow', 'orange',
  'green', 'light-green', 'light-red', 'red', 'white',
] as const
export const RESULT_KINDS = [
  'needsMap', 'empathyMap', 'powerInterest', 'riskRegister', 'circle', 'retro', 'checkIn', 'recognition', 'commitments',
] as const

const Zone = z.strictObject({
  key,
  label: text(1000),
  x: coordinate,
  y: coordinate,
  w: size,
  h: size,
  shape: z.enum(['rectangle', 'ellipse']),
  color: z.enum(ZONE_COLORS),
  fill: z.enum(['none', 'semi', 'solid']),
  meaning: ZoneMeaningSchema,
  target: z.boolean(),
})

const Label = z.strictObject({ key, text: text(5000), x: coordinate, y: coordinate, w: size, size: z.enum(['s', 'm', 'l']) })
const Token = z.strictObject({ key, label: text(200), role: z.literal('talkingPiece'), x: coordinate, y: coordinate, w: size, h: size })

function unique(values: readonly string[]): boolean {
  return new Set(values).size === values.length
}

export const TemplateActivity = z
  .strictObject({
    /** The activity's id inside the file; a plan's steps name it. */
    instanceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'instanceId is 1 to 64 letters, digits, _ or -'),
    /** The built-in template it was made from (its instructions and behaviour), or any name. */
    base: key,
    name: text(200).min(1, 'an activity needs a name'),
    results: z.enum(RESULT_KINDS),
    instructions: text(5000),
    /** Top-left corner on the board (a whole board keeps its arrangement). */
    x: coordinate,
    y: coordinate,
    width: size,
    height: size,
    zones: z.array(Zone).max(600),
    labels: z.array(Label).max(200),
    tokens: z.array(Token).max(8),
    settings: z.record(key, z.json()).refine((s) => JSON.stringify(s).length <= 64 * 1024, 'settings are at most 64 KiB'),
  })
  .refine((a) => unique([...a.zones.map((z) => z.key), ...a.labels.map((l) => l.key), ...a.tokens.map((t) => t.key)]), {
    message: 'zone, label and token keys must be unique in an activity',
  })
export type TemplateActivity = z.infer<typeof TemplateActivity>

export const TemplateFile = z
  .strictObject({
    format: z.literal(TEMPLATE_FORMAT, { message: `format must be "${TEMPLATE_FORMAT}"` }),
    version: z.literal(TEMPLATE_FORMAT_VERSION, { message: `version must be ${TEMPLATE_FORMAT_VERSION}` }),
    /** Where it came from (informative: an import always gets an id of its own, SPEC R11). */
    id: z.string().max(80).optional(),
    builtIn: z.boolean().optional(),
    name: singleLine(MAX_TEMPLATE_NAME).trim().min(1, 'a template needs a name'),
    author: singleLine(MAX_TEMPLATE_AUTHOR).trim(),
    locale: z.enum(LOCALES, { message: `locale must be one of ${LOCALES.join(', ')}` }),
    description: text(2000),
    activities: z.array(TemplateActivity).min(1, 'a template holds at least one activity').max(MAX_TEMPLATE_ACTIVITIES),
    /** A whole board's plan; its steps name the activities above by `instanceId`. */
    plan: PlanInput.nullable(),
  })
  .refine((f) => unique(f.activities.map((a) => a.instanceId)), { message: 'activity instanceIds must be unique', path: ['activities'] })
  .superRefine((f, ctx) => {
    const ids = new Set(f.activities.map((a) => a.instanceId))
    f.plan?.steps.forEach((step, i) => {
      const activity = step.activity
      if (activity && 'instanceId' in activity && !ids.has(activity.instanceId)) {
        ctx.addIssue({ code: 'custom', path: ['plan', 'steps', i, 'activity'], message: `names no activity of the template (${activity.instanceId})` })
      }
      // A step may add a built-in when the board is made; any other id would fail only then.
      if (activity && 'template' in activity && !getTemplate(activity.template)) {
        ctx.addIssue({ code: 'custom', path: ['plan', 'steps', i, 'activity'], message: `names no built-in template (${activity.template})` })
      }
    })
  })
export type TemplateFile = z.infer<typeof TemplateFile>

/** How deep `value` nests (0 for a scalar), counted without recursion: a hostile file cannot overflow the stack. */
export function jsonDepth(value: unknown, limit = MAX_TEMPLATE_DEPTH): number {
  let deepest = 0
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }]
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!
    if (typeof v !== 'object' || v === null) continue
    const inner = depth + 1
    deepest = Math.max(deepest, inner)
    if (inner > limit) return inner
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push({ value: child, depth: inner })
  }
  return deepest
}

function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'the file is not a template'
  return `${issue.path.join('.') || 'file'}: ${issue.message}`
}

/**
 * Reads a template file (SPEC L10): at most `maxBytes` of UTF-8 JSON, nested at most
 * {@link MAX_TEMPLATE_DEPTH} deep, matching {@link TemplateFile}. The error names the first problem.
 */
export function parseTemplateFile(textOrValue: string | unknown, maxBytes = DEFAULT_MAX_TEMPLATE_BYTES): Result<TemplateFile> {
  let value = textOrValue
  if (typeof textOrValue === 'string') {
    const bytes = new TextEncoder().encode(textOrValue).length
    if (bytes > maxBytes) return err(`the template file is larger than ${maxBytes} bytes`)
    try {
      value = JSON.parse(textOrValue)
    } catch {
      return err('the template file is not JSON')
    }
  }
  if (jsonDepth(value) > MAX_TEMPLATE_DEPTH) return err(`the template file nests deeper than ${MAX_TEMPLATE_DEPTH} levels`)
  const parsed = TemplateFile.safeParse(value)
  return parsed.success ? ok(parsed.data) : err(firstProblem(parsed.error))
}
