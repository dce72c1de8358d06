/**
 * A load-generator process: runs a share of the benchmark's clients and reports what they
 * measured. Driven by its parent (loadgen.ts) over IPC:
 *
 *   parent → {type:'load', …}   connect, each client creates its own note, wait until every
 *                                client sees every note of its board → {type:'ready'}
 *   parent → {type:'go', …}     move notes at rateHz and cursors at awarenessHz for durationMs,
 *                                then drain → {type:'result', …}
 *   parent → {type:'idle', …}   connect one client per board, seed notes → {type:'ready'}
 *   parent → {type:'stop'}      disconnect everyone → {type:'stopped'}
 *
 * Latency: the sender writes its send time (ms since `epoch`) as the note's x; a receiver
 * subtracts it from its own clock. All processes read the same system clock.
 */
import * as Y from 'yjs'
import { getRecordsMap, TRANSFORM_KEY, writeRecord } from '../shared/docLayout.js'
import { connectClient, nowMs, waitUntil, type BenchClient, type ClientSpec } from './clients.js'
import { countShapes, moveNote, noteRecord, writeInitialRecords, writeNotes } from './notes.js'

export type WorkerClient = ClientSpec & { board: number; index: number; boardClients: number }

export type LoadCommand = { type: 'load'; clients: WorkerClient[]; epoch: number; writeInitial: boolean }
export type GoCommand = { type: 'go'; rateHz: number; awarenessHz: number; startMs: number; warmupMs: number; durationMs: number; drainMs: number }
export type IdleCommand = { type: 'idle'; clients: WorkerClient[]; notesPerBoard: number; writeInitial: boolean }
export type StopCommand = { type: 'stop' }
export type WorkerCommand = LoadCommand | GoCommand | IdleCommand | StopCommand

export type WorkerResult = {
  type: 'result'
  /** Every delivery's latency, ms. */
  latencies: number[]
  /**
   * What each receiver here saw of each note, in order: key `board/receiver/note`, then
   * [sent at, received at] pairs (the note's x is its move's send time).
   */
  streams: Array<[string, number[]]>
  /** Updates sent within the measurement window: key `board/note:sent at`, receivers expected. */
  sent: Array<[string, number]>
  awarenessReceived: number
  cpuPercent: number
  /** Every move this process sent (warm-up included). */
  movesSent: number
  /** This process's CPU within the measurement window (after the warm-up), and the moves sent in it. */
  windowCpuSeconds: number
  windowMoves: number
}

type Running = { client: BenchClient; spec: WorkerClient; noteId: string }

let running: Running[] = []
let epoch = 0
// Every stock provider in Node adds a process 'exit' listener; hundreds of them are expected here.
process.setMaxListeners(0)

const latencies: number[] = []
const streams = new Map<string, number[]>()
let windowStart = Infinity
let windowEnd = -Infinity
let awarenessReceived = 0
let counting = false

function send(message: unknown): void {
  process.send?.(message)
}

function observe(r: Running): void {
  getRecordsMap(r.client.doc).observeDeep((events, transaction) => {
    if (transaction.local || !counting) return
    const received = nowMs() - epoch
    for (const event of events) {
      if (event.path.length !== 1 || !(event as Y.YMapEvent<unknown>).keys.has(TRANSFORM_KEY)) continue
      const xf = (event.target as Y.Map<unknown>).get(TRANSFORM_KEY) as { x?: unknown } | undefined
      const sentAt = typeof xf?.x === 'number' ? xf.x : NaN
      if (!(sentAt >= windowStart && sentAt <= windowEnd)) continue
      latencies.push(received - sentAt)
      const key = `${r.spec.board}/${r.spec.index}/${String(event.path[0])}`
      let stream = streams.get(key)
      if (!stream) streams.set(key, (stream = []))
      stream.push(sentAt, received)
    }
  })
  r.client.awareness.on('update', (_change: unknown, origin: unknown) => {
    if (counting && origin !== 'local') awarenessReceived++
  })
}

async function connectAll(clients: WorkerClient[]): Promise<Running[]> {
  const out: Running[] = []
  for (const spec of clients) {
    const client = await connectClient(spec)
    out.push({ client, spec, noteId: `shape:c${spec.index}` })
  }
  await waitUntil(() => out.every((r) => r.client.isSynced()), 60_000, 'clients to sync')
  return out
}

