/**
 * Browser benchmark (issue 8): time to a rendered, interactive N-note board in headless
 * Chromium, through sync (our server, the built app, a participant link) next to the floor
 * (tldraw loading the same records from a JSON snapshot, no sync; bench/browser/floor.tsx).
 *
 *   node --import tsx bench/browser.ts [--notes 200] [--repeats 3] [--profile bench/.work]
 *
 * "Rendered and interactive", in the page's clock (navigation start = 0): `window.__editor`
 * exists and holds every note, and the next animation frame has run (the main thread is free
 * to answer input). The page also records when the board's websocket opened, when its
 * largest message (the sync answer) arrived and when the editor mounted, so that the time
 * can be split into loading, waiting for sync, binding the store and rendering.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createTLSchema } from '@tldraw/tlschema'
import { chromium, type Browser, type Page } from 'playwright-core'
import { readAllRecords } from '../shared/docLayout.js'
import { connectClient, waitUntil } from './clients.js'
import { countShapes, writeNotes } from './notes.js'
import { BENCH_DIR, freePort, ourServerEntry, ROOT_DIR, workDir, WORK_DIR } from './servers.js'

/**
 * Two builds of headless Chromium are measured when both are installed: Debian's
 * `chromium-headless-shell` (Chromium's headless mode as Playwright runs it by default, the
 * browser of the test suite) and the full browser in its new headless mode (`/usr/bin/chromium`),
 * which does more of a desktop browser's work and is slower here. CHROMIUM_PATH measures one.
 */
export const HEADLESS_SHELL_PATH = '/usr/bin/chromium-headless-shell'
export const FULL_CHROMIUM_PATH = '/usr/bin/chromium'
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? FULL_CHROMIUM_PATH

/** One Chromium build's measurement. */
export type BrowserPass = { label: string; result: BrowserResult }

/** The builds `npm run bench` measures: CHROMIUM_PATH alone, else the headless shell (when installed) and the full browser. */
export function browsersToMeasure(): Array<{ label: string; path: string }> {
  if (process.env.CHROMIUM_PATH) return [{ label: process.env.CHROMIUM_PATH, path: process.env.CHROMIUM_PATH }]
  const shell = fs.existsSync(HEADLESS_SHELL_PATH) ? [{ label: 'chromium-headless-shell, Playwright\'s default headless mode', path: HEADLESS_SHELL_PATH }] : []
  const full = fs.existsSync(FULL_CHROMIUM_PATH) || shell.length === 0 ? [{ label: 'full Chromium, new headless mode', path: FULL_CHROMIUM_PATH }] : []
  return [...shell, ...full]
}
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const FLOOR_DIST = path.join(BENCH_DIR, '.work', 'floor-dist')

/** One page load, in ms since navigation start (page clock). */
export type BrowserRun = {
  /** DOMContentLoaded: scripts fetched and run. */
  domContentLoadedMs: number
  /** Ours only: the board websocket opened / its largest message (the sync answer) arrived. */
  wsOpenMs: number | null
  syncMs: number | null
  /** tldraw's container committed to the DOM (ours: the store is bound). */
  containerMs: number
  /** `window.__editor` assigned (tldraw mounted on a bound store). */
  editorMs: number
  /** The editor holds every note. */
  allShapesMs: number
  /** …and the next animation frame ran: rendered and interactive. */
  interactiveMs: number
  /** Note elements in the DOM at that point (tldraw culls what is off screen). */
  shapeElements: number
  /** Then a click on a note: pointerdown until the frame after the note is selected. */
  clickMs: number
  /** HTTP bytes received until interactive (compressed, headers included; websocket frames not). */
  httpBytes: number
}

/** The lobby (the app's start page) in a fresh context: what it downloads. */
export type LobbyRun = { httpBytes: number; scripts: string[]; loadsTldraw: boolean; loadMs: number }

export type BrowserResult = { notes: number; ours: BrowserRun[]; floor: BrowserRun[]; lobby: LobbyRun[] }

export type BrowserOptions = {
  notes: number
  repeats: number
  log?: (line: string) => void
  /** Also load each page once more under the CPU profiler, writing DIR/browser-{ours,floor}.cpuprofile. */
  profileDir?: string
  /** The Chromium binary (default: CHROMIUM_PATH, else the full browser). */
  chromiumPath?: string
}

export const median = (xs: number[]): number => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b)
  if (s.length === 0) return NaN
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/**
 * Injected before any page script: timestamps the websockets, the editor assignment and the
 * moment the editor holds `expected` shapes, then one animation frame later.
 */
