/**
 * Issue 13, SPEC F7 and F8, pure: which headings a facilitator may rename, what a rename writes,
 * and the records of a commitments row added later.
 */
import { describe, expect, it } from 'vitest'
import { buildActivityRecords, readActivities } from '../../shared/activities/index.js'
import { addCommitmentRow } from '../../shared/activities/commitmentsRows.js'
import { renamableHeadings, renameHeading } from '../../shared/activities/headings.js'
import { richTextToPlainText } from '../../shared/activities/richText.js'
import type { JsonRecord } from '../../shared/docLayout.js'

function build(template: string, input: { participants?: readonly string[]; options?: Readonly<Record<string, unknown>> } = {}): JsonRecord[] {
  const built = buildActivityRecords(template, { instanceId: 'act', ...input })
  if (!built.ok) throw new Error(built.error)
  return built.value.records
}
const text = (r: JsonRecord | undefined) => richTextToPlainText((r?.props as { richText?: unknown }).richText).trim()
/** The records after writing `changes` over them (by id). */
const apply = (records: JsonRecord[], changes: JsonRecord[]) => {
  const byId = new Map(records.map((r) => [r.id, r]))
  for (const c of changes) byId.set(c.id, c)
  return [...byId.values()]
}

describe('renamable headings', () => {
  it.each([
    ['retro-start-stop-continue', {}, ['zone:start', 'zone:stop', 'zone:continue', 'zone:actions']],
    ['stakeholder-needs-map', { options: { stakeholders: ['Nurses', 'Patients'] } }, ['column:nurses', 'column:patients', 'row:needs', 'row:wiifm', 'row:concerns', 'row:current']],
    ['commitments', { participants: ['Ada', 'Bo'] }, ['column:online', 'column:onsite', 'column:ongoing', 'row:ada', 'row:bo']],
    ['risk-matrix', {}, []],
  ] as const)('%s offers %j', (template, input, expected) => {
    const headings = renamableHeadings(build(template, input)).map((h) => `${h.kind}:${h.key}`)
    expect([...headings].sort()).toEqual([...expected].sort())
  })
})

describe('renameHeading', () => {
  it('a stakeholder group: its label and the meaning of its four cells, nothing else', () => {
    const records = build('stakeholder-needs-map', { options: { stakeholders: ['Nurses', 'Patients'] } })
    const renamed = renameHeading(records, 'shape:act.label.column-nurses', '  Ward   nurses ')
    expect(renamed.ok).toBe(true)
    if (!renamed.ok) return
    expect(renamed.value).toHaveLength(5)
    const after = apply(records, renamed.value)
    expect(text(after.find((r) => r.id === 'shape:act.label.column-nurses'))).toBe('Ward nurses')
    const [needs] = readActivities(after)
    const columns = needs!.zones.flatMap((z) => (z.meaning.kind === 'cell' ? [`${z.meaning.column}=${z.meaning.columnLabel}`] : []))
    expect(columns.filter((c) => c === 'nurses=Ward nurses')).toHaveLength(4)
    expect(columns.filter((c) => c === 'patients=Patients')).toHaveLength(4)
    // The cells' own headings are the rows' ("Needs"), unchanged.
    expect(needs!.zones.filter((z) => z.meaning.kind === 'cell' && z.meaning.column === 'nurses').map((z) => z.label)).toEqual(['Needs', 'What\'s in it for me', 'Concerns / fears', 'Current way of working'])
  })

  it('a commitments row: its cells read the new name', () => {
    const records = build('commitments', { participants: ['Ada', 'Bo'] })
    const renamed = renameHeading(records, 'shape:act.label.row-ada', 'Adaline')
    if (!renamed.ok) throw new Error(renamed.error)
    const [commitments] = readActivities(apply(records, renamed.value))
    const ada = commitments!.zones.filter((z) => z.meaning.kind === 'cell' && z.meaning.row === 'ada')
    expect(ada.map((z) => z.label)).toEqual(['Adaline: Online', 'Adaline: Onsite', 'Adaline: Ongoing'])
    expect(ada.map((z) => (z.meaning.kind === 'cell' ? z.meaning.rowLabel : ''))).toEqual(['Adaline', 'Adaline', 'Adaline'])
  })

  it('a seat: its heading is who sits there', () => {
    const records = build('talking-circle', { participants: ['Ada', 'Bo'] })
    const seat = renamableHeadings(records).find((h) => h.key.includes('seat') || h.label.includes('Ada'))!
    const renamed = renameHeading(records, seat.id, 'Grace')
    if (!renamed.ok) throw new Error(renamed.error)
    const zone = readActivities(apply(records, renamed.value))[0]!.zones.find((z) => z.id === seat.id)!
    expect(zone.label).toBe('Grace')
    expect(zone.meaning.kind === 'seat' && zone.meaning.participant).toBe('Grace')
  })

  it.each([
    ['a grid cell', 'shape:act.zone.nurses-needs', 'Cell'],
    ['an unknown shape', 'shape:nope', 'Name'],
    ['an empty name', 'shape:act.label.column-nurses', '   '],
    ['the instructions', 'shape:act.label.instructions', 'Other'],
  ])('refuses %s', (_what, id, label) => {
    const records = build('stakeholder-needs-map', { options: { stakeholders: ['Nurses'] } })
    expect(renameHeading(records, id, label).ok).toBe(false)
  })
})

