/**
 * A whole activity with the keyboard alone (issue 14), in real Chromium: no mouse, touch or
 * pointer event anywhere (counted in the pages), only `page.keyboard`. A facilitator creates a
 * Start / Stop / Continue board from the lobby; a participant joins, adds three notes into zones
 * with "Add a note" (Alt+Shift+N), votes from the outline (Alt+Shift+O); the facilitator opens
 * and reveals the vote from the outline and exports the Markdown report. A stock y-websocket
 * client sees the notes in the right zones (shared `zoneContains`) and the totals.
 */
import fs from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { TEMPLATES } from '../../shared/activities/index.js'
import { waitFor, type TestBoard } from '../helpers/server.js'
import { browserSuite, waitForEditor, type TestPage } from './helpers/browser.js'
import { rawBoard } from './helpers/rawBoard.js'

const RETRO = 'retro-start-stop-continue'

type Focused = { name: string; note: string; tag: string; id: string; value: string }

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, matches: (el: Focused) => boolean, what: string, max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLInputElement | null
      return {
        name: (a?.getAttribute('aria-label') ?? a?.textContent ?? '').trim(),
        note: a?.closest('[data-note-id]')?.querySelector('.outline-note-text')?.textContent ?? '',
        tag: a?.tagName ?? '',
        id: a?.id ?? '',
        value: a?.value ?? '',
      }
    })
    if (matches(el)) return
  }
  throw new Error(`Tab never reached ${what}`)
}

/** Counts trusted mouse, pointer and touch events: the run must cause none. */
async function countPointerEvents(p: TestPage): Promise<void> {
  await p.context.addInitScript(() => {
    const w = window as unknown as { __pointerEvents: number }
    w.__pointerEvents = 0
    for (const type of ['mousedown', 'mouseup', 'click', 'pointerdown', 'pointerup', 'touchstart', 'touchend', 'wheel']) {
      // A click from Enter or Space on a button is trusted too, with detail 0: not a pointer.
      window.addEventListener(type, (e) => void (e.isTrusted && !(type === 'click' && (e as MouseEvent).detail === 0) && (w.__pointerEvents += 1)), true)
    }
  })
}

async function joinByKeyboard(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url)
  const input = page.getByLabel(/your name|votre nom/i)
  await input.waitFor({ timeout: 45_000 })
  // The prompt puts the focus in its field (under load, a moment after it appears).
  await expect.poll(() => input.evaluate((el) => el === document.activeElement), { timeout: 15_000 }).toBe(true)
  await page.keyboard.type(name)
  await page.keyboard.press('Enter')
  await input.waitFor({ state: 'detached', timeout: 30_000 })
  await waitForEditor(page, 60_000)
  await page.locator('[data-status="online"]').waitFor({ timeout: 30_000 })
}

/** "Add a note" from the keyboard: the shortcut, the text, the zone picked with the arrow keys. */
async function addNote(page: Page, text: string, zoneLabel: string): Promise<void> {
  await page.keyboard.press('Alt+Shift+N')
  const dialog = page.getByRole('dialog', { name: 'Add a note' })
  await dialog.waitFor()
  await page.keyboard.type(text)
  await page.keyboard.press('Tab')
  const select = dialog.getByLabel('Zone')
  const options = await select.locator('option').allTextContents()
  const wanted = options.indexOf(zoneLabel)
  expect(wanted).toBeGreaterThanOrEqual(0)
  const current = await select.evaluate((el: HTMLSelectElement) => el.selectedIndex)
  for (let i = current; i < wanted; i++) await page.keyboard.press('ArrowDown')
  for (let i = current; i > wanted; i--) await page.keyboard.press('ArrowUp')
  expect(await select.evaluate((el: HTMLSelectElement) => el.options[el.selectedIndex]?.text)).toBe(zoneLabel)
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Enter')
  await dialog.waitFor({ state: 'detached' })
}