function instrumentPage(expected: number): void {
  type Marks = { ws: Array<{ url: string; open: number | null; biggest: number; biggestAt: number | null }>; container?: number; editor?: number; allShapes?: number; interactive?: number; shapeElements?: number }
  const w = window as unknown as { __bench: Marks; __editorValue?: { getCurrentPageShapeIds(): Set<unknown> } }
  const marks: Marks = { ws: [] }
  w.__bench = marks
  localStorage.setItem('canvas.identity', JSON.stringify({ id: 'benchbrowser0001', name: 'Bench', color: '#1e6fd9' }))
  const Native = window.WebSocket
  class TimedWebSocket extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      const entry = { url: String(url), open: null as number | null, biggest: 0, biggestAt: null as number | null }
      marks.ws.push(entry)
      this.addEventListener('open', () => {
        entry.open = performance.now()
      })
      this.addEventListener('message', (event: MessageEvent) => {
        const data = event.data as ArrayBuffer | Blob | string
        const size = typeof data === 'string' ? data.length : data instanceof Blob ? data.size : data.byteLength
        if (size > entry.biggest) {
          entry.biggest = size
          entry.biggestAt = performance.now()
        }
      })
    }
  }
  window.WebSocket = TimedWebSocket
  Object.defineProperty(window, '__editor', {
    configurable: true,
    get: () => w.__editorValue,
    set: (value) => {
      w.__editorValue = value
      marks.editor ??= performance.now()
    },
  })
  // tldraw's container enters the DOM when React commits the editor's tree: on our page, right after the store is bound.
  const observer = new MutationObserver(() => {
    if (document.querySelector('.tl-container')) {
      marks.container = performance.now()
      observer.disconnect()
    }
  })
  observer.observe(document, { childList: true, subtree: true })
  const check = () => {
    const editor = w.__editorValue
    if (editor && editor.getCurrentPageShapeIds().size >= expected) {
      marks.allShapes = performance.now()
      requestAnimationFrame(() => {
        marks.interactive = performance.now()
        marks.shapeElements = document.querySelectorAll('.tl-shape').length
      })
      return
    }
    requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
}

async function measurePage(browser: Browser, url: string, notes: number, boardSocket: (wsUrl: string) => boolean, profileFile?: string): Promise<BrowserRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })
  try {
    const page = await context.newPage()
    const bytes = await countHttpBytes(page)
    // BENCH_RTT_MS (an experiment, not a figure of the report): every request, the websocket
    // handshakes included, waits that long for its answer, as on a phone network.
    const rttMs = Number(process.env.BENCH_RTT_MS ?? 0)
    if (rttMs > 0) {
      const network = await context.newCDPSession(page)
      await network.send('Network.enable')
      await network.send('Network.emulateNetworkConditions', { offline: false, latency: rttMs, downloadThroughput: -1, uploadThroughput: -1 })
    }
    const cdp = profileFile ? await context.newCDPSession(page) : null
    if (cdp) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
      await cdp.send('Profiler.start')
    }
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(String(error)))
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    await page.addInitScript({ content: pageScript(instrumentPage, notes) })
    await page.goto(url)
    try {
      await page.waitForFunction(() => (window as unknown as { __bench: { interactive?: number } }).__bench.interactive !== undefined, undefined, { timeout: 120_000, polling: 250 })
    } catch (error) {
      const state = await page
        .evaluate(() => ({
          shapes: (window as unknown as { __editor?: { getCurrentPageShapeIds(): Set<unknown> } }).__editor?.getCurrentPageShapeIds().size ?? null,
          text: document.body.innerText.slice(0, 200),
        }))
        .catch(() => null)
      throw new Error(`${url} never became interactive: ${JSON.stringify(state)}; errors: ${errors.slice(0, 5).join(' | ')}`, { cause: error })
    }
    const raw = await page.evaluate(() => {
      const b = (window as unknown as { __bench: { ws: Array<{ url: string; open: number | null; biggest: number; biggestAt: number | null }>; container?: number; editor?: number; allShapes?: number; interactive?: number; shapeElements?: number } }).__bench
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
      return { ...b, domContentLoaded: nav?.domContentLoadedEventEnd ?? NaN }
    })
    if (process.env.BENCH_RESOURCES) await printResources(page)
    if (cdp && profileFile) {
      const { profile } = await cdp.send('Profiler.stop')
      fs.writeFileSync(profileFile, JSON.stringify(profile))
    }
    const httpBytes = bytes.total()
    const clickMs = await measureClick(page, `shape:n${Math.floor(notes / 2) + 25}`)
    const ws = raw.ws.find((s) => boardSocket(s.url))
    return {
      domContentLoadedMs: raw.domContentLoaded,
      wsOpenMs: ws?.open ?? null,
      syncMs: ws?.biggestAt ?? null,
      containerMs: raw.container ?? NaN,
      editorMs: raw.editor ?? NaN,
      allShapesMs: raw.allShapes ?? NaN,
      interactiveMs: raw.interactive ?? NaN,
      shapeElements: raw.shapeElements ?? 0,
      clickMs,
      httpBytes,
    }
  } finally {
    await context.close()
  }
}

