/**
 * `npm run bench`: every measurement of issues 2 and 8 in one run, written to bench/RESULTS.md
 * as it goes (a partial run still leaves its figures). Defaults take a few minutes; flags make
 * longer runs:
 *
 *   --targets ours,y-websocket,…   servers to compare (default: all available)
 *   --only persist,load,ramp,memory,cold   sections (default: all)
 *   --duration 8 --repeats 2       seconds per load run, interleaved repeats per server
 *   --clients 50 --rate 10         the issue-2 workload
 *   --memory 10,100,1000           idle boards
 *   --notes 5000                   cold-load board size
 *   --steps 5,10,20,…              ramp steps (clients on one board)
 *   --ramp-targets ours,…          servers ramped (default ours, y-websocket, hocuspocus)
 *   --workers 2                    load-generator processes (default 2: one per core here)
 *   --browser-notes 200 --browser-repeats 3   browser section (headless Chromium, bench/browser.ts)
 *   --skip-browser                 leave the browser section out
 *   --cpu-rounds 3                 cpu section: interleaved rounds of bench/cpuPerMove.ts (ours, y-websocket)
 *   --empty-rounds 3               empty section: interleaved empty-server RSS readings
 *   --preset issue18               the issue-18 figures with latency and idle memory, in about
 *                                  15 minutes: --only cpu,empty,load,memory,cold,browser
 *                                  --targets ours,y-websocket,y-websocket-leveldb --memory 10,100
 *                                  --repeats 2 (flags given as well win)
 *
 * Env: BENCH_DATABASE_URL (default TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test,
 * in which a throwaway database is created), BENCH_REDIS_URL (default TEST_REDIS_URL or
 * redis://127.0.0.1:6379).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { Redis } from 'ioredis'
import { browsersToMeasure, measureBrowser, summarize, type BrowserPass, type BrowserRun } from './browser.js'
import { measureColdLoad, type ColdLoadResult } from './coldLoad.js'
import { describeCompaction, measureCompaction, type CompactionResult } from './compaction.js'
import { CPU_LOAD, cpuPerMoveInterleaved } from './cpuPerMove.js'
import { measureEmptyRss, type EmptyRss } from './emptyRss.js'
import { issue18Section } from './issue18.js'
import { describeRoomWork, measureRoomWork, type RoomWorkResult } from './roomWork.js'
import { DEFAULT_LOAD, describe, rampInterleaved, runLoad, type LoadOptions, type LoadResult, type RampResult } from './loadgen.js'
import { measureIdleMemory, type MemoryResult } from './memory.js'
import { measurePersistLatency, type PersistLatency } from './persistLatency.js'
import { BENCH_DIR, ensurePeersInstalled, startTarget, TARGET_LABELS, type BenchServer, type StartOptions, type TargetName } from './servers.js'

const ALL_TARGETS: TargetName[] = ['ours', 'ours-pg-redis', 'y-websocket', 'y-websocket-leveldb', 'hocuspocus', 'hocuspocus-sqlite']
const SECTIONS = ['persist', 'cpu', 'empty', 'load', 'ramp', 'memory', 'cold', 'browser'] as const
type Section = (typeof SECTIONS)[number]

const PRESETS: Record<string, string[]> = {
  issue18: ['--only', 'cpu,empty,load,memory,cold,browser', '--targets', 'ours,y-websocket,y-websocket-leveldb', '--memory', '10,100', '--repeats', '2'],
}
const argv = process.argv.slice(2)
const presetAt = argv.indexOf('--preset')
const preset = presetAt >= 0 ? PRESETS[argv[presetAt + 1] ?? ''] : []
if (!preset) throw new Error(`unknown preset; one of ${Object.keys(PRESETS).join(', ')}`)
if (presetAt >= 0) argv.splice(presetAt, 2)

const { values } = parseArgs({
  args: [...preset, ...argv],
  options: {
    targets: { type: 'string' },
    only: { type: 'string' },
    duration: { type: 'string', default: '8' },
    repeats: { type: 'string', default: '2' },
    clients: { type: 'string', default: '50' },
    rate: { type: 'string', default: '10' },
    memory: { type: 'string', default: '10,100,1000' },
    notes: { type: 'string', default: '5000' },
    steps: { type: 'string', default: '10,20,30,40,50,60,70,80,100,120' },
    'ramp-targets': { type: 'string', default: 'ours,y-websocket,hocuspocus' },
    workers: { type: 'string', default: '2' },
    'browser-notes': { type: 'string', default: '200' },
    'cpu-rounds': { type: 'string', default: '3' },
    'empty-rounds': { type: 'string', default: '3' },
    'browser-repeats': { type: 'string', default: '3' },
    'skip-browser': { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(BENCH_DIR, 'RESULTS.md') },
  },
})

const sections = new Set<Section>((values.only?.split(',') as Section[] | undefined) ?? SECTIONS)
if (values['skip-browser']) sections.delete('browser')
const load: LoadOptions = {
  ...DEFAULT_LOAD,
  clientsPerBoard: Number(values.clients),
  rateHz: Number(values.rate),
  durationMs: Number(values.duration) * 1000,
  warmupMs: Math.min(2000, (Number(values.duration) * 1000) / 4),
  workers: Number(values.workers),
}

type Row = { workload: string; better: 'lower' | 'higher'; unit: string; values: Partial<Record<TargetName, number>>; note?: string }
const results = {
  started: new Date().toISOString(),
  notes: [] as string[],
  load: {} as Partial<Record<TargetName, LoadResult[]>>,
  ramp: {} as Partial<Record<TargetName, RampResult>>,
  memory: {} as Partial<Record<TargetName, MemoryResult>>,
  cold: {} as Partial<Record<TargetName, ColdLoadResult>>,
  missing: {} as Partial<Record<TargetName, string>>,
  persist: null as PersistLatency | null,
  cpu: {} as Partial<Record<TargetName, LoadResult[]>>,
  roomWork: null as RoomWorkResult | null,
  compaction: null as CompactionResult | null,
  empty: {} as Partial<Record<TargetName, EmptyRss[]>>,
  /** One pass per Chromium build measured (bench/browser.ts browsersToMeasure). */
  browsers: [] as BrowserPass[],
}

