/**
 * A session planned from the space page (issue 16 with issue 15's plans): the space facilitator
 * creates a board in the space from a ready-made plan; it lands in the space's timeline with the
 * plan set, in the space's language unless the request says otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NEEDS_AND_RISK_PLAN } from '../../shared/plans/workshops.js'
import { startTestServer } from '../helpers/server.js'
import { api, createSpace, type Server } from './support.js'

type PlanAnswer = { plan: { plan: { locale: string; steps: Array<{ title: { en: string; fr: string }; activity: { instanceId: string } | null }> } } | null }
type Created = { board: { id: string }; links: Record<'facilitator' | 'participant' | 'viewer', string> }
type Page = { overview: { sessions: Array<{ id: string; title: string; date: string; activities: string[] }> } }

describe('sessions created in a space from a ready-made plan', () => {
  let server: Server
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('a French space: the new session carries the plan, in French, and its activities', async () => {
    const space = await createSpace(server, 'Équipe transformation', 'fr')
    const res = await api(server, `/api/spaces/${space.id}/boards`, space.tokens.facilitator, {
      method: 'POST',
      json: { title: 'Atelier 1', date: '2026-12-03', plan: NEEDS_AND_RISK_PLAN.id },
    })
    expect(res.status).toBe(201)
    const created = (await res.json()) as Created
    const token = created.links.facilitator.split('#')[1] ?? null
    const plan = ((await (await api(server, `/api/boards/${created.board.id}/plan`, token)).json()) as PlanAnswer).plan?.plan
    expect(plan?.locale).toBe('fr')
    expect(plan?.steps.map((s) => s.title.fr)).toEqual(NEEDS_AND_RISK_PLAN.steps.map((s) => s.title.fr))
    expect(plan?.steps.filter((s) => s.activity).length).toBe(NEEDS_AND_RISK_PLAN.steps.filter((s) => s.activity).length)

    const page = (await (await api(server, `/api/spaces/${space.id}`, space.tokens.member)).json()) as Page
    const session = page.overview.sessions.find((s) => s.id === created.board.id)
    expect(session?.date).toBe('2026-12-03')
    // The plan's activities are on the board, so the timeline names them.
    expect(session?.activities.length).toBe(NEEDS_AND_RISK_PLAN.steps.filter((s) => s.activity).length)
  })

  it('an activity added to a board of a French space, without saying the language, is written in French', async () => {
    // The name a board created in each language gives the risk matrix.
    const nameIn = async (locale: 'en' | 'fr') => {
      const made = (await (await api(server, '/api/boards', null, { method: 'POST', json: { title: 'R', template: 'risk-matrix', locale } })).json()) as Created
      const results = (await (await api(server, `/api/boards/${made.board.id}/results`, made.links.viewer.split('#')[1]!)).json()) as { results: { activities: Array<{ name: string }> } }
      return results.results.activities[0]!.name
    }
    const [english, french] = [await nameIn('en'), await nameIn('fr')]
    expect(french).not.toBe(english)

    const space = await createSpace(server, 'Équipe', 'fr')
    const res = await api(server, `/api/spaces/${space.id}/boards`, space.tokens.facilitator, { method: 'POST', json: { title: 'Séance', template: 'session-evaluation' } })
    const created = (await res.json()) as Created
    const added = await api(server, `/api/boards/${created.board.id}/activities`, created.links.facilitator.split('#')[1]!, { method: 'POST', json: { template: 'risk-matrix' } })
    expect(added.status).toBe(201)
    const page = (await (await api(server, `/api/spaces/${space.id}`, space.tokens.member)).json()) as Page
    // The space's timeline mixed "Évaluation de la séance" with "Risk matrix".
    expect(page.overview.sessions.find((s) => s.id === created.board.id)?.activities).toContain(french)

    // Outside a space, English stays the default; a request's own language wins.
    const plain = (await (await api(server, '/api/boards', null, { method: 'POST', json: { title: 'P' } })).json()) as Created
    const token = plain.links.facilitator.split('#')[1]!
    await api(server, `/api/boards/${plain.board.id}/activities`, token, { method: 'POST', json: { template: 'risk-matrix' } })
    await api(server, `/api/boards/${plain.board.id}/activities`, token, { method: 'POST', json: { template: 'risk-matrix', locale: 'fr' } })
    const results = (await (await api(server, `/api/boards/${plain.board.id}/results`, token)).json()) as { results: { activities: Array<{ name: string }> } }
    expect(results.results.activities.map((a) => a.name)).toEqual([english, french])
  })

  it('an unknown plan is refused with a message and creates nothing', async () => {
    const space = await createSpace(server, 'Ops')
    const res = await api(server, `/api/spaces/${space.id}/boards`, space.tokens.facilitator, { method: 'POST', json: { title: 'S', plan: 'no-such-plan' } })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toContain('no-such-plan')
    const page = (await (await api(server, `/api/spaces/${space.id}`, space.tokens.facilitator)).json()) as Page
    expect(page.overview.sessions).toEqual([])
  })
})
