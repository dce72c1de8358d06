/**
 * Table tests of results extraction, one block per activity. Every activity is built at the
 * page origin, so zone positions follow from the layout constants (frame padding 40, header
 * 120, gap 20); each note is given by its CENTRE and the expected results are written by hand
 * from those numbers (the derivation is in the comments), never computed with the code under test.
 */
import { toRichText } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import type { JsonRecord } from '../../shared/docLayout.js'
import {
  extractResults,
  openActions,
  positionInZone,
  readActivities,
  richTextToPlainText,
  zoneAt,
  zonesOf,
  type ActivityResult,
} from '../../shared/activities/index.js'
import { buildActivityRecords } from '../../shared/activities/index.js'

/** A 200 × 200 note whose centre is (cx, cy) in its parent's space. */
function noteAt(id: string, cx: number, cy: number, text: string, meta: Record<string, unknown> = {}, parentId = 'page:page'): JsonRecord {
  return {
    id: `shape:${id}`, typeName: 'shape', type: 'note', x: cx - 100, y: cy - 100, rotation: 0, index: 'a1', parentId,
    isLocked: false, opacity: 1, meta,
    props: { color: 'yellow', labelColor: 'black', size: 'm', font: 'draw', fontSizeAdjustment: 0, align: 'middle',
      verticalAlign: 'middle', growY: 0, url: '', richText: toRichText(text), scale: 1 },
  }
}

function template(templateId: string, input: Parameters<typeof buildActivityRecords>[1] = {}): JsonRecord[] {
  const result = buildActivityRecords(templateId, { instanceId: 'act', origin: { x: 0, y: 0 }, ...input })
  if (!result.ok) throw new Error(result.error)
  return result.value.records
}

function extractOne<K extends ActivityResult['kind']>(
  kind: K,
  templateRecords: JsonRecord[],
  notes: JsonRecord[],
  votes?: Record<string, number>,
): Extract<ActivityResult, { kind: K }> {
  const results = extractResults({ templateRecords, boardRecords: notes, votes })
  expect(results.activities).toHaveLength(1)
  const activity = results.activities[0]!
  expect(activity.kind).toBe(kind)
  return activity as Extract<ActivityResult, { kind: K }>
}

const texts = (notes: ReadonlyArray<{ text: string }>) => notes.map((n) => n.text)