const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b)
  if (s.length === 0) return NaN
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

async function prepareCluster(): Promise<{ options: StartOptions; cleanup: () => Promise<void> } | string> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
  const redisUrl = process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
  const dbName = `bench_${process.pid}_${crypto.randomBytes(3).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  try {
    await admin.connect()
    await admin.query(`CREATE DATABASE ${dbName}`)
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 })
    await redis.connect()
    await redis.quit()
  } catch (error) {
    await admin.end().catch(() => {})
    return `PostgreSQL/Redis unreachable: ${error instanceof Error ? error.message : String(error)}`
  }
  const url = new URL(adminUrl)
  url.pathname = `/${dbName}`
  return {
    options: { databaseUrl: url.toString(), redisUrl },
    cleanup: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {})
      await admin.end()
    },
  }
}

function fmt(value: number | undefined, unit: string): string {
  if (value === undefined || !Number.isFinite(value)) return '—'
  if (unit === 'MiB') return `${(value / 1048576).toFixed(1)} MiB`
  if (unit === 'KiB') return `${(value / 1024).toFixed(0)} KiB`
  if (unit === 'ms') return `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`
  if (unit === '/s') return `${Math.round(value)}/s`
  return `${Math.round(value)}${unit ? ` ${unit}` : ''}`
}

function rows(): Row[] {
  const out: Row[] = []
  const per = <T>(source: Partial<Record<TargetName, T>>, pick: (v: T) => number) =>
    Object.fromEntries(Object.entries(source).map(([k, v]) => [k, pick(v as T)])) as Partial<Record<TargetName, number>>
  const w = `1 board × ${load.clientsPerBoard} clients, ${load.rateHz} Hz moves + ${load.awarenessHz} Hz cursors`
  if (Object.keys(results.load).length) {
    out.push({ workload: `${w}: p50 to all receivers`, better: 'lower', unit: 'ms', values: per(results.load, (rs) => median(rs.map((r) => r.allReceivers.p50))) })
    out.push({ workload: `${w}: p99 to all receivers`, better: 'lower', unit: 'ms', values: per(results.load, (rs) => median(rs.map((r) => r.allReceivers.p99))) })
    out.push({ workload: `${w}: max to all receivers`, better: 'lower', unit: 'ms', values: per(results.load, (rs) => median(rs.map((r) => r.allReceivers.max))) })
    out.push({ workload: `${w}: p99 per delivery`, better: 'lower', unit: 'ms', values: per(results.load, (rs) => median(rs.map((r) => r.delivery.p99))) })
    out.push({ workload: `${w}: updates delivered`, better: 'higher', unit: '/s', values: per(results.load, (rs) => median(rs.map((r) => r.deliveriesPerSecond))) })
    out.push({ workload: `${w}: offered load the load generator managed to send`, better: 'higher', unit: '%', values: per(results.load, (rs) => median(rs.map((r) => r.offeredLoadAchieved * 100))) })
    out.push({ workload: `${w}: server CPU`, better: 'lower', unit: '%', values: per(results.load, (rs) => median(rs.map((r) => r.serverCpuPercent))) })
    out.push({ workload: `${w}: server RSS`, better: 'lower', unit: 'MiB', values: per(results.load, (rs) => median(rs.map((r) => r.serverRssBytes))) })
  }
  if (Object.keys(results.ramp).length) {
    out.push({ workload: `capacity: clients on one board at p99 ≤ 100 ms (${load.rateHz} Hz)`, better: 'higher', unit: '', values: per(results.ramp, (r) => r.capacity) })
  }
  if (Object.keys(results.memory).length) {
    const counts = Array.from(new Set(Object.values(results.memory).flatMap((m) => m!.points.map((p) => p.boards))))
    for (const n of counts) {
      out.push({
        workload: `memory per idle loaded board, RSS, ${n} boards`,
        better: 'lower',
        unit: 'KiB',
        values: per(results.memory, (m) => m.points.find((p) => p.boards === n)?.perBoardBytes ?? NaN),
      })
    }
    for (const n of counts) {
      out.push({
        workload: `memory per idle loaded board, JS heap + buffers after a full GC, ${n} boards`,
        better: 'lower',
        unit: 'KiB',
        values: per(results.memory, (m) => m.points.find((p) => p.boards === n)?.heapPerBoardBytes ?? NaN),
      })
    }
    for (const n of counts) {
      out.push({
        workload: `memory per loaded board right after its notes were written (ours before its idle docs sleep), JS heap + buffers after a full GC, ${n} boards`,
        better: 'lower',
        unit: 'KiB',
        values: per(results.memory, (m) => m.points.find((p) => p.boards === n)?.awakeHeapPerBoardBytes ?? NaN),
      })
    }
    out.push({ workload: 'server RSS with no board loaded', better: 'lower', unit: 'MiB', values: per(results.memory, (m) => m.baseRssBytes) })
  }
  if (Object.keys(results.cold).length) {
    const n = Number(values.notes)
    out.push({ workload: `cold load of a ${n}-note board through sync (restarted server → client has every note)`, better: 'lower', unit: 'ms', values: per(results.cold, (c) => median(c.syncMs)) })
    out.push({ workload: `cold load of a ${n}-note board: server RSS growth`, better: 'lower', unit: 'MiB', values: per(results.cold, (c) => median(c.serverRssDeltaBytes)) })
    out.push({ workload: `${n}-note board, encoded size`, better: 'lower', unit: 'KiB', values: per(results.cold, (c) => c.encodedBytes) })
  }
  return out
}

function ratio(row: Row, target: TargetName): string {
  const ours = row.values.ours
  const theirs = row.values[target]
  // A ratio of a figure at or below zero (memory that shrank below the empty baseline) means nothing.
  if (target === 'ours' || ours === undefined || theirs === undefined || !Number.isFinite(ours) || !Number.isFinite(theirs) || ours <= 0 || theirs <= 0) return ''
  // Always "how many times better ours is": > 1 means ours is better.
  const r = row.better === 'lower' ? theirs / ours : ours / theirs
  return ` (×${r.toFixed(2)})`
}

function browserSection(): string[] {
  const lines: string[] = []
  for (const { label, result: b } of results.browsers) {
    const s = summarize(b)
    const med = (runs: BrowserRun[], pick: (r: BrowserRun) => number | null) => median(runs.map((r) => pick(r) ?? NaN))
    lines.push('', `## Browser: a ${b.notes}-note board in headless Chromium (${label})`, '')
    lines.push(`Time from navigation start until the editor holds every note and the next animation frame has run (rendered and interactive), median of ${b.ours.length} fresh browser contexts each (no cache, empty IndexedDB), after one unmeasured load of each.`)
    lines.push('Ours: the built app from our server, a participant link, the board through sync. Floor: tldraw alone loading the same records from a JSON snapshot (bench/browser/floor.tsx), no sync.', '')
    lines.push('| step (ms since navigation start) | ours, through sync | tldraw local (floor) |')
    lines.push('|---|---|---|')
    const step = (label: string, pick: (r: BrowserRun) => number | null) => {
      lines.push(`| ${label} | ${fmt(med(b.ours, pick), 'ms')} | ${b.floor.some((r) => pick(r) !== null) ? fmt(med(b.floor, pick), 'ms') : '—'} |`)
    }
    step('DOMContentLoaded (scripts loaded and run)', (r) => r.domContentLoadedMs)
    step('board websocket open', (r) => r.wsOpenMs)
    step('sync answer received (largest message on the board socket)', (r) => r.syncMs)
    step('tldraw container in the DOM (ours: store bound to the doc)', (r) => r.containerMs)
    step('editor mounted (`window.__editor` set)', (r) => r.editorMs)
    step('first frame with every note in the editor', (r) => r.allShapesMs)
    step('**rendered and interactive** (next frame)', (r) => r.interactiveMs)
    step('then a click on a note: pointerdown → selected and painted (duration)', (r) => r.clickMs)
    const split = (runs: BrowserRun[], from: (r: BrowserRun) => number | null, to: (r: BrowserRun) => number | null) =>
      fmt(median(runs.map((r) => (to(r) ?? NaN) - (from(r) ?? NaN))), 'ms')
    lines.push('', 'Where the time goes (medians of per-run differences):')
    lines.push(`- ours: page load ${fmt(med(b.ours, (r) => r.domContentLoadedMs), 'ms')}; waiting for the sync answer ${split(b.ours, (r) => r.domContentLoadedMs, (r) => r.syncMs)}; applying it and binding the store (Yjs doc → tldraw store, IndexedDB cache) until tldraw mounts ${split(b.ours, (r) => r.syncMs, (r) => r.containerMs)}; tldraw creating the editor on the filled store ${split(b.ours, (r) => r.containerMs, (r) => r.editorMs)}; first render ${split(b.ours, (r) => r.editorMs, (r) => r.interactiveMs)}.`)
    lines.push(`- floor: page load ${fmt(med(b.floor, (r) => r.domContentLoadedMs), 'ms')}; to tldraw's container ${split(b.floor, (r) => r.domContentLoadedMs, (r) => r.containerMs)}; tldraw loading the snapshot (fetch, migrate, validate) and creating the editor ${split(b.floor, (r) => r.containerMs, (r) => r.editorMs)}; first render ${split(b.floor, (r) => r.editorMs, (r) => r.interactiveMs)}.`)
    lines.push('', `**Ratio ours ÷ floor: ${s.ratio.toFixed(2)}** (target ≤ 1.3; ${s.ratio <= 1.3 ? 'met' : 'not met'}).`)
    lines.push(`Runs, ours: ${b.ours.map((r) => r.interactiveMs.toFixed(0)).join(', ')} ms; floor: ${b.floor.map((r) => r.interactiveMs.toFixed(0)).join(', ')} ms.`)
    lines.push('CPU profiles of one load of each: `node --import tsx bench/browser.ts --profile bench/.work` (then `bench/profileSummary.ts`).')
  }
  return lines
}

