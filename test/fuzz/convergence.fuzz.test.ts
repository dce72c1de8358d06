/**
 * Seeded convergence fuzz (SPEC S1, S6, D1–D4, R2): 2–8 clients edit one board through the real
 * StoreYjsBinding (create, move, edit text, recolour, delete, group, undo), with random
 * disconnects, delayed and reordered delivery on the client side, and graceful restarts and
 * SIGKILLs of the server process in between. At the end every client's store and doc, a fresh
 * client and the stored board hold the same records.
 *
 * FUZZ_RUNS=N runs N seeds (CI: 3 fixed ones); FUZZ_RANDOM=1 picks new seeds (npm run fuzz);
 * FUZZ_SEED=S replays one; FUZZ_STEPS sizes a run.
 * A failing run prints its seed; keep it below in KEPT_SEEDS as a named test.
 */
import type { TLRecord, TLShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getBoardSchema, validateRecord } from '../../shared/boardSchema.js'
import { readAllRecords } from '../../shared/docLayout.js'
import { CloseEvents } from '../../shared/protocol.js'
import { sqliteFile, loadConfig } from '../../server/config.js'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'
import { mergeStoredDoc } from '../../server/sync/Room.js'
import { createTestBoard, spawnServerProcess, tempDir, waitFor, type ServerProcess, type TestBoard } from '../helpers/server.js'
import { RawClient } from '../hardening/support/rawClient.js'
import { groupRecord, noteRecord, richText } from '../hardening/support/records.js'
import { FuzzPeer, sortRecords } from './support/fuzzPeer.js'
import { Random } from './support/random.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 3)
const DEFAULT_BASE_SEED = 20_261_128
const STEPS = Number(process.env.FUZZ_STEPS ?? 300)
const COLORS = ['yellow', 'blue', 'green', 'red', 'violet', 'orange', 'black'] as const

/** Seeds that once failed, kept as named tests (with what they found). */
const KEPT_SEEDS: Array<{ seed: number; found: string }> = [
  { seed: 1, found: 'reordered delivery shows a record half-written for a moment; the binding skips it (S5) and catches up' },
  { seed: 103, found: 'an edit sent right after reconnecting, before the step 2 with offline edits, was refused with 4004 (S6)' },
]

type Shape = TLRecord & { x: number; y: number; parentId: string; type: string; props: Record<string, unknown> }

class ServerUnderTest {
  process!: ServerProcess
  port = 0
  restarts = 0
  kills = 0
  constructor(readonly dataDir: string) {}

  async start(): Promise<void> {
    this.process = await spawnServerProcess({
      DATA_DIR: this.dataDir,
      PORT: String(this.port),
      MAX_MESSAGES_PER_SECOND: '100000',
      COMPACT_AFTER_UPDATES: '50',
    })
    this.port = Number(new URL(this.process.url).port)
  }

  get url(): string {
    return this.process.url
  }

  async stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
    if (this.process.child.exitCode !== null) return
    this.process.child.kill(signal)
    await this.process.exited
  }
}

function shapesOf(peer: FuzzPeer): Shape[] {
  return peer.store.allRecords().filter((r) => r.typeName === 'shape') as unknown as Shape[]
}

