/**
 * The relay seen from inside: two instances in this process on one PostgreSQL database and
 * one Redis namespace, so the test can read their storage and cut one Redis connection.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { CloseEvents } from '../../shared/protocol.js'
import { connectProvider, createTestBoard, startTestServer, waitFor, waitForSync } from '../helpers/server.js'
import { createTestDatabase, TEST_REDIS_URL, type TestDatabase } from '../storage/pgDatabase.js'
import { clusterServicesAvailable, noteIds, writeNote } from './clusterHelpers.js'
import * as Y from 'yjs'
import { readRecord } from '../../shared/docLayout.js'
import { RawClient } from '../hardening/support/rawClient.js'
import { noteRecord, putRecord, storedDoc } from '../integration/fixtures.js'

const available = await clusterServicesAvailable()
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe.runIf(available)('Redis relay between two in-process instances', () => {
  let db: TestDatabase
  let a: Awaited<ReturnType<typeof startTestServer>>
  let b: Awaited<ReturnType<typeof startTestServer>>
  const providers: WebsocketProvider[] = []
  const connect = (url: string, boardId: string, token: string) => {
    const p = connectProvider(url, boardId, token)
    providers.push(p)
    return p
  }

  beforeAll(async () => {
    db = await createTestDatabase()
    const shared = { DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: `canvas-test-${crypto.randomBytes(5).toString('hex')}:` }
    a = await startTestServer(shared)
    b = await startTestServer(shared)
  })
  afterAll(async () => {
    for (const p of providers) p.destroy()
    await a?.close()
    await b?.close()
    for (const s of [a, b]) if (s) fs.rmSync(s.dataDir, { recursive: true, force: true })
    await db?.drop()
  })

  it('[C1] no echo loop: each update is stored exactly once, whichever instance received it', async () => {
    const board = await createTestBoard(a.url)
    const onA = connect(a.url, board.id, board.tokens.participant)
    const onB = connect(b.url, board.id, board.tokens.participant)
    await Promise.all([waitForSync(onA), waitForSync(onB)])
    const before = await a.storage.countUpdates(board.id)
    for (let i = 0; i < 10; i++) {
      writeNote(onA, `shape:a${i}`, i)
      writeNote(onB, `shape:b${i}`, i)
      await sleep(5)
    }
    await waitFor(() => noteIds(onA).size === 20 && noteIds(onB).size === 20, 10_000, 'both clients see all 20 notes')
    await sleep(200) // an echo would show up as extra rows by now
    await Promise.all([a.rooms.getLoaded(board.id)!.flushed(), b.rooms.getLoaded(board.id)!.flushed()])
    expect((await a.storage.countUpdates(board.id)) - before).toBe(20)
    expect(a.relay!.instanceId).not.toBe(b.relay!.instanceId)
  })

  it('[C1] an edit that builds on content still on its way from another instance is checked, stored and relayed once that content arrives', async () => {
    const board = await createTestBoard(a.url)
    // X writes a note on A. S has already seen it (S was on A, and hops to B) and moves it,
    // before B has heard of X's note: S's edit cannot apply on B until the relay brings it.
    const xDoc = new Y.Doc()
    putRecord(xDoc, noteRecord('shape:by-x', 0, 0, 'written by X'))
    const byX = Y.encodeStateAsUpdate(xDoc)
    const sDoc = new Y.Doc()
    Y.applyUpdate(sDoc, byX)
    const seen = Y.encodeStateVector(sDoc)
    putRecord(sDoc, noteRecord('shape:by-x', 500, 500, 'moved by S'))
    const moveByS = Y.encodeStateAsUpdate(sDoc, seen)

    const s = await RawClient.connect(b.url, board.id, board.tokens.participant, { autoSync: false })
    const x = await RawClient.connect(a.url, board.id, board.tokens.participant, { autoSync: false })
    await sleep(100) // both rooms loaded
    s.sendUpdate(moveByS)
    await sleep(100)
    x.sendUpdate(byX)

    const xOf = (p: WebsocketProvider) => (readRecord(p.doc, 'shape:by-x') as { x?: number } | null)?.x
    const onA = connect(a.url, board.id, board.tokens.viewer)
    const onB = connect(b.url, board.id, board.tokens.viewer)
    await waitFor(() => xOf(onB) === 500, 10_000, "S's move on B")
    await waitFor(() => xOf(onA) === 500, 10_000, "S's move on A")
    await b.rooms.getLoaded(board.id)!.flushed()
    const stored = await storedDoc(a.storage, board.id)
    expect((readRecord(stored, 'shape:by-x') as { x?: number }).x).toBe(500)
    expect(s.closed).toBeNull()
    expect(x.closed).toBeNull()
    s.close()
    x.close()
  })

  it('[C3] an instance subscribes while it serves a board and unsubscribes when the room unloads', async () => {
    const board = await createTestBoard(a.url)
    const channel = `${a.config.REDIS_PREFIX}doc:${board.id}`
    const admin = new Redis(TEST_REDIS_URL)
    const subscribers = async () => Number(((await admin.pubsub('NUMSUB', channel)) as [string, number])[1])
    try {
      expect(await subscribers()).toBe(0)
      const onA = connectProvider(a.url, board.id, board.tokens.participant)
      const onB = connectProvider(b.url, board.id, board.tokens.participant)
      await Promise.all([waitForSync(onA), waitForSync(onB)])
      expect(await subscribers()).toBe(2)
      onA.destroy()
      onB.destroy()
      const deadline = Date.now() + 10_000
      while ((await subscribers()) !== 0 && Date.now() < deadline) await sleep(50)
      expect(await subscribers()).toBe(0)
    } finally {
      admin.disconnect()
    }
  })

  it('[C1] rotating a link on one instance closes its sessions on every instance', async () => {
    const board = await createTestBoard(a.url)
    const participantOnB = connect(b.url, board.id, board.tokens.participant)
    const viewerOnB = connect(b.url, board.id, board.tokens.viewer)
    await Promise.all([waitForSync(participantOnB), waitForSync(viewerOnB)])
    const closeCodes: number[] = []
    participantOnB.on('connection-close', (event: { code: number } | null) => {
      if (event) closeCodes.push(event.code)
    })
    const viewerCloses: number[] = []
    viewerOnB.on('connection-close', (event: { code: number } | null) => {
      if (event) viewerCloses.push(event.code)
    })
    const res = await fetch(`${a.url}/api/boards/${board.id}/links/participant/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.tokens.facilitator}` },
    })
    expect(res.status).toBe(200)
    await waitFor(() => closeCodes.includes(CloseEvents.LinkRevoked.code), 10_000, 'participant on B closed with link revoked')
    participantOnB.destroy() // its old token no longer opens anything; stop it retrying
    await sleep(200)
    expect(viewerCloses).toEqual([]) // other roles keep their sessions
  })

  it('[C5] after its Redis connection drops, an instance catches its rooms up from storage', async () => {
    const board = await createTestBoard(a.url)
    const onA = connect(a.url, board.id, board.tokens.participant)
    const onB = connect(b.url, board.id, board.tokens.viewer)
    await Promise.all([waitForSync(onA), waitForSync(onB)])
    writeNote(onA, 'shape:before', 0)
    await waitFor(() => noteIds(onB).has('shape:before'), 10_000, 'relay works before the cut')

    const admin = new Redis(TEST_REDIS_URL)
    try {
      const clients = (await admin.client('LIST')) as string
      const line = clients.split('\n').find((l) => l.includes(`name=canvas-sub-${b.relay!.instanceId} `))
      const id = /(?:^|\s)id=(\d+)/.exec(line ?? '')?.[1]
      expect(id).toBeDefined()
      await admin.client('KILL', 'ID', id!)
    } finally {
      admin.disconnect()
    }
    // Published while B is not subscribed: pub/sub drops these for B; storage has them.
    for (let i = 0; i < 10; i++) writeNote(onA, `shape:gap${i}`, i)
    await waitFor(() => noteIds(onB).size === 11, 15_000, 'B has the notes written while its subscription was down')
    const metrics = await (await fetch(`${b.url}/metrics`)).text()
    expect(Number(/^canvas_relay_resyncs_total (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1)
    // And the relay is live again afterwards.
    writeNote(onA, 'shape:after', 0)
    await waitFor(() => noteIds(onB).has('shape:after'), 10_000, 'relay works after reconnecting')
    const health = (await (await fetch(`${b.url}/healthz`)).json()) as { ok: boolean; relay: { connected: boolean } }
    expect(health).toMatchObject({ ok: true, relay: { connected: true } })
  })
})
