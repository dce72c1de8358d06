/**
 * Issue 4: privacy is enforced by the server. These tests inspect the bytes a participant's
 * stock y-websocket clients receive, not any UI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { getRecordsMap, readRecord, writeRecord } from '../../shared/docLayout.js'
import { parseState, PROFILE_MAP, STATE_KEYS, STATE_MAP, TimerState, timerRemainingMs, VOTES_MAP } from '../../shared/facilitation.js'
import { createTestBoard, startTestServer, waitFor, waitForSync, type TestBoard } from '../helpers/server.js'
import { noteRecord } from '../helpers/records.js'
import { postBoard, received, recordingProvider } from '../helpers/facilitation.js'

type Server = Awaited<ReturnType<typeof startTestServer>>

const act = (server: Server, board: TestBoard, body: unknown, token?: string) => postBoard(server.url, board, 'facilitation', body, token)

function controlState(provider: WebsocketProvider, key: string): unknown {
  return provider.doc.getMap(STATE_MAP).get(key)
}

describe('facilitation enforced by the server (issue 4)', () => {
  let server: Server
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('[F1][F2] private notes reach nobody before reveal, and everybody after it', async () => {
    const board = await createTestBoard(server.url)
    await act(server, board, { action: 'privateWriting', on: true })
    const alice = recordingProvider(server.url, `${board.id}/private/alice-secret-id-1234567890`, board.tokens.participant, [])
    await waitForSync(alice)
    alice.doc.transact(() => {
      alice.doc.getMap(PROFILE_MAP).set('name', 'Alice Quinn')
      writeRecord(getRecordsMap(alice.doc), noteRecord('shape:private1', 'SECRET-IDEA-ZEBRA', 40, 40))
    })

    const bobBytes: Buffer[] = []
    const bobBoard = recordingProvider(server.url, board.id, board.tokens.participant, bobBytes)
    const bobControl = recordingProvider(server.url, `${board.id}/control`, board.tokens.participant, bobBytes)
    await Promise.all([waitForSync(bobBoard), waitForSync(bobControl)])
    // The facilitator sees a count per person in the control doc.
    await waitFor(() => {
      const counts = controlState(bobControl, STATE_KEYS.privateCounts) as Record<string, { count: number }> | undefined
      return !!counts && Object.values(counts).some((c) => c.count === 1)
    })
    expect(received(bobBytes)).not.toContain('SECRET-IDEA-ZEBRA')
    expect(readRecord(bobBoard.doc, 'shape:private1')).toBeNull()

    // Another participant cannot open Alice's private doc without its id; the viewer none at all.
    const viewerTry = await fetch(`${server.url}/sync/${board.id}/private/alice-secret-id-1234567890?token=${board.tokens.viewer}`)
    expect(viewerTry.status).toBe(403)

    const reveal = await act(server, board, { action: 'revealPrivate', anonymous: false })
    expect(reveal.body.revealed).toBe(1)
    await waitFor(() => readRecord(bobBoard.doc, 'shape:private1') !== null)
    expect(received(bobBytes)).toContain('SECRET-IDEA-ZEBRA')
    expect((readRecord(bobBoard.doc, 'shape:private1')!.meta as { author?: string }).author).toBe('Alice Quinn')
    await waitFor(() => readRecord(alice.doc, 'shape:private1') === null)
    for (const p of [alice, bobBoard, bobControl]) p.destroy()
  })

  it('[F1][F2] a facilitator writing privately is counted apart from the participants, and revealed with them', async () => {
    const board = await createTestBoard(server.url)
    await act(server, board, { action: 'privateWriting', on: true })
    const carla = recordingProvider(server.url, `${board.id}/private/carla-secret-id-1234567890`, board.tokens.participant, [])
    const grace = recordingProvider(server.url, `${board.id}/private/grace-secret-id-1234567890`, board.tokens.facilitator, [])
    await Promise.all([waitForSync(carla), waitForSync(grace)])
    carla.doc.transact(() => {
      carla.doc.getMap(PROFILE_MAP).set('name', 'Carla')
      writeRecord(getRecordsMap(carla.doc), noteRecord('shape:carla1', 'Carla idea', 40, 40))
    })
    grace.doc.transact(() => {
      grace.doc.getMap(PROFILE_MAP).set('name', 'Grace')
      writeRecord(getRecordsMap(grace.doc), noteRecord('shape:grace1', 'Grace idea 1', 40, 40))
      writeRecord(getRecordsMap(grace.doc), noteRecord('shape:grace2', 'Grace idea 2', 80, 40))
    })
    // A participant cannot mark their own doc as a facilitator's (the mark is server-only).
    carla.doc.getMap('meta').set('facilitatorOwned', true)

    const control = recordingProvider(server.url, `${board.id}/control`, board.tokens.facilitator, [])
    await waitForSync(control)
    type Counts = Record<string, { name: string; count: number; facilitator?: true }>
    const byName = () => {
      const counts = (controlState(control, STATE_KEYS.privateCounts) ?? {}) as Counts
      return Object.fromEntries(Object.values(counts).map((c) => [c.name, c]))
    }
    await waitFor(() => byName().Grace?.count === 2 && byName().Grace?.facilitator === true && byName().Carla?.count === 1)
    expect(byName().Carla).toEqual({ name: 'Carla', count: 1 })
    expect(byName().Grace).toEqual({ name: 'Grace', count: 2, facilitator: true })
    const participantsTally = Object.values(byName()).filter((c) => !c.facilitator)
    expect(participantsTally.map((c) => c.name)).toEqual(['Carla'])

    const reveal = await act(server, board, { action: 'revealPrivate', anonymous: false })
    expect(reveal.body.revealed).toBe(3)
    const boardDoc = recordingProvider(server.url, board.id, board.tokens.participant, [])
    await waitForSync(boardDoc)
    await waitFor(() => ['shape:carla1', 'shape:grace1', 'shape:grace2'].every((id) => readRecord(boardDoc.doc, id) !== null))
    expect((readRecord(boardDoc.doc, 'shape:grace1')!.meta as { author?: string }).author).toBe('Grace')
    for (const p of [carla, grace, control, boardDoc]) p.destroy()
  })

  it('[F1] "written so far" lists who wrote and who is here; someone who left without writing drops off', async () => {
    const board = await createTestBoard(server.url)
    await act(server, board, { action: 'privateWriting', on: true })
    const dora = recordingProvider(server.url, `${board.id}/private/dora-secret-id-1234567890`, board.tokens.participant, [])
    const eve = recordingProvider(server.url, `${board.id}/private/eve-secret-id-12345678901`, board.tokens.participant, [])
    await Promise.all([waitForSync(dora), waitForSync(eve)])
    dora.doc.getMap(PROFILE_MAP).set('name', 'Dora')
    eve.doc.transact(() => {
      eve.doc.getMap(PROFILE_MAP).set('name', 'Eve')
      writeRecord(getRecordsMap(eve.doc), noteRecord('shape:eve1', 'Eve idea', 40, 40))
    })
    const control = recordingProvider(server.url, `${board.id}/control`, board.tokens.facilitator, [])
    await waitForSync(control)
    const listed = () => Object.values((controlState(control, STATE_KEYS.privateCounts) ?? {}) as Record<string, { name: string; count: number }>).map((c) => `${c.name}: ${c.count}`).sort()
    // Here and not written yet: listed with 0, so the facilitator sees who is still writing.
    await waitFor(() => listed().join() === 'Dora: 0,Eve: 1')
    dora.destroy()
    eve.destroy()
    // Gone: Dora had nothing to reveal and is no longer waited for; Eve's note is still to reveal.
    await waitFor(() => listed().join() === 'Eve: 1', 10_000, `after leaving: ${listed().join()}`)
    control.destroy()
  })

  it('[F3] anonymous hidden vote: no voter and no total leaks before reveal; limits hold against a modified client', async () => {
    const board = await createTestBoard(server.url)
    const writer = recordingProvider(server.url, board.id, board.tokens.facilitator, [])
    await waitForSync(writer)
    writer.doc.transact(() => {
      writeRecord(getRecordsMap(writer.doc), noteRecord('shape:a', 'note A'))
      writeRecord(getRecordsMap(writer.doc), noteRecord('shape:b', 'note B', 300))
    })
    const opened = await act(server, board, {
      action: 'openVote',
      settings: { votesPerPerson: 3, maxPerNote: 2, anonymous: true, hideTotals: true },
    })
    expect(opened.status).toBe(200)
    const voteId = (opened.body.vote as { id: string }).id

    const observerBytes: Buffer[] = []
    const observer = recordingProvider(server.url, `${board.id}/control`, board.tokens.participant, observerBytes)
    await waitForSync(observer)

    const cast = async (participantId: string, name: string, votes: Record<string, number>) => {
      const p = recordingProvider(server.url, `${board.id}/private/${participantId}`, board.tokens.participant, [])
      await waitForSync(p)
      p.doc.transact(() => {
        p.doc.getMap(PROFILE_MAP).set('name', name)
        const ballot = new Y.Map<number>()
        for (const [note, n] of Object.entries(votes)) ballot.set(note, n)
        p.doc.getMap(VOTES_MAP).set(voteId, ballot)
      })
      return p
    }
    // An honest ballot: 2 on A, 1 on B. A modified client: 50 on each.
    const honest = await cast('voter-one-0123456789abcdef', 'Voter Vera', { 'shape:a': 2, 'shape:b': 1 })
    const greedy = await cast('voter-two-0123456789abcdef', 'Voter Greg', { 'shape:a': 50, 'shape:b': 50, 'shape:nope': 9 })
    await new Promise((r) => setTimeout(r, 400))
    expect(controlState(observer, STATE_KEYS.voteTotals)).toBeUndefined()
    const before = received(observerBytes)
    expect(before).not.toContain('Voter Vera')
    expect(before).not.toContain('Voter Greg')

    await act(server, board, { action: 'closeVote' })
    await act(server, board, { action: 'revealVote' })
    // Hand-computed: Vera A2 B1; Greg (budget 3, max 2 per note, note-id order) A2 B1.
    await waitFor(() => controlState(observer, STATE_KEYS.voteTotals) !== undefined)
    expect(controlState(observer, STATE_KEYS.voteTotals)).toEqual({ 'shape:a': 4, 'shape:b': 2 })
    expect(controlState(observer, STATE_KEYS.voteVoters)).toBeUndefined()
    const after = received(observerBytes)
    expect(after).not.toContain('Voter Vera')
    expect(after).not.toContain('Voter Greg')
    for (const p of [writer, observer, honest, greedy]) p.destroy()
  })

  it('[F3] a named live vote publishes totals and voters as ballots change', async () => {
    const board = await createTestBoard(server.url)
    const writer = recordingProvider(server.url, board.id, board.tokens.participant, [])
    await waitForSync(writer)
    writer.doc.transact(() => writeRecord(getRecordsMap(writer.doc), noteRecord('shape:only', 'only note')))
    const opened = await act(server, board, {
      action: 'openVote',
      settings: { votesPerPerson: 3, maxPerNote: 3, anonymous: false, hideTotals: false },
    })
    const voteId = (opened.body.vote as { id: string }).id
    const observer = recordingProvider(server.url, `${board.id}/control`, board.tokens.viewer, [])
    await waitForSync(observer)
    const voter = recordingProvider(server.url, `${board.id}/private/named-voter-0123456789`, board.tokens.participant, [])
    await waitForSync(voter)
    voter.doc.transact(() => {
      voter.doc.getMap(PROFILE_MAP).set('name', 'Nadia')
      const ballot = new Y.Map<number>()
      ballot.set('shape:only', 2)
      voter.doc.getMap(VOTES_MAP).set(voteId, ballot)
    })
    await waitFor(() => (controlState(observer, STATE_KEYS.voteTotals) as Record<string, number> | undefined)?.['shape:only'] === 2)
    expect(controlState(observer, STATE_KEYS.voteVoters)).toEqual({ 'shape:only': ['Nadia'] })
    for (const p of [writer, observer, voter]) p.destroy()
  })

  it('[F4] two clients agree on the remaining time within 1 s; pause and reload keep it', async () => {
    const board = await createTestBoard(server.url)
    const started = await act(server, board, { action: 'timer', timer: { action: 'start', durationMs: 120_000 } })
    expect(started.status).toBe(200)
    const remainingFor = async (provider: WebsocketProvider) => {
      const t0 = Date.now()
      const { now } = (await (await fetch(`${server.url}/api/time`)).json()) as { now: number }
      const offset = now - (t0 + Date.now()) / 2
      const timer = parseState(TimerState, controlState(provider, STATE_KEYS.timer))
      if (!timer) throw new Error('no timer in the control doc')
      return timerRemainingMs(timer, Date.now() + offset)
    }
    const a = recordingProvider(server.url, `${board.id}/control`, board.tokens.participant, [])
    const b = recordingProvider(server.url, `${board.id}/control`, board.tokens.viewer, [])
    await Promise.all([waitForSync(a), waitForSync(b)])
    await waitFor(() => controlState(a, STATE_KEYS.timer) !== undefined && controlState(b, STATE_KEYS.timer) !== undefined)
    const [ra, rb] = await Promise.all([remainingFor(a), remainingFor(b)])
    expect(Math.abs(ra - rb)).toBeLessThan(1000)
    expect(ra).toBeGreaterThan(110_000)
    expect(ra).toBeLessThanOrEqual(120_000)

    await act(server, board, { action: 'timer', timer: { action: 'pause' } })
    await waitFor(() => (controlState(a, STATE_KEYS.timer) as { status?: string }).status === 'paused')
    const paused = await remainingFor(a)
    a.destroy()
    await new Promise((r) => setTimeout(r, 300))
    const reloaded = recordingProvider(server.url, `${board.id}/control`, board.tokens.participant, [])
    await waitForSync(reloaded)
    await waitFor(() => controlState(reloaded, STATE_KEYS.timer) !== undefined)
    expect(await remainingFor(reloaded)).toBe(paused)
    await act(server, board, { action: 'timer', timer: { action: 'addMinute' } })
    await waitFor(() => Math.abs((parseState(TimerState, controlState(b, STATE_KEYS.timer)) as { remainingMs?: number }).remainingMs! - (paused + 60_000)) < 1)
    for (const p of [b, reloaded]) p.destroy()
  })

  it('facilitator actions refuse other roles and bad input with a message', async () => {
    const board = await createTestBoard(server.url)
    const asParticipant = await act(server, board, { action: 'timer', timer: { action: 'start', durationMs: 60_000 } }, board.tokens.participant)
    expect(asParticipant.status).toBe(403)
    const bad = await act(server, board, { action: 'openVote', settings: { votesPerPerson: 0 } })
    expect(bad.status).toBe(400)
    expect(String(bad.body.error)).toMatch(/votesPerPerson/)
    const noVote = await act(server, board, { action: 'revealVote' })
    expect(noVote.status).toBe(409)
  })
})
