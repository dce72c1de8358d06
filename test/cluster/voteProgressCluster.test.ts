/**
 * "N of M have voted" across instances (issue 13): two participants on two server processes
 * sharing PostgreSQL + Redis; the facilitator, on the first, sees both counted as present, then
 * the vote of the one on the other instance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { PROFILE_MAP, STATE_KEYS, STATE_MAP, VOTES_MAP } from '../../shared/facilitation.js'
import { connectProvider, createTestBoard, waitFor, waitForSync, type TestBoard } from '../helpers/server.js'
import { clusterServicesAvailable, startCluster, type Cluster } from './clusterHelpers.js'

const available = await clusterServicesAvailable()

describe.runIf(available)('vote progress on a cluster', () => {
  let cluster: Cluster
  const providers: WebsocketProvider[] = []
  beforeAll(async () => {
    cluster = await startCluster(2)
  }, 120_000)
  afterAll(async () => {
    for (const p of providers) p.destroy()
    await cluster?.close()
  })

  const connect = async (url: string, room: string, token: string) => {
    const p = connectProvider(url, room, token)
    providers.push(p)
    await waitForSync(p, 15_000)
    return p
  }
  /** A participant: present on the board doc (as the app publishes it) and with a private doc. */
  const join = async (url: string, board: TestBoard, id: string, name: string) => {
    const onBoard = await connect(url, board.id, board.tokens.participant)
    onBoard.awareness.setLocalStateField('user', { id, name, color: '#1e5fbf', role: 'participant' })
    const own = await connect(url, `${board.id}/private/${id}-secret-0123456789abc`, board.tokens.participant)
    own.doc.getMap(PROFILE_MAP).set('name', name)
    return own
  }

  it('counts the participants of every instance, and a vote cast on the other one', async () => {
    const a = cluster.servers[0]!
    const b = cluster.servers[1]!
    const board = await createTestBoard(a.url, 'Cluster vote')
    const control = await connect(a.url, `${board.id}/control`, board.tokens.facilitator)
    const progress = () => JSON.stringify(control.doc.getMap(STATE_MAP).get(STATE_KEYS.voteProgress) ?? null)

    await join(a.url, board, 'ann', 'Ann')
    const bo = await join(b.url, board, 'bo', 'Bo')
    const res = await fetch(`${a.url}/api/boards/${board.id}/facilitation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${board.tokens.facilitator}` },
      body: JSON.stringify({ action: 'openVote', settings: { votesPerPerson: 2, maxPerNote: 2, anonymous: true, hideTotals: true } }),
    })
    expect(res.status).toBe(200)
    const voteId = ((await res.json()) as { vote: { id: string } }).vote.id
    await waitFor(() => progress() === JSON.stringify({ voted: 0, present: 2 }), 15_000, `0 of 2 (saw ${progress()})`)

    const ballot = new Y.Map<number>()
    bo.doc.getMap(VOTES_MAP).set(voteId, ballot)
    ballot.set('shape:anything', 1)
    await waitFor(() => progress() === JSON.stringify({ voted: 1, present: 2 }), 15_000, `1 of 2 (saw ${progress()})`)
  })
})