describe('a whole activity from the keyboard', () => {
  const suite = browserSuite({ setupTimeoutMs: 90_000, pageTimeoutMs: 30_000 })

  it('lobby → join → three notes in zones → vote → reveal → export; a raw client sees the notes in their zones and the totals', async () => {
    const facilitator = await suite.newPage()
    await countPointerEvents(facilitator)
    const fpage = facilitator.page
    await fpage.goto(suite.url)

    // Lobby: the activity gallery with the arrow keys, the title, Enter.
    await fpage.getByRole('group', { name: 'Start from an activity' }).waitFor({ timeout: 30_000 })
    await tabTo(fpage, (el) => el.tag === 'INPUT' && el.id === '' && el.value === '', 'the gallery')
    for (let i = 0; i <= TEMPLATES.length && (await fpage.evaluate(() => (document.activeElement as HTMLInputElement).value)) !== RETRO; i++) {
      await fpage.keyboard.press('ArrowDown')
    }
    expect(await fpage.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true)
    await tabTo(fpage, (el) => el.id === 'board-title', 'the title field')
    await fpage.keyboard.type('Keyboard retro')
    const created = fpage.waitForResponse((r) => r.url().endsWith('/api/boards') && r.request().method() === 'POST')
    await fpage.keyboard.press('Enter')
    const body = (await (await created).json()) as { board: { id: string; title: string }; links: TestBoard['links'] }
    const token = (link: string) => link.slice(link.indexOf('#') + 1)
    const board: TestBoard = {
      id: body.board.id,
      title: body.board.title,
      links: body.links,
      tokens: { facilitator: token(body.links.facilitator), participant: token(body.links.participant), viewer: token(body.links.viewer) },
    }
    await joinByKeyboard(fpage, board.links.facilitator, 'Fran')

    const participant = await suite.newPage()
    await countPointerEvents(participant)
    const ppage = participant.page
    await joinByKeyboard(ppage, board.links.participant, 'Pat')

    const notes = { Start: 'Try pair reviews', Stop: 'Meetings without agenda', Continue: 'Friday demos' }
    for (const [zone, text] of Object.entries(notes)) await addNote(ppage, text, zone)

    // The facilitator opens a vote from the outline.
    await fpage.keyboard.press('Alt+Shift+O')
    await fpage.getByTestId('outline').waitFor()
    await tabTo(fpage, (el) => el.name === 'Open vote', '"Open vote"')
    await fpage.keyboard.press('Enter')

    // The participant votes for two notes from the outline.
    await ppage.keyboard.press('Alt+Shift+O')
    const outline = ppage.getByTestId('outline')
    await outline.getByTestId('outline-votes-left').waitFor()
    for (const text of [notes.Start, notes.Stop]) {
      await tabTo(ppage, (el) => el.name === 'Vote' && el.note === text, `"Vote" on ${text}`)
      await ppage.keyboard.press('Enter')
    }
    await expect.poll(() => outline.getByTestId('outline-votes-left').textContent()).toContain('1')

    // The facilitator reveals, then exports the Markdown report.
    await tabTo(fpage, (el) => el.name === 'Reveal totals', '"Reveal totals"')
    await fpage.keyboard.press('Enter')
    await fpage.getByTestId('outline').getByText('Totals revealed').first().waitFor()
    await fpage.keyboard.press('Escape')
    await fpage.getByTestId('outline').waitFor({ state: 'detached' })
    await tabTo(fpage, (el) => el.name === 'Export', '"Export"')
    await fpage.keyboard.press('Enter')
    await tabTo(fpage, (el) => el.name === 'Report (Markdown)', 'the Markdown report')
    const download = fpage.waitForEvent('download')
    await fpage.keyboard.press('Enter')
    const report = fs.readFileSync((await (await download).path())!, 'utf8')
    for (const text of Object.values(notes)) expect(report).toContain(text)

    // A stock y-websocket client: the notes in their zones, the totals.
    const raw = await rawBoard(suite.url, board)
    try {
      await waitFor(() => raw.notes().length === 3 && Object.keys(raw.voteTotals()).length > 0, 15_000, 'notes and totals')
      for (const [zone, text] of Object.entries(notes)) {
        const note = raw.notes().find((n) => n.text === text)
        expect(note, text).toBeDefined()
        expect(raw.zoneOf(note!)?.label).toBe(zone)
      }
      const id = (text: string) => raw.notes().find((n) => n.text === text)!.id
      expect(raw.voteTotals()).toEqual({ [id(notes.Stop)]: 1, [id(notes.Start)]: 1 })
    } finally {
      raw.close()
    }
    for (const p of [fpage, ppage]) expect(await p.evaluate(() => (window as unknown as { __pointerEvents: number }).__pointerEvents)).toBe(0)
  }, 300_000)
})
