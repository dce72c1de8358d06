/**
 * Everyone in the room (issue 13), in real Chromium: the share view after creating a board (three
 * links with what each is for, a QR code of the participant link, the form cleared); a phone
 * (390×844, touch, taps only) joining from the link decoded out of that QR code, whose page opens
 * with no panel over the board, finger-sized controls that do not overlap and readable notes; the
 * readable first view on a desktop too; the phone adding a note into "Stop" with the bottom bar's
 * "Add a note" and voting from the list, checked by a stock y-websocket client; the phone's
 * connection status on screen at once (online, then offline); the projector view; a revoked tab
 * opening a pasted link without a reload, and a link differing only by its #fragment opening that
 * board; a facilitator renaming a stakeholder group in place and adding a commitments row.
 */
import jsQR from 'jsqr'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { createTestBoard, type TestBoard } from '../helpers/server.js'
import { browserSuite, enterName, joinBoard, screenshotPath, type TestPage } from './helpers/browser.js'
import { rawBoard } from './helpers/rawBoard.js'

const BROWSER_TEST_TIMEOUT_MS = 420_000
const PHONE = { width: 390, height: 844 }
/** Smallest touch target (WCAG 2.5.5) and smallest readable note text, in CSS px. */
const MIN_TARGET_PX = 44
const MIN_NOTE_TEXT_PX = 12

type Rect = { x: number; y: number; w: number; h: number }

/** A phone: its own context, touch, a mobile viewport. */
async function openPhone(browser: Browser, locale = 'en-US'): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(String(error)))
  return { context, page, errors }
}

/** Decodes the QR code an element shows, from a screenshot of it. */
async function decodeQr(element: Locator): Promise<string | null> {
  const png = PNG.sync.read(await element.screenshot())
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null
}

/** The app's own panels and controls on screen (tldraw's UI and visually hidden bits left out). */
function appChrome(page: Page): Promise<{ panels: Rect[]; controls: Array<Rect & { label: string }> }> {
  return page.evaluate(() => {
    const rect = (el: Element) => {
      const r = el.getBoundingClientRect()
      return { x: r.x, y: r.y, w: r.width, h: r.height }
    }
    const onScreen = (r: { x: number; y: number; w: number; h: number }) =>
      r.w > 1 && r.h > 1 && r.x < innerWidth && r.y < innerHeight && r.x + r.w > 0 && r.y + r.h > 0
    const panels = Array.from(document.querySelectorAll('.board-panel, .fac-dock, .bottom-bar, .banners > *')).map(rect).filter(onScreen)
    const controls = Array.from(document.querySelectorAll('button, a[href], input, select, textarea, [role="button"]'))
      .filter((el) => !el.closest('.tl-container') || el.closest('.board-panel, .fac-layer, .banners'))
      .map((el) => ({ ...rect(el), label: (el.textContent ?? '').trim() || el.getAttribute('aria-label') || el.tagName }))
      .filter(onScreen)
    return { panels, controls }
  })
}

/** Share of the viewport covered by the union of `rects` (sampled on a 2 px grid). */
function coveredFraction(rects: Rect[], viewport: { width: number; height: number }): number {
  let covered = 0
  let total = 0
  for (let y = 1; y < viewport.height; y += 2) {
    for (let x = 1; x < viewport.width; x += 2) {
      total++
      if (rects.some((r) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h)) covered++
    }
  }
  return covered / total
}

function overlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5
}

/** A note written through the facilitator's editor inside the activity's first zone. */
async function addNoteInFirstZone(page: Page, text: string): Promise<void> {
  await page.waitForFunction(() => window.__editor!.getCurrentPageShapes().some((s) => (s.meta as { activity?: { role?: string } }).activity?.role === 'zone'))
  await page.evaluate((label) => {
    const editor = window.__editor!
    const zones = editor.getCurrentPageShapes().filter((s) => (s.meta as { activity?: { role?: string } }).activity?.role === 'zone')
    const first = zones.map((z) => editor.getShapePageBounds(z)!).sort((a, b) => a.x - b.x || a.y - b.y)[0]!
    editor.createShape({ type: 'note', x: first.x + 24, y: first.y + 24, props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: label }] }] } } })
  }, text)
}

