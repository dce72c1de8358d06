/**
 * The outline's pure parts (issue 14 / 13): notes filed under the zone holding their centre,
 * zones in board order, and "Add a note" finding a spot inside the zone clear of other notes.
 */
import { describe, expect, it } from 'vitest'
import { buildActivityRecords, readActivities, zoneContains, zonesOf, type Activity } from '../../shared/activities/index.js'
import { clearSpotInZone, type Rect } from '../../client/board/outline/clearSpot.js'
import { buildOutline, inBoardOrder, type OutlineNote } from '../../client/board/outline/outlineModel.js'
import type { Translate } from '../../client/i18n/I18nProvider.js'
import { CATALOGUES, formatMessage } from '../../client/i18n/messages.js'

const t: Translate = (key, params) => formatMessage(CATALOGUES.en[key], params, 'en')

function activity(templateId: string): Activity {
  const built = buildActivityRecords(templateId, { instanceId: 'a1' })
  if (!built.ok) throw new Error(built.error)
  return readActivities(built.value.records)[0]!
}

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

describe('outline model', () => {
  it('files each note under the zone holding its centre, zones left to right as on the board', () => {
    const retro = activity('retro-start-stop-continue')
    const zones = zonesOf(retro)
    const byKey = (key: string) => zones.find((z) => z.key === key)!
    const notes: OutlineNote[] = [
      { id: 'n1', text: 'stop it', author: null, isPrivate: false, center: byKey('stop').center },
      { id: 'n2', text: 'start it', author: 'Ada', isPrivate: false, center: byKey('start').center },
      { id: 'n3', text: 'far away', author: null, isPrivate: false, center: { x: -5000, y: -5000 } },
    ]
    const outline = buildOutline(t, [retro], notes, retro.pageId)
    const names = outline.activities[0]!.zones.map((z) => z.zone.key)
    // Left to right, from the geometry itself.
    expect(names).toEqual([...zones].sort((a, b) => a.bounds.x - b.bounds.x).map((z) => z.key))
    expect(names.slice(0, 3)).toEqual(['start', 'stop', 'continue'])
    const zone = (key: string) => outline.activities[0]!.zones.find((z) => z.zone.key === key)!
    expect(zone('stop').notes.map((n) => n.text)).toEqual(['stop it'])
    expect(zone('start').notes.map((n) => n.author)).toEqual(['Ada'])
    expect(outline.unplaced.map((n) => n.id)).toEqual(['n3'])
    expect(outline.noteCount).toBe(3)
  })

  it('orders rows top to bottom before left to right', () => {
    const z = (x: number, y: number) => ({ bounds: { x, y, w: 10, h: 10 } })
    expect(inBoardOrder([z(100, 200), z(0, 200), z(500, 0)]).map((b) => b.bounds)).toEqual([z(500, 0), z(0, 200), z(100, 200)].map((b) => b.bounds))
  })
})

describe('clear spot in a zone', () => {
  it('puts successive notes inside the zone without covering each other', () => {
    const zone = zonesOf(activity('retro-start-stop-continue')).find((z) => z.key === 'stop')!
    const placed: Rect[] = []
    for (let i = 0; i < 3; i++) {
      const at = clearSpotInZone(zone, { w: 200, h: 200 }, placed)
      const rect = { ...at, w: 200, h: 200 }
      expect(zoneContains(zone, { x: at.x + 100, y: at.y + 100 })).toBe(true)
      for (const other of placed) expect(overlap(rect, other)).toBe(false)
      placed.push(rect)
    }
  })

  it('still lands inside a full zone', () => {
    const zone = zonesOf(activity('risk-matrix'))[0]!
    const crowd: Rect[] = Array.from({ length: 40 }, (_, i) => ({ x: zone.bounds.x + (i % 8) * 30 - 100, y: zone.bounds.y + Math.floor(i / 8) * 30 - 100, w: 200, h: 200 }))
    const at = clearSpotInZone(zone, { w: 200, h: 200 }, crowd)
    expect(zoneContains(zone, { x: at.x + 100, y: at.y + 100 })).toBe(true)
  })
})