/** Debug aid (env BENCH_RESOURCES=1): the page's resource waterfall, start → responseEnd per URL, in the page's clock. */
async function printResources(page: Page): Promise<void> {
  const entries = await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd, type: e.initiatorType })),
  )
  for (const e of entries) console.log(`    ${e.start.toFixed(0).padStart(5)} → ${e.end.toFixed(0).padStart(5)}  ${e.type.padEnd(6)} ${new URL(e.name).pathname}`)
}

/** Sums the bytes of every HTTP response a page receives (Chrome's encodedDataLength). */
async function countHttpBytes(page: Page): Promise<{ total(): number; scripts: Map<string, string> }> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  let total = 0
  const scripts = new Map<string, string>()
  cdp.on('Network.responseReceived', (e) => {
    if (e.type === 'Script') scripts.set(e.requestId, e.response.url)
  })
  cdp.on('Network.loadingFinished', (e) => {
    total += e.encodedDataLength
  })
  return { total: () => total, scripts }
}

/** The lobby in a fresh context: bytes until the network is idle, and whether tldraw came with it. */
async function measureLobby(browser: Browser, url: string): Promise<LobbyRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    let httpBytes = 0
    const scripts = new Map<string, string>()
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Script') scripts.set(e.requestId, e.response.url)
    })
    cdp.on('Network.loadingFinished', (e) => {
      httpBytes += e.encodedDataLength
    })
    const started = performance.now()
    await page.goto(url, { waitUntil: 'networkidle' })
    const loadMs = performance.now() - started
    let loadsTldraw = false
    for (const requestId of scripts.keys()) {
      const { body, base64Encoded } = await cdp.send('Network.getResponseBody', { requestId })
      const text = base64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body
      // tldraw's stylesheet class names are in every build of its editor.
      if (text.includes('tl-container')) loadsTldraw = true
    }
    return { httpBytes, scripts: Array.from(scripts.values(), (u) => new URL(u).pathname), loadsTldraw, loadMs }
  } finally {
    await context.close()
  }
}