describe('retrospectives', () => {
  // Columns at x = 40 + i·480 (w 460), y 120…840. Start 40–500, Stop 520–980,
  // Continue 1000–1460, Actions 1480–1940.
  it('Start / Stop / Continue: notes per column by votes, actions with owner and due date', () => {
    const notes = [
      noteAt('n1', 270, 300, 'More pairing'),
      noteAt('n2', 270, 600, 'Try demo days'),
      noteAt('n3', 750, 400, 'Long meetings'),
      noteAt('n4', 1230, 500, 'Code review'),
      noteAt('n5', 1700, 300, 'Book a room', { owner: 'Ana', due: '2025-07-01' }),
      noteAt('n6', 1710, 700, 'Write ADR', { owner: 'Bo', status: 'done' }),
      noteAt('n7', 510, 300, 'Between columns'), // in the 20 px gap: in the frame, no zone
      noteAt('n8', 3000, 3000, 'Far away'),
    ]
    const results = extractResults({ templateRecords: template('retro-start-stop-continue'), boardRecords: notes, votes: { 'shape:n2': 3, 'shape:n1': 1, 'shape:n6': 2 } })
    const retro = results.activities[0]!
    if (retro.kind !== 'retro') throw new Error(retro.kind)
    expect(retro.columns.map((c) => [c.key, c.label, texts(c.notes)])).toEqual([
      ['start', 'Start', ['Try demo days', 'More pairing']],
      ['stop', 'Stop', ['Long meetings']],
      ['continue', 'Continue', ['Code review']],
    ])
    expect(retro.columns[0]!.notes.map((n) => n.votes)).toEqual([3, 1])
    expect(retro.actions).toEqual([
      { id: 'shape:n6', text: 'Write ADR', votes: 2, owner: 'Bo', due: null, status: 'done' },
      { id: 'shape:n5', text: 'Book a room', votes: 0, owner: 'Ana', due: '2025-07-01', status: 'open' },
    ])
    expect(texts(retro.unzoned)).toEqual(['Between columns'])
    expect(texts(results.unplaced)).toEqual(['Far away'])
    expect(texts(openActions(retro))).toEqual(['Book a room'])
  })

  it.each([
    // [template, centres x of the columns' notes (one per column, last = Actions), expected column keys]
    ['retro-mad-sad-glad', [270, 750, 1230, 1710], ['mad', 'sad', 'glad']],
    ['retro-4ls', [270, 750, 1230, 1710, 2190], ['liked', 'learned', 'lacked', 'longed-for']],
    ['retro-sailboat', [270, 750, 1230, 1710, 2190], ['wind', 'anchors', 'rocks', 'island']],
  ] as const)('%s: one note per column lands in that column, the last in Actions', (id, xs, keys) => {
    const notes = xs.map((x, i) => noteAt(`n${i}`, x, 400, `note ${i}`))
    const retro = extractOne('retro', template(id), notes)
    expect(retro.columns.map((c) => [c.key, texts(c.notes)])).toEqual(keys.map((k, i) => [k, [`note ${i}`]]))
    expect(texts(retro.actions)).toEqual([`note ${xs.length - 1}`])
    expect(retro.unzoned).toEqual([])
  })

  it('follows parent frames: a note inside a participant frame (also a rotated one) is placed by its page centre', () => {
    const frame = (id: string, x: number, y: number, rotation: number): JsonRecord => ({
      id, typeName: 'shape', type: 'frame', x, y, rotation, index: 'a5', parentId: 'page:page', isLocked: false, opacity: 1, meta: {},
      props: { w: 400, h: 400, name: '', color: 'black' },
    })
    const notes = [
      frame('shape:f1', 1400, 100, 0),
      // local centre (300, 400) + frame (1400, 100) = page (1700, 500): Actions
      noteAt('a', 300, 400, 'In a frame', {}, 'shape:f1'),
      // frame turned 90° at (1500, 150): local centre (300, 200) → page (1500 − 200, 150 + 300) = (1300, 450): Continue
      frame('shape:f2', 1500, 150, Math.PI / 2),
      noteAt('b', 300, 200, 'In a turned frame', {}, 'shape:f2'),
      // a note on another page is not part of this board page's results
      { ...noteAt('c', 270, 300, 'Other page'), parentId: 'page:other' },
    ]
    const retro = extractOne('retro', template('retro-start-stop-continue'), notes)
    expect(texts(retro.actions)).toEqual(['In a frame'])
    expect(retro.columns.map((c) => texts(c.notes))).toEqual([[], [], ['In a turned frame']])
  })
})

describe('risk matrix', () => {
  // gridX = 40 + 320 = 360, gridY = 120 + 40 = 160, cells 260 × 220; impact i spans
  // x 360 + (i−1)·260, likelihood l spans y 160 + (5−l)·220 (likelihood 5 on top).
  const notes = [
    noteAt('low', 490, 1150, 'Printer jams'), // x 360–620 → I1, y 1040–1260 → L1: 1, low
    noteAt('crit', 1530, 490, 'Key supplier fails', { owner: 'Kim', mitigation: 'Second supplier' }), // I5, y 380–600 → L4: 20
    noteAt('med', 1010, 710, 'Staff turnover', { status: 'closed' }), // x 880–1140 → I3, y 600–820 → L3: 9
    noteAt('hiA', 1000, 270, 'Scope creep'), // I3, y 160–380 → L5: 15
    noteAt('hiB', 1500, 700, 'Data breach'), // I5, L3: 15, ranks above L5×I3 (impact first)
    noteAt('out', 200, 500, 'In the level labels'), // in the frame, left of the grid
  ]

  it('yields the register sorted by score (impact breaks ties) with bands, owner, mitigation, status', () => {
    const risk = extractOne('riskRegister', template('risk-matrix'), notes)
    expect(risk.register.map((r) => [r.riskId, r.text, r.likelihood, r.impact, r.score, r.band, r.owner, r.mitigation, r.status])).toEqual([
      ['R1', 'Key supplier fails', 4, 5, 20, 'critical', 'Kim', 'Second supplier', 'open'],
      ['R2', 'Data breach', 3, 5, 15, 'high', null, null, 'open'],
      ['R3', 'Scope creep', 5, 3, 15, 'high', null, null, 'open'],
      ['R4', 'Staff turnover', 3, 3, 9, 'medium', null, null, 'closed'],
      ['R5', 'Printer jams', 1, 1, 1, 'low', null, null, 'open'],
    ])
    expect(risk.register[0]!.bandLabel).toBe('Critical')
    expect(texts(risk.unzoned)).toEqual(['In the level labels'])
  })

  it('uses the bands configured on the board', () => {
    const bands = [
      { key: 'ok', label: 'Acceptable', min: 1, max: 12 },
      { key: 'act', label: 'Act now', min: 13, max: 25 },
    ]
    const risk = extractOne('riskRegister', template('risk-matrix', { options: { bands } }), notes)
    expect(risk.register.map((r) => [r.score, r.band, r.bandLabel])).toEqual([
      [20, 'act', 'Act now'],
      [15, 'act', 'Act now'],
      [15, 'act', 'Act now'],
      [9, 'ok', 'Acceptable'],
      [1, 'ok', 'Acceptable'],
    ])
  })

  it('"Move to…": positionInZone puts a note in the centre of likelihood 4 × impact 5, and it reads 20 critical', () => {
    const records = template('risk-matrix')
    const [activity] = readActivities(records)
    const target = zonesOf(activity!).find((z) => z.meaning.kind === 'riskCell' && z.meaning.likelihood === 4 && z.meaning.impact === 5)!
    // cell x 1400–1660, y 380–600: centre (1530, 490); a 200 × 200 note's corner goes to (1430, 390)
    expect(positionInZone(target)).toEqual({ x: 1430, y: 390 })
    expect(positionInZone(target, { w: 200, h: 200 }, 1)).toEqual({ x: 1454, y: 414 })
    const moved = { ...noteAt('m', 0, 0, 'Moved by keyboard'), x: 1430, y: 390 }
    const risk = extractOne('riskRegister', records, [moved])
    expect(risk.register.map((r) => [r.score, r.band])).toEqual([[20, 'critical']])
    expect(zoneAt([activity!], { x: 1530, y: 490 })?.zone.key).toBe('l4-i5')
    expect(zoneAt([activity!], { x: 200, y: 500 })).toBeNull()
  })
})

