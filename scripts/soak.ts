/**
 * Soak (not part of CI): many clients on one board for a while, making mixed edits and cursor
 * moves through stock y-websocket providers, against the server as its own process. Checks: no
 * client error or unexpected disconnect, server memory (after gc) flat, every client converged
 * with a fresh client at the end. Prints figures.
 *
 *   node --import tsx scripts/soak.ts [--minutes 10] [--clients 200] [--edit-every-s 10] [--cursor-every-s 2]
 *
 * Exits 1 when a check fails.
 */
import { parseArgs } from 'node:util'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { getRecordsMap, readAllRecords, readRecord, writeRecord, type JsonRecord } from '../shared/docLayout.js'
import { connectProvider, createTestBoard, waitFor } from '../test/helpers/server.js'
import { noteRecord, richText } from '../test/hardening/support/records.js'
import { spawnGcServer, type Memory } from '../test/fuzz/support/gcServerProcess.js'
import { Random } from '../test/fuzz/support/random.js'

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: process.env.SOAK_MINUTES ?? '10' },
    clients: { type: 'string', default: process.env.SOAK_CLIENTS ?? '200' },
    'edit-every-s': { type: 'string', default: '10' },
    'cursor-every-s': { type: 'string', default: '2' },
    seed: { type: 'string', default: '42' },
  },
})
const MINUTES = Number(args.minutes)
const CLIENTS = Number(args.clients)
const EDIT_EVERY_S = Number(args['edit-every-s'])
const CURSOR_EVERY_S = Number(args['cursor-every-s'])
const TICK_MS = 50
const MEMORY_EVERY_MS = 30_000
const PROBE_EVERY_MS = 5_000
const MiB = 1024 * 1024
const COLORS = ['yellow', 'blue', 'green', 'red', 'violet', 'orange'] as const

type Client = { i: number; provider: WebsocketProvider; notes: string[]; counter: number; disconnects: number }

// Every y-websocket provider adds a process 'exit' listener (to say goodbye to its peers).
process.setMaxListeners(0)
const rng = new Random(Number(args.seed))
const mib = (n: number) => `${(n / MiB).toFixed(1)} MiB`
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN
}

function editOnce(client: Client): void {
  const doc = client.provider.doc
  const records = getRecordsMap(doc)
  const kind = client.notes.length < 3 ? 'create' : rng.weighted({ create: 1, move: 5, text: 2, color: 1, remove: 1 })
  if (kind === 'create') {
    const id = `shape:c${client.i}-${client.counter++}`
    client.notes.push(id)
    doc.transact(() => writeRecord(records, noteRecord(id, { x: rng.int(-3000, 3000), y: rng.int(-3000, 3000), text: `client ${client.i}` })))
    return
  }
  const id = rng.pick(client.notes)
  const current = readRecord(doc, id)
  if (!current) {
    client.notes.splice(client.notes.indexOf(id), 1)
    return
  }
  doc.transact(() => {
    switch (kind) {
      case 'move':
        writeRecord(records, { ...current, x: (current.x as number) + rng.int(-50, 50), y: (current.y as number) + rng.int(-50, 50) })
        break
      case 'text':
        writeRecord(records, { ...current, props: { ...(current.props as object), richText: richText(`client ${client.i} ${rng.int(0, 1e6)}`) } })
        break
      case 'color':
        writeRecord(records, { ...current, props: { ...(current.props as object), color: rng.pick(COLORS) } })
        break
      case 'remove':
        records.delete(id)
        client.notes.splice(client.notes.indexOf(id), 1)
        break
    }
  })
}

function sortedRecords(doc: Y.Doc): JsonRecord[] {
  return readAllRecords(doc).sort((a, b) => (a.id < b.id ? -1 : 1))
}