describe('addCommitmentRow', () => {
  it('adds a label and three cells below the last row, and grows the frame by one row', () => {
    const records = build('commitments', { participants: ['Ada', 'Bo'] })
    const added = addCommitmentRow(records, 'act', 'Cy')
    if (!added.ok) throw new Error(added.error)
    const after = apply(records, added.value)
    const [before, now] = [readActivities(records)[0]!, readActivities(after)[0]!]
    const cy = now.zones.filter((z) => z.meaning.kind === 'cell' && z.meaning.row === 'cy')
    const bo = before.zones.filter((z) => z.meaning.kind === 'cell' && z.meaning.row === 'bo')
    expect(cy.map((z) => z.label)).toEqual(['Cy: Online', 'Cy: Onsite', 'Cy: Ongoing'])
    cy.forEach((z, i) => {
      expect(z.bounds.x).toBe(bo[i]!.bounds.x)
      expect(z.bounds.h).toBe(bo[i]!.bounds.h)
      expect(z.bounds.y).toBe(bo[i]!.bounds.y + bo[i]!.bounds.h + 20)
    })
    expect(now.area.bounds.h).toBe(before.area.bounds.h + bo[0]!.bounds.h + 20)
    expect(text(after.find((r) => r.id === 'shape:act.label.row-cy'))).toBe('Cy')
    // New children sort after the existing ones and their indexes are distinct.
    const indexes = added.value.slice(1).map((r) => String(r.index))
    expect(new Set(indexes).size).toBe(4)
    const oldMax = records.filter((r) => r.parentId === 'shape:act').map((r) => String(r.index)).sort().at(-1)!
    for (const index of indexes) expect(index > oldMax).toBe(true)
    // Another "Cy" gets another row; a second addition goes below the first.
    const again = addCommitmentRow(after, 'act', 'Cy')
    if (!again.ok) throw new Error(again.error)
    const rows = readActivities(apply(after, again.value))[0]!.zones.filter((z) => z.meaning.kind === 'cell' && z.meaning.column === 'online')
    expect(rows.map((z) => (z.meaning.kind === 'cell' ? z.meaning.row : ''))).toEqual(['ada', 'bo', 'cy', 'cy-2'])
  })

  it.each([
    ['another template', 'retro-start-stop-continue', 'Cy'],
    ['an empty name', 'commitments', '  '],
  ])('refuses %s', (_what, template, name) => {
    expect(addCommitmentRow(build(template, template === 'commitments' ? { participants: ['Ada'] } : {}), 'act', name).ok).toBe(false)
  })
})
