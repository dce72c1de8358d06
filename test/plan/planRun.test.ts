/**
 * Issue 15: running a plan is a server action. Stock y-websocket clients (participants,
 * viewers) see each phase's state change in the control doc; a participant's attempt is 403
 * and changes nothing; facilitator notes never reach a participant's or viewer's socket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { getRecordsMap, readRecord, writeRecord } from '../../shared/docLayout.js'
import { BringState, Instructions, parseState, PrivateWritingState, PROFILE_MAP, STATE_KEYS, STATE_MAP, TimerState, VoteState } from '../../shared/facilitation.js'
import { GROUPS_STATE_KEY, readGroupsState } from '../../shared/groups.js'
import { PLAN_NOTES_KEY, PLAN_STATE_KEY, readPlanState, type PlanInput } from '../../shared/plan.js'
import { createTestBoard, startTestServer, waitFor, waitForSync, type TestBoard } from '../helpers/server.js'
import { noteRecord } from '../helpers/records.js'
import { postBoard, received, recordingProvider } from '../helpers/facilitation.js'
import { upgradeStatus } from '../integration/fixtures.js'

type Server = Awaited<ReturnType<typeof startTestServer>>
const NOTES_TEXT = 'PLAN-NOTE-ONLY-FOR-FACILITATORS-QX7'

const planAction = (server: Server, board: TestBoard, body: unknown, token?: string) => postBoard(server.url, board, 'plan', body, token)

const state = (p: WebsocketProvider, key: string): unknown => p.doc.getMap(STATE_MAP).get(key)
const planOf = (p: WebsocketProvider) => readPlanState(state(p, PLAN_STATE_KEY))

const ONE_TWO_FOUR: PlanInput = {
  title: { en: '1-2-4-All' },
  locale: 'en',
  steps: [
    {
      id: 'ideas',
      title: { en: 'Ideas', fr: 'Idées' },
      activity: { template: 'ls-1-2-4-all' },
      instructions: { en: 'How might we welcome newcomers?', fr: 'Comment accueillir les nouveaux ?' },
      notes: { en: NOTES_TEXT },
      phases: [
        { kind: 'write-private', durationMs: 60_000 },
        { kind: 'pairs', durationMs: 120_000, settings: { reveal: true } },
        { kind: 'groups', durationMs: 240_000, settings: { groupSize: 4 } },
        { kind: 'all', durationMs: 300_000 },
      ],
    },
    {
      id: 'choose',
      title: { en: 'Choose' },
      activity: { sameAs: 'ideas' },
      phases: [
        { kind: 'vote', durationMs: 120_000, settings: { votesPerPerson: 2 } },
        { kind: 'reveal', durationMs: 0 },
      ],
    },
  ],
}

describe('running a plan (issue 15)', () => {
  let server: Server
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('[R10] facilitator notes stay in the facilitator doc: never on a participant or viewer socket; their upgrade is refused', async () => {
    const board = await createTestBoard(server.url)
    const bytes: Buffer[] = []
    const watchers = [
      recordingProvider(server.url, board.id, board.tokens.participant, bytes),
      recordingProvider(server.url, `${board.id}/control`, board.tokens.participant, bytes),
      recordingProvider(server.url, board.id, board.tokens.viewer, bytes),
      recordingProvider(server.url, `${board.id}/control`, board.tokens.viewer, bytes),
      recordingProvider(server.url, `${board.id}/private/participant-private-0123456789`, board.tokens.participant, bytes),
    ]
    await Promise.all(watchers.map((w) => waitForSync(w)))
    const set = await planAction(server, board, { action: 'set', plan: ONE_TWO_FOUR })
    expect(set.status).toBe(200)
    expect(JSON.stringify(set.body)).not.toContain(NOTES_TEXT)
    const started = await planAction(server, board, { action: 'start' })
    expect(started.status).toBe(200)
    await waitFor(() => planOf(watchers[1]!)?.run.status === 'running')

    const facilitatorDoc = recordingProvider(server.url, `${board.id}/facilitator`, board.tokens.facilitator, [])
    await waitForSync(facilitatorDoc)
    expect(state(facilitatorDoc, PLAN_NOTES_KEY)).toEqual({ ideas: { en: NOTES_TEXT } })

    for (const token of [board.tokens.participant, board.tokens.viewer]) {
      expect(await upgradeStatus(server.url, `${board.id}/facilitator`, token)).toBe(403)
      const res = await fetch(`${server.url}/sync/${board.id}/facilitator?token=${token}`)
      expect(res.status).toBe(403)
      expect(await res.text()).not.toContain(NOTES_TEXT)
    }
    // Plan state reached them; the notes did not.
    const seen = received(bytes)
    expect(seen).toContain('How might we welcome newcomers?')
    expect(seen).not.toContain(NOTES_TEXT)
    const publicPlan = await fetch(`${server.url}/api/boards/${board.id}/plan`, { headers: { authorization: `Bearer ${board.tokens.participant}` } })
    expect(await publicPlan.text()).not.toContain(NOTES_TEXT)
    for (const p of [...watchers, facilitatorDoc]) p.destroy()
  })

  it('a participant or viewer cannot set or drive the plan (403) and nothing changes', async () => {
    const board = await createTestBoard(server.url)
    await planAction(server, board, { action: 'set', plan: ONE_TWO_FOUR })
    const control = recordingProvider(server.url, `${board.id}/control`, board.tokens.participant, [])
    await waitForSync(control)
    await waitFor(() => planOf(control) !== null)
    const before = Y.encodeStateAsUpdate(control.doc)
    for (const token of [board.tokens.participant, board.tokens.viewer]) {
      for (const body of [{ action: 'start' }, { action: 'next' }, { action: 'shorten' }, { action: 'set', plan: ONE_TWO_FOUR }, { action: 'load', planId: 'triz' }]) {
        const res = await planAction(server, board, body, token)
        expect(res.status).toBe(403)
        expect(typeof res.body.error).toBe('string')
      }
    }
    // The facilitator's own read of the control doc shows no change.
    const check = recordingProvider(server.url, `${board.id}/control`, board.tokens.facilitator, [])
    await waitForSync(check)
    expect(planOf(check)?.run.status).toBe('ready')
    expect(state(check, STATE_KEYS.timer)).toBeUndefined()
    expect(Y.encodeStateAsUpdate(control.doc)).toEqual(before)
    // Bad input from the facilitator is a 400 with reasons, and changes nothing either.
    const bad = await planAction(server, board, { action: 'set', plan: { ...ONE_TWO_FOUR, steps: [{ ...ONE_TWO_FOUR.steps[0], phases: [{ kind: 'dance', durationMs: 1 }] }] } })
    expect(bad.status).toBe(400)
    const notRunning = await planAction(server, board, { action: 'next' })
    expect(notRunning.status).toBe(409)
    for (const p of [control, check]) p.destroy()
  })

  it('each phase of a 1-2-4-All plan is seen by a participant: timer, private writing, reveal, pairs, foursomes, vote', async () => {
    const board = await createTestBoard(server.url)
    const control = recordingProvider(server.url, `${board.id}/control`, board.tokens.participant, [])
    const boardDoc = recordingProvider(server.url, board.id, board.tokens.participant, [])
    const names = ['Ann', 'Bo', 'Cy', 'Di']
    const people = names.map((name, i) => recordingProvider(server.url, `${board.id}/private/${name.toLowerCase()}-private-doc-id-${i}0123456789`, board.tokens.participant, []))
    await Promise.all([control, boardDoc, ...people].map((p) => waitForSync(p)))
    people.forEach((p, i) => p.doc.transact(() => p.doc.getMap(PROFILE_MAP).set('name', names[i]!)))
    await planAction(server, board, { action: 'set', plan: ONE_TWO_FOUR })

    // Start: private writing on, a 1-min timer, everyone brought to the activity with its instructions.
    const t0 = Date.now()
    expect((await planAction(server, board, { action: 'start' })).status).toBe(200)
    await waitFor(() => planOf(control)?.run.status === 'running' && parseState(TimerState, state(control, STATE_KEYS.timer))?.status === 'running')
    const timer = parseState(TimerState, state(control, STATE_KEYS.timer))!
    expect(timer.durationMs).toBe(60_000)
    if (timer.status === 'running') expect(Math.abs(timer.endsAt - (t0 + 60_000))).toBeLessThan(2000)
    await waitFor(() => parseState(PrivateWritingState, state(control, STATE_KEYS.privateWriting))?.on === true)
    const instanceId = planOf(control)!.plan.steps[0]!.activity!.instanceId
    const bring = parseState(BringState, state(control, STATE_KEYS.bring))
    expect(bring?.bounds.w).toBeGreaterThan(0)
    expect(parseState(Instructions, state(control, STATE_KEYS.instructions))?.[instanceId]).toBe('How might we welcome newcomers?')
    expect(readRecord(control.doc, `shape:${instanceId}`)).not.toBeNull()

    // Everyone writes privately; nobody else sees it yet.
    people.forEach((p, i) => p.doc.transact(() => writeRecord(getRecordsMap(p.doc), noteRecord(`shape:idea-${i}`, `idea of ${names[i]}`, 100 * i, 0))))
    await new Promise((r) => setTimeout(r, 300))
    expect(readRecord(boardDoc.doc, 'shape:idea-0')).toBeNull()

    // Next: pairs. Notes revealed, two pairs formed from the four present, a 2-min timer.
    expect((await planAction(server, board, { action: 'next' })).status).toBe(200)
    await waitFor(() => names.every((_, i) => readRecord(boardDoc.doc, `shape:idea-${i}`) !== null))
    await waitFor(() => (readGroupsState(state(control, GROUPS_STATE_KEY))?.groups.length ?? 0) === 2)
    const pairs = readGroupsState(state(control, GROUPS_STATE_KEY))!
    expect(pairs.groups.map((g) => g.members.length)).toEqual([2, 2])
    expect(pairs.groups.flatMap((g) => g.members.map((m) => m.name)).sort()).toEqual(names)
    expect(pairs.groups.every((g) => readRecord(control.doc, `shape:plan-group-${g.id.slice(1)}`) !== null)).toBe(true)
    expect(parseState(TimerState, state(control, STATE_KEYS.timer))?.durationMs).toBe(120_000)
    expect(parseState(PrivateWritingState, state(control, STATE_KEYS.privateWriting))?.on).toBe(false)

    // Next: foursomes — the two pairs together, a 4-min timer.
    await planAction(server, board, { action: 'next' })
    await waitFor(() => readGroupsState(state(control, GROUPS_STATE_KEY))?.groups.length === 1)
    const four = readGroupsState(state(control, GROUPS_STATE_KEY))!
    expect(four.groups[0]!.members.map((m) => m.id)).toEqual(pairs.groups.flatMap((g) => g.members.map((m) => m.id)))
    expect(parseState(TimerState, state(control, STATE_KEYS.timer))?.durationMs).toBe(240_000)

    // Next: all together — groups and their spaces are gone.
    await planAction(server, board, { action: 'next' })
    await waitFor(() => state(control, GROUPS_STATE_KEY) === undefined)
    expect(readRecord(control.doc, 'shape:plan-group-1')).toBeNull()
    expect(parseState(TimerState, state(control, STATE_KEYS.timer))?.durationMs).toBe(300_000)

    // Next step: a vote opens; its reveal phase closes and reveals it.
    await planAction(server, board, { action: 'next' })
    await waitFor(() => parseState(VoteState, state(control, STATE_KEYS.vote))?.status === 'open')
    expect(parseState(VoteState, state(control, STATE_KEYS.vote))?.settings.votesPerPerson).toBe(2)
    await planAction(server, board, { action: 'next' })
    await waitFor(() => parseState(VoteState, state(control, STATE_KEYS.vote))?.status === 'revealed')
    expect(parseState(TimerState, state(control, STATE_KEYS.timer))?.status).toBe('idle')

    // Back goes to the vote phase again; next past the end finishes the run.
    await planAction(server, board, { action: 'back' })
    await waitFor(() => parseState(VoteState, state(control, STATE_KEYS.vote))?.status === 'open')
    await planAction(server, board, { action: 'next' })
    const done = await planAction(server, board, { action: 'next' })
    expect(done.status).toBe(200)
    await waitFor(() => planOf(control)?.run.status === 'done')
    for (const p of [control, boardDoc, ...people]) p.destroy()
  })

  it('shorten rescales the remaining phases to end at the target', async () => {
    const board = await createTestBoard(server.url)
    await planAction(server, board, {
      action: 'set',
      plan: {
        title: { en: 'Long' },
        steps: [{ id: 'one', title: { en: 'One' }, activity: null, phases: [{ kind: 'discuss', durationMs: 600_000 }, { kind: 'discuss', durationMs: 1_200_000 }] }],
      },
    })
    await planAction(server, board, { action: 'start' })
    // 30 min remain; ask to end in 15: every remaining phase halves (±1 s for the time the request takes).
    const shortened = await planAction(server, board, { action: 'shorten', targetEnd: Date.now() + 900_000 })
    expect(shortened.status).toBe(200)
    const phases = (shortened.body.plan as { plan: { steps: Array<{ phases: Array<{ durationMs: number }> }> } }).plan.steps[0]!.phases
    expect(Math.abs(phases[0]!.durationMs - 300_000)).toBeLessThanOrEqual(1000)
    expect(Math.abs(phases[1]!.durationMs - 600_000)).toBeLessThanOrEqual(1000)
    const again = await planAction(server, board, { action: 'shorten', targetEnd: Date.now() + 3_600_000 })
    expect(again.status).toBe(409)
  })

  it('POST /api/boards with a ready-made plan adds its activities and sets the plan; GET /api/plans lists them', async () => {
    const list = await fetch(`${server.url}/api/plans?locale=fr`)
    const plans = ((await list.json()) as { plans: Array<{ id: string; name: string }> }).plans
    expect(plans.map((p) => p.id)).toEqual(['needs-analysis-and-risk', 'change-readiness-kick-off', 'retrospective-60', '1-2-4-all', 'what-so-what-now-what', '15-percent-solutions', 'triz'])
    expect(plans.find((p) => p.id === 'retrospective-60')?.name).toBe('Rétrospective (60 min)')
    expect((await fetch(`${server.url}/api/plans?locale=xx`)).status).toBe(400)

    const res = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Kick-off', plan: 'retrospective-60', locale: 'fr' }),
    })
    expect(res.status).toBe(201)
    const created = (await res.json()) as { board: { id: string }; links: Record<string, string> }
    const token = created.links.participant!.split('#')[1]!
    const control = recordingProvider(server.url, `${created.board.id}/control`, token, [])
    await waitForSync(control)
    const stored = planOf(control)!
    expect(stored.plan.steps.map((s) => s.id)).toEqual(['set-the-stage', 'gather-data', 'generate-insights', 'decide', 'close'])
    const instance = stored.plan.steps[0]!.activity!.instanceId
    expect(stored.plan.steps.every((s) => s.activity?.instanceId === instance)).toBe(true)
    expect(readRecord(control.doc, `shape:${instance}`)).not.toBeNull()
    expect(stored.plan.locale).toBe('fr')
    const unknown = await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'X', plan: 'nope' }) })
    expect(unknown.status).toBe(400)
    control.destroy()
  })
})
