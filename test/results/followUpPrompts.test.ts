/**
 * The prompts of a follow-up (issue 15, SPEC F10), pure: top-voted needs first (votes > 0, most
 * first, ties in board order, at most `needs`), then critical and high risks by score; at most
 * MAX_STEPS in all. Results written by hand; expectations by hand.
 */
import { describe, expect, it } from 'vitest'
import type { ActivityResult, BoardResults } from '../../shared/activities/index.js'
import { MAX_STEPS } from '../../shared/plan.js'
import { followUpPlan, followUpPrompts } from '../../shared/plans/followUp.js'

const note = (id: string, votes: number) => ({ id, text: `need ${id}`, votes })

function needsMap(notes: Array<{ id: string; text: string; votes: number }>): ActivityResult {
  return {
    instanceId: 'needs',
    templateId: 'stakeholder-needs-map',
    name: 'Needs',
    unzoned: [],
    kind: 'needsMap',
    stakeholders: [
      { key: 'staff', label: 'Staff', rows: [{ key: 'needs', label: 'Needs', notes: notes.slice(0, 3) }] },
      { key: 'clients', label: 'Clients', rows: [{ key: 'needs', label: 'Needs', notes: notes.slice(3) }] },
    ],
  }
}

function risk(id: string, likelihood: number, impact: number, band: string) {
  return { id, text: `risk ${id}`, votes: 0, riskId: id.toUpperCase(), likelihood, impact, score: likelihood * impact, band, bandLabel: band, owner: null, mitigation: null, status: 'open' }
}

function risks(entries: ReturnType<typeof risk>[]): ActivityResult {
  return { instanceId: 'risks', templateId: 'risk-matrix', name: 'Risks', unzoned: [], kind: 'riskRegister', bands: [], register: entries }
}

describe('follow-up prompts (issue 15)', () => {
  const results: BoardResults = {
    activities: [
      needsMap([note('n1', 3), note('n2', 0), note('n3', 5), note('n4', 3), note('n5', 1)]),
      risks([risk('r1', 3, 4, 'high'), risk('r2', 5, 5, 'critical'), risk('r3', 2, 2, 'low'), risk('r4', 4, 3, 'high'), risk('r5', 3, 3, 'medium')]),
    ],
    unplaced: [],
  }

  it('takes the three top-voted needs (ties in board order), then critical and high risks by score, impact first on ties', () => {
    // Needs: n3 (5), n1 (3, first in board order), n4 (3); n5 (1) is fourth; n2 has no vote.
    // Risks: r2 25 critical; r1 12 (impact 4) before r4 12 (impact 3); r3 low and r5 medium left out.
    expect(followUpPrompts(results).map((p) => p.id)).toEqual(['n3', 'n1', 'n4', 'r2', 'r1', 'r4'])
    expect(followUpPrompts(results, 0).map((p) => p.id)).toEqual(['r2', 'r1', 'r4'])
    expect(followUpPrompts(results, 10).map((p) => p.id)).toEqual(['n3', 'n1', 'n4', 'n5', 'r2', 'r1', 'r4'])
  })

  it('makes one step per prompt, titled in both languages; none without prompts; at most MAX_STEPS', () => {
    const plan = followUpPlan(results, 'Kick-off', 'fr')!
    expect(plan.locale).toBe('fr')
    expect(plan.title).toEqual({ en: 'Follow-up of Kick-off', fr: 'Suite de Kick-off' })
    expect(plan.steps.map((s) => s.id)).toEqual(['need-1', 'need-2', 'need-3', 'risk-4', 'risk-5', 'risk-6'])
    expect(plan.steps[0]!.title).toEqual({ en: 'Need: need n3', fr: 'Besoin : need n3' })
    expect(plan.steps[3]!.title).toEqual({ en: 'Risk R2 (score 25): risk r2', fr: 'Risque R2 (score 25) : risk r2' })
    expect(followUpPlan({ activities: [risks([risk('x', 1, 1, 'low')])], unplaced: [] }, 'Calm', 'en')).toBeNull()
    const many = risks(Array.from({ length: 50 }, (_, i) => risk(`m${i}`, 5, 5, 'critical')))
    expect(followUpPrompts({ activities: [many], unplaced: [] })).toHaveLength(MAX_STEPS)
  })
})
