/**
 * Scale-out over real processes, one PostgreSQL database and one Redis (docs/SCALE-OUT.md,
 * rules C1–C6). Needs both services; without them the file skips loudly (fails under
 * REQUIRE_SERVICES=1).
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { getRecordsMap } from '../../shared/docLayout.js'
import { connectProvider, createTestBoard, spawnServerProcess, waitFor, waitForSync } from '../helpers/server.js'
import { createTestDatabase } from '../storage/pgDatabase.js'
import * as encoding from 'lib0/encoding'
import { MESSAGE_AWARENESS, MESSAGE_SYNC } from '../../shared/protocol.js'
import { RawClient, encode } from '../hardening/support/rawClient.js'
import { clusterServicesAvailable, noteIds, readRecord, startCluster, writeNote, type Cluster } from './clusterHelpers.js'

const available = await clusterServicesAvailable()
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const sameState = (a: WebsocketProvider, b: WebsocketProvider) =>
  Buffer.from(Y.encodeStateVector(a.doc)).equals(Buffer.from(Y.encodeStateVector(b.doc)))

describe.runIf(available)('cluster: three instances on one PostgreSQL + Redis', () => {
  let cluster: Cluster
  const providers: WebsocketProvider[] = []
  const connect = (url: string, boardId: string, token: string, doc?: Y.Doc) => {
    const p = connectProvider(url, boardId, token, doc)
    providers.push(p)
    return p
  }

  beforeAll(async () => {
    cluster = await startCluster(3)
  }, 240_000)
  afterAll(async () => {
    for (const p of providers) p.destroy()
    await cluster?.close()
  }, 60_000)

  it('[C6] health and metrics show PostgreSQL storage and a connected relay on every instance', async () => {
    for (const server of cluster.servers) {
      const health = (await (await fetch(`${server.url}/healthz`)).json()) as {
        ok: boolean
        storage: string
        relay: { connected: boolean; instanceId: string }
      }
      expect(health).toMatchObject({ ok: true, storage: 'postgres', pool: { total: expect.any(Number) }, relay: { connected: true } })
      const metrics = await (await fetch(`${server.url}/metrics`)).text()
      expect(metrics).toContain('canvas_storage_info{kind="postgres"} 1')
      expect(metrics).toMatch(/^canvas_storage_pool_connections\{state="total"\} \d+$/m)
      expect(metrics).toMatch(/^canvas_relay_connected 1$/m)
    }
    const ids = await Promise.all(
      cluster.servers.map(async (s) => ((await (await fetch(`${s.url}/healthz`)).json()) as { relay: { instanceId: string } }).relay.instanceId),
    )
    expect(new Set(ids).size).toBe(3)
  })

  it('[C1] clients spread across three instances co-edit one board and converge', async () => {
    const board = await createTestBoard(cluster.servers[0]!.url, 'Cluster retro')
    const clients = cluster.servers.flatMap((s) => [
      connect(s.url, board.id, board.tokens.participant),
      connect(s.url, board.id, board.tokens.facilitator),
    ])
    await Promise.all(clients.map((c) => waitForSync(c, 15_000)))
    const ROUNDS = 15
    for (let round = 0; round < ROUNDS; round++) {
      clients.forEach((c, i) => {
        writeNote(c, `shape:c${i}r${round}`, round * 10, i * 10)
        writeNote(c, 'shape:shared', round, i) // every client moves the same note concurrently
      })
      await sleep(5)
    }
    const expected = clients.length * ROUNDS + 1
    await waitFor(() => clients.every((c) => noteIds(c).size === expected), 30_000, 'every note on every client')
    await waitFor(() => clients.every((c) => sameState(c, clients[0]!)), 30_000, 'identical state vectors')
    const shared = readRecord(clients[0]!.doc, 'shape:shared')
    for (const c of clients) expect(readRecord(c.doc, 'shape:shared')).toEqual(shared)

    // A viewer joining late gets the whole converged board.
    const late = connect(cluster.servers[2]!.url, board.id, board.tokens.viewer)
    await waitForSync(late, 15_000)
    await waitFor(() => noteIds(late).size === expected, 15_000, 'late client has every note')
    // Instances compacted this board while others appended (COMPACT_AFTER_UPDATES=25), and
    // what is stored is still all of it.
    const db = new pg.Client({ connectionString: cluster.db.url })
    await db.connect()
    try {
      const snapshots = await db.query('SELECT 1 FROM doc_snapshots WHERE doc_key = $1', [board.id])
      expect(snapshots.rowCount).toBe(1)
      const log = await db.query<{ update_data: Buffer }>('SELECT update_data FROM doc_updates WHERE doc_key = $1', [board.id])
      const snap = await db.query<{ state: Buffer }>('SELECT state FROM doc_snapshots WHERE doc_key = $1', [board.id])
      const stored = new Y.Doc()
      Y.applyUpdate(stored, snap.rows[0]!.state)
      for (const row of log.rows) Y.applyUpdate(stored, row.update_data)
      const storedNotes = [...getRecordsMap(stored).keys()].filter((id) => id.startsWith('shape:'))
      expect(storedNotes).toHaveLength(expected)
    } finally {
      await db.end()
    }
  }, 90_000)

  it('[C2] presence is visible across instances, including on an instance that loads the board later', async () => {
    const board = await createTestBoard(cluster.servers[0]!.url, 'Presence')
    const ada = connect(cluster.servers[0]!.url, board.id, board.tokens.participant)
    const bob = connect(cluster.servers[1]!.url, board.id, board.tokens.participant)
    await Promise.all([waitForSync(ada, 15_000), waitForSync(bob, 15_000)])
    ada.awareness.setLocalStateField('user', { name: 'Ada', color: '#f00' })
    const seesAda = (p: WebsocketProvider) =>
      Array.from(p.awareness.getStates().values()).some((s) => (s as { user?: { name?: string } }).user?.name === 'Ada')
    await waitFor(() => seesAda(bob), 10_000, 'bob sees Ada')
    // A third instance loads the board only now; Ada does not move. Awareness renews every
    // 15 s, so seeing her within 5 s proves the relay's awareness query on subscription.
    const cleo = connect(cluster.servers[2]!.url, board.id, board.tokens.viewer)
    await waitForSync(cleo, 15_000)
    await waitFor(() => seesAda(cleo), 5_000, 'cleo (third instance, late) sees Ada')
    // Leaving is relayed too.
    ada.destroy()
    await waitFor(() => !seesAda(bob) && !seesAda(cleo), 10_000, 'Ada gone everywhere')
  }, 60_000)

  it('[C2] someone who vanishes without a goodbye, the last one on their instance, disappears on the others too', async () => {
    const board = await createTestBoard(cluster.servers[0]!.url, 'Vanishing')
    const watcher = connect(cluster.servers[1]!.url, board.id, board.tokens.viewer)
    await waitForSync(watcher, 15_000)
    // A raw socket: no awareness removal is ever sent, the socket is just cut (a closed laptop).
    const ghost = await RawClient.connect(cluster.servers[0]!.url, board.id, board.tokens.participant)
    await ghost.waitSynced(15_000)
    const ghostId = 90210
    ghost.send(encode((e) => {
      encoding.writeVarUint(e, MESSAGE_AWARENESS)
      encoding.writeVarUint8Array(e, encode((u) => {
        encoding.writeVarUint(u, 1)
        encoding.writeVarUint(u, ghostId)
        encoding.writeVarUint(u, 1)
        encoding.writeVarString(u, JSON.stringify({ user: { name: 'Ghost' } }))
      }))
    }))
    await waitFor(() => watcher.awareness.getStates().has(ghostId), 10_000, 'the watcher sees the ghost')
    ghost.close()
    // Well before the 30 s awareness timeout: the instance relays the removal when the room closes.
    await waitFor(() => !watcher.awareness.getStates().has(ghostId), 5_000, 'the ghost gone at the watcher')
    watcher.destroy()
  }, 60_000)

  it('[C3] race: a board first loaded on B while clients on A are writing misses nothing', async () => {
    const [a, b] = [cluster.servers[0]!, cluster.servers[1]!]
    // Several boards, B loading each at a different moment of A's stream of writes.
    for (const delay of [0, 15, 40, 90, 200]) {
      const board = await createTestBoard(a.url, `Race ${delay}`)
      const writers = [connect(a.url, board.id, board.tokens.participant), connect(a.url, board.id, board.tokens.facilitator)]
      await Promise.all(writers.map((w) => waitForSync(w, 15_000)))
      let written = 0
      let stop = false
      const writing = (async () => {
        while (!stop) {
          writers.forEach((w, i) => writeNote(w, `shape:w${i}n${written}`, written, i))
          written++
          await sleep(2)
        }
      })()
      await sleep(delay)
      const reader = connect(b.url, board.id, board.tokens.viewer)
      await waitForSync(reader, 15_000)
      await sleep(300)
      stop = true
      await writing
      const expected = writers.length * written
      await waitFor(() => noteIds(reader).size === expected, 20_000, `reader on B has all ${expected} notes (delay ${delay})`)
      await waitFor(() => sameState(reader, writers[0]!), 10_000, 'reader and writer state vectors equal')
    }
  }, 120_000)

  it('[C1] updates relayed to an instance in one turn reach its sessions as one merged frame', async () => {
    const a = cluster.servers[0]!
    const b = await cluster.spawn()
    const board = await createTestBoard(a.url, 'Relay batch')
    const onB = await RawClient.connect(b.url, board.id, board.tokens.participant)
    await onB.waitSynced(15_000)
    const writer = connect(a.url, board.id, board.tokens.participant)
    await waitForSync(writer, 15_000)
    const syncFrames = () => onB.frames.filter((f) => f[0] === MESSAGE_SYNC).length

    // B stops reading while A stores and publishes 20 separate updates; when B resumes, Redis
    // hands them over together.
    b.child.kill('SIGSTOP')
    try {
      for (let i = 0; i < 20; i++) {
        writeNote(writer, `shape:relayed${i}`, i * 10)
        await sleep(15)
      }
      await sleep(300)
    } finally {
      b.child.kill('SIGCONT')
    }
    const before = syncFrames()
    await waitFor(() => [...getRecordsMap(onB.doc).keys()].filter((id) => id.startsWith('shape:relayed')).length === 20, 15_000, 'the 20 notes on B')
    await sleep(100)
    expect(syncFrames() - before).toBeLessThanOrEqual(2)
    expect(Buffer.from(Y.encodeStateVector(onB.doc)).equals(Buffer.from(Y.encodeStateVector(writer.doc)))).toBe(true)
    onB.close()
  }, 60_000)

  it('[C4] SIGKILL one instance mid-edit: its clients reconnect to another and nothing broadcast is lost', async () => {
    const victim = await cluster.spawn()
    const [survivor, observer] = [cluster.servers[1]!, cluster.servers[2]!]
    const board = await createTestBoard(survivor.url, 'Crash')
    const onVictim = connect(victim.url, board.id, board.tokens.participant)
    const onSurvivor = connect(survivor.url, board.id, board.tokens.participant)
    await Promise.all([waitForSync(onVictim, 15_000), waitForSync(onSurvivor, 15_000)])
    let n = 0
    let stop = false
    const writing = (async () => {
      while (!stop) {
        writeNote(onVictim, `shape:v${n}`, n)
        writeNote(onSurvivor, `shape:s${n}`, n)
        n++
        await sleep(3)
      }
    })()
    await waitFor(() => [...noteIds(onSurvivor)].filter((id) => id.startsWith('shape:v')).length >= 50, 15_000, 'edits flowing')
    victim.child.kill('SIGKILL')
    await victim.exited
    await sleep(150) // messages already in Redis still arrive
    const broadcastFromVictim = [...noteIds(onSurvivor)].filter((id) => id.startsWith('shape:v'))
    await sleep(100) // the victim's client keeps editing offline
    stop = true
    await writing
    expect(broadcastFromVictim.length).toBeGreaterThan(0)

    // Durability, before the victim's client can re-send anything: an instance that has never
    // loaded this board reads it from PostgreSQL and has everything the survivor received.
    const fresh = connect(observer.url, board.id, board.tokens.viewer)
    await waitForSync(fresh, 15_000)
    const stored = noteIds(fresh)
    const lost = broadcastFromVictim.filter((id) => !stored.has(id))
    expect(lost).toEqual([])

    // The victim's client reconnects to the survivor with its doc and pushes its offline edits.
    onVictim.destroy()
    const reconnected = connect(survivor.url, board.id, board.tokens.participant, onVictim.doc)
    await waitForSync(reconnected, 15_000)
    const total = 2 * n
    for (const p of [reconnected, onSurvivor, fresh]) {
      await waitFor(() => noteIds(p).size === total, 20_000, `all ${total} notes on every client`)
    }
    await waitFor(() => sameState(reconnected, onSurvivor) && sameState(fresh, onSurvivor), 10_000, 'converged')
  }, 120_000)
})

describe.runIf(available)('cluster: start-up refuses unreachable services', () => {
  it('[C6] refuses to start when DATABASE_URL is set but PostgreSQL is unreachable', async () => {
    const failure = await spawnServerProcess({ DATABASE_URL: 'postgres://canvas:hunter2@127.0.0.1:1/canvas' }).then(
      () => null,
      (error: Error) => error.message,
    )
    expect(failure).toMatch(/server exited with 1/)
    expect(failure).toContain('DATABASE_URL is set but PostgreSQL at postgres://canvas@127.0.0.1:1/canvas is unusable')
    expect(failure).not.toContain('hunter2')
  }, 30_000)

  it('[C6] refuses to start when REDIS_URL is set but Redis is unreachable', async () => {
    const db = await createTestDatabase()
    try {
      const failure = await spawnServerProcess({ DATABASE_URL: db.url, REDIS_URL: 'redis://127.0.0.1:1' }).then(
        () => null,
        (error: Error) => error.message,
      )
      expect(failure).toMatch(/server exited with 1/)
      expect(failure).toContain('REDIS_URL is set but Redis at redis://127.0.0.1:1 is unreachable')
    } finally {
      await db.drop()
    }
  }, 30_000)
})
