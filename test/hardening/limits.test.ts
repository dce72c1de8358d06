/**
 * Every limit is configurable and refuses the excess with a named close code or an HTTP status,
 * never by dropping it silently (SPEC L-rules). Each limit is set low on its own server.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { getRecordsMap, readAllRecords, readRecord, writeRecord } from '../../shared/docLayout.js'
import { CloseEvents, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS } from '../../shared/protocol.js'
import type { Config } from '../../server/config.js'
import { connectProvider, createTestBoard, startTestServer, waitFor, waitForSync } from '../helpers/server.js'
import { encode, HttpRefusal, RawClient } from './support/rawClient.js'
import { noteRecord } from './support/records.js'
import { PRESENCE_ECHOES_PER_PEER_PER_SECOND } from '../../server/sync/Room.js'
import * as encoding from 'lib0/encoding'

type TestServer = Awaited<ReturnType<typeof startTestServer>>
const started: TestServer[] = []
const clients: RawClient[] = []

async function serverWith(overrides: Partial<Config>): Promise<TestServer> {
  const server = await startTestServer(overrides)
  started.push(server)
  return server
}

async function connect(server: TestServer, room: string, token: string): Promise<RawClient> {
  const client = await RawClient.connect(server.url, room, token)
  clients.push(client)
  return client
}

/** Resolves with the HTTP status that refused the upgrade, or 101 when it was accepted. */
async function upgradeStatus(server: TestServer, room: string, token: string): Promise<number> {
  try {
    await connect(server, room, token)
    return 101
  } catch (error) {
    if (error instanceof HttpRefusal) return error.status
    throw error
  }
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.close()
  for (const s of started.splice(0)) await s.close()
})