/** Font size of each note's text as drawn on screen, for the notes inside the viewport. */
function noteTextOnScreen(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const editor = window.__editor!
    const zoom = editor.getZoomLevel()
    const sizes: number[] = []
    for (const shape of editor.getCurrentPageShapes().filter((s) => s.type === 'note')) {
      const element = document.querySelector(`[data-shape-id="${shape.id}"] .tl-rich-text, [data-shape-id="${shape.id}"] .tl-text-label__inner`)
      const box = element?.getBoundingClientRect()
      if (!element || !box || box.right < 0 || box.left > innerWidth || box.bottom < 0 || box.top > innerHeight) continue
      sizes.push(parseFloat(getComputedStyle(element).fontSize) * zoom)
    }
    return sizes
  })
}

describe('everyone in the room', () => {
  const suite = browserSuite({ snapshotClient: true, pageTimeoutMs: 60_000, setupTimeoutMs: 90_000, join: { promptMs: 45_000, onlineMs: 30_000 } })

  /** The lobby creates a retrospective; returns the share view and the links it shows. */
  async function createInLobby(p: TestPage, title: string): Promise<{ links: Record<string, string>; dialog: Locator }> {
    await p.page.goto(suite.url)
    await p.page.getByRole('radio', { name: /^Start \/ Stop \/ Continue/ }).check()
    await p.page.getByLabel('Board title').fill(title)
    await p.page.getByRole('button', { name: 'Create board' }).click()
    const dialog = p.page.getByRole('dialog', { name: new RegExp(`${title}`) })
    await dialog.waitFor({ timeout: 15_000 })
    const links: Record<string, string> = {}
    for (const role of ['facilitator', 'participant', 'viewer']) links[role] = (await dialog.locator(`li[data-role="${role}"] code`).textContent())!
    return { links, dialog }
  }

  it('the share view shows three links with their purpose and a QR code; a phone joins from the decoded QR code, and its page opens with no panel over the board, 44 px targets and readable notes', async () => {
    const grace = await suite.newPage()
    await grace.page.setViewportSize({ width: 1440, height: 900 })
    const { links, dialog } = await createInLobby(grace, 'Sprint 14 retro')
    // Each link says what it is for.
    await expect.poll(() => dialog.locator('li[data-role="facilitator"]').textContent()).toContain('Keep this one private: it controls the board.')
    expect(await dialog.locator('li[data-role="participant"]').textContent()).toContain('Send to participants')
    expect(await dialog.locator('li[data-role="viewer"]').textContent()).toContain('For observers, read-only.')
    expect(await dialog.getByRole('button', { name: /^Copy .* link$/ }).count()).toBe(3)
    // The form is cleared: a second click cannot make a duplicate.
    expect(await grace.page.getByLabel('Board title').inputValue()).toBe('')
    expect(await grace.page.getByRole('button', { name: 'Create board' }).isDisabled()).toBe(true)
    const qr = dialog.getByTestId('participant-qr')
    expect(await qr.evaluate((el) => el.tagName.toLowerCase())).toBe('svg')
    await grace.page.screenshot({ path: screenshotPath('room-share-view-1440.png') })
    await grace.page.setViewportSize(PHONE)
    await grace.page.screenshot({ path: screenshotPath('room-share-view-390.png') })
    await grace.page.setViewportSize({ width: 1440, height: 900 })
    const decoded = await decodeQr(qr)
    expect(decoded).toBe(links.participant)

    // The facilitator opens the board and writes a note in the first zone ("Start").
    await dialog.getByRole('link', { name: 'Open the board' }).click()
    await enterName(grace.page, 'Grace', 45_000)
    await grace.page.locator('[data-status="online"]').waitFor({ timeout: 30_000 })
    await addNoteInFirstZone(grace.page, 'Pair on reviews')

    // A phone opens the decoded link and joins by taps (and typing its name).
    const phone = await openPhone(suite.browser)
    try {
      await phone.page.goto(decoded!)
      const name = phone.page.getByLabel('Your name')
      await name.waitFor({ timeout: 45_000 })
      await name.tap()
      await name.fill('Ada')
      await phone.page.getByRole('button', { name: 'Join the board' }).tap()
      await phone.page.waitForFunction(() => window.__editor !== undefined, undefined, { timeout: 30_000 })
      await phone.page.locator('[data-testid="bottom-bar"]').waitFor({ timeout: 30_000 })
      await phone.page.waitForFunction(() => window.__editor!.getCurrentPageShapes().some((s) => s.type === 'note'), undefined, { timeout: 30_000 })
      await phone.page.waitForTimeout(1000)

      // As the page opens: the app's panels cover at most 20 % of the screen…
      const chrome = await appChrome(phone.page)
      const covered = coveredFraction(chrome.panels, PHONE)
      console.log(`[phone] app panels cover ${(covered * 100).toFixed(1)} % of 390×844; ${chrome.controls.length} app controls`)
      expect(covered).toBeLessThanOrEqual(0.2)
      // …every app control is at least 44×44 and none overlap…
      expect(chrome.controls.length).toBeGreaterThanOrEqual(3)
      for (const control of chrome.controls) {
        expect({ label: control.label, ok: control.w >= MIN_TARGET_PX && control.h >= MIN_TARGET_PX }).toEqual({ label: control.label, ok: true })
      }
      for (let i = 0; i < chrome.controls.length; i++) {
        for (let j = i + 1; j < chrome.controls.length; j++) expect(overlap(chrome.controls[i]!, chrome.controls[j]!)).toBe(false)
      }
      // …and note text is readable.
      const sizes = await noteTextOnScreen(phone.page)
      console.log(`[phone] note text on screen: ${sizes.map((s) => s.toFixed(1)).join(', ')} px`)
      expect(sizes.length).toBeGreaterThan(0)
      for (const size of sizes) expect(size).toBeGreaterThanOrEqual(MIN_NOTE_TEXT_PX)
      // The connection is on screen at once, without opening the Board sheet.
      const status = phone.page.getByTestId('phone-status')
      expect(await status.getAttribute('data-connection')).toBe('online')
      expect(await status.isVisible()).toBe(true)
      // tldraw's toolbar is there, above the bottom bar.
      const toolbar = await phone.page.locator('.tlui-toolbar').first().boundingBox()
      const bar = await phone.page.getByTestId('bottom-bar').boundingBox()
      expect(toolbar && bar && toolbar.y + toolbar.height <= bar.y + 0.5).toBe(true)
      await phone.page.screenshot({ path: screenshotPath('room-phone-390.png') })

      // The panels open as sheets, one at a time, and close.
      await phone.page.getByRole('button', { name: 'Facilitation' }).tap()
      const facSheet = phone.page.getByRole('dialog', { name: 'Facilitation' })
      await facSheet.waitFor()
      await phone.page.screenshot({ path: screenshotPath('room-phone-facilitation-sheet-390.png') })
      // How to add a note, for a phone: the bottom bar's button, not the N key of a keyboard.
      const hint = (await facSheet.getByTestId('add-note-hint').textContent()) ?? ''
      const addLabel = (await phone.page.getByTestId('bottom-bar').locator('.bottom-bar-main').textContent()) ?? ''
      expect(addLabel.length).toBeGreaterThan(0)
      expect(hint).toContain(addLabel)
      expect(hint).not.toMatch(/\bN\b|Escape/)
      await facSheet.getByRole('button', { name: 'Close' }).tap()
      await facSheet.waitFor({ state: 'detached' })
      await phone.page.getByRole('button', { name: 'Board', exact: true }).tap()
      const boardSheet = phone.page.getByRole('dialog', { name: 'Board' })
      await boardSheet.waitFor()
      expect(await boardSheet.textContent()).toContain('Sprint 14 retro')
      await phone.page.screenshot({ path: screenshotPath('room-phone-board-sheet-390.png') })
      await boardSheet.getByRole('button', { name: 'Close' }).tap()
      await boardSheet.waitFor({ state: 'detached' })

      // The phone adds a note into "Stop" with the bar's main action, by taps and typing…
      const boardId = new URL(decoded!).pathname.split('/')[2]!
      const tokens = { facilitator: links.facilitator!.split('#')[1]!, participant: links.participant!.split('#')[1]!, viewer: links.viewer!.split('#')[1]! }
      const raw = await rawBoard(suite.url, { id: boardId, title: 'Sprint 14 retro', links: { facilitator: links.facilitator!, participant: links.participant!, viewer: links.viewer! }, tokens })
      try {
        await phone.page.getByTestId('bottom-bar').getByRole('button', { name: 'Add a note' }).tap()
        const addNote = phone.page.getByRole('dialog', { name: 'Add a note' })
        await addNote.waitFor()
        await addNote.getByLabel('Text of the note').tap()
        await phone.page.keyboard.type('Stop meetings without an agenda')
        const stopZone = raw.activities()[0]!.zones.find((z) => z.key === 'stop')!
        // A native <select> on a phone opens the system picker: choosing in it is not a mouse event.
        await addNote.getByLabel('Zone').selectOption(stopZone.id)
        await phone.page.screenshot({ path: screenshotPath('room-phone-add-note-390.png') })
        await addNote.getByRole('button', { name: 'Add the note' }).tap()
        await addNote.waitFor({ state: 'detached' })
        await expect.poll(() => raw.notes().find((n) => n.text === 'Stop meetings without an agenda') ?? null, { timeout: 15_000 }).not.toBeNull()
        // …and a stock y-websocket client finds it inside the zone's bounds (the whole note).
        const added = raw.notes().find((n) => n.text === 'Stop meetings without an agenda')!
        expect(raw.zoneOf(added)?.key).toBe('stop')
        const zone = raw.activities()[0]!.zones.find((z) => z.key === 'stop')!.bounds
        expect(added.center.x - 100).toBeGreaterThanOrEqual(zone.x)
        expect(added.center.y - 100).toBeGreaterThanOrEqual(zone.y)
        expect(added.center.x + 100).toBeLessThanOrEqual(zone.x + zone.w)
        expect(added.center.y + 100).toBeLessThanOrEqual(zone.y + zone.h)

        // The facilitator opens a vote with live totals; the phone votes from the list.
        const opened = await fetch(`${suite.url}/api/boards/${boardId}/facilitation`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.facilitator}` },
          body: JSON.stringify({ action: 'openVote', settings: { votesPerPerson: 3, maxPerNote: 2, anonymous: true, hideTotals: false } }),
        })
        expect(opened.status).toBe(200)
        await phone.page.getByTestId('bottom-bar').getByRole('button', { name: 'List' }).tap()
        const outline = phone.page.getByTestId('outline')
        const item = outline.locator(`[data-note-id="${added.id}"]`)
        await item.getByRole('button', { name: 'Vote', exact: true }).tap({ timeout: 20_000 })
        await expect.poll(() => raw.voteTotals()[added.id] ?? 0, { timeout: 15_000 }).toBe(1)
        await phone.page.screenshot({ path: screenshotPath('room-phone-voted-390.png') })
        expect(Object.values(raw.voteTotals()).reduce((a, b) => a + b, 0)).toBe(1)
      } finally {
        raw.close()
      }
      // Losing the network shows at once in words above the bar, with no sheet open.
      await phone.page.getByTestId('outline').getByRole('button', { name: 'Close the outline' }).tap()
      await phone.page.getByTestId('outline').waitFor({ state: 'detached' })
      await phone.context.setOffline(true)
      await expect.poll(() => status.getAttribute('data-connection'), { timeout: 30_000 }).not.toBe('online')
      expect(await status.isVisible()).toBe(true)
      expect(await status.textContent()).toMatch(/^Connection: (Reconnecting…|Offline, your changes will sync)$/)
      const strip = await status.boundingBox()
      expect(strip && bar && strip.y + strip.height <= (await phone.page.getByTestId('bottom-bar').boundingBox())!.y + 0.5).toBe(true)
      await phone.page.screenshot({ path: screenshotPath('room-phone-offline-390.png') })
      await phone.context.setOffline(false)
      await expect.poll(() => phone.page.getByTestId('phone-status').getAttribute('data-connection'), { timeout: 30_000 }).toBe('online')
      expect(phone.errors).toEqual([])
    } finally {
      await phone.context.close()
    }
  }, BROWSER_TEST_TIMEOUT_MS)

  it('a retrospective opens on its activity with note text of at least 12 px at 1440×900, and on a phone in French', async () => {
    const board = await createTestBoard(suite.url, 'Retro', 'retro-start-stop-continue')
    const grace = await suite.open(board.links.facilitator, 'Grace')
    await addNoteInFirstZone(grace.page, 'Ship smaller')
    const ada = await suite.newPage()
    await ada.page.setViewportSize({ width: 1440, height: 900 })
    await joinBoard(ada.page, board.links.participant, 'Ada', { promptMs: 45_000, onlineMs: 30_000 })
    await ada.page.waitForFunction(() => window.__editor!.getCurrentPageShapes().some((s) => s.type === 'note'), undefined, { timeout: 30_000 })
    await expect.poll(() => ada.page.evaluate(() => window.__editor!.getZoomLevel()), { timeout: 30_000 }).not.toBe(1)
    const sizes = await noteTextOnScreen(ada.page)
    console.log(`[desktop] zoom ${await ada.page.evaluate(() => window.__editor!.getZoomLevel())}; note text on screen: ${sizes.map((s) => s.toFixed(1)).join(', ')} px`)
    expect(sizes.length).toBeGreaterThan(0)
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(MIN_NOTE_TEXT_PX)
    // The activity starts on screen, clear of the facilitation panel.
    const start = await ada.page.evaluate(() => {
      const editor = window.__editor!
      const frame = editor.getCurrentPageShapes().find((s) => (s.meta as { activity?: { role?: string } }).activity?.role === 'frame')!
      const b = editor.getShapePageBounds(frame)!
      return editor.pageToScreen({ x: b.x, y: b.y })
    })
    const dockRight = await ada.page.getByTestId('facilitation-dock').evaluate((el) => el.getBoundingClientRect().right)
    expect(start.x).toBeGreaterThanOrEqual(dockRight)
    expect(start.y).toBeGreaterThanOrEqual(0)
    await ada.page.screenshot({ path: screenshotPath('room-desktop-1440.png') })

    const phone = await openPhone(suite.browser, 'fr-FR')
    try {
      await phone.page.goto(board.links.participant)
      const name = phone.page.getByLabel('Votre nom')
      await name.waitFor({ timeout: 45_000 })
      await name.tap()
      await name.fill('Léa')
      await phone.page.getByRole('button', { name: 'Rejoindre le tableau' }).tap()
      await phone.page.getByRole('button', { name: 'Ajouter une note' }).waitFor({ timeout: 30_000 })
      await phone.page.waitForFunction(() => window.__editor!.getCurrentPageShapes().some((s) => s.type === 'note'), undefined, { timeout: 30_000 })
      await phone.page.waitForTimeout(1000)
      const phoneSizes = await noteTextOnScreen(phone.page)
      expect(phoneSizes.length).toBeGreaterThan(0)
      for (const size of phoneSizes) expect(size).toBeGreaterThanOrEqual(MIN_NOTE_TEXT_PX)
      await phone.page.screenshot({ path: screenshotPath('room-phone-390-fr.png') })

      // Results from the board sheet open above it, in a sheet of their own: they opened behind
      // the board sheet's backdrop, inert, and the board sheet stayed in front.
      await phone.page.getByRole('button', { name: 'Tableau', exact: true }).tap()
      await phone.page.getByRole('dialog', { name: 'Tableau' }).getByRole('button', { name: 'Résultats' }).tap()
      const results = phone.page.getByRole('dialog', { name: 'Résultats' })
      await results.getByTestId('activity-result').first().waitFor({ timeout: 15_000 })
      const top = await phone.page.evaluate(() => {
        const dialog = document.querySelector('[data-testid="results-sheet"]')!.closest('dialog')!
        const r = dialog.getBoundingClientRect()
        return document.elementFromPoint(r.x + r.width / 2, r.y + 40)?.closest('dialog') === dialog
      })
      expect(top).toBe(true)
      await phone.page.screenshot({ path: screenshotPath('room-phone-results-fr.png') })
      await results.getByRole('button', { name: 'Fermer' }).tap()
      await expect.poll(() => phone.page.getByRole('dialog', { name: 'Résultats' }).count()).toBe(0)
      await expect(phone.page.getByRole('dialog', { name: 'Tableau' }).isVisible()).resolves.toBe(true)

      // A tool dialog opened from it has a finger's targets, its × included (they were 26 to 30 px high).
      await phone.page.getByRole('dialog', { name: 'Tableau' }).getByRole('button', { name: 'Exporter' }).tap()
      const exporting = phone.page.getByRole('dialog', { name: 'Exporter le tableau' })
      await exporting.getByRole('button', { name: 'Fermer' }).waitFor({ timeout: 15_000 })
      const heights = await exporting.locator('button, select, input:not([type=checkbox]):not([type=radio]), label:has(input[type=radio])').evaluateAll((els) =>
        els.filter((el) => (el as HTMLElement).offsetParent).map((el) => [el.textContent?.trim() || el.getAttribute('aria-label'), el.getBoundingClientRect().height] as const),
      )
      expect(heights.length).toBeGreaterThanOrEqual(3)
      await phone.page.screenshot({ path: screenshotPath('room-phone-export-fr.png') })
      for (const [label, height] of heights) expect(height, String(label)).toBeGreaterThanOrEqual(44)
      await exporting.getByRole('button', { name: 'Fermer' }).tap()

      // "Add a note" does not name a Shift+Enter that a phone's keyboard lacks.
      while ((await phone.page.locator('dialog[open]').count()) > 0) await phone.page.keyboard.press('Escape')
      await phone.page.getByRole('button', { name: 'Ajouter une note' }).tap()
      const adding = phone.page.getByRole('dialog', { name: 'Ajouter une note' })
      await expect(adding.getByText('La touche Entrée du clavier ajoute la note.').isVisible()).resolves.toBe(true)
      expect(await adding.getByText(/Maj\+Entrée/).count()).toBe(0)
    } finally {
      await phone.context.close()
    }
  }, BROWSER_TEST_TIMEOUT_MS)

  it('the facilitator presents: the projector page follows them and shows the timer, the people here and the QR code of the participant link', async () => {
    const grace = await suite.newPage()
    await grace.page.setViewportSize({ width: 1440, height: 900 })
    const { links, dialog } = await createInLobby(grace, 'Onsite workshop')
    await dialog.getByRole('link', { name: 'Open the board' }).click()
    await enterName(grace.page, 'Grace', 45_000)
    await grace.page.locator('[data-status="online"]').waitFor({ timeout: 30_000 })
    await grace.page.getByRole('button', { name: 'Share', exact: true }).click()
    const share = grace.page.getByRole('dialog', { name: /Share/ })
    await share.waitFor()
    expect(await decodeQr(share.getByTestId('participant-qr'))).toBe(links.participant)
    await grace.page.screenshot({ path: screenshotPath('room-share-from-board-1440.png') })
    const [projector] = await Promise.all([grace.context.waitForEvent('page'), share.getByRole('button', { name: 'Present' }).click()])
    await projector.setViewportSize({ width: 1440, height: 900 })
    await projector.getByTestId('present-side').waitFor({ timeout: 45_000 })
    // Read-only with the viewer link, and none of the app's chrome.
    expect(projector.url()).toContain(`#${links.viewer!.split('#')[1]}`)
    expect(await projector.locator('.board-panel, .fac-dock, .bottom-bar, .tlui-toolbar').count()).toBe(0)
    const qr = projector.getByTestId('present-qr')
    await qr.waitFor()
    expect(await decodeQr(qr)).toBe(links.participant)
    // Grace is here (the projector does not count itself).
    await expect.poll(() => projector.getByTestId('present-people').textContent(), { timeout: 20_000 }).toContain('1 here')
    // The timer, started by the facilitator, counts down on the projector.
    const boardId = new URL(links.facilitator!).pathname.split('/')[2]!
    const res = await fetch(`${suite.url}/api/boards/${boardId}/facilitation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${links.facilitator!.split('#')[1]}` },
      body: JSON.stringify({ action: 'timer', timer: { action: 'start', durationMs: 5 * 60_000 } }),
    })
    expect(res.status).toBe(200)
    await expect.poll(() => projector.getByTestId('timer').textContent(), { timeout: 20_000 }).toMatch(/^4:5\d|^5:00/)
    expect(await projector.getByTestId('present-instructions').textContent()).not.toBe('')
    // It follows Grace's camera.
    const graceId = await grace.page.evaluate(() => (JSON.parse(localStorage.getItem('canvas.identity') ?? '{}') as { id?: string }).id)
    expect(graceId).toBeTruthy()
    await expect.poll(() => projector.evaluate(() => window.__editor?.getInstanceState().followingUserId ?? null), { timeout: 20_000 }).toBe(graceId)
    await projector.screenshot({ path: screenshotPath('room-projector-1440.png') })
    await projector.evaluate(() => localStorage.setItem('canvas.locale', 'fr'))
    await projector.reload()
    await projector.getByText('Rejoignez avec votre téléphone').waitFor({ timeout: 45_000 })
    await projector.getByTestId('present-qr').waitFor()
    await projector.screenshot({ path: screenshotPath('room-projector-1440-fr.png') })
    // A 720p projector: the way to join stays whole on screen, and still scans.
    await projector.setViewportSize({ width: 1280, height: 720 })
    await projector.waitForTimeout(300)
    const box = (await projector.getByTestId('present-qr').boundingBox())!
    expect(box.y + box.height).toBeLessThanOrEqual(720)
    expect(box.height).toBeGreaterThanOrEqual(180)
    const link = (await projector.locator('.present-link').boundingBox())!
    expect(link.y + link.height).toBeLessThanOrEqual(720)
    expect((await projector.getByTestId('present-instructions').boundingBox())!.y).toBeLessThan(720)
    expect(await decodeQr(projector.getByTestId('present-qr'))).toBe(links.participant)
    await projector.screenshot({ path: screenshotPath('room-projector-720-fr.png') })

    // The facilitator on a narrow screen, in French: the share view opens from the board sheet.
    await grace.page.setViewportSize(PHONE)
    await grace.page.reload()
    await grace.page.getByRole('button', { name: 'Tableau', exact: true }).click({ timeout: 45_000 })
    await grace.page.getByRole('dialog', { name: 'Tableau' }).getByRole('button', { name: 'Partager' }).click()
    const partager = grace.page.getByRole('dialog', { name: /Partager/ })
    await partager.getByTestId('participant-qr').waitFor()
    expect(await partager.textContent()).toContain('Gardez-le pour vous')
    await grace.page.screenshot({ path: screenshotPath('room-share-from-board-390-fr.png') })
  }, BROWSER_TEST_TIMEOUT_MS)

  it('a revoked tab takes a pasted new link and opens the board without a reload, and stops retrying; a link differing only by its #fragment opens that board', async () => {
    const board: TestBoard = await createTestBoard(suite.url, 'Rotating', 'retro-start-stop-continue')
    const ada = await suite.open(board.links.participant, 'Ada')
    await ada.page.evaluate(() => Object.assign(window, { __sameDocument: true }))
    const sockets: string[] = []
    ada.page.on('websocket', (ws) => sockets.push(ws.url()))

    const rotated = await fetch(`${suite.url}/api/boards/${board.id}/links/participant/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.tokens.facilitator}` },
    })
    expect(rotated.status).toBe(200)
    const newLink = ((await rotated.json()) as { link: string }).link
    const banner = ada.page.getByRole('alert').filter({ hasText: 'This link was replaced by the facilitator' })
    await banner.waitFor({ timeout: 15_000 })
    await ada.page.locator('[data-status="closed"]').waitFor({ timeout: 15_000 })
    // A revoked page stops trying: no new socket for a while.
    const before = sockets.length
    await ada.page.waitForTimeout(7000)
    expect(sockets.length).toBe(before)

    await banner.getByLabel('Paste the new link you were sent').fill(newLink)
    await ada.page.screenshot({ path: screenshotPath('room-relink.png') })
    await banner.getByRole('button', { name: 'Open' }).click()
    await ada.page.locator('[data-status="online"]').waitFor({ timeout: 30_000 })
    expect(ada.page.url()).toBe(newLink)
    expect(await ada.page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true)

    // Same path, another fragment (the facilitator link): that board opens, as facilitator.
    await ada.page.goto(board.links.facilitator)
    await ada.page.getByText('You are a facilitator').waitFor({ timeout: 30_000 })
    await ada.page.locator('[data-status="online"]').waitFor({ timeout: 30_000 })
    expect(await ada.page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true)
    expect(ada.errors.filter((e) => !/favicon|WebSocket|403|401/.test(e))).toEqual([])
  }, BROWSER_TEST_TIMEOUT_MS)

  it('the facilitator renames a stakeholder group in place on the board and adds a commitments row; a participant has neither', async () => {
    const board = await createTestBoard(suite.url, 'Needs', 'stakeholder-needs-map')
    const added = await fetch(`${suite.url}/api/boards/${board.id}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${board.tokens.facilitator}` },
      body: JSON.stringify({ template: 'commitments', participants: ['Ada', 'Bo'] }),
    })
    expect(added.status).toBe(201)
    const raw = await rawBoard(suite.url, board)
    try {
      const grace = await suite.newPage()
      await grace.page.setViewportSize({ width: 1440, height: 900 })
      await joinBoard(grace.page, board.links.facilitator, 'Grace', { promptMs: 45_000, onlineMs: 30_000 })
      const dock = grace.page.getByTestId('facilitation-dock')
      await dock.getByTestId('rename-in-place').click()
      expect(await dock.getByTestId('rename-in-place').getAttribute('aria-pressed')).toBe('true')
      const spot = grace.page.getByRole('button', { name: 'Rename “Stakeholder group 1”' })
      await spot.waitFor({ timeout: 15_000 })
      // The target sits on the heading drawn on the canvas.
      const headingId = await spot.getAttribute('data-heading-id')
      const onCanvas = await grace.page.evaluate((id) => {
        const editor = window.__editor!
        const b = editor.getShapePageBounds(id as Parameters<typeof editor.getShapePageBounds>[0])!
        const p = editor.pageToViewport({ x: b.minX, y: b.minY })
        return { x: p.x, y: p.y }
      }, headingId)
      const box = (await spot.boundingBox())!
      const canvas = (await grace.page.locator('.tl-container').boundingBox())!
      expect(Math.abs(box.x - canvas.x - onCanvas.x)).toBeLessThan(2)
      expect(Math.abs(box.y - canvas.y - onCanvas.y)).toBeLessThan(2)
      expect(box.width >= 44 && box.height >= 44).toBe(true)
      await grace.page.screenshot({ path: screenshotPath('room-rename-in-place-1440.png') })
      await spot.click()
      const input = grace.page.getByTestId('heading-input')
      expect(await input.inputValue()).toBe('Stakeholder group 1')
      await input.fill('Nurses')
      await input.press('Enter')
      await expect.poll(() => grace.page.getByRole('button', { name: 'Rename “Nurses”' }).count(), { timeout: 15_000 }).toBe(1)
      const needs = raw.activities().find((a) => a.results === 'needsMap')!
      const columns = needs.zones.flatMap((z) => (z.meaning.kind === 'cell' ? [z.meaning.columnLabel] : []))
      expect(columns.filter((c) => c === 'Nurses')).toHaveLength(4)
      expect(columns).not.toContain('Stakeholder group 1')

      // A row for someone who came later, from the panel.
      const commitments = raw.activities().find((a) => a.results === 'commitments')!
      const addRow = dock.getByTestId('add-commitment-row')
      await addRow.getByRole('textbox').fill('Cy')
      await addRow.getByRole('button', { name: 'Add row' }).click()
      await expect
        .poll(() => raw.activities().find((a) => a.instanceId === commitments.instanceId)!.zones.filter((z) => z.meaning.kind === 'cell' && z.meaning.rowLabel === 'Cy').length, { timeout: 15_000 })
        .toBe(3)
      await dock.getByTestId('rename-in-place').click()
      await expect.poll(() => grace.page.getByTestId('heading-spot').count()).toBe(0)

      // A participant sees no rename targets and no rename controls.
      const ada = await suite.open(board.links.participant, 'Ada')
      await ada.page.waitForTimeout(1000)
      expect(await ada.page.getByTestId('rename-in-place').count()).toBe(0)
      expect(await ada.page.getByTestId('heading-spot').count()).toBe(0)
      expect(await ada.page.getByTestId('add-commitment-row').count()).toBe(0)
      expect(grace.errors.filter((e) => !/favicon/.test(e))).toEqual([])
    } finally {
      raw.close()
    }
  }, BROWSER_TEST_TIMEOUT_MS)
})
