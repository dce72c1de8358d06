import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getBoardSchema, initialBoardRecords, validateRecord } from '../../shared/boardSchema.js'
import { getRecordsMap, readAllRecords, writeRecord, type JsonRecord } from '../../shared/docLayout.js'
import { readActivities, zonesOf } from '../../shared/activities/index.js'
import {
  ACTIVITY_META_KEY,
  buildActivityRecords,
  getTemplate,
  TEMPLATES,
  templateSummaries,
  type BuiltActivity,
} from '../../shared/activities/index.js'

function built(templateId: string, input: Parameters<typeof buildActivityRecords>[1] = {}): BuiltActivity {
  const result = buildActivityRecords(templateId, input)
  if (!result.ok) throw new Error(result.error)
  return result.value
}

function note(id: string, x: number, y: number, parentId = 'page:page', index = 'a1'): JsonRecord {
  return {
    id, typeName: 'shape', type: 'note', x, y, rotation: 0, index, parentId, isLocked: false, opacity: 1, meta: {},
    props: { color: 'yellow', labelColor: 'black', size: 'm', font: 'draw', fontSizeAdjustment: 0, align: 'middle',
      verticalAlign: 'middle', growY: 0, url: '', richText: { type: 'doc', content: [{ type: 'paragraph' }] }, scale: 1 },
  }
}