describe('needs analysis', () => {
  it('stakeholder needs map: notes per stakeholder column and row, by votes', () => {
    // gridX 280, gridY 180; column c at x 280 + c·480 (w 460); row r at y 180 + r·320 (h 300).
    const notes = [
      noteAt('a', 400, 300, 'Safe streets'), // Residents × Needs
      noteAt('b', 600, 400, 'Quiet nights'), // Residents × Needs, more votes
      noteAt('c', 900, 950, 'Budget cuts'), // City staff (760–1220) × Concerns (820–1120)
      noteAt('d', 500, 1300, 'Paper forms'), // Residents × Current way (1140–1440)
    ]
    const map = extractOne('needsMap', template('stakeholder-needs-map', { options: { stakeholders: ['Residents', 'City staff'] } }), notes, {
      'shape:a': 2,
      'shape:b': 5,
    })
    expect(map.stakeholders.map((s) => [s.key, s.label, s.rows.map((r) => [r.key, texts(r.notes)])])).toEqual([
      ['residents', 'Residents', [['needs', ['Quiet nights', 'Safe streets']], ['wiifm', []], ['concerns', []], ['current', ['Paper forms']]]],
      ['city-staff', 'City staff', [['needs', []], ['wiifm', []], ['concerns', ['Budget cuts']], ['current', []]]],
    ])
    expect(map.stakeholders[0]!.rows.map((r) => r.label)).toEqual(['Needs', "What's in it for me", 'Concerns / fears', 'Current way of working'])
    expect(map.stakeholders[0]!.rows[0]!.notes.map((n) => n.votes)).toEqual([5, 2])
  })

  it('empathy map: Who, Goal, See, Say, Do, Hear, Pains, Gains', () => {
    // columns x 40–520, 540–1020, 1040–1520; rows y 120–480, 500–860, 880–1240 (Do spans the width);
    // Pains 540–770 and Gains 790–1020 share the middle.
    const notes = [
      noteAt('who', 200, 300, 'A new hire'),
      noteAt('goal', 1200, 300, 'Get productive'),
      noteAt('see', 700, 300, 'Busy seniors'),
      noteAt('say', 1300, 700, '"Where are the docs?"'),
      noteAt('do', 800, 1100, 'Asks in chat'),
      noteAt('hear', 300, 700, 'War stories'),
      noteAt('pains', 650, 700, 'Feels slow'),
      noteAt('gains', 900, 700, 'Helpful team'),
    ]
    const map = extractOne('empathyMap', template('empathy-map'), notes)
    expect(map.sections.map((s) => [s.key, texts(s.notes)])).toEqual([
      ['who', ['A new hire']],
      ['goal', ['Get productive']],
      ['see', ['Busy seniors']],
      ['say', ['"Where are the docs?"']],
      ['do', ['Asks in chat']],
      ['hear', ['War stories']],
      ['pains', ['Feels slow']],
      ['gains', ['Helpful team']],
    ])
  })

  it('power / interest grid: scores 1–10 from position, quadrant from the scores', () => {
    // grid x 200–1200 (interest), y 120–1120 (power, high at the top); 10 bands of 100 px.
    const notes = [
      noteAt('min', 1150, 170, 'Minister'), // interest band 9 → 10; power: 950 px from bottom → 10
      noteAt('uni', 350, 300, 'Union'), // interest 150 → 2; power 820 → 9
      noteAt('pub', 1000, 900, 'Public'), // interest 800 → 9; power 220 → 3
      noteAt('ven', 460, 1000, 'Vendor'), // interest 260 → 3; power 120 → 2
      noteAt('mid', 700, 620, 'Board'), // exactly the middle: 500 → 6 on both axes
      noteAt('off', 100, 600, 'Beside the grid'),
    ]
    const grid = extractOne('powerInterest', template('power-interest-grid'), notes)
    expect(grid.stakeholders.map((s) => [s.text, s.power, s.interest, s.quadrant])).toEqual([
      ['Minister', 10, 10, 'manageClosely'],
      ['Union', 9, 2, 'keepSatisfied'],
      ['Board', 6, 6, 'manageClosely'],
      ['Public', 3, 9, 'keepInformed'],
      ['Vendor', 2, 3, 'monitor'],
    ])
    expect(grid.quadrants.map((q) => [q.label, texts(q.stakeholders)])).toEqual([
      ['Manage closely', ['Minister', 'Board']],
      ['Keep satisfied', ['Union']],
      ['Keep informed', ['Public']],
      ['Monitor', ['Vendor']],
    ])
    expect(texts(grid.unzoned)).toEqual(['Beside the grid'])
  })
})

