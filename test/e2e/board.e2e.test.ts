/**
 * The board page in real Chromium against a real server serving the built client (./dist).
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestBoard, startTestServer } from '../helpers/server.js'
import { enterName, launchBrowser, openPage, screenshotPath, waitForEditor, type TestPage } from './helpers/browser.js'

describe('board page in a real browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser
  const pages: TestPage[] = []

  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const p of pages) await p.context.close()
    await browser?.close()
    await server?.close()
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

  it('[S1] a note made in one page appears in the other within a second; cursors, people and badge show', async () => {
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
  })

  it('[R1] the viewer link opens the board read-only, in French when the browser asks for it', async () => {
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
  })
})