/**
 * `--only browser` on its own: the browser section replaces its namesake in the existing
 * RESULTS.md, so that the other sections' figures stay.
 */
function mergeBrowserSection(): boolean {
  if (sections.size !== 1 || !sections.has('browser') || !fs.existsSync(values.out!)) return false
  if (results.browsers.length === 0) return true // failed: the console says why; the file keeps what it had
  const existing = fs.readFileSync(values.out!, 'utf8').split('\n')
  const kept: string[] = []
  let skipping = false
  for (const line of existing) {
    if (line.startsWith('## ')) skipping = line.startsWith('## Browser')
    if (!skipping && !line.startsWith('- Browser (time to a rendered')) kept.push(line)
  }
  // A notes heading left with nothing under it goes too.
  const notesAt = kept.findIndex((l) => l.startsWith('## Not measured'))
  if (notesAt >= 0 && (kept.slice(notesAt + 1).find((l) => l.trim() !== '') ?? '## ').startsWith('## ')) {
    const next = kept.findIndex((l, i) => i > notesAt && l.startsWith('## '))
    kept.splice(notesAt, (next < 0 ? kept.length : next) - notesAt)
  }
  let at = kept.findIndex((l) => l.startsWith('## Not measured') || l.startsWith('## Method'))
  if (at < 0) at = kept.length
  const section = browserSection()
  section.shift() // its leading blank line; the one before the next heading stays
  kept.splice(at, 0, ...section, `(Browser section from \`--only browser\` on ${new Date().toISOString()}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}.)`, '')
  fs.writeFileSync(values.out!, kept.join('\n'))
  return true
}

