import { describe, expect, it } from 'vitest'
import { buildActivityRecords, readActivities, TEMPLATES } from '../../shared/activities/index.js'
import { getBoardSchema, validateRecord } from '../../shared/boardSchema.js'
import { builtInTemplateFile, buildTemplateActivity, captureActivity } from '../../shared/templates/convert.js'
import { CUSTOM_TEMPLATE_PREFIX, jsonDepth, MAX_TEMPLATE_DEPTH, parseTemplateFile } from '../../shared/templates/format.js'

describe('one template file format for built-in and custom templates [L10]', () => {
  it('every built-in, in English and in French, converts to a file that parses and builds shapes the board schema accepts', () => {
    const schema = getBoardSchema()
    for (const t of TEMPLATES) {
      for (const locale of ['en', 'fr'] as const) {
        const file = builtInTemplateFile(t.id, locale)
        expect(file, t.id).not.toBeNull()
        const parsed = parseTemplateFile(JSON.stringify(file))
        expect(parsed.ok ? 'ok' : parsed.error, `${t.id} ${locale}`).toBe('ok')
        if (!parsed.ok) continue
        const built = buildTemplateActivity(parsed.value.activities[0]!)
        expect(built.ok).toBe(true)
        if (!built.ok) continue
        for (const r of built.value.records) expect(validateRecord(schema, r).ok, r.id).toBe(true)
      }
    }
  })

  it('a built-in built from its file has the same zones and texts as the built-in itself', () => {
    for (const { id } of TEMPLATES) {
      const direct = buildActivityRecords(id, { instanceId: 'x1', locale: 'fr' })
      const file = builtInTemplateFile(id, 'fr')!
      const viaFile = buildTemplateActivity(file.activities[0]!, { instanceId: 'x1' })
      expect(direct.ok && viaFile.ok).toBe(true)
      if (!direct.ok || !viaFile.ok) continue
      expect(viaFile.value.records).toEqual(direct.value.records)
    }
  })

  it('capturing an activity from its records gives back the layout it was built from', () => {
    const file = builtInTemplateFile('risk-matrix', 'en')!
    const built = buildActivityRecords('risk-matrix', { instanceId: 'rm1', origin: { x: 300, y: 200 } })
    expect(built.ok).toBe(true)
    if (!built.ok) return
    const captured = captureActivity(built.value.records, 'rm1', undefined, 'en')!
    const source = file.activities[0]!
    expect(captured.zones).toEqual(source.zones)
    expect(captured.labels.map((l) => l.text)).toEqual(source.labels.map((l) => l.text))
    expect(captured.settings).toEqual(source.settings)
    expect({ x: captured.x, y: captured.y, name: captured.name, base: captured.base }).toEqual({ x: 300, y: 200, name: 'Risk matrix', base: 'risk-matrix' })
    expect(readActivities(built.value.records)[0]!.zones.length).toBe(captured.zones.filter((z) => z.target).length + captured.zones.filter((z) => !z.target).length)
    expect(captureActivity(built.value.records, 'nope', undefined, 'en')).toBeNull()
  })

  it('no built-in id can be taken for a custom one (custom ids are namespaced) [R11]', () => {
    for (const t of TEMPLATES) expect(t.id.startsWith(CUSTOM_TEMPLATE_PREFIX)).toBe(false)
  })

  it('refuses malformed and hostile files with a message naming the first problem', () => {
    const good = builtInTemplateFile('retro-start-stop-continue', 'en')!
    const cases: Array<[string, unknown, RegExp]> = [
      ['not JSON', '{"format": ', /not JSON/],
      ['wrong format', { ...good, format: 'other' }, /format must be/],
      ['unknown key', { ...good, script: 'alert(1)' }, /Unrecognized key/i],
      ['no activities', { ...good, activities: [] }, /at least one activity/],
      ['bad locale', { ...good, locale: 'de' }, /locale must be one of en, fr/],
      ['control character in the name', { ...good, name: 'a\u0000b' }, /^name: no control characters/],
      ['huge name', { ...good, name: 'x'.repeat(500) }, /^name:/],
      ['NaN-ish size', { ...good, activities: [{ ...good.activities[0]!, width: -5 }] }, /activities\.0\.width/],
      ['bad zone meaning', { ...good, activities: [{ ...good.activities[0]!, zones: [{ ...good.activities[0]!.zones[0]!, meaning: { kind: 'evil' } }] }] }, /activities\.0\.zones\.0\.meaning/],
      ['plan naming a missing activity', { ...good, plan: { title: { en: 'P' }, locale: 'en', steps: [{ id: 's1', title: { en: 'S' }, activity: { instanceId: 'ghost' }, phases: [{ kind: 'discuss', durationMs: 1000 }] }] } }, /names no activity/],
      ['plan adding an unknown template', { ...good, plan: { title: { en: 'P' }, locale: 'en', steps: [{ id: 's1', title: { en: 'S' }, activity: { template: 'custom-AAAAAAAAAAAAAAAAAAAAAA' }, phases: [{ kind: 'discuss', durationMs: 1000 }] }] } }, /names no built-in template/],
    ]
    for (const [what, value, message] of cases) {
      const parsed = parseTemplateFile(typeof value === 'string' ? value : JSON.stringify(value))
      expect(parsed.ok, what).toBe(false)
      if (!parsed.ok) expect(parsed.error, what).toMatch(message)
    }
  })

  it('refuses a file over the size limit before parsing it, and a deeply nested one without recursing', () => {
    const big = parseTemplateFile('{' + ' '.repeat(2000) + '}', 1000)
    expect(big).toEqual({ ok: false, error: 'the template file is larger than 1000 bytes' })
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    const parsed = parseTemplateFile(deep, 10_000_000)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error).toMatch(/nests deeper than/)
    expect(jsonDepth({ a: [{ b: 1 }] })).toBe(3)
    expect(jsonDepth(JSON.parse(deep))).toBe(MAX_TEMPLATE_DEPTH + 1)
  })
})
