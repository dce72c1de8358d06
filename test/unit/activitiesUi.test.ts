/**
 * The pure parts of the activities UI: "Move to…" zone names and filtering, and the names the
 * "Add activity" form sends. Expected values are written by hand from the templates' definitions.
 */
import { describe, expect, it } from 'vitest'
import { activityRequestFields, parseNames } from '../../client/board/activities/activityInputs.js'
import { filterZoneGroups, matchesQuery, zoneDisplayName, zoneGroups } from '../../client/board/activities/zoneChoices.js'
import type { Translate } from '../../client/i18n/I18nProvider.js'
import { CATALOGUES, formatMessage, type Locale } from '../../client/i18n/messages.js'
import { readActivities } from '../../shared/activities/index.js'
import { buildActivityRecords, getTemplate } from '../../shared/activities/index.js'

const translator = (locale: Locale): Translate => (key, params) => formatMessage(CATALOGUES[locale][key], params, locale)

function activitiesOf(...templates: string[]) {
  const records = []
  for (const [i, id] of templates.entries()) {
    const built = buildActivityRecords(id, { instanceId: `a${i}`, existing: records, participants: ['Ada', 'Grace'] })
    if (!built.ok) throw new Error(built.error)
    records.push(...built.value.records)
  }
  return readActivities(records)
}

describe('Move to… zone list', () => {
  const [risk] = activitiesOf('risk-matrix')
  const t = translator('en')

  it('names a risk cell by its levels, score and band', () => {
    const cell = risk!.zones.find((z) => z.key === 'l4-i5')!
    expect(zoneDisplayName(t, risk!, cell)).toBe('Likelihood 4 (Likely) × impact 5 (Severe) = 20, Critical')
    const low = risk!.zones.find((z) => z.key === 'l1-i2')!
    expect(zoneDisplayName(t, risk!, low)).toBe('Likelihood 1 (Rare) × impact 2 (Minor) = 2, Low')
    expect(zoneDisplayName(translator('fr'), risk!, cell)).toBe('Probabilité 4 (Likely) × impact 5 (Severe) = 20, Critique')
  })

  it.each([
    ['likely severe', ['l4-i5']], // "likely" does not start "unlikely"
    ['20', ['l4-i5', 'l5-i4']],
    ['rare', ['l1-i1', 'l1-i2', 'l1-i3', 'l1-i4', 'l1-i5']],
    ['almost certain severe', ['l5-i5']],
    ['critical 25', ['l5-i5']],
    ['nothing-like-this', []],
  ])('filter %j keeps %j', (query, keys) => {
    const [group] = zoneGroups(t, [risk!], null)
    const kept = group!.choices.filter((c) => matchesQuery(c, group!.title, query)).map((c) => c.zone.key)
    expect(kept.sort()).toEqual([...keys].sort())
  })

  it('WCAG 3.3 / issue 14: "Start" ranks the zone named Start above zones matched only by the activity title "Start / Stop / Continue"', () => {
    const activities = activitiesOf('retro-start-stop-continue', 'risk-matrix')
    const groups = zoneGroups(t, activities, null)
    const retro = groups.find((g) => g.activity.templateId === 'retro-start-stop-continue')!
    // Every zone of the retro matches "Start" through its title, so the plain filter keeps them all…
    expect(retro.choices.filter((c) => matchesQuery(c, retro.title, 'Start')).length).toBeGreaterThan(1)
    // …but the zone named Start comes first, so Enter puts the note there.
    expect(filterZoneGroups(groups, 'Start')[0]!.choices[0]!.name).toBe('Start')
    expect(filterZoneGroups(groups, 'stop')[0]!.choices[0]!.name).toBe('Stop')
    expect(filterZoneGroups(groups, 'continue')[0]!.choices[0]!.name).toBe('Continue')
    // A zone-name match in a later activity beats a title-only match in an earlier one.
    expect(filterZoneGroups(groups, 'critical 25')[0]!.activity.templateId).toBe('risk-matrix')
    expect(filterZoneGroups(groups, 'nothing-like-this')).toEqual([])
  })

  it('lists the activity holding the selected note first, and names seats by participant', () => {
    const activities = activitiesOf('risk-matrix', 'talking-circle')
    const circle = activities.find((a) => a.templateId === 'talking-circle')!
    const groups = zoneGroups(t, activities, circle.instanceId)
    expect(groups.map((g) => g.activity.templateId)).toEqual(['talking-circle', 'risk-matrix'])
    expect(groups[0]!.choices.slice(0, 2).map((c) => c.name)).toEqual(['Seat 1: Ada', 'Seat 2: Grace'])
  })
})

describe('Add activity names', () => {
  it.each([
    ['talking-circle', 'Ada, Grace\n\n Alan ', { participants: ['Ada', 'Grace', 'Alan'] }],
    ['fishbowl', 'Ada', { participants: ['Ada'] }],
    ['commitments', 'Ada\nGrace', { participants: ['Ada', 'Grace'] }],
    ['stakeholder-needs-map', 'Nurses\nPatients', { options: { stakeholders: ['Nurses', 'Patients'] } }],
    ['risk-matrix', 'Ada', {}],
    ['talking-circle', '  \n ', {}],
  ])('%s with %j sends %j', (id, text, expected) => {
    expect(activityRequestFields(getTemplate(id)!, text)).toEqual(expected)
  })

  it('keeps at most 40 names of at most 60 characters', () => {
    const names = parseNames(Array.from({ length: 50 }, (_, i) => `${'x'.repeat(70)}${i}`).join('\n'))
    expect(names).toHaveLength(40)
    expect(names.every((n) => n.length === 60)).toBe(true)
  })
})
