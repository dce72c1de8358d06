/**
 * Real Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core
 * (never downloaded). Every page records requests that leave the test server, so a test can
 * prove the app works with no internet.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const ARTIFACTS_DIR = path.resolve('test/artifacts')

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
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

/** Answers the first-visit name prompt through the UI. */
export async function enterName(page: Page, name: string): Promise<void> {
  const input = page.getByLabel(/your name|votre nom/i)
  await input.waitFor({ timeout: 15_000 })
  await input.fill(name)
  await input.press('Enter')
  await input.waitFor({ state: 'detached', timeout: 5_000 })
}

export async function waitForEditor(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__editor !== undefined, undefined, { timeout: 30_000 })
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