describe('dialogue circles', () => {
  it('talking circle: seats, talking piece holder, rounds with prompt, speakers, summary and notes', () => {
    // 4 seats: radius 300, ring 800 wide, centre (440, 520); seat 1 top (440, 220), seat 2 right
    // (740, 520), seat 3 bottom (440, 820), seat 4 left (140, 520). Rounds at x 920: prompt
    // 920–1280, notes 1300–1820, summary 1840–2200; round r at y 120 + (r−1)·280, 260 high.
    const records = template('talking-circle', {
      participants: ['Ana', 'Bo', 'Cy', 'Di'],
      options: { prompts: ['What brought you here?', 'What will you take away?'] },
    })
    // The keeper starts round 2 at seat 3 (a control-doc edit of the prompt zone's meaning).
    const withStart = records.map((r) => {
      const meta = r.meta as { activity: { key?: string; meaning?: Record<string, unknown> } }
      if (meta.activity.key !== 'round-2-prompt') return r
      return { ...r, meta: { activity: { ...meta.activity, meaning: { ...meta.activity.meaning, startSeat: 3 } } } }
    })
    const notes = [
      noteAt('s2', 740, 520, "Bo's thought"),
      noteAt('r1a', 1500, 250, 'Trust matters'),
      noteAt('r1b', 1600, 300, 'Listen more'),
      noteAt('r1s2', 2000, 330, 'Next: actions'),
      noteAt('r1s1', 2000, 250, 'We share a wish for trust'),
      noteAt('r2a', 1500, 550, 'Follow-up'),
      noteAt('corner', 350, 130, 'Corner of seat 1 box'), // inside seat 1's bounding box, outside its circle
    ]
    const circle = extractOne('circle', withStart, notes)
    expect(circle.variant).toBe('talkingCircle')
    expect(circle.seats.map((s) => [s.seat, s.participant, texts(s.notes)])).toEqual([
      [1, 'Ana', []],
      [2, 'Bo', ["Bo's thought"]],
      [3, 'Cy', []],
      [4, 'Di', []],
    ])
    expect(circle.talkingPiece).toEqual({ seat: 1, participant: 'Ana' })
    expect(circle.rounds).toEqual([
      {
        round: 1,
        prompt: 'What brought you here?',
        speakers: ['Ana', 'Bo', 'Cy', 'Di'],
        summary: 'We share a wish for trust\nNext: actions',
        notes: [
          { id: 'shape:r1a', text: 'Trust matters', votes: 0 },
          { id: 'shape:r1b', text: 'Listen more', votes: 0 },
        ],
      },
      { round: 2, prompt: 'What will you take away?', speakers: ['Cy', 'Di', 'Ana', 'Bo'], summary: '', notes: [{ id: 'shape:r2a', text: 'Follow-up', votes: 0 }] },
    ])
    expect(texts(circle.unzoned)).toEqual(['Corner of seat 1 box'])
  })

  it('fishbowl (open): inner speakers, empty chair, listeners, queue top first, prompt from a note', () => {
    // 2 speakers + empty chair inside (radius 220), 4 listeners outside (radius 500), ring centre
    // (640, 720). Inner: seat 1 (640, 500), seat 2 (830.5, 830), empty chair seat 3 (449.5, 830).
    // Outer: seat 4 (640, 220), seat 5 (1140, 720), seat 6 (640, 1220), seat 7 (140, 720).
    // Round 1 at x 1320: prompt 1320–1680, notes 1700–2220, summary 2240–2600, y 120–380; queue y 400–660.
    const records = template('fishbowl', { participants: ['Ana', 'Bo', 'Cy', 'Di', 'Ed', 'Fay'], options: { innerSeats: 2, rounds: 1 } })
    const notes = [
      noteAt('p', 1500, 250, 'How do we share data?'),
      noteAt('n', 1900, 250, 'Consent first'),
      noteAt('q2', 1500, 600, 'Ed'),
      noteAt('q1', 1400, 450, 'Di'),
      noteAt('l', 1140, 720, 'Listener note'),
      noteAt('e', 450, 830, 'On the empty chair'),
    ]
    const bowl = extractOne('circle', records, notes)
    expect(bowl.variant).toBe('fishbowlOpen')
    expect(bowl.seats.map((s) => [s.seat, s.ring, s.emptyChair ? 'empty' : s.participant, texts(s.notes)])).toEqual([
      [1, 'inner', 'Ana', []],
      [2, 'inner', 'Bo', []],
      [3, 'inner', 'empty', ['On the empty chair']],
      [4, 'outer', 'Cy', []],
      [5, 'outer', 'Di', ['Listener note']],
      [6, 'outer', 'Ed', []],
      [7, 'outer', 'Fay', []],
    ])
    expect(bowl.talkingPiece).toEqual({ seat: 1, participant: 'Ana' })
    expect(bowl.rounds).toEqual([
      { round: 1, prompt: 'How do we share data?', speakers: ['Ana', 'Bo'], summary: '', notes: [{ id: 'shape:n', text: 'Consent first', votes: 0 }] },
    ])
    expect(texts(bowl.queue)).toEqual(['Di', 'Ed'])
  })
})

