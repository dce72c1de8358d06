/**
 * The board page in real Chromium against a real server serving the built client (./dist).
 */
import fs from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getBoardSchema } from '../../shared/boardSchema.js'
import { getMetaMap, META_SCHEMA_KEY } from '../../shared/docLayout.js'
import { createTestBoard, startTestServer } from '../helpers/server.js'
import { enterName, launchBrowser, openPage, screenshotPath, snapshotClientDist, waitForEditor, type TestPage } from './helpers/browser.js'

/** Browser tests share two cores with other suites: generous. */
const BROWSER_TEST_TIMEOUT_MS = 150_000

describe('board page in a real browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser
  const pages: TestPage[] = []

  let clientDir: string

  beforeAll(async () => {
    clientDir = snapshotClientDist()
    server = await startTestServer({ CLIENT_DIST_DIR: clientDir })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const p of pages) await p.context.close()
    await browser?.close()
    await server?.close()
    fs.rmSync(clientDir, { recursive: true, force: true })
  })

  async function open(url: string, name: string, locale?: string): Promise<TestPage> {
    const p = await openPage(browser, server.url, { locale })
    pages.push(p)
    await p.page.goto(url)
    await enterName(p.page, name)
    await waitForEditor(p.page)
    await p.page.locator('[data-status="online"]').waitFor({ timeout: 15_000 })
    return p
  }

  it('[S1][S7] a note made in one page appears in the other within a second; cursors, people and badge show', async () => {
    const board = await createTestBoard(server.url, 'Retro: sprint 12')
    const ada = await open(board.links.participant, 'Ada')
    const grace = await open(board.links.facilitator, 'Grace')

    // Both pages timestamp the moment a note enters their store (same machine, same clock).
    for (const { page } of [ada, grace]) {
      await page.evaluate(() => {
        const editor = window.__editor!
        ;(window as unknown as { noteSeenAt?: number }).noteSeenAt = undefined
        editor.store.listen(({ changes }) => {
          const w = window as unknown as { noteSeenAt?: number }
          if (w.noteSeenAt === undefined && Object.values(changes.added).some((r) => r.typeName === 'shape' && r.type === 'note')) {
            w.noteSeenAt = Date.now()
          }
        })
      })
    }

    // Through the UI: the note tool from the keyboard, a click on the canvas, then typing.
    await ada.page.locator('.tl-canvas').click({ position: { x: 640, y: 400 } })
    await ada.page.keyboard.press('n')
    await ada.page.mouse.click(520, 380)
    await ada.page.waitForFunction(() => window.__editor!.getEditingShapeId() !== null, undefined, { timeout: 5_000 })
    await ada.page.keyboard.type('Ship smaller changes')
    await ada.page.keyboard.press('Escape')

    const seenAt = (tp: TestPage) => tp.page.evaluate(() => (window as unknown as { noteSeenAt?: number }).noteSeenAt ?? null)
    await grace.page.waitForFunction(() => (window as unknown as { noteSeenAt?: number }).noteSeenAt !== undefined, undefined, { timeout: 5_000 })
    const createdAt = await seenAt(ada)
    const receivedAt = await seenAt(grace)
    expect(createdAt).not.toBeNull()
    const latency = receivedAt! - createdAt!
    console.log(`[S1] note made in page A appeared in page B after ${latency} ms`)
    expect(latency).toBeLessThan(1000)

    // The text typed in A arrives as well.
    await grace.page.waitForFunction(
      () => window.__editor!.getCurrentPageShapes().some((s) => JSON.stringify((s.props as { richText?: unknown }).richText ?? '').includes('Ship smaller changes')),
      undefined,
      { timeout: 5_000 },
    )

    // Presence: Ada's cursor is drawn in Grace's page with her name; both see two people.
    await ada.page.mouse.move(700, 300)
    await ada.page.mouse.move(720, 320, { steps: 5 })
    await grace.page.locator('.tl-collaborator__cursor').first().waitFor({ timeout: 5_000 })
    await expect.poll(() => grace.page.locator('.tl-nametag').allTextContents(), { timeout: 5_000 }).toContain('Ada')
    for (const { page } of [ada, grace]) {
      await expect.poll(() => page.getByTestId('person').count(), { timeout: 5_000 }).toBe(2)
    }

    await grace.page.screenshot({ path: screenshotPath('board-facilitator.png') })
    await ada.page.screenshot({ path: screenshotPath('board-participant.png') })

    // Nothing was fetched from outside the server: the board works with no internet.
    expect([...ada.foreignRequests, ...grace.foreignRequests]).toEqual([])
    expect([...ada.errors, ...grace.errors].filter((e) => !/favicon/.test(e))).toEqual([])
  }, BROWSER_TEST_TIMEOUT_MS)

  it('[R2] the viewer link opens the board read-only, in French when the browser asks for it', async () => {
    const board = await createTestBoard(server.url, 'Read only')
    const viewer = await open(board.links.viewer, 'Observateur', 'fr-FR')
    expect(await viewer.page.evaluate(() => window.__editor!.getInstanceState().isReadonly)).toBe(true)
    await viewer.page.getByText('Lecture seule').waitFor({ timeout: 5_000 })
    // Trying to make a note does nothing.
    await viewer.page.locator('.tl-canvas').click({ position: { x: 640, y: 400 } })
    await viewer.page.keyboard.press('n')
    await viewer.page.mouse.click(520, 380)
    expect(await viewer.page.evaluate(() => window.__editor!.getCurrentPageShapes().length)).toBe(0)
    await viewer.page.screenshot({ path: screenshotPath('board-viewer-fr.png') })
  }, BROWSER_TEST_TIMEOUT_MS)

  it('[S8] a note made while the server is down is kept in IndexedDB and merged when it returns', async () => {
    const board = await createTestBoard(server.url, 'Offline')
    const ada = await open(board.links.participant, 'Ada')
    const { port, dataDir } = server
    await server.close()
    await ada.page.locator('[data-status="offline"]').waitFor({ timeout: 15_000 })

    // Made offline through the editor, then the tab is closed before the server comes back.
    await ada.page.evaluate(() => {
      window.__editor!.createShape({ type: 'note', x: 100, y: 100 })
    })
    await ada.page.waitForTimeout(500) // y-indexeddb writes asynchronously
    await ada.page.screenshot({ path: screenshotPath('board-offline.png') })
    await ada.page.close()

    server = await startTestServer({ PORT: port, DATA_DIR: dataDir, CLIENT_DIST_DIR: clientDir })
    const grace = await open(board.links.facilitator, 'Grace')
    expect(await grace.page.evaluate(() => window.__editor!.getCurrentPageShapes().length)).toBe(0)
    // Ada comes back (same browser profile): her cached note reaches the server and Grace.
    const back = await ada.context.newPage()
    await back.goto(board.links.participant)
    await waitForEditor(back)
    await grace.page.waitForFunction(() => window.__editor!.getCurrentPageShapes().some((s) => s.type === 'note'), undefined, { timeout: 30_000 })
  }, BROWSER_TEST_TIMEOUT_MS)

  it('the lobby creates a board, shows its three links and remembers it under "my boards"', async () => {
    const visitor = await openPage(browser, server.url)
    pages.push(visitor)
    await visitor.page.goto(server.url)
    await visitor.page.getByLabel('Board title').fill('Needs mapping')
    await visitor.page.keyboard.press('Enter')
    await visitor.page.getByText('Board “Needs mapping” created').waitFor({ timeout: 10_000 })
    const links = await visitor.page.locator('.links code').allTextContents()
    expect(links).toHaveLength(3)
    for (const link of links) expect(link).toMatch(new RegExp(`^${server.url}/b/[^#]+#.+`))
    await visitor.page.screenshot({ path: screenshotPath('lobby.png') })
    await visitor.page.reload()
    await expect.poll(() => visitor.page.locator('.my-boards li').allTextContents()).toEqual([expect.stringContaining('Needs mapping')])
    expect(visitor.foreignRequests).toEqual([])
  }, BROWSER_TEST_TIMEOUT_MS)

  it('[S4] a board written by a newer app version shows a reload banner and stays read-only', async () => {
    const board = await createTestBoard(server.url, 'From the future')
    // Stored before any client connects: the doc's schema claims a newer note shape.
    const doc = new Y.Doc()
    const stored = await server.storage.loadDoc(board.id)
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
    const before = Y.encodeStateVector(doc)
    const schema = getBoardSchema().serialize()
    const note = 'com.tldraw.shape.note'
    getMetaMap(doc).set(META_SCHEMA_KEY, { ...schema, sequences: { ...schema.sequences, [note]: schema.sequences[note]! + 1 } })
    await server.storage.appendUpdates(board.id, [Y.encodeStateAsUpdate(doc, before)])

    const p = await open(board.links.participant, 'Ada')
    const banner = p.page.getByRole('alert').filter({ hasText: 'newer version' })
    await banner.waitFor({ timeout: 10_000 })
    await banner.getByRole('button', { name: 'Reload' }).waitFor()
    expect(await p.page.evaluate(() => window.__editor!.getInstanceState().isReadonly)).toBe(true)
    await p.page.screenshot({ path: screenshotPath('board-schema-newer.png') })
  }, BROWSER_TEST_TIMEOUT_MS)
})