function overlaps(a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

const SAMPLE_PARTICIPANTS = ['Ana', 'Bo', 'Cy', 'Di', 'Ed', 'Fay', 'Gil']

describe('template catalogue', () => {
  it('lists every activity the issue asks for, with unique ids and gallery texts', () => {
    expect(templateSummaries().map((t) => t.id)).toEqual([
      'stakeholder-needs-map',
      'empathy-map',
      'power-interest-grid',
      'risk-matrix',
      'talking-circle',
      'fishbowl',
      'retro-start-stop-continue',
      'retro-mad-sad-glad',
      'retro-4ls',
      'retro-sailboat',
      'change-readiness-check-in',
      'recognition-wall',
      'commitments',
    ])
    for (const summary of templateSummaries()) {
      expect(Object.keys(summary).sort()).toEqual(['description', 'family', 'id', 'name'])
      expect(summary.name.length).toBeGreaterThan(3)
      expect(summary.description.length).toBeGreaterThan(20)
    }
    expect(getTemplate('risk-matrix')?.family).toBe('risk-management')
    expect(getTemplate('nope')).toBeNull()
  })
})

describe('buildActivityRecords', () => {
  it.each(TEMPLATES.map((t) => [t.id]))('%s: every record passes the tldraw schema, is locked and carries its activity meta', (id) => {
    const activity = built(id, { instanceId: 'inst1', participants: SAMPLE_PARTICIPANTS })
    const schema = getBoardSchema()
    const ids = new Set<string>()
    for (const record of activity.records) {
      const valid = validateRecord(schema, record)
      expect(valid.ok ? 'valid' : `${record.id}: ${valid.error}`).toBe('valid')
      expect(record.isLocked).toBe(true)
      expect(record.id.startsWith('shape:inst1')).toBe(true)
      const meta = (record.meta as Record<string, Record<string, unknown>>)[ACTIVITY_META_KEY]
      expect(meta).toMatchObject({ instanceId: 'inst1', templateId: id })
      ids.add(record.id)
    }
    expect(ids.size).toBe(activity.records.length)
    const [frame, ...children] = activity.records
    expect(frame).toMatchObject({ id: 'shape:inst1', type: 'frame', parentId: 'page:page', x: 0, y: 0 })
    for (const child of children) expect(child.parentId).toBe('shape:inst1')
    const zones = children.filter((c) => (c.meta as Record<string, { role: string }>)[ACTIVITY_META_KEY]?.role === 'zone')
    expect(zones.length).toBeGreaterThan(0)
    // Every zone lies inside the frame.
    const frameProps = frame!.props as { w: number; h: number }
    for (const zone of zones) {
      const p = zone.props as { w: number; h: number }
      expect(zone.x as number).toBeGreaterThanOrEqual(0)
      expect(zone.y as number).toBeGreaterThanOrEqual(0)
      expect((zone.x as number) + p.w).toBeLessThanOrEqual(frameProps.w)
      expect((zone.y as number) + p.h).toBeLessThanOrEqual(frameProps.h)
    }
  })

  // tldraw 3.15's geo label font sizes (LABEL_FONT_SIZES), multiplied by the shape's `scale`.
  const GEO_LABEL_PX = { s: 18, m: 22, l: 26, xl: 32 } as const
  it.each(TEMPLATES.map((t) => [t.id]))('%s: zone labels read when the board opens fitted, and leave room for notes', (id) => {
    const activity = built(id, { instanceId: 'inst1', participants: SAMPLE_PARTICIPANTS })
    const zones = activity.records.filter((c) => (c.meta as Record<string, { role: string }>)[ACTIVITY_META_KEY]?.role === 'zone')
    for (const zone of zones) {
      const p = zone.props as { geo: string; w: number; h: number; size: keyof typeof GEO_LABEL_PX; scale: number }
      const fontPx = GEO_LABEL_PX[p.size] * p.scale
      const side = Math.min(p.w, p.h)
      // A retrospective opens at about 36 % on a 1440 × 900 screen: a column's title must
      // still be about 12 px there (18 px at scale 1 would be 6.5 px).
      if (p.geo !== 'ellipse' && side >= 400) expect(fontPx, zone.id).toBeGreaterThanOrEqual(32)
      expect(fontPx, zone.id).toBeLessThanOrEqual(side / 6)
      // Seats keep small names: the talking piece sits on their rim.
      if (p.geo === 'ellipse') expect(p.scale, zone.id).toBe(1)
    }
  })

  it('places a new activity on free space, clear of existing shapes (notes, frames, rotated children)', () => {
    const existing: JsonRecord[] = [
      ...initialBoardRecords(),
      note('shape:n1', 0, 0),
      note('shape:n2', 300, 500),
      {
        ...note('shape:frame', 2000, 0),
        type: 'frame',
        props: { w: 400, h: 300, name: 'theirs', color: 'black' },
      },
      { ...note('shape:inframe', 350, 250, 'shape:frame'), rotation: Math.PI / 4 },
    ]
    const first = built('risk-matrix', { existing, instanceId: 'risk' })
    const boxes = [
      { x: 0, y: 0, w: 200, h: 200 },
      { x: 300, y: 500, w: 200, h: 200 },
      { x: 2000, y: 0, w: 400, h: 300 },
      // the rotated child's page-space bounds: corner (2350, 250), 200 × 200 turned 45°
      { x: 2350 - 141.43, y: 250, w: 282.85, h: 282.85 },
    ]
    for (const box of boxes) expect(overlaps(first.bounds, box)).toBe(false)
    // Adding more activities keeps every frame clear of all others.
    const placed = [first.bounds]
    let all = [...existing, ...first.records]
    for (const id of ['retro-sailboat', 'talking-circle', 'empathy-map']) {
      const next = built(id, { existing: all, instanceId: id })
      for (const box of [...boxes, ...placed]) expect(overlaps(next.bounds, box)).toBe(false)
      placed.push(next.bounds)
      all = [...all, ...next.records]
    }
  })

  it('stays at the requested origin when it is free, and moves when it is not', () => {
    expect(built('retro-4ls', { origin: { x: 5000, y: -200 }, existing: [note('shape:n', 0, 0)] }).bounds).toMatchObject({ x: 5000, y: -200 })
    const moved = built('retro-4ls', { origin: { x: 0, y: 0 }, existing: [note('shape:n', 100, 100)] }).bounds
    expect(overlaps(moved, { x: 100, y: 100, w: 200, h: 200 })).toBe(false)
  })

  it('puts the frame below every existing page child, so notes stay visible above it', () => {
    const existing = [note('shape:a', 5000, 0, 'page:page', 'a1'), note('shape:b', 6000, 0, 'page:page', 'Zz')]
    const frame = built('retro-mad-sad-glad', { existing }).records[0]!
    expect((frame.index as string) < 'Zz').toBe(true)
    expect(validateRecord(getBoardSchema(), frame).ok).toBe(true)
  })

  it('returns errors as values for an unknown template, a bad instance id, a duplicate and invalid options', () => {
    expect(buildActivityRecords('nope')).toEqual({ ok: false, error: 'unknown template nope' })
    expect(buildActivityRecords('retro-4ls', { instanceId: 'has space' }).ok).toBe(false)
    const first = built('retro-4ls', { instanceId: 'same' })
    expect(buildActivityRecords('retro-4ls', { instanceId: 'same', existing: first.records }).ok).toBe(false)
    expect(buildActivityRecords('stakeholder-needs-map', { options: { stakeholders: 'Residents' } }).ok).toBe(false)
    expect(buildActivityRecords('stakeholder-needs-map', { options: { stakeholders: [] } }).ok).toBe(false)
    expect(buildActivityRecords('risk-matrix', { options: { bands: [{ key: 'a', min: 1, max: 9 }, { key: 'b', min: 11, max: 25 }] } }).ok).toBe(false)
    expect(buildActivityRecords('risk-matrix', { options: { bands: [{ key: 'a', min: 1, max: 24 }] } }).ok).toBe(false)
    expect(buildActivityRecords('risk-matrix', { options: { likelihoodDefinitions: ['only one'] } }).ok).toBe(false)
    expect(buildActivityRecords('fishbowl', { options: { variant: 'half-open' } }).ok).toBe(false)
    expect(buildActivityRecords('talking-circle', { options: { rounds: 0 } }).ok).toBe(false)
  })

  it('gives a random instance id when none is given', () => {
    const a = built('retro-sailboat')
    const b = built('retro-sailboat')
    expect(a.instanceId).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(a.instanceId).not.toBe(b.instanceId)
  })

  it('the risk matrix has 25 cells, one per likelihood × impact, a definition for every level, and the default bands', () => {
    const activity = readActivities(built('risk-matrix', { instanceId: 'r' }).records)[0]!
    const cells = activity.zones.map((z) => z.meaning).filter((m) => m.kind === 'riskCell')
    expect(cells).toHaveLength(25)
    const pairs = new Set(cells.map((m) => (m.kind === 'riskCell' ? `${m.likelihood}x${m.impact}` : '')))
    expect(pairs.size).toBe(25)
    expect(activity.settings.bands).toEqual([
      { key: 'low', label: 'Low', min: 1, max: 4, color: 'green' },
      { key: 'medium', label: 'Medium', min: 5, max: 9, color: 'yellow' },
      { key: 'high', label: 'High', min: 10, max: 15, color: 'orange' },
      { key: 'critical', label: 'Critical', min: 16, max: 25, color: 'red' },
    ])
    const settings = activity.settings as { likelihood: Array<{ name: string; definition: string }>; impact: Array<{ name: string; definition: string }> }
    expect(settings.likelihood.map((l) => l.name)).toEqual(['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'])
    expect(settings.impact.map((l) => l.name)).toEqual(['Insignificant', 'Minor', 'Moderate', 'Major', 'Severe'])
    for (const level of [...settings.likelihood, ...settings.impact]) expect(level.definition.length).toBeGreaterThan(10)
    // The matrix shows each level's definition on the board, not only in settings.
    const texts = built('risk-matrix', { instanceId: 'r' }).records.filter((r) => r.type === 'text').map((r) => JSON.stringify(r.props))
    expect(texts.some((t) => t.includes('Almost certain: Expected to happen'))).toBe(true)
    expect(texts.some((t) => t.includes('Severe: The initiative fails'))).toBe(true)
  })

  it('seats come from the participant list in order; the talking piece is a token on seat 1', () => {
    const circle = readActivities(built('talking-circle', { instanceId: 'c', participants: ['Ana', 'Bo', 'Cy'] }).records)[0]!
    const seats = circle.zones.flatMap((z) => (z.meaning.kind === 'seat' ? [[z.meaning.seat, z.meaning.participant]] : []))
    expect(seats).toEqual([[1, 'Ana'], [2, 'Bo'], [3, 'Cy']])
    expect(circle.tokens).toHaveLength(1)
    const fishbowl = readActivities(built('fishbowl', { instanceId: 'f', participants: ['Ana', 'Bo', 'Cy', 'Di', 'Ed', 'Fay'] }).records)[0]!
    const rings = fishbowl.zones.flatMap((z) => (z.meaning.kind === 'seat' ? [`${z.meaning.ring}:${z.meaning.emptyChair ? 'empty' : z.meaning.participant}`] : []))
    expect(rings).toEqual(['inner:Ana', 'inner:Bo', 'inner:Cy', 'inner:Di', 'inner:empty', 'outer:Ed', 'outer:Fay'])
    expect(fishbowl.zones.some((z) => z.meaning.kind === 'queue')).toBe(true)
    const closed = readActivities(built('fishbowl', { instanceId: 'g', options: { variant: 'closed' } }).records)[0]!
    expect(closed.zones.some((z) => z.meaning.kind === 'seat' && z.meaning.emptyChair)).toBe(false)
    expect(closed.zones.some((z) => z.meaning.kind === 'queue')).toBe(false)
    expect(closed.settings).toEqual({ variant: 'fishbowlClosed', timerSeconds: 600 })
  })

  it('survives the Y.Doc layout codec: records written to a doc read back into the same activities', () => {
    const activity = built('power-interest-grid', { instanceId: 'pi' })
    const doc = new Y.Doc()
    doc.transact(() => {
      for (const record of activity.records) writeRecord(getRecordsMap(doc), record)
    })
    const back = readAllRecords(doc)
    expect(readActivities(back)).toEqual(readActivities(activity.records))
    expect(zonesOf(readActivities(back)[0]!).map((z) => z.key)).toEqual(['keepSatisfied', 'manageClosely', 'monitor', 'keepInformed'])
    expect(zonesOf(readActivities(back)[0]!, { all: true })).toHaveLength(5)
  })
})