describe('community activities', () => {
  it('change readiness: spectrum score 1–10 from x, average, what is in it for me, what worries me', () => {
    // spectrum x 40–1440 (10 bands of 140 px), y 120–420; wiifm x 40–730 and worries x 750–1440, y 480–920.
    const notes = [
      noteAt('a', 740, 300, 'Curious'), // 700 px → band 5 → 6
      noteAt('b', 110, 270, 'Not convinced'), // 70 px → 1
      noteAt('c', 1400, 200, 'Let us go'), // 1360 px → 10
      noteAt('d', 530, 350, 'Wait and see'), // 490 px → band 3 → 4
      noteAt('w', 300, 600, 'New skills'),
      noteAt('x', 1000, 700, 'Workload'),
    ]
    const check = extractOne('checkIn', template('change-readiness-check-in'), notes)
    expect(check.spectrum.map((s) => [s.text, s.score])).toEqual([
      ['Not convinced', 1],
      ['Wait and see', 4],
      ['Curious', 6],
      ['Let us go', 10],
    ])
    expect(check.averageScore).toBe(5.25)
    expect(check.sections.map((s) => [s.key, s.label, texts(s.notes)])).toEqual([
      ['wiifm', "What's in it for me", ['New skills']],
      ['worries', 'What worries me', ['Workload']],
    ])
  })

  it('recognition wall: kudos per category with the person recognised', () => {
    // columns thank-you 40–500, well-done 520–980, inspired-me 1000–1460.
    const notes = [
      noteAt('a', 200, 300, 'Thanks for the cover', { to: 'Ana' }),
      noteAt('b', 750, 600, 'Nice fix'),
      noteAt('c', 700, 300, 'Great launch', { to: 'Bo' }),
    ]
    const wall = extractOne('recognition', template('recognition-wall'), notes, { 'shape:b': 1, 'shape:c': 4 })
    expect(wall.categories).toEqual([
      { key: 'thank-you', label: 'Thank you', notes: [{ id: 'shape:a', text: 'Thanks for the cover', votes: 0, to: 'Ana' }] },
      {
        key: 'well-done',
        label: 'Well done',
        notes: [
          { id: 'shape:c', text: 'Great launch', votes: 4, to: 'Bo' },
          { id: 'shape:b', text: 'Nice fix', votes: 1, to: null },
        ],
      },
      { key: 'inspired-me', label: 'You inspired me', notes: [] },
    ])
  })

  it('commitments: what each person does online, onsite and ongoing', () => {
    // gridX 280, gridY 180; mode c at x 280 + c·480 (w 460); person r at y 180 + r·280 (h 260).
    const notes = [
      noteAt('a', 500, 300, 'Join the forum'), // Ana × Online
      noteAt('b', 1400, 600, 'Monthly check-in'), // Bo × Ongoing
      noteAt('c', 900, 500, 'Host a site visit'), // Bo × Onsite
    ]
    const plan = extractOne('commitments', template('commitments', { participants: ['Ana', 'Bo'] }), notes)
    expect(plan.people.map((p) => [p.label, p.modes.map((m) => [m.key, texts(m.notes)])])).toEqual([
      ['Ana', [['online', ['Join the forum']], ['onsite', []], ['ongoing', []]]],
      ['Bo', [['online', []], ['onsite', ['Host a site visit']], ['ongoing', ['Monthly check-in']]]],
    ])
  })
})

