/**
 * Idle rooms sleep (docs/DECISIONS.md, issue 8): a loaded doc nobody writes or reads for
 * ROOM_SLEEP_AFTER_MS is kept as its encoded state, with its people still connected and
 * present. Joining, presence and exports are served asleep; the first write wakes it and is
 * checked, stored and broadcast as usual.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecord } from '../../shared/docLayout.js'
import { docKey } from '../../shared/roles.js'
import { PROFILE_MAP, STATE_KEYS, STATE_MAP, VOTES_MAP } from '../../shared/facilitation.js'
import { connectProvider, createTestBoard, startTestServer, waitFor, waitForSync } from '../helpers/server.js'
import { RawClient } from '../hardening/support/rawClient.js'
import { noteIds, noteRecord, putRecord } from './fixtures.js'

const SLEEP_AFTER_MS = 150

describe('idle rooms sleep as encoded state', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    server = await startTestServer({ ROOM_SLEEP_AFTER_MS: SLEEP_AFTER_MS })
  })
  afterAll(async () => {
    await server.close()
  })

  const roomOf = (boardId: string) => server.rooms.getLoaded(docKey(boardId, { kind: 'board' }))!

  it('[D8] a board with people on it sleeps; a newcomer syncs from the sleeping state, presence flows, and the first write wakes it for everyone', async () => {
    const board = await createTestBoard(server.url)
    const alice = connectProvider(server.url, board.id, board.tokens.participant)
    await waitForSync(alice)
    alice.doc.transact(() => {
      for (let i = 0; i < 10; i++) putRecord(alice.doc, noteRecord(`shape:n${i}`, i * 100, 0, `note ${i}`))
    })
    await waitFor(() => roomOf(board.id).isAsleep, 5000, 'the room to sleep')
    expect(server.rooms.loadedRooms).toBeGreaterThan(0)

    // A newcomer gets every note from the sleeping room, which stays asleep.
    const bob = connectProvider(server.url, board.id, board.tokens.participant)
    await waitForSync(bob)
    expect(noteIds(bob.doc)).toHaveLength(10)
    expect(readRecord(bob.doc, 'shape:n3')).toEqual(readRecord(alice.doc, 'shape:n3'))
    expect(roomOf(board.id).isAsleep).toBe(true)

    // Presence does not need the doc.
    bob.awareness.setLocalStateField('user', { name: 'Bob' })
    await waitFor(() => Array.from(alice.awareness.getStates().values()).some((s) => (s as { user?: { name?: string } }).user?.name === 'Bob'), 5000, 'Bob present at Alice')
    expect(roomOf(board.id).isAsleep).toBe(true)

    // The first write wakes the room; it reaches Alice and is stored.
    bob.doc.transact(() => putRecord(bob.doc, noteRecord('shape:n3', 999, 0, 'moved while asleep')))
    await waitFor(() => (readRecord(alice.doc, 'shape:n3') as { x?: number } | null)?.x === 999, 5000, 'the move at Alice')
    expect(roomOf(board.id).isAsleep).toBe(false)
    const stored = new Y.Doc()
    const loaded = await server.storage.loadDoc(docKey(board.id, { kind: 'board' }))
    if (loaded.snapshot) Y.applyUpdate(stored, loaded.snapshot)
    for (const u of loaded.updates) Y.applyUpdate(stored, u)
    expect((readRecord(stored, 'shape:n3') as { x?: number }).x).toBe(999)
    expect(noteIds(stored)).toHaveLength(10)

    // It sleeps again, and a JSON export is read without waking it.
    await waitFor(() => roomOf(board.id).isAsleep, 5000, 'the room to sleep again')
    const res = await fetch(`${server.url}/api/boards/${board.id}/export?format=json`, { headers: { authorization: `Bearer ${board.tokens.facilitator}` } })
    expect(res.status).toBe(200)
    expect(JSON.stringify(await res.json())).toContain('moved while asleep')
    expect(roomOf(board.id).isAsleep).toBe(true)
    alice.destroy()
    bob.destroy()
  })

  it('[D8][S6] a write refused by the schema guard after a wake is still refused, and the board is intact', async () => {
    const board = await createTestBoard(server.url)
    const writer = await RawClient.connect(server.url, board.id, board.tokens.participant)
    await writer.waitSynced()
    writer.write((doc) => putRecord(doc, noteRecord('shape:ok', 10, 20, 'fine')))
    await waitFor(() => roomOf(board.id).isAsleep, 5000, 'the room to sleep')
    writer.write((doc) => doc.getMap('records').set('shape:bad', new Y.Map([['typeName', 'shape'], ['type', 'nonsense']])))
    const closed = await writer.waitClosed()
    expect(closed.code).toBe(4004)
    const reader = connectProvider(server.url, board.id, board.tokens.viewer)
    await waitForSync(reader)
    expect(noteIds(reader.doc)).toEqual(['shape:ok'])
    expect(reader.doc.getMap('records').has('shape:bad')).toBe(false)
    reader.destroy()
  })

  it('[D8][F3] vote totals count the ballot kept in a sleeping private doc, without waking it', async () => {
    const board = await createTestBoard(server.url)
    const writer = connectProvider(server.url, board.id, board.tokens.participant)
    await waitForSync(writer)
    writer.doc.transact(() => putRecord(writer.doc, noteRecord('shape:idea', 0, 0, 'idea')))
    const res = await fetch(`${server.url}/api/boards/${board.id}/facilitation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${board.tokens.facilitator}` },
      body: JSON.stringify({ action: 'openVote', settings: { votesPerPerson: 3, maxPerNote: 3, anonymous: false, hideTotals: false } }),
    })
    expect(res.status).toBe(200)
    const voteId = ((await res.json()) as { vote: { id: string } }).vote.id
    const observer = connectProvider(server.url, `${board.id}/control`, board.tokens.viewer)
    await waitForSync(observer)
    const totals = () => (observer.doc.getMap(STATE_MAP).get(STATE_KEYS.voteTotals) as Record<string, number> | undefined)?.['shape:idea']
    const vote = (participantId: string, name: string, n: number) => {
      const p = connectProvider(server.url, `${board.id}/private/${participantId}`, board.tokens.participant)
      p.once('sync', () => p.doc.transact(() => {
        p.doc.getMap(PROFILE_MAP).set('name', name)
        const ballot = new Y.Map<number>()
        ballot.set('shape:idea', n)
        p.doc.getMap(VOTES_MAP).set(voteId, ballot)
      }))
      return p
    }
    const ada = vote('ada-sleeping-voter-0123456789', 'Ada', 2)
    await waitFor(() => totals() === 2, 5000, "Ada's ballot counted")
    const adaRoom = server.rooms.getLoaded(docKey(board.id, { kind: 'private', participantId: 'ada-sleeping-voter-0123456789' }))!
    await waitFor(() => adaRoom.isAsleep, 5000, "Ada's private doc to sleep")
    const bea = vote('bea-awake-voter-0123456789', 'Bea', 1)
    await waitFor(() => totals() === 3, 5000, "both ballots counted, Ada's read from her sleeping doc")
    expect(observer.doc.getMap(STATE_MAP).get(STATE_KEYS.voteVoters)).toEqual({ 'shape:idea': expect.arrayContaining(['Ada', 'Bea']) })
    expect(adaRoom.isAsleep).toBe(true)
    for (const p of [writer, observer, ada, bea]) p.destroy()
  })

  it('[D8][D5] a sleeping room still flushes and closes cleanly when its last person leaves, and reloads with everything', async () => {
    const board = await createTestBoard(server.url)
    const p = connectProvider(server.url, board.id, board.tokens.participant)
    await waitForSync(p)
    p.doc.transact(() => putRecord(p.doc, noteRecord('shape:kept', 1, 2, 'kept')))
    await waitFor(() => roomOf(board.id)?.isAsleep === true, 5000, 'the room to sleep')
    p.destroy()
    await waitFor(() => server.rooms.getLoaded(docKey(board.id, { kind: 'board' })) === undefined, 5000, 'the room to unload')
    const again = connectProvider(server.url, board.id, board.tokens.viewer)
    await waitForSync(again)
    expect(readRecord(again.doc, 'shape:kept')).toEqual(noteRecord('shape:kept', 1, 2, 'kept'))
    again.destroy()
  })
})

describe('putting many idle rooms to sleep', () => {
  const IDLE_MS = 2000
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    // Slices of no more than one room's work: a sweep needs one slice per room.
    server = await startTestServer({ ROOM_SLEEP_AFTER_MS: IDLE_MS, ROOM_SLEEP_SLICE_MS: 0 })
  })
  afterAll(async () => {
    await server.close()
  })

  it('[D8] a sweep goes on in short slices until every idle doc sleeps, not one slice per timer tick', async () => {
    const boards = await Promise.all(Array.from({ length: 12 }, (_, i) => createTestBoard(server.url, `Idle ${i}`)))
    const people = boards.map((b) => connectProvider(server.url, b.id, b.tokens.participant))
    await Promise.all(people.map((p) => waitForSync(p)))
    for (const [i, p] of people.entries()) p.doc.transact(() => putRecord(p.doc, noteRecord(`shape:idle${i}`, i, i, 'idle')))
    const rooms = boards.map((b) => server.rooms.getLoaded(docKey(b.id, { kind: 'board' }))!)
    // The timer ticks every IDLE_MS / 2; one room per tick would take 12 ticks (12 s).
    await waitFor(() => rooms.some((r) => r.isAsleep), IDLE_MS * 3, 'the first room to sleep')
    await waitFor(() => rooms.every((r) => r.isAsleep), IDLE_MS / 2, 'every room to sleep within one tick of the first')
    for (const p of people) p.destroy()
  })
})