describe('limits', () => {
  it('[L1] a frame over MAX_MESSAGE_BYTES closes the socket with MessageTooLarge; the board is untouched', async () => {
    const server = await serverWith({ MAX_MESSAGE_BYTES: 4096 })
    const board = await createTestBoard(server.url)
    const observer = await connect(server, board.id, board.tokens.facilitator)
    const writer = await connect(server, board.id, board.tokens.participant)
    await Promise.all([observer.waitSynced(), writer.waitSynced()])
    writer.write((doc) => writeRecord(getRecordsMap(doc), noteRecord('shape:big', { text: 'x'.repeat(6000) })))
    const closed = await writer.waitClosed()
    expect(closed).toEqual({ code: CloseEvents.MessageTooLarge.code, reason: CloseEvents.MessageTooLarge.reason })
    // Just under the limit is accepted.
    const small = await connect(server, board.id, board.tokens.participant)
    await small.waitSynced()
    small.write((doc) => writeRecord(getRecordsMap(doc), noteRecord('shape:small', { text: 'x'.repeat(3000) })))
    await waitFor(() => readRecord(observer.doc, 'shape:small') !== null, 5000, 'the small note')
    expect(readRecord(observer.doc, 'shape:big')).toBeNull()
    expect(observer.receivedFromClient(writer.doc.clientID)).toBe(false)
  })

  it('[L1] a frame far over the limit is refused by the socket layer with 1009 (message too big)', async () => {
    const server = await serverWith({ MAX_MESSAGE_BYTES: 1024 })
    const board = await createTestBoard(server.url)
    const writer = await connect(server, board.id, board.tokens.participant)
    await writer.waitSynced()
    writer.send(new Uint8Array(1024 * 4 + 1))
    expect((await writer.waitClosed()).code).toBe(1009)
  })

  it('[L2] a write that grows the board past MAX_BOARD_BYTES closes the writer with BoardFull; it is neither stored nor sent', async () => {
    const server = await serverWith({ MAX_BOARD_BYTES: 20_000 })
    const board = await createTestBoard(server.url)
    const observer = await connect(server, board.id, board.tokens.facilitator)
    const writer = await connect(server, board.id, board.tokens.participant)
    await Promise.all([observer.waitSynced(), writer.waitSynced()])
    writer.write((doc) => writeRecord(getRecordsMap(doc), noteRecord('shape:ok', { text: 'x'.repeat(5000) })))
    await waitFor(() => readRecord(observer.doc, 'shape:ok') !== null, 5000, 'the first note')
    writer.write((doc) => writeRecord(getRecordsMap(doc), noteRecord('shape:toomuch', { text: 'y'.repeat(16_000) })))
    const closed = await writer.waitClosed()
    expect(closed).toEqual({ code: CloseEvents.BoardFull.code, reason: CloseEvents.BoardFull.reason })
    // Still writable within the limit, and a fresh peer sees exactly what the observer sees.
    const next = await connect(server, board.id, board.tokens.participant)
    await next.waitSynced()
    next.write((doc) => writeRecord(getRecordsMap(doc), noteRecord('shape:after', { text: 'small' })))
    await waitFor(() => readRecord(observer.doc, 'shape:after') !== null, 5000, 'a write after the refusal')
    const fresh = await connect(server, board.id, board.tokens.viewer)
    await fresh.waitSynced()
    expect(readRecord(fresh.doc, 'shape:toomuch')).toBeNull()
    expect(readAllRecords(fresh.doc).map((r) => r.id).sort()).toEqual(readAllRecords(observer.doc).map((r) => r.id).sort())
    expect(observer.frames.some((f) => Buffer.from(f).includes('yyyyyyyy'))).toBe(false)
  })

  it('[L4] more than MAX_MESSAGES_PER_SECOND (plus the presence allowance) frames close the connection with RateLimited', async () => {
    const server = await serverWith({ MAX_MESSAGES_PER_SECOND: 20 })
    const board = await createTestBoard(server.url)
    const calm = await connect(server, board.id, board.tokens.participant)
    const flood = await connect(server, board.id, board.tokens.participant)
    await Promise.all([calm.waitSynced(), flood.waitSynced()])
    const query = encode((e) => encoding.writeVarUint(e, MESSAGE_QUERY_AWARENESS))
    // The allowance is the limit plus PRESENCE_ECHOES_PER_PEER_PER_SECOND per session present.
    for (let i = 0; i < 20 + PRESENCE_ECHOES_PER_PEER_PER_SECOND * 2 + 20; i++) flood.send(query)
    const closed = await flood.waitClosed()
    expect(closed).toEqual({ code: CloseEvents.RateLimited.code, reason: CloseEvents.RateLimited.reason })
    // A peer under the limit is never cut off.
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 10; j++) calm.send(query)
      await new Promise((r) => setTimeout(r, 1100))
    }
    expect(calm.closed).toBeNull()
  })

  it('[L3] connections over MAX_CONNECTIONS_PER_BOARD are refused with HTTP 429, even in a burst', async () => {
    const server = await serverWith({ MAX_CONNECTIONS_PER_BOARD: 3 })
    const board = await createTestBoard(server.url)
    const other = await createTestBoard(server.url)
    const statuses = await Promise.all(Array.from({ length: 8 }, () => upgradeStatus(server, board.id, board.tokens.participant)))
    expect(statuses.filter((s) => s === 101)).toHaveLength(3)
    expect(statuses.filter((s) => s === 429)).toHaveLength(5)
    expect(await upgradeStatus(server, other.id, other.tokens.participant)).toBe(101)
    // A closed connection frees its place.
    const open = clients.filter((c) => c.closed === null && c.ws.url.includes(board.id))
    open[0]!.ws.close()
    await open[0]!.waitClosed()
    await waitFor(() => server.rooms.getLoaded(board.id)?.sessions.size === 2, 5000, 'the server to see the close')
    expect(await upgradeStatus(server, board.id, board.tokens.participant)).toBe(101)
  })

  it('[L3] connections over MAX_CONNECTIONS_PER_IP are refused with HTTP 429, across boards', async () => {
    const server = await serverWith({ MAX_CONNECTIONS_PER_IP: 4 })
    const boards = await Promise.all([1, 2, 3].map(() => createTestBoard(server.url)))
    const statuses = await Promise.all(
      Array.from({ length: 9 }, (_, i) => upgradeStatus(server, boards[i % 3]!.id, boards[i % 3]!.tokens.participant)),
    )
    expect(statuses.filter((s) => s === 101)).toHaveLength(4)
    expect(statuses.filter((s) => s === 429)).toHaveLength(5)
  })

  it('[L8] a presence state over MAX_PRESENCE_BYTES, or too many presences on one connection, is refused with PresenceRefused', async () => {
    const server = await serverWith({ MAX_PRESENCE_BYTES: 1024, MAX_PRESENCES_PER_CONNECTION: 2 })
    const board = await createTestBoard(server.url)
    const observer = await connect(server, board.id, board.tokens.viewer)
    const sender = await connect(server, board.id, board.tokens.participant)
    await Promise.all([observer.waitSynced(), sender.waitSynced()])
    const presence = (states: Array<[number, unknown]>) =>
      encode((e) => {
        encoding.writeVarUint(e, MESSAGE_AWARENESS)
        encoding.writeVarUint8Array(e, encode((u) => {
          encoding.writeVarUint(u, states.length)
          for (const [id, state] of states) {
            encoding.writeVarUint(u, id)
            encoding.writeVarUint(u, 1)
            encoding.writeVarString(u, JSON.stringify(state))
          }
        }))
      })
    sender.send(presence([[111, { cursor: { x: 1, y: 2 }, name: 'ok' }]]))
    await waitFor(() => observer.frames.some((f) => f[0] === MESSAGE_AWARENESS && Buffer.from(f).includes('"ok"')), 5000, 'a small presence relayed')
    sender.send(presence([[111, { name: 'x'.repeat(2000) }]]))
    expect(await sender.waitClosed()).toEqual({ code: CloseEvents.PresenceRefused.code, reason: CloseEvents.PresenceRefused.reason })
    expect(observer.frames.some((f) => Buffer.from(f).includes('xxxxxxxxxx'))).toBe(false)

    const many = await connect(server, board.id, board.tokens.participant)
    await many.waitSynced()
    many.send(presence([[201, {}], [202, {}]]))
    many.send(presence([[203, {}]]))
    expect((await many.waitClosed()).code).toBe(CloseEvents.PresenceRefused.code)
    expect(observer.closed).toBeNull()
  })

  it('[L8] stock clients, which echo every peer presence back, are never refused under MAX_PRESENCES_PER_CONNECTION=1', async () => {
    const server = await serverWith({ MAX_PRESENCES_PER_CONNECTION: 1 })
    const board = await createTestBoard(server.url)
    const providers = Array.from({ length: 4 }, () => connectProvider(server.url, board.id, board.tokens.participant))
    const closes: number[] = []
    for (const p of providers) {
      p.on('connection-close', (event: { code: number } | null) => closes.push(event?.code ?? 0))
      p.awareness.setLocalState({ user: { name: 'someone' }, cursor: null })
    }
    try {
      await Promise.all(providers.map((p) => waitForSync(p)))
      for (let i = 0; i < 5; i++) {
        for (const p of providers) p.awareness.setLocalStateField('cursor', { x: i, y: i })
        await new Promise((r) => setTimeout(r, 100))
      }
      await waitFor(() => providers.every((p) => p.awareness.getStates().size === 4), 5000, 'every presence everywhere')
      expect(closes).toEqual([])
    } finally {
      for (const p of providers) p.destroy()
    }
  })

  it('[L5] an HTTP body over MAX_HTTP_BODY_BYTES is refused with 413 and a message', async () => {
    const server = await serverWith({ MAX_HTTP_BODY_BYTES: 1024 })
    const res = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x'.repeat(2000) }),
    })
    expect(res.status).toBe(413)
    expect(((await res.json()) as { error: string }).error).toMatch(/larger than 1024 bytes/)
    const ok = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'small' }),
    })
    expect(ok.status).toBe(201)
  })

  it('[L6] board creations over BOARD_CREATIONS_PER_IP_PER_MINUTE are refused with 429', async () => {
    const server = await serverWith({ BOARD_CREATIONS_PER_IP_PER_MINUTE: 3 })
    const create = () =>
      fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"t"}' })
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await create()).status)
    expect(statuses).toEqual([201, 201, 201, 429, 429])
    const refused = await create()
    expect(((await refused.json()) as { error: string }).error).toMatch(/too many boards/)
  })
})