/** A function and its argument as page source; tsx wraps named functions in a `__name` helper the page does not have. */
function pageScript<A>(fn: (arg: A) => unknown, arg: A): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}) })()`
}

/**
 * Clicks a note in the middle of the board; the page times pointerdown → selected → next frame.
 * The board fits its content on screen once both its docs have synced (client/hooks/
 * useInitialFit.ts), so the click waits until the camera has stopped moving.
 */
async function measureClick(page: Page, shapeId: string): Promise<number> {
  await page.evaluate(pageScript(async (quietMs: number) => {
    const editor = (window as unknown as { __editor: { getCamera(): { x: number; y: number; z: number } } }).__editor
    let last = JSON.stringify(editor.getCamera())
    let since = performance.now()
    const deadline = performance.now() + 10_000
    while (performance.now() - since < quietMs && performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50))
      const now = JSON.stringify(editor.getCamera())
      if (now !== last) {
        last = now
        since = performance.now()
      }
    }
  }, 500))
  // Then the note is brought to the middle at 100 % on both pages, so that the click is the same
  // gesture whatever the first view (ours fits the whole board, at a few % for 2,000 notes).
  await page.evaluate(pageScript((id: string) => {
    type Ed = { getShapePageBounds(id: string): object | undefined; zoomToBounds(b: object, o: object): void }
    const editor = (window as unknown as { __editor: Ed }).__editor
    const bounds = editor.getShapePageBounds(id)
    if (bounds) editor.zoomToBounds(bounds, { targetZoom: 1, animation: { duration: 0 } })
  }, shapeId))
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  const point = await page.evaluate<{ x: number; y: number } | null>(pageScript((id: string) => {
    type Ed = { getShapePageBounds(id: string): { center: { x: number; y: number } } | undefined; pageToScreen(p: { x: number; y: number }): { x: number; y: number }; getSelectedShapeIds(): string[] }
    const editor = (window as unknown as { __editor: Ed }).__editor
    const bounds = editor.getShapePageBounds(id)
    if (!bounds) return null
    const w = window as unknown as { __click: { down?: number; done?: number } }
    w.__click = {}
    addEventListener('pointerdown', (event) => (w.__click.down = event.timeStamp), { capture: true, once: true })
    const wait = () => {
      if (editor.getSelectedShapeIds().includes(id)) requestAnimationFrame(() => (w.__click.done = performance.now()))
      else requestAnimationFrame(wait)
    }
    requestAnimationFrame(wait)
    return editor.pageToScreen(bounds.center)
  }, shapeId))
  if (!point) return NaN
  await page.mouse.click(point.x, point.y)
  try {
    await page.waitForFunction(() => (window as unknown as { __click: { done?: number } }).__click.done !== undefined, undefined, { timeout: 30_000, polling: 100 })
  } catch (error) {
    const shot = path.join(WORK_DIR, `click-failed-${Date.now()}.png`)
    await page.screenshot({ path: shot }).catch(() => {})
    throw new Error(`the click on ${shapeId} at (${Math.round(point.x)}, ${Math.round(point.y)}) did not select it (screenshot: ${shot}): ${String(error)}`)
  }
  return page.evaluate(() => {
    const c = (window as unknown as { __click: { down?: number; done?: number } }).__click
    return c.down === undefined || c.done === undefined ? NaN : c.done - c.down
  })
}

/** Our server in its own process, as `npm start` runs it (the bundle), serving a private copy of the built client. */
async function startServer(): Promise<{ base: string; stop: () => Promise<void> }> {
  // Always built: a dist left from other sources (another branch, an earlier commit) would be measured instead.
  // BENCH_NO_MINIFY=1 (profiling aid): function names in the profiles are the source's.
  const { status } = spawnSync('npx', ['vite', 'build', ...(process.env.BENCH_NO_MINIFY ? ['--minify', 'false'] : [])], { cwd: ROOT_DIR, stdio: 'inherit' })
  if (status !== 0) throw new Error('vite build failed')
  const dir = workDir('browser')
  // Other runs may rebuild ./dist while this one serves it.
  fs.cpSync(path.join(ROOT_DIR, 'dist'), path.join(dir, 'dist'), { recursive: true })
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, [await ourServerEntry()], {
    cwd: ROOT_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: path.join(dir, 'data'),
      CLIENT_DIST_DIR: path.join(dir, 'dist'),
      BOARD_CREATIONS_PER_IP_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 30_000)
    const onData = (chunk: Buffer) => {
      log += chunk.toString()
      if (/open http:\/\//.test(log)) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${log}`)))
  })
  return {
    base: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Creates a board and writes `notes` notes into it through a raw y-websocket client; returns its link and records. */
async function seedBoard(base: string, notes: number): Promise<{ link: string; boardId: string; records: ReturnType<typeof readAllRecords> }> {
  const res = await fetch(`${base}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'browser bench' }) })
  if (res.status !== 201) throw new Error(`board creation failed: ${res.status} ${await res.text()}`)
  const body = (await res.json()) as { board: { id: string }; links: { participant: string } }
  const link = new URL(body.links.participant, base).toString()
  const token = link.slice(link.indexOf('#') + 1)
  const spec = { kind: 'y-websocket' as const, url: `${base.replace('http', 'ws')}/sync`, room: body.board.id, token }
  const writer = await connectClient(spec)
  await waitUntil(writer.isSynced, 30_000, 'writer sync')
  writeNotes(writer.doc, notes, { perTransaction: 250 })
  // A second client proves the server holds every note before the writer goes.
  const reader = await connectClient(spec)
  await waitUntil(() => reader.isSynced() && countShapes(reader.doc) >= notes, 60_000, 'every note on the server')
  writer.destroy()
  const records = readAllRecords(reader.doc)
  reader.destroy()
  return { link, boardId: body.board.id, records }
}

/** The floor page and its snapshot, served from loopback. */
async function startFloor(records: ReturnType<typeof readAllRecords>): Promise<{ url: string; stop: () => Promise<void> }> {
  const { status } = spawnSync('npx', ['vite', 'build', '--config', path.join(BENCH_DIR, 'browser', 'vite.config.ts')], { cwd: ROOT_DIR, stdio: 'inherit' })
  if (status !== 0) throw new Error('floor build failed')
  const snapshot = JSON.stringify({ store: Object.fromEntries(records.map((r) => [r.id, r])), schema: createTLSchema().serialize() })
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png' }
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    if (pathname === '/snapshot.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(snapshot)
      return
    }
    const file = path.join(FLOOR_DIST, path.normalize(pathname === '/' ? '/floor.html' : pathname))
    if (!file.startsWith(FLOOR_DIST) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(fs.readFileSync(file))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  return { url: `http://127.0.0.1:${port}/floor.html`, stop: () => new Promise((resolve) => server.close(() => resolve())) }
}

export async function measureBrowser(options: BrowserOptions): Promise<BrowserResult> {
  const log = options.log ?? (() => {})
  const server = await startServer()
  let floor: Awaited<ReturnType<typeof startFloor>> | null = null
  let browser: Browser | null = null
  try {
    const board = await seedBoard(server.base, options.notes)
    floor = await startFloor(board.records)
    browser = await chromium.launch({ executablePath: options.chromiumPath ?? CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
    const isBoardSocket = (url: string) => new URL(url).pathname === `/sync/${board.boardId}`
    const result: BrowserResult = { notes: options.notes, ours: [], floor: [], lobby: [] }
    // One unmeasured load of each warms the OS file cache and Chromium's process pool.
    await measurePage(browser, board.link, options.notes, isBoardSocket)
    await measurePage(browser, floor.url, options.notes, () => false)
    for (let i = 0; i < options.repeats; i++) {
      const lobby = await measureLobby(browser, `${server.base}/`)
      result.lobby.push(lobby)
      log(`  lobby run ${i + 1}: ${(lobby.httpBytes / 1024).toFixed(0)} KiB, ${lobby.scripts.length} scripts, tldraw ${lobby.loadsTldraw ? 'loaded' : 'not loaded'}`)
      const ours = await measurePage(browser, board.link, options.notes, isBoardSocket)
      result.ours.push(ours)
      log(`  ours  run ${i + 1}: ${describeRun(ours)}`)
      const f = await measurePage(browser, floor.url, options.notes, () => false)
      result.floor.push(f)
      log(`  floor run ${i + 1}: ${describeRun(f)}`)
    }
    if (options.profileDir) {
      fs.mkdirSync(options.profileDir, { recursive: true })
      for (const [name, url, socket] of [['ours', board.link, isBoardSocket], ['floor', floor.url, () => false]] as const) {
        const file = path.join(options.profileDir, `browser-${name}.cpuprofile`)
        log(`  ${name} under the profiler: ${describeRun(await measurePage(browser, url, options.notes, socket, file))} → ${path.relative(process.cwd(), file)}`)
      }
    }
    return result
  } finally {
    await browser?.close()
    await floor?.stop()
    await server.stop()
  }
}

export function describeRun(r: BrowserRun): string {
  const ms = (v: number | null) => (v === null || !Number.isFinite(v) ? '—' : `${v.toFixed(0)}`)
  const parts = [`DOMContentLoaded ${ms(r.domContentLoadedMs)}`]
  if (r.wsOpenMs !== null) parts.push(`ws open ${ms(r.wsOpenMs)}`, `sync answer ${ms(r.syncMs)}`)
  parts.push(`tldraw in DOM ${ms(r.containerMs)}`, `editor ${ms(r.editorMs)}`, `all notes ${ms(r.allShapesMs)}`, `interactive ${ms(r.interactiveMs)} ms`, `${r.shapeElements} shapes in DOM`, `click → selected ${ms(r.clickMs)} ms`, `${(r.httpBytes / 1024).toFixed(0)} KiB over HTTP`)
  return parts.join(', ')
}

export function summarize(result: BrowserResult): { ours: number; floor: number; ratio: number } {
  const ours = median(result.ours.map((r) => r.interactiveMs))
  const floor = median(result.floor.map((r) => r.interactiveMs))
  return { ours, floor, ratio: ours / floor }
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  const { parseArgs } = await import('node:util')
  const { values } = parseArgs({ options: { notes: { type: 'string', default: '200' }, repeats: { type: 'string', default: '3' }, profile: { type: 'string' } } })
  console.log(`Browser: ${values.notes}-note board, ${values.repeats} runs each (${os.loadavg()[0]!.toFixed(1)} load average)`)
  measureBrowser({ notes: Number(values.notes), repeats: Number(values.repeats), log: console.log, profileDir: values.profile }).then(
    (result) => {
      const s = summarize(result)
      console.log(`median interactive: ours ${s.ours.toFixed(0)} ms, floor ${s.floor.toFixed(0)} ms, ratio ${s.ratio.toFixed(2)} (target ≤ 1.3)`)
      process.exit(0)
    },
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