function writeResults(): void {
  if (mergeBrowserSection()) return
  const targets = ALL_TARGETS.filter((t) => Object.values(results).some((v) => typeof v === 'object' && v !== null && t in (v as object)) && !(t in results.missing))
  const table = rows()
  const lines: string[] = []
  lines.push('# Benchmark results', '')
  lines.push(`Written by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString()}; started ${results.started}.`)
  lines.push(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}.`)
  lines.push('', 'Every server runs in its own process; clients are real `y-websocket` providers (Hocuspocus: its own provider) in a separate load-generator process over loopback.')
  lines.push('Cells: the median over the repeats, then in brackets **how many times better ours is** (theirs ÷ ours when lower is better, ours ÷ theirs when higher is better; > 1 = ours better).')
  lines.push('Absolute times drift on a shared machine; read the ratios.')
  const lagging = Object.entries(results.load).filter(([, runs]) => runs!.some((r) => r.offeredLoadAchieved < 0.9)).map(([t]) => TARGET_LABELS[t as TargetName])
  if (lagging.length) {
    lines.push('', `**Warning:** in at least one load run of ${lagging.join(', ')} the load generator sent less than 90 % of the offered load (row "offered load … sent"): the machine could not run the clients at full rate, so those latencies measure the starved load generator as much as the server. The generator's work grows with the frames a server sends (see Method).`)
  }
  const awake = Object.entries(results.memory).flatMap(([t, m]) =>
    m!.points.filter((p) => p.sleeps && !p.asleep).map((p) => `${TARGET_LABELS[t as TargetName]} at ${p.boards} boards`),
  )
  if (awake.length) {
    lines.push('', `**Warning:** not every doc of ${awake.join(', ')} was asleep 90 s after the boards went idle: the "idle board" figures there include awake docs.`)
  }
  lines.push('')
  lines.push(`| workload | ${targets.map((t) => TARGET_LABELS[t]).join(' | ')} |`)
  lines.push(`|---|${targets.map(() => '---').join('|')}|`)
  for (const row of table) {
    lines.push(`| ${row.workload} (${row.better} is better) | ${targets.map((t) => `${fmt(row.values[t], row.unit)}${ratio(row, t)}`).join(' | ')} |`)
  }
  lines.push(...issue18Section({ cpu: results.cpu, roomWork: results.roomWork, empty: results.empty, cold: results.cold, browsers: results.browsers, coldNotes: Number(values.notes), compaction: results.compaction }))
  const ours = results.cold.ours?.inProcess
  if (results.persist) {
    const p = results.persist
    lines.push('', '## Our persist-before-broadcast cost (one batch of 3 note moves, SqliteStorage.appendUpdates)', '')
    lines.push(`- synchronous=NORMAL (default; survives kill -9): p50 ${fmt(p.NORMAL.p50, 'ms')}, p99 ${fmt(p.NORMAL.p99, 'ms')}`)
    lines.push(`- synchronous=FULL (fsync per commit; survives power loss): p50 ${fmt(p.FULL.p50, 'ms')}, p99 ${fmt(p.FULL.p99, 'ms')} (set SQLITE_SYNCHRONOUS=FULL)`)
  }
  if (ours?.length) {
    lines.push('', '## Issue 2: loading a board on our server', '')
    lines.push(`A ${values.notes}-note board, loaded from SQLite into a room in a fresh process (storage read; a snapshot at the current schema is kept encoded, anything else is applied to a Y.Doc and schema-checked), ${ours.length} runs:`)
    lines.push(`- time: median ${fmt(median(ours.map((r) => r.loadMs)), 'ms')} (runs: ${ours.map((r) => r.loadMs.toFixed(0)).join(', ')} ms)`)
    lines.push(`- first sync answer (load start → sync step 2 with the whole board handed to the socket of a client with nothing): median ${fmt(median(ours.map((r) => r.firstAnswerMs)), 'ms')} (runs: ${ours.map((r) => r.firstAnswerMs.toFixed(0)).join(', ')} ms)`)
    lines.push(`- RSS growth: median ${fmt(median(ours.map((r) => r.rssDeltaBytes)), 'MiB')}; JS heap growth ${fmt(median(ours.map((r) => r.heapDeltaBytes)), 'MiB')}`)
    lines.push(`- encoded board: ${fmt(ours[0]!.encodedBytes, 'KiB')} (stored: ${fmt(ours[0]!.storedBytes, 'KiB')} in ${ours[0]!.storedUpdates} log rows + snapshot)`)
  }
  if (results.load.ours?.length) {
    lines.push('', `Issue 2 latency (1 board × ${load.clientsPerBoard} clients, ${load.rateHz} updates/s each): ` +
      results.load.ours.map((r, i) => `run ${i + 1}: p50 ${fmt(r.allReceivers.p50, 'ms')}, p99 ${fmt(r.allReceivers.p99, 'ms')}`).join('; '))
  }
  if (Object.keys(results.ramp).length) {
    lines.push('', '## Ramp (clients on one board → all-receivers p99)', '', 'Servers ramped interleaved (every server runs a step before any runs the next); a step over the limit is run a second time and the better run kept, so that one stall of the shared machine does not end a ramp.', '')
    for (const [t, r] of Object.entries(results.ramp)) {
      lines.push(`- ${TARGET_LABELS[t as TargetName]}: ${r!.steps.map((s) => `${s.clients}: ${fmt(s.result.allReceivers.p99, 'ms')}${s.attempts > 1 ? ' (2nd run)' : ''} (sent ${(s.result.offeredLoadAchieved * 100).toFixed(0)}%, server CPU ${s.result.serverCpuPercent.toFixed(0)}%, load-gen CPU ${s.result.loadgenCpuPercent.toFixed(0)}%)`).join('; ')} → capacity ${r!.capacity}${r!.loadgenBound ? ' (the load generator, not the server, was saturated at the last step)' : ''}`)
    }
  }
  lines.push(...browserSection())
  if (Object.keys(results.missing).length || results.notes.length) {
    lines.push('', '## Not measured / notes', '')
    for (const [t, why] of Object.entries(results.missing)) lines.push(`- ${TARGET_LABELS[t as TargetName]}: ${why}`)
    for (const n of results.notes) lines.push(`- ${n}`)
  }
  lines.push('', '## Method', '')
  lines.push('- Latency: the sender writes its send time into the note\'s `x` (one `xf` key, as the client binding does); each receiver subtracts it from its own clock (all clients share the machine clock). "All receivers" = time until the last other client on the board has the update; updates sent during the warm-up are not counted.')
  lines.push('- Both stock providers (y-websocket and Hocuspocus) re-send every awareness update they receive, so cursor traffic to the server grows with N². Our server sends one frame per session and event-loop turn (a stored batch as one merged update, the presence changes of a turn as one message), so on a busy board each client receives, and re-sends, fewer frames; the peers send one frame per update and per cursor move.')
  lines.push('- All clients run in load-generator processes on the same 2 cores as the server, so the capacity figure counts client-side work too (in a real workshop every participant has their own machine). Server CPU at each step is printed in the ramp section to separate the two.')
  lines.push('- Server CPU and RSS: /proc/<pid>/stat and status of the server process(es). Memory per idle board: (RSS with B boards, each held open by one client with 10 notes − RSS with none) ÷ B, each RSS read after a full GC; for ours measured twice, right after the notes were written and once its idle docs sleep (ROOM_SLEEP_AFTER_MS, default 30 s: the doc is kept as its encoded state while the client stays connected). RSS rarely shrinks once V8 has grown its heap, so the same is also measured as JS heap + external memory right after a full GC: every server process is started with --expose-gc and bench/gcProbe.cjs, which collects on SIGUSR2 and reports process.memoryUsage().')
  lines.push('- Cold load: a board is filled through a client, the server is restarted, and a fresh client is timed from connect until it holds every note; servers without storage are not listed.')
  lines.push('- Our server persists every update (SQLite WAL, synchronous=NORMAL by default: survives kill -9; SQLITE_SYNCHRONOUS=FULL adds an fsync per commit) before broadcasting it; y-websocket + LevelDB writes each update asynchronously after broadcasting; Hocuspocus stores the whole document 2 s after changes stop (debounced).')
  fs.writeFileSync(values.out!, lines.join('\n') + '\n')
  fs.mkdirSync(path.join(BENCH_DIR, '.work'), { recursive: true })
  fs.writeFileSync(path.join(BENCH_DIR, '.work', 'results.json'), JSON.stringify(results, (_k, v) => (Array.isArray(v) && v.length > 200 ? `[${v.length} values]` : v), 2))
}

