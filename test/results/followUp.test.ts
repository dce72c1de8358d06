/**
 * "Plan a follow-up" from a risk board (issue 15): a new board whose plan holds the critical and
 * high risks in score order, one What, So What, Now What each; the facilitator link only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getRecordsMap, readAllRecords, writeRecord } from '../../shared/docLayout.js'
import { positionInZone, readActivities, type ActivityZone } from '../../shared/activities/index.js'
import { STATE_MAP } from '../../shared/facilitation.js'
import { PLAN_NOTES_KEY } from '../../shared/plan.js'
import { noteRecord } from '../helpers/records.js'
import { connectProvider, createTestBoard, startTestServer, waitFor, waitForSync, type TestBoard } from '../helpers/server.js'
import { api, createSpace, tokenOf, type Server } from '../spaces/support.js'

/** Six risks written by a participant; scores are likelihood × impact. */
const RISKS = [
  { id: 'shape:low', text: 'Printer jams', l: 1, i: 2 }, // 2, low
  { id: 'shape:tie-a', text: 'Budget freeze', l: 4, i: 3 }, // 12, high (impact 3)
  { id: 'shape:crit', text: 'Supplier fails', l: 4, i: 5, meta: { owner: 'Dana', mitigation: 'Second supplier' } }, // 20, critical
  { id: 'shape:med', text: 'Staff turnover', l: 3, i: 3 }, // 9, medium
  { id: 'shape:tie-b', text: 'Data breach', l: 3, i: 4 }, // 12, high (impact 4)
  { id: 'shape:high15', text: 'Key person leaves', l: 5, i: 3 }, // 15, high
  { id: 'shape:high10', text: 'Late delivery', l: 2, i: 5 }, // 10, high
]

/** Hand-computed: critical and high only, by score, ties by higher impact. */
const EXPECTED_TITLES = [
  'Risk R1 (score 20): Supplier fails',
  'Risk R2 (score 15): Key person leaves',
  'Risk R3 (score 12): Data breach',
  'Risk R4 (score 12): Budget freeze',
  'Risk R5 (score 10): Late delivery',
]

type PlanBody = { plan: { plan: { source?: string; steps: Array<{ id: string; title: { en: string; fr?: string }; activity: { instanceId: string } | null; phases: Array<{ kind: string }> }> } } | null }

