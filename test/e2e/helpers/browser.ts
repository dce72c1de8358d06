/**
 * Real Chromium for browser tests, driven by playwright-core (never downloaded): Debian's
 * headless shell (/usr/bin/chromium-headless-shell, package chromium-headless-shell: the same
 * Blink and V8 without the desktop browser around them, what Playwright itself runs for headless
 * tests) when installed, else Debian's /usr/bin/chromium; CHROMIUM_PATH overrides both. The shell
 * ran the two heaviest browser files in 93 s instead of 120 s. Every page records requests that
 * leave the test server, so a test can prove the app works with no internet.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import type { Config } from '../../../server/config.js'
import { startTestServer } from '../../helpers/server.js'

const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell'
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? (fs.existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium')
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
export const ARTIFACTS_DIR = path.resolve('test/artifacts')

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  })
}

export type TestPage = { context: BrowserContext; page: Page; foreignRequests: string[]; errors: string[] }

/** A page in its own context (own localStorage and IndexedDB, like another person's browser). */
export async function openPage(browser: Browser, serverUrl: string, options: { locale?: string } = {}): Promise<TestPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: options.locale ?? 'en-US' })
  const page = await context.newPage()
  const origin = new URL(serverUrl).origin
  const foreignRequests: string[] = []
  const errors: string[] = []
  page.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url)
  })
  page.on('pageerror', (error) => errors.push(String(error)))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  return { context, page, foreignRequests, errors }
}

/**
 * Answers the first-visit name prompt through the UI. The prompt shows before the board's first
 * mount (tldraw), which then holds the page's main thread in long tasks (measured with a
 * `longtask` observer: ~1–2 s in all on an idle machine, the prompt closing ~0.2 s after Enter,
 * always after the editor had mounted). Enter is not lost; it waits behind that mount, which on a
 * loaded machine takes many seconds: hence the 15 s wait for the prompt to close.
 */
export async function enterName(page: Page, name: string, timeoutMs = 15_000): Promise<void> {
  const input = page.getByLabel(/your name|votre nom/i)
  await input.waitFor({ timeout: timeoutMs })
  await input.fill(name)
  await input.press('Enter')
  await input.waitFor({ state: 'detached', timeout: 15_000 })
}

export async function waitForEditor(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(() => window.__editor !== undefined, undefined, { timeout: timeoutMs })
}

/** Waits for each step of joining a board: the name prompt, the editor, the connection. */
export type JoinTimeouts = { promptMs?: number; editorMs?: number; onlineMs?: number }

/** Opens a board link, answers the name prompt and waits for the editor and a live connection. */
export async function joinBoard(page: Page, url: string, name: string, timeouts: JoinTimeouts = {}): Promise<void> {
  await page.goto(url)
  await enterName(page, name, timeouts.promptMs)
  await waitForEditor(page, timeouts.editorMs)
  await page.locator('[data-status="online"]').waitFor({ timeout: timeouts.onlineMs ?? 15_000 })
}

export type BrowserSuite = {
  readonly url: string
  readonly browser: Browser
  /** A page in a fresh context (another person's browser), closed after the suite. */
  newPage(options?: { locale?: string }): Promise<TestPage>
  /** A fresh page that has joined `boardUrl` as `name`. */
  open(boardUrl: string, name: string, options?: { locale?: string }): Promise<TestPage>
}

/**
 * The setup every browser suite shares, registered as its beforeAll/afterAll: a test server
 * (serving a private copy of the client with `snapshotClient`), Chromium, and the pages the
 * suite opens, all closed after it.
 */
export function browserSuite(
  options: { snapshotClient?: boolean; config?: Partial<Config>; pageTimeoutMs?: number; join?: JoinTimeouts; setupTimeoutMs?: number } = {},
): BrowserSuite {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined
  let browser: Browser | undefined
  let clientDir: string | undefined
  const pages: TestPage[] = []
  beforeAll(async () => {
    if (options.snapshotClient) clientDir = snapshotClientDist()
    server = await startTestServer({ ...options.config, ...(clientDir ? { CLIENT_DIST_DIR: clientDir } : {}) })
    browser = await launchBrowser()
  }, options.setupTimeoutMs)
  afterAll(async () => {
    for (const p of pages) await p.context.close()
    await browser?.close()
    await server?.close()
    if (clientDir) fs.rmSync(clientDir, { recursive: true, force: true })
  })
  const suite: BrowserSuite = {
    get url() {
      if (!server) throw new Error('browser suite not started')
      return server.url
    },
    get browser() {
      if (!browser) throw new Error('browser suite not started')
      return browser
    },
    async newPage(pageOptions = {}) {
      const p = await openPage(suite.browser, suite.url, pageOptions)
      if (options.pageTimeoutMs) p.page.setDefaultTimeout(options.pageTimeoutMs)
      pages.push(p)
      return p
    },
    async open(boardUrl, name, pageOptions = {}) {
      const p = await suite.newPage(pageOptions)
      await joinBoard(p.page, boardUrl, name, options.join)
      return p
    },
  }
  return suite
}

/**
 * A private copy of the built client: other test runs may rebuild ./dist (emptying it) while
 * this one serves it. Serve the copy with `CLIENT_DIST_DIR`.
 */
export function snapshotClientDist(): string {
  const source = path.resolve('dist')
  if (!fs.existsSync(path.join(source, 'index.html'))) throw new Error('client not built (test/globalSetup.ts builds it)')
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'canvas-dist-'))
  fs.cpSync(source, copy, { recursive: true })
  return copy
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true })
  return path.join(ARTIFACTS_DIR, name)
}