async function withTarget<T>(target: TargetName, options: StartOptions, fn: (server: BenchServer) => Promise<T>): Promise<T | undefined> {
  let server: BenchServer
  try {
    server = await startTarget(target, options)
  } catch (error) {
    results.missing[target] = `could not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`
    console.log(`  ${TARGET_LABELS[target]}: ${results.missing[target]}`)
    return undefined
  }
  try {
    return await fn(server)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    results.notes.push(`${TARGET_LABELS[target]}: a measurement failed: ${message.split('\n')[0]}`)
    console.log(`  ${TARGET_LABELS[target]}: failed: ${message}`)
    return undefined
  } finally {
    await server.stop().catch(() => {})
  }
}

async function main(): Promise<void> {
  ensurePeersInstalled()
  let targets = (values.targets?.split(',') as TargetName[] | undefined) ?? ALL_TARGETS
  const unknown = targets.filter((t) => !ALL_TARGETS.includes(t))
  if (unknown.length) throw new Error(`unknown targets: ${unknown.join(', ')}`)
  let cluster: Awaited<ReturnType<typeof prepareCluster>> | null = null
  if (targets.includes('ours-pg-redis')) {
    cluster = await prepareCluster()
    if (typeof cluster === 'string') {
      results.missing['ours-pg-redis'] = cluster
      targets = targets.filter((t) => t !== 'ours-pg-redis')
      cluster = null
    }
  }
  const optionsFor = (t: TargetName): StartOptions => (t === 'ours-pg-redis' && cluster && typeof cluster !== 'string' ? cluster.options : {})
  const persistent = (t: TargetName) => !['y-websocket', 'hocuspocus'].includes(t)
  try {
    if (sections.has('persist')) {
      results.persist = await measurePersistLatency()
      console.log(`Persist one batch: NORMAL p50 ${results.persist.NORMAL.p50.toFixed(2)} / p99 ${results.persist.NORMAL.p99.toFixed(2)} ms; FULL p50 ${results.persist.FULL.p50.toFixed(2)} / p99 ${results.persist.FULL.p99.toFixed(2)} ms`)
      writeResults()
    }
    if (sections.has('cpu')) {
      const cpuTargets: TargetName[] = targets.filter((t) => t === 'ours' || t === 'y-websocket')
      // The floor under ours: persisting and fanning out on the pinned stack, batched as ours.
      if (cpuTargets.includes('ours')) cpuTargets.push('stack-floor-batched')
      console.log(`Server CPU per note move (${CPU_LOAD.clientsPerBoard} clients, ${CPU_LOAD.rateHz} Hz moves + ${CPU_LOAD.awarenessHz} Hz cursors), ${values['cpu-rounds']} interleaved rounds`)
      const runs = await cpuPerMoveInterleaved(cpuTargets, CPU_LOAD, Number(values['cpu-rounds']), console.log)
      for (const [t, rs] of runs) if (t !== 'before') results.cpu[t] = rs
      // The same kind of stream handed to the sync core in this process, without sockets.
      results.roomWork = await measureRoomWork()
      for (const line of describeRoomWork(results.roomWork)) console.log(`  in one process: ${line}`)
      writeResults()
    }
    if (sections.has('empty')) {
      console.log(`Empty server RSS, ${values['empty-rounds']} interleaved rounds`)
      // With the floor under it: the pinned stack alone, bundled and started as ours is.
      const emptyTargets: TargetName[] = [...targets.filter((t) => t !== 'ours-pg-redis' || cluster), 'stack-floor']
      const runs = await measureEmptyRss(emptyTargets, Number(values['empty-rounds']), optionsFor, console.log)
      for (const [t, rs] of runs) results.empty[t] = rs
      writeResults()
    }
    if (sections.has('load')) {
      const repeats = Number(values.repeats)
      console.log(`Load: 1 board × ${load.clientsPerBoard} clients @ ${load.rateHz} Hz, ${repeats} interleaved repeats`)
      for (let r = 0; r < repeats; r++) {
        for (const t of targets) {
          const result = await withTarget(t, optionsFor(t), (s) => runLoad(s, load))
          if (result) {
            ;(results.load[t] ??= []).push(result)
            console.log(`  ${TARGET_LABELS[t]}: ${describe(result)}`)
          }
          writeResults()
        }
      }
    }
    if (sections.has('ramp')) {
      const steps = values.steps!.split(',').map(Number)
      console.log(`Ramp: clients on one board until p99 > 100 ms (steps ${steps.join(', ')})`)
      const rampTargets = targets.filter((x) => values['ramp-targets']!.split(',').includes(x))
      const started: Array<{ name: TargetName; server: BenchServer }> = []
      try {
        for (const t of rampTargets) {
          try {
            started.push({ name: t, server: await startTarget(t, optionsFor(t)) })
          } catch (error) {
            results.missing[t] = `could not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`
          }
        }
        const ramped = await rampInterleaved(
          started.map(({ name, server }) => ({ name: TARGET_LABELS[name], server })),
          { ...load, durationMs: Math.min(load.durationMs, 6000), warmupMs: 1500 },
          steps,
          100,
          console.log,
        )
        for (const { name } of started) results.ramp[name] = ramped.get(TARGET_LABELS[name])!
      } finally {
        for (const { server } of started) await server.stop().catch(() => {})
      }
      writeResults()
    }
    if (sections.has('memory')) {
      const counts = values.memory!.split(',').map(Number)
      console.log(`Memory per idle board (${counts.join(', ')} boards)`)
      for (const t of targets) {
        const result = await withTarget(t, optionsFor(t), (s) => measureIdleMemory(s, counts))
        if (result) {
          results.memory[t] = result
          console.log(`  ${TARGET_LABELS[t]}: base ${(result.baseRssBytes / 1048576).toFixed(0)} MiB; ${result.points.map((p) => `${p.boards}: ${(p.perBoardBytes / 1024).toFixed(0)} KiB/board${p.sleeps && !p.asleep ? ' (not all asleep)' : ''}`).join(', ')}`)
        }
        writeResults()
      }
    }
    if (sections.has('cold')) {
      const notes = Number(values.notes)
      console.log(`Cold load of a ${notes}-note board`)
      for (const t of targets.filter(persistent)) {
        const result = await withTarget(t, optionsFor(t), (s) => measureColdLoad(s, notes, 2))
        if (result) {
          results.cold[t] = result
          console.log(`  ${TARGET_LABELS[t]}: ${result.syncMs.map((m) => m.toFixed(0)).join(', ')} ms; encoded ${(result.encodedBytes / 1024).toFixed(0)} KiB`)
          if (result.inProcess) console.log(`    in-process room load: ${result.inProcess.map((r) => `${r.loadMs.toFixed(0)} ms / +${(r.rssDeltaBytes / 1048576).toFixed(0)} MiB RSS`).join(', ')}`)
        }
        writeResults()
      }
      // How long a compaction stops the server, up to the cold-load board's size (in this process).
      results.compaction = await measureCompaction([200, 1000, Number(values.notes)].filter((n, i, all) => all.indexOf(n) === i))
      console.log('Compaction pause (the event loop stops meanwhile):')
      for (const line of describeCompaction(results.compaction)) console.log(`  ${line}`)
      writeResults()
    }
    if (sections.has('browser')) {
      const notes = Number(values['browser-notes'])
      for (const { label, path: chromiumPath } of browsersToMeasure()) {
        console.log(`Browser: a ${notes}-note board through sync vs tldraw loading it locally (headless Chromium: ${label})`)
        try {
          const result = await measureBrowser({ notes, repeats: Number(values['browser-repeats']), log: console.log, chromiumPath })
          results.browsers.push({ label, result })
          const s = summarize(result)
          console.log(`  median interactive: ours ${s.ours.toFixed(0)} ms, floor ${s.floor.toFixed(0)} ms, ratio ${s.ratio.toFixed(2)}`)
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error)
          results.notes.push(`Browser (${label}): the measurement failed: ${message.split('\n')[0]}`)
          console.log(`  failed: ${message}`)
        }
      }
    } else {
      results.notes.push('Browser (time to a rendered, interactive board vs local tldraw): not part of this run (--skip-browser or --only).')
    }
    writeResults()
    console.log(`\nWritten ${path.relative(process.cwd(), values.out!)}`)
  } finally {
    if (cluster && typeof cluster !== 'string') await cluster.cleanup()
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