describe('plan a follow-up from a risk board (issue 15)', () => {
  let server: Server
  let board: TestBoard

  beforeAll(async () => {
    server = await startTestServer()
    board = await createTestBoard(server.url, 'Q3 risks', 'risk-matrix')
    const participant = connectProvider(server.url, board.id, board.tokens.participant)
    const control = connectProvider(server.url, `${board.id}/control`, board.tokens.participant)
    await Promise.all([waitForSync(participant), waitForSync(control)])
    await waitFor(() => readActivities(readAllRecords(control.doc)).length === 1)
    const zones = readActivities(readAllRecords(control.doc))[0]!.zones
    const cell = (l: number, i: number) => zones.find((z): z is ActivityZone => z.meaning.kind === 'riskCell' && z.meaning.likelihood === l && z.meaning.impact === i)!
    participant.doc.transact(() => {
      for (const r of RISKS) {
        const at = positionInZone(cell(r.l, r.i), undefined, 0)
        writeRecord(getRecordsMap(participant.doc), noteRecord(r.id, r.text, at.x, at.y, { meta: r.meta ?? {} }))
      }
    })
    await new Promise((r) => setTimeout(r, 300))
    participant.destroy()
    control.destroy()
  }, 30_000)
  afterAll(async () => {
    await server.close()
  })

  const followUp = (token: string, json: unknown = {}) => api(server, `/api/boards/${board.id}/follow-up`, token, { method: 'POST', json })

  it('a participant or viewer link gets 403 and no board is made; a bad body gets 400 with a message', async () => {
    for (const token of [board.tokens.participant, board.tokens.viewer]) {
      const res = await followUp(token)
      expect(res.status).toBe(403)
      expect(await res.text()).toMatch(/facilitator/)
    }
    const bad = await followUp(board.tokens.facilitator, { needs: 99 })
    expect(bad.status).toBe(400)
    expect(await bad.text()).toMatch(/needs is 0 to 10/)
    const unknown = await followUp(board.tokens.facilitator, { extra: true })
    expect(unknown.status).toBe(400)
  })

  it('creates a board whose plan holds the critical and high risks in score order, each a What, So What, Now What', async () => {
    const res = await followUp(board.tokens.facilitator)
    expect(res.status).toBe(201)
    const body = (await res.json()) as { board: { id: string; title: string }; links: Record<string, string>; prompts: Array<{ kind: string; id: string }> }
    expect(body.board.id).not.toBe(board.id)
    expect(body.board.title).toBe('Follow-up of Q3 risks')
    expect(body.prompts.map((p) => p.id)).toEqual(['shape:crit', 'shape:high15', 'shape:tie-b', 'shape:tie-a', 'shape:high10'])
    const facilitator = tokenOf(body.links.facilitator!)
    const planned = (await (await api(server, `/api/boards/${body.board.id}/plan`, facilitator)).json()) as PlanBody
    const steps = planned.plan!.plan.steps
    expect(steps.map((s) => s.title.en)).toEqual(EXPECTED_TITLES)
    expect(steps[0]!.title.fr).toBe('Risque R1 (score 20) : Supplier fails')
    expect(steps.every((s) => s.phases.map((p) => p.kind).join(',') === 'write-private,groups,all')).toBe(true)
    // One What, So What, Now What activity per risk on the new board, titled with its prompt.
    const control = connectProvider(server.url, `${body.board.id}/control`, tokenOf(body.links.viewer!))
    await waitForSync(control)
    const activities = readActivities(readAllRecords(control.doc))
    control.destroy()
    expect(activities.map((a) => a.templateId)).toEqual(Array(5).fill('ls-what-so-what-now-what'))
    expect(new Set(steps.map((s) => s.activity?.instanceId))).toEqual(new Set(activities.map((a) => a.instanceId)))
    expect(activities.map((a) => a.name).sort()).toEqual([...EXPECTED_TITLES].sort())
    // The source board is unchanged: still one activity, no plan.
    const source = (await (await api(server, `/api/boards/${board.id}/plan`, board.tokens.viewer)).json()) as PlanBody
    expect(source.plan).toBeNull()
  })

  it('the facilitator notes of a risk step carry its owner and mitigation, for facilitators only', async () => {
    const res = await followUp(board.tokens.facilitator, { title: 'Risk follow-up' })
    const body = (await res.json()) as { board: { id: string; title: string }; links: Record<string, string> }
    expect(body.board.title).toBe('Risk follow-up')
    const participantPlan = await (await api(server, `/api/boards/${body.board.id}/plan`, tokenOf(body.links.participant!))).text()
    expect(participantPlan).not.toContain('Second supplier')
    const notesDoc = connectProvider(server.url, `${body.board.id}/facilitator`, tokenOf(body.links.facilitator!))
    await waitForSync(notesDoc)
    await waitFor(() => notesDoc.doc.getMap(STATE_MAP).get(PLAN_NOTES_KEY) !== undefined)
    const notes = notesDoc.doc.getMap(STATE_MAP).get(PLAN_NOTES_KEY) as Record<string, { en: string; fr?: string }>
    notesDoc.destroy()
    expect(notes['risk-1']).toEqual({ en: 'Owner: Dana. Mitigation: Second supplier', fr: 'Responsable : Dana. Atténuation : Second supplier' })
    expect(notes['risk-2']).toBeUndefined()
  })

  it('asked with the space facilitator link, the follow-up is a session of the same space; with the board link it stands alone', async () => {
    const space = await createSpace(server, 'Risk team')
    const moved = await api(server, `/api/spaces/${space.id}/boards/${board.id}`, space.tokens.facilitator, { method: 'PUT', json: { boardToken: board.tokens.facilitator } })
    expect(moved.status).toBe(200)
    const sessions = async () => ((await (await api(server, `/api/spaces/${space.id}`, space.tokens.viewer)).json()) as { overview: { sessions: Array<{ id: string }> } }).overview.sessions.map((s) => s.id)
    const viaSpace = (await (await followUp(space.tokens.facilitator, { title: 'Next session' })).json()) as { board: { id: string } }
    const viaBoard = (await (await followUp(board.tokens.facilitator, { title: 'Standalone' })).json()) as { board: { id: string } }
    const ids = await sessions()
    expect(ids).toContain(viaSpace.board.id)
    expect(ids).not.toContain(viaBoard.board.id)
    // A member link of the space is a participant on its boards: no follow-up.
    expect((await followUp(space.tokens.member)).status).toBe(403)
  })

  it('a board with no voted need and no critical or high risk answers 400', async () => {
    const empty = await createTestBoard(server.url, 'Empty', 'risk-matrix')
    const res = await api(server, `/api/boards/${empty.id}/follow-up`, empty.tokens.facilitator, { method: 'POST', json: {} })
    expect(res.status).toBe(400)
    expect(await res.text()).toMatch(/nothing to follow up/)
  })
})