/** One user action through the store, as tldraw's editor would make it. */
function edit(peer: FuzzPeer, rng: Random): void {
  const shapes = shapesOf(peer)
  const notes = shapes.filter((s) => s.type === 'note')
  const remember = (s: Shape) => {
    peer.history.push(structuredClone(s))
    if (peer.history.length > 30) peer.history.shift()
  }
  const action = rng.weighted({ create: 5, move: 6, text: 3, color: 3, remove: 2, group: 1, undo: 2 })
  switch (action) {
    case 'create':
      peer.store.put([noteRecord(peer.nextId(), { x: rng.int(-800, 800), y: rng.int(-800, 800), text: `${peer.name} ${rng.int(0, 999)}` }) as unknown as TLRecord])
      return
    case 'move': {
      if (shapes.length === 0) return
      const s = rng.pick(shapes)
      remember(s)
      peer.store.put([{ ...s, x: s.x + rng.int(-200, 200), y: s.y + rng.int(-200, 200) } as TLRecord])
      return
    }
    case 'text': {
      if (notes.length === 0) return
      const s = rng.pick(notes)
      remember(s)
      peer.store.put([{ ...s, props: { ...s.props, richText: richText(`${peer.name} wrote ${rng.int(0, 1e6)}`) } } as unknown as TLRecord])
      return
    }
    case 'color': {
      if (notes.length === 0) return
      const s = rng.pick(notes)
      remember(s)
      peer.store.put([{ ...s, props: { ...s.props, color: rng.pick(COLORS) } } as unknown as TLRecord])
      return
    }
    case 'remove': {
      if (shapes.length === 0) return
      const s = rng.pick(shapes)
      const children = shapes.filter((c) => c.parentId === s.id)
      for (const r of [s, ...children]) remember(r)
      peer.store.remove([s.id, ...children.map((c) => c.id)] as TLShapeId[])
      return
    }
    case 'group': {
      const loose = notes.filter((n) => n.parentId === 'page:page')
      if (loose.length < 2) return
      const members = [rng.pick(loose), rng.pick(loose)].filter((m, i, all) => all.indexOf(m) === i)
      if (members.length < 2) return
      const gx = Math.min(...members.map((m) => m.x))
      const gy = Math.min(...members.map((m) => m.y))
      const group = groupRecord(peer.nextId(), { x: gx, y: gy }) as unknown as TLRecord
      for (const m of members) remember(m)
      peer.store.put([group, ...members.map((m) => ({ ...m, parentId: group.id, x: m.x - gx, y: m.y - gy }) as TLRecord)])
      return
    }
    case 'undo': {
      const previous = peer.history.pop()
      if (previous) peer.store.put([previous])
      return
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function runSeed(seed: number, steps = STEPS): Promise<{ peers: number; restarts: number; kills: number; records: number; skipped: number }> {
  const rng = new Random(seed)
  const server = new ServerUnderTest(tempDir('canvas-converge-'))
  await server.start()
  const peers: FuzzPeer[] = []
  try {
    const board: TestBoard = await createTestBoard(server.url, `fuzz ${seed}`)
    const syncUrl = (token: string) => `${server.url.replace(/^http/, 'ws')}/sync/${board.id}?token=${token}`
    const count = rng.int(2, 8)
    for (let i = 0; i < count; i++) {
      const viewer = i > 0 && rng.chance(0.15)
      peers.push(new FuzzPeer(`p${i}`, syncUrl(viewer ? board.tokens.viewer : board.tokens.participant), !viewer))
    }
    await Promise.all(peers.map((p) => p.connect()))
    await waitFor(() => peers.every((p) => p.synced), 10_000, 'first sync')

    for (let step = 0; step < steps; step++) {
      const peer = rng.pick(peers)
      const action = rng.weighted({ edit: 10, deliver: 6, flush: 6, disconnect: 0.6, reconnect: 2, restart: 0.12, kill: 0.12, wait: 2 })
      switch (action) {
        case 'edit':
          edit(peer, rng)
          break
        case 'deliver':
          peer.deliver(rng)
          break
        case 'flush':
          peer.flush(rng)
          break
        case 'disconnect':
          peer.disconnect()
          break
        case 'reconnect':
          if (!peer.connected) await peer.connect()
          break
        case 'restart':
        case 'kill':
          if (server.restarts + server.kills >= 3) break
          await server.stop(action === 'kill' ? 'SIGKILL' : 'SIGTERM')
          if (action === 'kill') server.kills++
          else server.restarts++
          // Clients keep editing while the server is down.
          for (let i = 0; i < 5; i++) edit(rng.pick(peers), rng)
          await server.start()
          break
        case 'wait':
          await sleep(rng.int(1, 15))
          break
      }
      if (step % 10 === 0) await sleep(1)
    }

    // Heal: everyone reconnects, sends and receives everything, until nothing moves.
    let stable = 0
    let previous = ''
    const deadline = Date.now() + 30_000
    while (stable < 3) {
      if (Date.now() > deadline) throw new Error(`seed ${seed}: clients did not converge`)
      for (const p of peers) if (!p.connected) await p.connect()
      await sleep(50)
      for (const p of peers) {
        p.deliver(rng, true)
        p.flush(rng, true)
      }
      await sleep(50)
      const states = peers.map((p) => (p.synced && p.idle ? JSON.stringify(p.docRecords()) : `busy ${p.name}`))
      const now = states.every((s) => s === states[0]) ? states[0]! : ''
      stable = now !== '' && now === previous ? stable + 1 : 0
      previous = now
    }

    const expected = peers[0]!.docRecords()
    let skipped = 0
    const schema = getBoardSchema()
    for (const record of expected) expect(validateRecord(schema, record).ok, `${record.id} valid`).toBe(true)
    for (const p of peers) {
      expect(p.docRecords(), `${p.name} doc`).toEqual(expected)
      expect(p.storeRecords(), `${p.name} store`).toEqual(expected)
      // Reordered delivery can show a record half-written for a moment (a delete applied before
      // the insert it pairs with); the binding skips it and reports it (S5), then catches up.
      skipped += p.invalid.length
      // Only a graceful restart may close a client (never a refused write: R2, S6).
      const unexpected = p.closes.filter((c) => c.code !== CloseEvents.ServerShutdown.code)
      expect(unexpected, `${p.name} closed by the server: ${JSON.stringify(unexpected)}`).toEqual([])
    }
    const fresh = await RawClient.connect(server.url, board.id, board.tokens.viewer)
    await fresh.waitSynced(10_000)
    expect(sortRecords(readAllRecords(fresh.doc)), 'fresh client').toEqual(expected)
    fresh.close()
    for (const p of peers) p.close()
    await server.stop('SIGTERM')

    const storage = new SqliteStorage(sqliteFile(loadConfig({}, { DATA_DIR: server.dataDir })))
    const stored = new Y.Doc()
    Y.applyUpdate(stored, mergeStoredDoc(await storage.loadDoc(board.id)))
    await storage.close()
    expect(sortRecords(readAllRecords(stored)), 'stored board').toEqual(expected)
    return { peers: count, restarts: server.restarts, kills: server.kills, records: expected.length, skipped }
  } finally {
    for (const p of peers) p.close()
    await server.stop('SIGKILL')
  }
}

async function runAndReport(seed: number): Promise<void> {
  try {
    const result = await runSeed(seed)
    console.log(`convergence seed ${seed}: ${result.peers} clients, ${result.restarts} restarts, ${result.kills} kills, ${result.records} records, ${result.skipped} transient invalid records skipped by the binding — converged`)
  } catch (error) {
    console.error(`\n*** convergence fuzz failed: replay with FUZZ_SEED=${seed} FUZZ_STEPS=${STEPS} (keep it in KEPT_SEEDS) ***\n`)
    throw error
  }
}

describe('convergence fuzz', () => {
  for (const { seed, found } of KEPT_SEEDS) {
    it(`[S1][D1] kept seed ${seed}: ${found}`, { timeout: 300_000 }, () => runAndReport(seed))
  }

  // `npm test` runs fixed seeds, so CI is reproducible; `npm run fuzz` (FUZZ_RANDOM=1) explores new ones.
  const base = process.env.FUZZ_SEED
    ? Number(process.env.FUZZ_SEED)
    : process.env.FUZZ_RANDOM
      ? Date.now() % 1_000_000
      : DEFAULT_BASE_SEED
  for (let i = 0; i < RUNS; i++) {
    const seed = base + i
    it(`[S1][S6][D1][D4][R2] random edits, faults and restarts converge (seed ${seed})`, { timeout: 300_000 }, () => runAndReport(seed))
  }
})