async function load(command: LoadCommand): Promise<void> {
  epoch = command.epoch
  running = await connectAll(command.clients)
  for (const r of running) {
    if (command.writeInitial && r.spec.index === 0) writeInitialRecords(r.client.doc)
    r.client.doc.transact(() => writeRecord(getRecordsMap(r.client.doc), noteRecord(r.noteId, 0, r.spec.index * 220, 'a1')))
    observe(r)
  }
  await waitUntil(
    () => running.every((r) => countShapes(r.client.doc) >= r.spec.boardClients),
    120_000,
    'every client to see every note of its board',
  )
  send({ type: 'ready' })
}

async function go(command: GoCommand): Promise<void> {
  const cpuStart = process.cpuUsage()
  const wallStart = performance.now()
  const startRel = command.startMs - epoch
  windowStart = startRel + command.warmupMs
  windowEnd = startRel + command.durationMs
  counting = true
  const sent = new Map<string, number>()
  let movesSent = 0
  let windowMoves = 0
  const timers: NodeJS.Timeout[] = []
  const delay = Math.max(0, command.startMs - nowMs())
  // CPU within the window, sampled when it opens and closes (the warm-up's JIT work left out).
  let windowOpened: NodeJS.CpuUsage | undefined
  let windowCpuSeconds = NaN
  timers.push(setTimeout(() => (windowOpened = process.cpuUsage()), delay + command.warmupMs))
  timers.push(
    setTimeout(() => {
      const used = process.cpuUsage(windowOpened)
      windowCpuSeconds = (used.user + used.system) / 1e6
    }, delay + command.durationMs),
  )
  await new Promise((r) => setTimeout(r, delay))
  for (const r of running) {
    const moveEvery = 1000 / command.rateHz
    const cursorEvery = 1000 / command.awarenessHz
    const phase = Math.random() * moveEvery
    let seq = 0
    timers.push(
      setTimeout(() => {
        timers.push(
          setInterval(() => {
            const t = nowMs() - epoch
            if (t > windowEnd) return
            moveNote(r.client.doc, r.noteId, t, seq++)
            movesSent++
            if (t >= windowStart) {
              sent.set(`${r.spec.board}/${r.noteId}:${t}`, r.spec.boardClients - 1)
              windowMoves++
            }
          }, moveEvery),
        )
        timers.push(
          setInterval(() => {
            r.client.awareness.setLocalStateField('cursor', { x: Math.random() * 1000, y: Math.random() * 1000 })
          }, cursorEvery),
        )
      }, phase),
    )
  }
  await new Promise((r) => setTimeout(r, command.durationMs + command.drainMs))
  for (const t of timers) clearInterval(t)
  counting = false
  const cpu = process.cpuUsage(cpuStart)
  const wallMs = performance.now() - wallStart
  const result: WorkerResult = {
    type: 'result',
    latencies,
    streams: Array.from(streams),
    sent: Array.from(sent),
    awarenessReceived,
    cpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
    movesSent,
    windowCpuSeconds,
    windowMoves,
  }
  send(result)
}

async function idle(command: IdleCommand): Promise<void> {
  const added = await connectAll(command.clients)
  running.push(...added)
  for (const r of added) {
    if (command.writeInitial) writeInitialRecords(r.client.doc)
    if (countShapes(r.client.doc) === 0 && command.notesPerBoard > 0) writeNotes(r.client.doc, command.notesPerBoard)
  }
  send({ type: 'ready' })
}

process.on('message', (message: WorkerCommand) => {
  const fail = (error: unknown) => {
    send({ type: 'error', message: error instanceof Error ? error.message : String(error) })
  }
  switch (message.type) {
    case 'load':
      load(message).catch(fail)
      return
    case 'go':
      go(message).catch(fail)
      return
    case 'idle':
      idle(message).catch(fail)
      return
    case 'stop':
      for (const r of running) r.client.destroy()
      running = []
      send({ type: 'stopped' })
      setTimeout(() => process.exit(0), 200)
      return
  }
})
send({ type: 'booted' })
