/**
 * The outline view (issue 14) and "Add a note" (issue 13) in real Chromium, checked against a
 * stock y-websocket client: the accessibility tree holds every zone as a heading with its notes
 * under it; edit, move, delete, vote and unvote from the outline reach the shared docs; a whole
 * activity run with the keyboard alone; screenshots at desktop and phone sizes, EN and FR.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { TEMPLATES, zonesOf } from '../../shared/activities/index.js'
import { createTestBoard, waitFor, type TestBoard } from '../helpers/server.js'
import { browserSuite, screenshotPath, waitForEditor } from './helpers/browser.js'
import { rawBoard, type RawBoard } from './helpers/rawBoard.js'
import { postBoard } from '../helpers/facilitation.js'
import { FOLD_EMPTY_ZONES_ABOVE, zoneHeadingId } from '../../client/board/outline/outlineModel.js'

const RETRO = 'retro-start-stop-continue'

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, matches: (el: { name: string; note: string; tag: string }) => boolean, what: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null
      return {
        name: (a?.getAttribute('aria-label') ?? a?.textContent ?? '').trim(),
        note: a?.closest('[data-note-id]')?.querySelector('.outline-note-text')?.textContent ?? '',
        tag: a?.tagName ?? '',
      }
    })
    if (matches(el)) return
  }
  throw new Error(`Tab never reached ${what}`)
}

/** Lines of an aria snapshot between a heading and the next heading. */
function underHeading(snapshot: string, name: string): string {
  const lines = snapshot.split('\n')
  const start = lines.findIndex((l) => l.includes(`heading "${name}"`))
  if (start === -1) throw new Error(`no heading "${name}" in\n${snapshot}`)
  const end = lines.findIndex((l, i) => i > start && l.includes('- heading '))
  return lines.slice(start + 1, end === -1 ? undefined : end).join('\n')
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

async function seededBoard(url: string): Promise<{ board: TestBoard; raw: RawBoard; texts: Record<string, string> }> {
  const board = await createTestBoard(url, 'Sprint 12 retro', RETRO)
  const raw = await rawBoard(url, board)
  await waitFor(() => raw.activities().length === 1, 10_000, 'the retrospective template')
  const texts: Record<string, string> = {}
  for (const zone of zonesOf(raw.activities()[0]!)) {
    texts[zone.key] = `${zone.label}: note ${zone.key}`
    raw.addNote(`shape:seed-${zone.key}`, texts[zone.key]!, zone)
  }
  return { board, raw, texts }
}

describe('outline view', () => {
  const suite = browserSuite({ setupTimeoutMs: 90_000, pageTimeoutMs: 30_000, join: { promptMs: 45_000, editorMs: 60_000, onlineMs: 30_000 } })

  it('holds every zone name as a heading with its notes under it; edit, move, delete, vote and unvote reach a raw client', async () => {
    const { board, raw, texts } = await seededBoard(suite.url)
    const zones = zonesOf(raw.activities()[0]!)
    const facilitator = await suite.open(board.links.facilitator, 'Fran')
    const participant = await suite.open(board.links.participant, 'Pat')

    const page = participant.page
    await page.getByRole('button', { name: 'Outline', exact: true }).click()
    const outline = page.getByTestId('outline')
    await outline.getByText(texts.start!).waitFor()
    const snapshot = await outline.ariaSnapshot()
    for (const zone of zones) {
      expect(underHeading(snapshot, zone.label)).toContain(texts[zone.key])
      for (const other of zones.filter((z) => z !== zone)) expect(underHeading(snapshot, zone.label)).not.toContain(texts[other.key])
    }
    expect(snapshot).toMatch(/heading "Start \/ Stop \/ Continue[^"]*" \[level=3\]/)
    // Zones in board order: this template's zones stand in one row, left to right.
    const headings = [...snapshot.matchAll(/heading "([^"]+)" \[level=4\]/g)].map((m) => m[1])
    expect(headings).toEqual([...zones].sort((a, b) => a.bounds.x - b.bounds.x).map((z) => z.label))

    const note = (key: string) => outline.locator(`[data-note-id="shape:seed-${key}"]`)
    // Edit.
    await note('stop').getByRole('button', { name: 'Edit' }).click()
    await note('stop').getByLabel('Text of the note').fill('Stop: meetings that run late')
    await note('stop').getByRole('button', { name: 'Save' }).click()
    await waitFor(() => raw.notes().some((n) => n.text === 'Stop: meetings that run late'), 15_000, 'the edited text')
    // Move "continue" to "start".
    await note('continue').getByRole('button', { name: 'Move', exact: true }).click()
    const startZone = zones.find((z) => z.key === 'start')!
    await note('continue').getByLabel('Move to zone').selectOption(startZone.id)
    await note('continue').getByRole('button', { name: 'Move the note' }).click()
    await waitFor(() => raw.zoneOf(raw.notes().find((n) => n.id === 'shape:seed-continue')!)?.key === 'start', 15_000, 'the move')
    // Moved clear of the note already there.
    const [a, b] = ['shape:seed-start', 'shape:seed-continue'].map((id) => raw.notes().find((n) => n.id === id)!)
    expect(Math.abs(a!.center.x - b!.center.x) >= 200 || Math.abs(a!.center.y - b!.center.y) >= 200).toBe(true)
    // Delete.
    await note('actions').getByRole('button', { name: 'Delete' }).click()
    await waitFor(() => !raw.notes().some((n) => n.id === 'shape:seed-actions'), 15_000, 'the delete')

    // Vote: the facilitator opens it from the outline; the participant votes twice and unvotes once.
    await facilitator.page.getByRole('button', { name: 'Outline', exact: true }).click()
    await facilitator.page.getByTestId('outline').getByRole('button', { name: 'Open vote' }).click()
    await outline.getByTestId('outline-votes-left').waitFor()
    // Announced politely through the outline's one live region.
    await expect.poll(() => outline.getByTestId('outline-live').textContent(), { timeout: 10_000 }).toContain('Voting is open')
    expect(await outline.locator('[aria-live]').count()).toBe(1)
    await note('stop').getByRole('button', { name: 'Vote', exact: true }).click()
    await note('start').getByRole('button', { name: 'Vote', exact: true }).click()
    await expect.poll(() => outline.getByTestId('outline-votes-left').textContent()).toContain('1')
    await note('start').getByRole('button', { name: 'Remove my vote' }).click()
    await expect.poll(() => outline.getByTestId('outline-votes-left').textContent()).toContain('2')
    await facilitator.page.getByTestId('outline').getByRole('button', { name: 'Reveal totals' }).click()
    await waitFor(() => raw.voteTotals()['shape:seed-stop'] === 1, 15_000, 'the revealed totals')
    expect(raw.voteTotals()['shape:seed-start'] ?? 0).toBe(0)
    await expect.poll(() => note('stop').getByTestId('outline-total').textContent()).toBe('1 vote')
    raw.close()
  }, 240_000)

  it('during private writing, "Add a note" tells a participant the note is theirs alone until the reveal, before and after', async () => {
    const { board, raw } = await seededBoard(suite.url)
    expect((await postBoard(suite.url, board, 'facilitation', { action: 'privateWriting', on: true })).status).toBe(200)
    const participant = await suite.open(board.links.participant, 'Pat')
    const page = participant.page
    await page.getByTestId('private-on').waitFor()
    await page.getByRole('button', { name: 'Outline', exact: true }).click()
    const outline = page.getByTestId('outline')
    await outline.getByRole('button', { name: 'Add a note', exact: true }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Add a note' })
    await expect(dialog.getByTestId('add-note-private').textContent()).resolves.toBe(
      'Private writing: only you see this note until the facilitator reveals the notes.',
    )
    await dialog.getByLabel('Text of the note').fill('Pat private thought')
    await page.keyboard.press('Enter')
    await expect.poll(() => outline.getByTestId('outline-live').textContent(), { timeout: 10_000 }).toMatch(/^Note added to .+\. Only you see it until the reveal\.$/)
    // And it is so: the board doc never received it.
    await page.waitForTimeout(1000)
    expect(raw.notes().some((n) => n.text === 'Pat private thought')).toBe(false)

    // The facilitator's notes are not private: no such notice for them.
    const facilitator = await suite.open(board.links.facilitator, 'Fran')
    await facilitator.page.getByRole('button', { name: 'Outline', exact: true }).click()
    await facilitator.page.getByTestId('outline').getByRole('button', { name: 'Add a note', exact: true }).first().click()
    await facilitator.page.getByRole('dialog', { name: 'Add a note' }).getByLabel('Text of the note').waitFor()
    expect(await facilitator.page.getByTestId('add-note-private').count()).toBe(0)
    raw.close()
  }, 180_000)

  it('folds the empty cells of a 5 × 5 risk matrix under one heading; a note moved into a folded cell brings its heading, and the focus, back', async () => {
    const board = await createTestBoard(suite.url, 'Risks', 'risk-matrix')
    const raw = await rawBoard(suite.url, board)
    await waitFor(() => raw.activities().length === 1, 10_000, 'the risk matrix')
    const cells = zonesOf(raw.activities()[0]!)
    expect(cells.length).toBeGreaterThan(FOLD_EMPTY_ZONES_ABOVE)
    const [first, second, target] = [cells[0]!, cells[7]!, cells[18]!]
    raw.addNote('shape:risk-a', 'Vendor goes bankrupt', first)
    raw.addNote('shape:risk-b', 'Key person leaves', second)
    const participant = await suite.open(board.links.participant, 'Pat')
    const page = participant.page
    await page.getByRole('button', { name: 'Outline', exact: true }).click()
    const outline = page.getByTestId('outline')
    await outline.getByText('Key person leaves').waitFor()
    const headings = async () => [...(await outline.ariaSnapshot()).matchAll(/heading "([^"]+)" \[level=4\]/g)].map((m) => m[1])
    const nameOf = (zoneId: string) => outline.locator(`#${zoneHeadingId(zoneId)}`).textContent()
    // Shown cells in board order (rows top to bottom, then left to right).
    const byPlace = (zones: typeof cells) => [...zones].sort((a, b) => a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x)
    const namesOf = async (zones: typeof cells) => Promise.all(byPlace(zones).map((z) => nameOf(z.id)))
    const folded = `${cells.length - 2} zones without notes`
    expect(await headings()).toEqual([...(await namesOf([first, second])), folded])
    // One "Add a note" per shown cell and the outline's own, not one per cell.
    expect(await outline.getByRole('button', { name: /^Add a note/ }).count()).toBe(3)

    const toggle = outline.getByRole('button', { name: 'Show them' })
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    await toggle.click()
    const hide = outline.getByRole('button', { name: 'Hide them' })
    expect(await hide.getAttribute('aria-expanded')).toBe('true')
    expect(await headings()).toHaveLength(cells.length + 1)
    await hide.click()
    expect(await headings()).toHaveLength(3)

    // Move the first risk into a folded cell, with the keyboard: the cell comes back, focused.
    const note = outline.locator('[data-note-id="shape:risk-a"]')
    await note.getByRole('button', { name: 'Move', exact: true }).click()
    await note.getByLabel('Move to zone').selectOption(target.id)
    await note.getByRole('button', { name: 'Move the note' }).focus()
    await page.keyboard.press('Enter')
    await waitFor(() => raw.zoneOf(raw.notes().find((n) => n.id === 'shape:risk-a')!)?.id === target.id, 15_000, 'the move')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 10_000 }).toBe(zoneHeadingId(target.id))
    const targetName = await nameOf(target.id)
    // The cell it left stays shown (its heading does not vanish under a reader), now empty.
    expect(await headings()).toEqual([...(await namesOf([first, second, target])), `${cells.length - 3} zones without notes`])

    // Deleting the note keeps its cell's heading, and the focus on it.
    await outline.locator('[data-note-id="shape:risk-a"]').getByRole('button', { name: 'Delete' }).click()
    await waitFor(() => !raw.notes().some((n) => n.id === 'shape:risk-a'), 15_000, 'the delete')
    await page.waitForTimeout(600)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(zoneHeadingId(target.id))
    expect(await headings()).toContain(targetName)

    // Last, as it rewrites the page's text: instructions read whole in the outline, however
    // long (a French risk matrix's run to 12 lines on a phone), not in a box that scrolls
    // inside the scrolling sheet.
    const instructions = outline.getByTestId('instructions')
    const inner = await instructions.evaluate((el) => {
      el.textContent = `${el.textContent}\n`.repeat(6)
      return { height: el.clientHeight, hidden: el.scrollHeight - el.clientHeight }
    })
    expect(inner.height).toBeGreaterThan(400)
    expect(inner.hidden).toBeLessThanOrEqual(1)
    raw.close()
  }, 180_000)

  it('screenshots at 1440×900 and 390×844, in English and in French, with 44 px targets on the phone', async () => {
    const { board, raw } = await seededBoard(suite.url)
    raw.close()
    for (const locale of ['en-US', 'fr-CA']) {
      const p = await suite.newPage({ locale })
      await p.page.setViewportSize({ width: 1440, height: 900 })
      await joinByKeyboard(p.page, board.links.participant, locale === 'en-US' ? 'Ana' : 'Éloïse')
      await p.page.keyboard.press('Alt+Shift+O')
      const outline = p.page.getByTestId('outline')
      await outline.locator('[data-note-id]').first().waitFor()
      const lang = locale.slice(0, 2)
      await p.page.screenshot({ path: screenshotPath(`outline-1440-${lang}.png`) })
      await p.page.setViewportSize({ width: 390, height: 844 })
      await p.page.waitForTimeout(300)
      await p.page.screenshot({ path: screenshotPath(`outline-390-${lang}.png`) })
      const small = await outline.evaluate((root) =>
        Array.from(root.querySelectorAll('button, select'))
          .map((el) => el.getBoundingClientRect())
          .filter((r) => r.width > 0 && (r.width < 44 || r.height < 44)).length,
      )
      expect(small).toBe(0)
      const box = await outline.boundingBox()
      expect(box!.width).toBeLessThanOrEqual(390)
      expect(await p.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    }
  }, 180_000)
})