describe('the board as a whole', () => {
  it('reads several activities at once, in frame order, each note in exactly one of them', () => {
    const retro = buildActivityRecords('retro-mad-sad-glad', { instanceId: 'retro', origin: { x: 0, y: 0 } })
    if (!retro.ok) throw new Error(retro.error)
    const risk = buildActivityRecords('risk-matrix', { instanceId: 'risk', origin: { x: 0, y: 0 }, existing: retro.value.records })
    if (!risk.ok) throw new Error(risk.error)
    const { x, y } = risk.value.bounds
    const notes = [noteAt('glad', 1230, 400, 'Shipped'), noteAt('risk', x + 1530, y + 490, 'Outage')]
    const results = extractResults({ templateRecords: [...retro.value.records, ...risk.value.records], boardRecords: notes })
    expect(results.activities.map((a) => a.instanceId).sort()).toEqual(['retro', 'risk'])
    const byId = new Map(results.activities.map((a) => [a.instanceId, a]))
    const r = byId.get('retro')
    const k = byId.get('risk')
    expect(r?.kind === 'retro' && r.columns.map((c) => texts(c.notes))).toEqual([[], [], ['Shipped']])
    expect(k?.kind === 'riskRegister' && k.register.map((e) => [e.text, e.score])).toEqual([['Outage', 20]])
    expect(results.unplaced).toEqual([])
  })

  it('ignores template shapes and malformed meta instead of throwing', () => {
    const records = template('retro-sailboat')
    const broken = records.map((r, i) => (i === 3 ? { ...r, meta: { activity: { role: 'zone', instanceId: 'act' } } } : r))
    const results = extractResults({ templateRecords: broken, boardRecords: [...records, noteAt('n', 270, 400, 'Tailwind')] })
    const retro = results.activities[0]
    expect(retro?.kind === 'retro' && retro.columns.map((c) => c.key)).toEqual(['wind', 'anchors', 'island'])
  })
})

describe('richTextToPlainText', () => {
  it.each([
    ['paragraphs', toRichText('first\nsecond'), 'first\nsecond'],
    ['empty paragraph kept between lines', toRichText('a\n\nb'), 'a\n\nb'],
    ['empty note', toRichText(''), ''],
    [
      'marks, hard break, list',
      {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Bold', marks: [{ type: 'bold' }] }, { type: 'hardBreak' }, { type: 'text', text: 'next' }] },
          { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }, { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two' }] }] }] },
        ],
      },
      'Bold\nnext\none\ntwo',
    ],
    ['not rich text', 'plain string', ''],
    ['null', null, ''],
  ])('%s', (_name, input, expected) => {
    expect(richTextToPlainText(input)).toBe(expected)
  })
})
