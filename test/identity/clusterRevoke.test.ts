/**
 * Issue 17, SPEC R18: revoking a person's credential on one instance closes that person's
 * sockets on every instance at once. Two server processes on one PostgreSQL database and one
 * Redis (test/cluster/clusterHelpers.ts), stock y-websocket providers and raw ws clients. The
 * relay message names the person by a short hash: neither the credential nor the person id
 * (their private doc's name) crosses Redis.
 */
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { decodePersonRevoke, readRelayMessage, RELAY_REVOKE_PERSON, controlChannel } from '../../server/cluster/relayProtocol.js'
import { personHash } from '../../server/people/personSessions.js'
import { connectProvider, createTestBoard, waitFor, waitForSync, type TestBoard } from '../helpers/server.js'
import { rawClient, sleep, upgradeStatus, wsUrl, type CloseInfo } from '../integration/fixtures.js'
import { clusterServicesAvailable, startCluster, TEST_REDIS_URL, type Cluster } from '../cluster/clusterHelpers.js'

const available = await clusterServicesAvailable()

type Json = Record<string, unknown>

async function api(base: string, method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${base}/api/boards${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: res.status, body: (await res.json()) as Json }
}

describe.runIf(available)('a revoked credential closes its sockets on every instance (issue 17, R18)', () => {
  let cluster: Cluster
  let a: string
  let b: string
  let spy: Redis
  /** Every message published on the cluster's control channel, as raw bytes. */
  const control: Buffer[] = []
  const providers: WebsocketProvider[] = []

  beforeAll(async () => {
    cluster = await startCluster(2)
    a = cluster.servers[0]!.url
    b = cluster.servers[1]!.url
    spy = new Redis(TEST_REDIS_URL)
    spy.on('messageBuffer', (_channel: Buffer, data: Buffer) => control.push(data))
    await spy.subscribe(controlChannel(cluster.prefix))
  }, 240_000)
  afterAll(async () => {
    for (const p of providers) p.destroy()
    spy?.disconnect()
    await cluster?.close()
  }, 60_000)

  async function admitted(board: TestBoard, name: string): Promise<{ id: string; credential: string }> {
    const joined = await api(a, 'POST', `/${board.id}/lobby`, board.tokens.participant, { name })
    expect(joined.status).toBe(201)
    const id = (joined.body.person as { id: string }).id
    expect((await api(a, 'POST', `/${board.id}/people/${id}/admit`, board.tokens.facilitator)).status).toBe(200)
    return { id, credential: joined.body.credential as string }
  }

  it('[R18] revoking on instance A closes the person’s provider and sockets on instance B; others stay', async () => {
    const board = await createTestBoard(a, 'Cluster admission')
    expect((await api(a, 'PATCH', `/${board.id}/settings`, board.tokens.facilitator, { admission: true })).status).toBe(200)
    const ada = await admitted(board, 'Ada')
    const bea = await admitted(board, 'Bea')

    // Ada on B: a stock provider on the board, raw sockets on her control and private docs; one socket on A too.
    const provider = connectProvider(b, board.id, ada.credential)
    providers.push(provider)
    const providerClosed: CloseInfo[] = []
    provider.on('connection-close', (event) => {
      if (event) providerClosed.push({ code: event.code, reason: event.reason })
    })
    await waitForSync(provider)
    const onB = [`${board.id}/control`, `${board.id}/private/${ada.id}`].map((p) => rawClient(wsUrl(b, p, ada.credential)))
    const onA = rawClient(wsUrl(a, board.id, ada.credential))
    const beaOnB = rawClient(wsUrl(b, board.id, bea.credential))
    const beaProvider = connectProvider(b, board.id, bea.credential)
    providers.push(beaProvider)
    await Promise.all([...onB, onA, beaOnB].map((s) => s.opened))
    await waitForSync(beaProvider)

    const revoked = await api(a, 'POST', `/${board.id}/people/${ada.id}/revoke`, board.tokens.facilitator)
    expect(revoked.status).toBe(200)
    expect(revoked.body.closedSessions).toBe(1) // only the socket on A is A's own

    const closes = await Promise.all([...onB, onA].map((s) => s.closed))
    for (const close of closes) expect(close).toEqual({ code: 4010, reason: 'link revoked' })
    await waitFor(() => providerClosed.length > 0, 5000, 'Ada’s provider on B to be closed')
    expect(providerClosed[0]).toEqual({ code: 4010, reason: 'link revoked' })
    // Her provider does not get back in, on either instance.
    for (const base of [a, b]) expect(await upgradeStatus(base, board.id, ada.credential)).toBe(403)
    await sleep(500)
    expect(provider.wsconnected).toBe(false)

    // Bea, on the same instance and board, is untouched.
    expect(beaOnB.ws.readyState).toBe(beaOnB.ws.OPEN)
    expect(beaProvider.wsconnected).toBe(true)
    beaOnB.ws.close()

    // What crossed Redis named Ada by a short hash only.
    const wire = Buffer.concat(control).toString('latin1')
    expect(wire).not.toContain(ada.credential)
    expect(wire).not.toContain(ada.id)
    const personRevokes = control
      .map((data) => readRelayMessage(new Uint8Array(data)))
      .filter((m) => m?.type === RELAY_REVOKE_PERSON)
      .map((m) => decodePersonRevoke(m!.payload))
    expect(personRevokes).toEqual([{ person: personHash(ada.id), code: 4010, reason: 'link revoked' }])
  })

  it('[R18] a person admitted again after a revocation on A can connect on B', async () => {
    const board = await createTestBoard(a, 'Readmitted')
    expect((await api(a, 'PATCH', `/${board.id}/settings`, board.tokens.facilitator, { admission: true })).status).toBe(200)
    const cy = await admitted(board, 'Cy')
    const first = rawClient(wsUrl(b, board.id, cy.credential))
    await first.opened
    expect((await api(a, 'POST', `/${board.id}/people/${cy.id}/revoke`, board.tokens.facilitator)).status).toBe(200)
    expect(await first.closed).toEqual({ code: 4010, reason: 'link revoked' })
    expect((await api(a, 'POST', `/${board.id}/people/${cy.id}/admit`, board.tokens.facilitator)).status).toBe(200)
    const again = rawClient(wsUrl(b, board.id, cy.credential))
    await again.opened
    await sleep(300)
    expect(again.ws.readyState).toBe(again.ws.OPEN)
    again.ws.close()
  })
})

describe('the person-revocation relay message', () => {
  it('[R18] decodes only a short hash with a close code and reason', () => {
    const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v))
    expect(decodePersonRevoke(bytes({ person: 'abcdefghijklmnop', code: 4010, reason: 'link revoked' }))).toEqual({
      person: 'abcdefghijklmnop',
      code: 4010,
      reason: 'link revoked',
    })
    for (const bad of [
      { person: 'a'.repeat(22), code: 4010, reason: 'x' },
      { person: 'abcdefghijklmnop', code: '4010', reason: 'x' },
      { person: 'abcdefghijklmno!', code: 4010, reason: 'x' },
      { code: 4010, reason: 'x' },
      null,
    ]) {
      expect(decodePersonRevoke(bytes(bad))).toBeNull()
    }
    expect(decodePersonRevoke(new Uint8Array([0xff, 0x00]))).toBeNull()
    expect(personHash('some-person-id-0123456')).toMatch(/^[A-Za-z0-9_-]{16}$/)
    expect(personHash('some-person-id-0123456')).not.toBe(personHash('some-person-id-0123457'))
  })
})
