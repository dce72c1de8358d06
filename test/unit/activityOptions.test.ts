/**
 * Issue 13: the lobby and "Add activity" ask for the same options — participant names, stakeholder
 * groups and a circle's round prompts — and send them so the template is laid out from them.
 */
import { describe, expect, it } from 'vitest'
import { buildActivityRecords, getTemplate, readActivities } from '../../shared/activities/index.js'
import { activityRequestFields, NO_OPTIONS, parsePrompts, takesPrompts } from '../../client/board/activities/activityInputs.js'

describe('activity options asked at creation', () => {
  it.each([
    ['talking-circle', { names: 'Ada\nBo', prompts: 'What brought you here?\n\n What will you take away, and why? ' }, { participants: ['Ada', 'Bo'], options: { prompts: ['What brought you here?', 'What will you take away, and why?'] } }],
    ['fishbowl', { names: '', prompts: 'Who decides?' }, { options: { prompts: ['Who decides?'] } }],
    ['stakeholder-needs-map', { names: 'Nurses', prompts: 'ignored' }, { options: { stakeholders: ['Nurses'] } }],
    ['retro-start-stop-continue', { names: 'Ada', prompts: 'ignored' }, {}],
    ['talking-circle', NO_OPTIONS, {}],
  ] as const)('%s with %j sends %j', (id, typed, expected) => {
    expect(activityRequestFields(getTemplate(id)!, typed)).toEqual(expected)
  })

  it('only circles take prompts; at most 10 of at most 200 characters', () => {
    expect(['talking-circle', 'fishbowl', 'commitments', 'risk-matrix'].map((id) => takesPrompts(getTemplate(id)!))).toEqual([true, true, false, false])
    const prompts = parsePrompts(Array.from({ length: 12 }, (_, i) => `${'q'.repeat(210)}${i}`).join('\n'))
    expect(prompts).toHaveLength(10)
    expect(prompts.every((p) => p.length === 200)).toBe(true)
  })

  it('a talking circle laid out from what the form sends has the named seats and one round per prompt', () => {
    const fields = activityRequestFields(getTemplate('talking-circle')!, { names: 'Ada, Bo, Cy', prompts: 'What brought you here?\nWhat do you take away?' })
    const built = buildActivityRecords('talking-circle', fields)
    expect(built.ok).toBe(true)
    if (!built.ok) return
    const [circle] = readActivities(built.value.records)
    const seats = circle!.zones.flatMap((z) => (z.meaning.kind === 'seat' ? [z.meaning.participant] : []))
    const prompts = circle!.zones.flatMap((z) => (z.meaning.kind === 'round' && z.meaning.part === 'prompt' ? [z.meaning.prompt] : []))
    expect(seats).toEqual(['Ada', 'Bo', 'Cy'])
    expect(prompts).toEqual(['What brought you here?', 'What do you take away?'])
  })
})