// long-function: the soak scenario, read top to bottom (start, connect 200 clients, edit for 10 minutes, check, stop).
async function main(): Promise<void> {
  const server = await spawnGcServer({ MAX_CONNECTIONS_PER_IP: String(CLIENTS + 50), MAX_CONNECTIONS_PER_BOARD: String(CLIENTS + 50), LOG_LEVEL: 'warn' })
  const failures: string[] = []
  try {
    const board = await createTestBoard(server.url, 'soak')
    const memory: Array<{ atS: number } & Memory> = [{ atS: 0, ...(await server.memory()) }]
    console.log(`soak: ${CLIENTS} clients, ${MINUTES} min, an edit every ${EDIT_EVERY_S} s and a cursor move every ${CURSOR_EVERY_S} s per client`)

    const clients: Client[] = []
    const connectStarted = performance.now()
    for (let i = 0; i < CLIENTS; i++) {
      const provider = connectProvider(server.url, board.id, board.tokens.participant)
      const client: Client = { i, provider, notes: [], counter: 0, disconnects: 0 }
      provider.on('status', ({ status }: { status: string }) => {
        if (status === 'disconnected') client.disconnects++
      })
      provider.awareness.setLocalState({ user: { name: `client ${i}`, color: rng.pick(COLORS) }, cursor: null })
      clients.push(client)
      if (i % 20 === 19) await sleep(50)
    }
    await waitFor(() => clients.every((c) => c.provider.synced), 60_000, 'every client synced')
    const connectSeconds = (performance.now() - connectStarted) / 1000
    console.log(`connected and synced ${CLIENTS} clients in ${connectSeconds.toFixed(1)} s`)

    // A probe measures fan-out: time until every client has a probe note.
    const probe = connectProvider(server.url, board.id, board.tokens.facilitator)
    await waitFor(() => probe.synced, 10_000, 'probe sync')
    const fanout: number[] = []
    let edits = 0
    let cursors = 0
    const editChance = TICK_MS / 1000 / EDIT_EVERY_S
    const cursorChance = TICK_MS / 1000 / CURSOR_EVERY_S
    const started = performance.now()
    const endAt = started + MINUTES * 60_000
    let nextMemory = started + MEMORY_EVERY_MS
    let nextProbe = started + PROBE_EVERY_MS
    let probeN = 0
    const tickLag: number[] = []
    let lastTick = performance.now()

    while (performance.now() < endAt) {
      const now = performance.now()
      tickLag.push(now - lastTick - TICK_MS)
      lastTick = now
      for (const c of clients) {
        if (rng.chance(editChance)) {
          editOnce(c)
          edits++
        }
        if (rng.chance(cursorChance)) {
          c.provider.awareness.setLocalStateField('cursor', { x: rng.int(-3000, 3000), y: rng.int(-3000, 3000) })
          cursors++
        }
      }
      if (now >= nextProbe) {
        nextProbe += PROBE_EVERY_MS
        const id = `shape:probe-${probeN++}`
        const sent = performance.now()
        probe.doc.transact(() => writeRecord(getRecordsMap(probe.doc), noteRecord(id, { text: 'probe' })))
        void waitFor(() => clients.every((c) => getRecordsMap(c.provider.doc).has(id)), 30_000, 'probe fan-out').then(
          () => fanout.push(performance.now() - sent),
          () => failures.push(`probe ${id} did not reach every client within 30 s`),
        )
      }
      if (now >= nextMemory) {
        nextMemory += MEMORY_EVERY_MS
        const m = await server.memory()
        const atS = Math.round((performance.now() - started) / 1000)
        memory.push({ atS, ...m })
        console.log(`  t=${atS}s edits=${edits} cursors=${cursors} server heap ${mib(m.heapUsed)} rss ${mib(m.rss)} fan-out p50 ${percentile(fanout, 50).toFixed(0)} ms`)
      }
      await sleep(TICK_MS)
    }
    const activeSeconds = (performance.now() - started) / 1000

    // Quiet: every client must converge with a fresh client.
    const quietStarted = performance.now()
    const fresh = connectProvider(server.url, board.id, board.tokens.viewer)
    await waitFor(() => fresh.synced, 30_000, 'fresh client sync')
    const sameAsFresh = (c: Client) => Buffer.from(Y.encodeStateVector(c.provider.doc)).equals(Buffer.from(Y.encodeStateVector(fresh.doc)))
    await waitFor(() => clients.every(sameAsFresh), 60_000, 'every client converged').catch((e: Error) => failures.push(e.message))
    const convergeSeconds = (performance.now() - quietStarted) / 1000
    const expected = JSON.stringify(sortedRecords(fresh.doc))
    const diverged = clients.filter((c) => JSON.stringify(sortedRecords(c.provider.doc)) !== expected)
    if (diverged.length > 0) failures.push(`${diverged.length} clients hold other records than a fresh client`)
    const disconnects = clients.reduce((n, c) => n + c.disconnects, 0)
    if (disconnects > 0) failures.push(`${disconnects} unexpected disconnects`)
    if (server.child.exitCode !== null) failures.push('the server exited')
    if (/"level":(50|60)/.test(server.output())) failures.push('the server logged errors')

    for (const c of clients) c.provider.destroy()
    probe.destroy()
    fresh.destroy()
    await sleep(2000)
    const afterClose = await server.memory()
    memory.push({ atS: Math.round((performance.now() - started) / 1000), ...afterClose })

    const steady = memory.filter((m) => m.atS >= 60 && m.atS <= activeSeconds)
    const firstSteady = steady[0] ?? memory[1] ?? memory[0]!
    const lastSteady = steady[steady.length - 1] ?? firstSteady
    const heapGrowth = lastSteady.heapUsed - firstSteady.heapUsed
    if (steady.length >= 2 && heapGrowth > Math.max(16 * MiB, firstSteady.heapUsed * 0.25)) {
      failures.push(`server heap grew ${mib(heapGrowth)} during the steady phase`)
    }

    console.log(
      [
        '',
        '== soak figures ==',
        `clients ${CLIENTS}, active ${activeSeconds.toFixed(0)} s, connect+sync ${connectSeconds.toFixed(1)} s`,
        `edits ${edits} (${(edits / activeSeconds).toFixed(1)}/s), cursor moves ${cursors} (${(cursors / activeSeconds).toFixed(1)}/s)`,
        `records at the end ${readAllRecords(fresh.doc).length}, doc ${(Y.encodeStateAsUpdate(fresh.doc).byteLength / 1024).toFixed(0)} KiB`,
        `probe fan-out to all ${CLIENTS} clients: n=${fanout.length} p50 ${percentile(fanout, 50).toFixed(0)} ms, p99 ${percentile(fanout, 99).toFixed(0)} ms, max ${Math.max(...fanout).toFixed(0)} ms`,
        `load generator tick lag p99 ${percentile(tickLag, 99).toFixed(0)} ms (high = the generator, not the server, was saturated)`,
        `converged (all ${CLIENTS} = fresh client) ${convergeSeconds.toFixed(1)} s after the edits stopped; diverged ${diverged.length}; unexpected disconnects ${disconnects}`,
        `server heap after gc: ${memory.map((m) => `${m.atS}s ${mib(m.heapUsed)}`).join(', ')}`,
        `server rss: ${memory.map((m) => `${m.atS}s ${mib(m.rss)}`).join(', ')}`,
        `steady-phase heap growth ${mib(heapGrowth)}; after every client left: heap ${mib(afterClose.heapUsed)}, rooms ${afterClose.rooms}`,
        failures.length ? `FAILED: ${failures.join('; ')}` : 'OK: no error, memory flat, every client converged',
      ].join('\n'),
    )
  } finally {
    await server.stop()
  }
  process.exit(failures.length ? 1 : 0)
}

await main()
