/**
 * Issue 4 in real Chromium: one facilitator and two participants on a retrospective board.
 * 2-minute timer (same time everywhere, survives a reload), private writing (a participant's
 * note reaches nobody else before reveal), reveal, a vote of 3 per person, totals on the notes.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createTestBoard } from '../helpers/server.js'
import { browserSuite, enterName, screenshotPath, waitForEditor, type BrowserSuite, type TestPage } from './helpers/browser.js'

/** Ids and texts of the note shapes a page's store holds. */
function notesOf(page: Page): Promise<Array<{ id: string; text: string }>> {
  return page.evaluate(() =>
    window
      .__editor!.getCurrentPageShapes()
      .filter((s) => s.type === 'note')
      .map((s) => ({ id: s.id, text: JSON.stringify((s.props as { richText?: unknown }).richText ?? '') })),
  )
}

async function selectIn(page: Page, id: string): Promise<void> {
  await page.evaluate((shapeId) => {
    window.__editor!.select(shapeId as never)
  }, id)
}

/** Every shape id other people's presence records say they have selected. */
function selectionSeenBy(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    window.__editor!.store
      .allRecords()
      .flatMap((r) => (r.typeName === 'instance_presence' ? (r as unknown as { selectedShapeIds: string[] }).selectedShapeIds : [])),
  )
}

function remainingMs(page: Page): Promise<number> {
  return page.getByTestId('timer').getAttribute('data-remaining-ms').then(Number)
}

/**
 * The remaining time a page displays, brought to one common local instant `at` (the pages run on
 * one machine, so they share Date.now()): read latency under load does not count as disagreement.
 */
async function remainingAt(page: Page, at: number): Promise<number> {
  const timer = page.getByTestId('timer')
  const [remaining, computedAt] = await Promise.all([timer.getAttribute('data-remaining-ms'), timer.getAttribute('data-computed-at')])
  return Number(remaining) - (at - Number(computedAt))
}

/** Makes a note through the UI: the note tool from the keyboard, a click, typing. */
async function writeNote(page: Page, x: number, y: number, text: string): Promise<void> {
  await page.keyboard.press('Escape')
  // Pages open zoomed to fit whatever they held at load; one camera for all makes the screen
  // points below the same page points on every page, so notes from different pages never overlap.
  await page.evaluate(() => {
    window.__editor!.setCamera({ x: 0, y: 0, z: 1 })
  })
  await page.locator('.tl-canvas').click({ position: { x: 900, y: 650 } })
  await page.keyboard.press('n')
  await page.mouse.click(x, y)
  // Under load the first keystrokes can arrive before the note is in editing mode.
  await page.waitForFunction(() => window.__editor!.getEditingShapeId() !== null, undefined, { timeout: 30_000 })
  await page.waitForTimeout(200)
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
  try {
    await page.waitForFunction((t) => JSON.stringify(window.__editor!.getCurrentPageShapes()).includes(t), text, { timeout: 30_000 })
  } catch (error) {
    await page.screenshot({ path: screenshotPath(`facilitation-failed-note-${text.replace(/\W+/g, '-')}.png`) })
    console.log(await page.evaluate(() => JSON.stringify({ path: window.__editor!.getPath(), notes: window.__editor!.getCurrentPageShapes().filter((s) => s.type === 'note') })))
    throw error
  }
}

async function waitForBoard(page: Page): Promise<void> {
  await waitForEditor(page, 120_000)
  await page.locator('[data-status="online"]').waitFor({ timeout: 60_000 })
  await page.getByTestId('facilitation-dock').waitFor({ timeout: 60_000 })
}

/** A fresh page in `suite` that has joined the board and shows the facilitation dock. */
async function openBoard(suite: BrowserSuite, url: string, name: string): Promise<TestPage> {
  const p = await suite.newPage()
  await p.page.goto(url)
  await enterName(p.page, name)
  await waitForBoard(p.page)
  return p
}

/** The machine is shared and loaded: tldraw's first mount can stall a page for many seconds. */
const SUITE_OPTIONS = { pageTimeoutMs: 120_000 }

describe('live facilitation in a real browser (issue 4)', () => {
  const suite = browserSuite(SUITE_OPTIONS)
  const open = (url: string, name: string) => openBoard(suite, url, name)

  it('[F1][F2][F3] timer, private writing and reveal, a vote of 3 per person with totals on the notes', async () => {
    const board = await createTestBoard(suite.url, 'Sprint 12 retro', 'retro-start-stop-continue')
    const grace = await open(board.links.facilitator, 'Grace')
    const ada = await open(board.links.participant, 'Ada')
    const bo = await open(board.links.participant, 'Bo')
    const everyone = [grace, ada, bo]
    // Participants see no facilitator control.
    for (const { page } of [ada, bo]) expect(await page.getByRole('button', { name: 'Start private writing' }).count()).toBe(0)
    // The instructions panel shows the template's instructions.
    await expect.poll(() => ada.page.getByTestId('instructions').textContent(), { timeout: 30_000 }).toMatch(/\w{5,}/)

    // --- Timer: 2 minutes, started from the keyboard.
    const minutes = grace.page.getByLabel('Minutes')
    await minutes.fill('2')
    await minutes.press('Enter')
    for (const { page } of everyone) await page.getByRole('button', { name: 'Pause' }).or(page.getByTestId('timer')).first().waitFor()
    await expect.poll(() => remainingMs(bo.page), { timeout: 30_000 }).toBeGreaterThan(100_000)
    const at = Date.now()
    const readings = await Promise.all(everyone.map(({ page }) => remainingAt(page, at)))
    console.log(`[timer] remaining ms on the three pages at one instant: ${readings.map(Math.round).join(', ')}`)
    for (const reading of readings) {
      expect(reading).toBeLessThanOrEqual(121_000)
      expect(reading).toBeGreaterThan(60_000)
    }
    expect(Math.max(...readings) - Math.min(...readings)).toBeLessThan(1_000)
    // A reload keeps it.
    await ada.page.reload()
    await waitForBoard(ada.page)
    await expect.poll(() => remainingMs(ada.page), { timeout: 30_000 }).toBeGreaterThan(60_000)
    const atReload = Date.now()
    const [afterReloadAda, afterReloadGrace] = await Promise.all([remainingAt(ada.page, atReload), remainingAt(grace.page, atReload)])
    console.log(`[timer] after Ada's reload: Ada ${afterReloadAda} ms, Grace ${afterReloadGrace} ms`)
    expect(Math.abs(afterReloadAda - afterReloadGrace)).toBeLessThan(1_000)
    await grace.page.screenshot({ path: screenshotPath('facilitation-timer-facilitator.png') })
    await bo.page.screenshot({ path: screenshotPath('facilitation-timer-participant.png') })

    // --- Private writing.
    await grace.page.getByRole('button', { name: 'Start private writing' }).click()
    for (const { page } of [ada, bo]) await page.getByTestId('private-on').waitFor({ timeout: 30_000 })
    await writeNote(ada.page, 560, 330, 'Ada private idea')
    await writeNote(bo.page, 820, 330, 'Bo private idea')
    await grace.page.getByTestId('private-counts').getByText('Ada: 1').waitFor({ timeout: 30_000 })
    await grace.page.getByTestId('private-counts').getByText('Bo: 1').waitFor({ timeout: 30_000 })
    // Nobody but its author has the note, even after the counts arrived.
    expect(JSON.stringify(await notesOf(bo.page))).not.toContain('Ada private idea')
    expect(JSON.stringify(await notesOf(grace.page))).not.toContain('Ada private idea')
    expect(JSON.stringify(await notesOf(ada.page))).not.toContain('Bo private idea')
    // Nor does Ada's presence (awareness) carry it when she selects it.
    const adaPrivateId = (await notesOf(ada.page)).find((n) => n.text.includes('Ada private idea'))!.id
    await selectIn(ada.page, adaPrivateId)
    await ada.page.mouse.move(300, 700, { steps: 3 })
    await bo.page.waitForTimeout(1_000)
    expect(await selectionSeenBy(bo.page)).not.toContain(adaPrivateId)
    await ada.page.screenshot({ path: screenshotPath('facilitation-private-participant.png') })
    await grace.page.screenshot({ path: screenshotPath('facilitation-private-facilitator.png') })

    // --- Reveal: both notes reach every page.
    await grace.page.getByRole('button', { name: 'Reveal private notes' }).click()
    for (const { page } of everyone) {
      await expect.poll(async () => JSON.stringify(await notesOf(page)), { timeout: 30_000 }).toContain('Ada private idea')
      await expect.poll(async () => JSON.stringify(await notesOf(page)), { timeout: 30_000 }).toContain('Bo private idea')
    }
    // Once shared, the same selection is published (the check above could fail).
    await selectIn(ada.page, adaPrivateId)
    await ada.page.mouse.move(320, 700, { steps: 3 })
    await expect.poll(() => selectionSeenBy(bo.page), { timeout: 30_000 }).toContain(adaPrivateId)
    await writeNote(grace.page, 690, 580, 'Facilitator idea')
    const notes = await notesOf(grace.page)
    const idOf = (text: string) => notes.find((n) => n.text.includes(text))!.id
    const [adaNote, boNote, graceNote] = [idOf('Ada private idea'), idOf('Bo private idea'), idOf('Facilitator idea')]
    for (const { page } of [ada, bo]) await expect.poll(async () => (await notesOf(page)).length, { timeout: 30_000 }).toBe(3)

    // --- Dot voting: 3 per person, at most 2 per note, totals hidden until reveal.
    await grace.page.getByLabel('Votes per person').fill('3')
    await grace.page.getByLabel('Max votes per note').fill('2')
    await grace.page.getByRole('button', { name: 'Open vote' }).click()
    for (const { page } of [ada, bo]) await page.getByTestId('votes-left').getByText('You have 3 votes left').waitFor({ timeout: 30_000 })

    const plus = (page: Page, noteId: string) => page.locator(`[data-note-id="${noteId}"]`).getByRole('button', { name: /^Vote for this note/ })
    // Ada clicks the + on notes: twice on Bo's, once on the facilitator's; a fourth vote is refused.
    await plus(ada.page, boNote).click()
    await plus(ada.page, boNote).click()
    await expect.poll(() => plus(ada.page, boNote).isDisabled()).toBe(true) // max 2 per note
    await plus(ada.page, graceNote).click()
    await ada.page.getByTestId('votes-left').getByText('You have 0 votes left').waitFor()
    expect(await plus(ada.page, adaNote).isDisabled()).toBe(true)
    // Bo votes from the keyboard: select a note, then the panel's button with Enter.
    for (const noteId of [adaNote, adaNote, boNote]) {
      await bo.page.evaluate((id) => {
        window.__editor!.select(id as never)
      }, noteId)
      const button = bo.page.getByRole('button', { name: 'Vote for selected note' })
      await button.focus()
      await bo.page.keyboard.press('Enter')
    }
    await bo.page.getByTestId('votes-left').getByText('You have 0 votes left').waitFor()
    // Hidden until reveal: no totals anywhere yet.
    await grace.page.waitForTimeout(500)
    for (const { page } of everyone) expect(await page.getByTestId('vote-total').count()).toBe(0)
    await ada.page.screenshot({ path: screenshotPath('facilitation-vote-participant.png') })

    await grace.page.getByRole('button', { name: 'Close vote' }).click()
    await grace.page.getByRole('button', { name: 'Reveal totals' }).click()
    const expected = { [adaNote]: '2', [boNote]: '3', [graceNote]: '1' }
    for (const { page } of everyone) {
      for (const [noteId, total] of Object.entries(expected)) {
        await expect.poll(() => page.locator(`[data-note-id="${noteId}"]`).getAttribute('data-total'), { timeout: 30_000 }).toBe(total)
      }
      await expect.poll(() => page.getByTestId('vote-total').count()).toBe(3)
    }
    await grace.page.screenshot({ path: screenshotPath('facilitation-totals-facilitator.png') })
    await bo.page.screenshot({ path: screenshotPath('facilitation-totals-participant.png') })

    for (const p of everyone) {
      expect(p.errors.filter((e) => !/favicon/.test(e))).toEqual([])
      expect(p.foreignRequests).toEqual([])
    }
  }, 240_000)
})

describe('follow me and the talking piece in a real browser (issue 4)', () => {
  const suite = browserSuite(SUITE_OPTIONS)
  const open = (url: string, name: string) => openBoard(suite, url, name)

  it('participants follow the facilitator, step out and back in; the holder passes the talking piece', async () => {
    const board = await createTestBoard(suite.url, 'Talking circle')
    const added = await fetch(`${suite.url}/api/boards/${board.id}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${board.tokens.facilitator}` },
      body: JSON.stringify({ template: 'talking-circle', participants: ['Ada', 'Grace'] }),
    })
    expect(added.status).toBeLessThan(300)
    const grace = await open(board.links.facilitator, 'Grace')
    const ada = await open(board.links.participant, 'Ada')

    // Follow me: Ada's viewport follows Grace's camera.
    await grace.page.getByTestId('facilitation-dock').getByRole('button', { name: 'Follow me' }).click()
    await ada.page.getByTestId('following').getByText('Following Grace').waitFor({ timeout: 30_000 })
    await grace.page.evaluate(() => {
      window.__editor!.setCamera({ x: -1500, y: -900, z: 1 })
    })
    const camera = (page: Page) => page.evaluate(() => window.__editor!.getViewportPageBounds().center.toJson())
    await expect.poll(async () => (await camera(ada.page)).x, { timeout: 30_000 }).toBeGreaterThan(1500)
    // Ada steps out: Grace moves, Ada stays; Ada steps back in and catches up.
    await ada.page.getByTestId('facilitation-dock').getByRole('button', { name: 'Stop following' }).click()
    const adaBefore = await camera(ada.page)
    await grace.page.evaluate(() => {
      window.__editor!.setCamera({ x: 0, y: 0, z: 1 })
    })
    await ada.page.waitForTimeout(1500)
    expect((await camera(ada.page)).x).toBeCloseTo(adaBefore.x, 0)
    await ada.page.getByTestId('facilitation-dock').getByRole('button', { name: 'Follow Grace again' }).click()
    await expect.poll(async () => (await camera(ada.page)).x, { timeout: 30_000 }).toBeLessThan(1000)
    await grace.page.getByTestId('facilitation-dock').getByRole('button', { name: 'Stop follow me' }).click()
    await expect.poll(() => ada.page.getByTestId('following').count(), { timeout: 30_000 }).toBe(0)

    // Bring everyone to me, once.
    await grace.page.evaluate(() => {
      window.__editor!.setCamera({ x: -3000, y: -400, z: 1 })
    })
    await grace.page.getByTestId('facilitation-dock').getByRole('button', { name: 'Bring everyone to me' }).click()
    await expect.poll(async () => (await camera(ada.page)).x, { timeout: 30_000 }).toBeGreaterThan(3000)

    // Talking piece: the facilitator gives it to seat 1 (Ada); Ada passes it on from the keyboard.
    await grace.page.getByTestId('facilitation-dock').getByRole('button', { name: 'Give it to seat 1' }).click()
    await ada.page.getByTestId('talking-piece').getByText('Ada (seat 1) holds the talking piece (round 1)').waitFor({ timeout: 30_000 })
    await ada.page.evaluate(() => {
      const editor = window.__editor!
      editor.zoomToFit()
    })
    await ada.page.getByTestId('talking-seat').waitFor({ timeout: 30_000 })
    expect(await ada.page.getByTestId('talking-seat').getAttribute('data-seat')).toBe('1')
    await ada.page.screenshot({ path: screenshotPath('facilitation-talking-piece-participant.png') })
    const pass = ada.page.getByTestId('facilitation-dock').getByRole('button', { name: 'Pass to the next seat' })
    await pass.focus()
    await ada.page.keyboard.press('Enter')
    await grace.page.getByTestId('talking-piece').getByText('Grace (seat 2) holds the talking piece (round 1)').waitFor({ timeout: 30_000 })
    // Ada no longer holds it: no pass button for her.
    await expect.poll(() => ada.page.getByTestId('facilitation-dock').getByRole('button', { name: 'Pass to the next seat' }).count(), { timeout: 30_000 }).toBe(0)
    await grace.page.screenshot({ path: screenshotPath('facilitation-talking-piece-facilitator.png') })
    for (const p of [grace, ada]) expect(p.errors.filter((e) => !/favicon/.test(e))).toEqual([])
  }, 240_000)

  it('the talking piece (star) overlaps no seat label, on any seat, whatever the seat names', async () => {
    const board = await createTestBoard(suite.url, 'Circles')
    const activities = [
      { template: 'talking-circle', participants: [] },
      { template: 'talking-circle', participants: ['Bartholomew Featherstonehaugh-Smythe', 'Ada', 'Maximiliane Alexandra Okonkwo'] },
      { template: 'fishbowl', participants: ['Ada', 'Grace', 'Bo', 'Cy', 'Di', 'Ed'] },
    ]
    for (const body of activities) {
      const added = await fetch(`${suite.url}/api/boards/${board.id}/activities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${board.tokens.facilitator}` },
        body: JSON.stringify(body),
      })
      expect(added.status).toBeLessThan(300)
    }
    const grace = await open(board.links.facilitator, 'Grace')
    type Rect = { x: number; y: number; w: number; h: number }
    type Circle = { seats: Array<{ seat: number; bounds: Rect; label: Rect }>; star: Rect }
    await expect
      .poll(() => grace.page.evaluate(() => window.__editor!.getCurrentPageShapes().filter((s) => (s.meta as { activity?: { role?: string } }).activity?.role === 'token').length), { timeout: 30_000 })
      .toBe(3)
    const circles: Circle[] = await grace.page.evaluate(() => {
      const editor = window.__editor!
      type Meta = { activity?: { role: string; instanceId: string; meaning?: { kind: string; seat?: number } } }
      const shapes = editor.getCurrentPageShapes()
      const rect = (b: { x: number; y: number; w: number; h: number }) => ({ x: b.x, y: b.y, w: b.w, h: b.h })
      const out: Circle[] = []
      for (const token of shapes.filter((s) => (s.meta as Meta).activity?.role === 'token')) {
        const instanceId = (token.meta as Meta).activity!.instanceId
        const seats = shapes.flatMap((s) => {
          const activity = (s.meta as Meta).activity
          if (activity?.role !== 'zone' || activity.instanceId !== instanceId || activity.meaning?.kind !== 'seat') return []
          // A geo shape's geometry is a group: its outline, then its label's rectangle.
          const geometry = editor.getShapeGeometry(s) as unknown as { children: Array<{ isLabel: boolean; vertices: Array<{ x: number; y: number }> }> }
          const label = geometry.children.find((c) => c.isLabel)!
          const corners = editor.getShapePageTransform(s).applyToPoints(label.vertices)
          const xs = corners.map((p) => p.x)
          const ys = corners.map((p) => p.y)
          const labelRect = { x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) }
          return [{ seat: activity.meaning.seat!, bounds: rect(editor.getShapePageBounds(s)!), label: labelRect }]
        })
        out.push({ seats: seats.sort((a, b) => a.seat - b.seat), star: rect(editor.getShapePageBounds(token)!) })
      }
      return out
    })
    const intersects = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
    expect(circles).toHaveLength(3)
    for (const { seats, star } of circles) {
      expect(seats.length).toBeGreaterThanOrEqual(3)
      const first = seats[0]!
      expect(first.seat).toBe(1)
      // The star marks seat 1: its centre is inside that seat (results read the holder from it).
      const cx = star.x + star.w / 2 - (first.bounds.x + first.bounds.w / 2)
      const cy = star.y + star.h / 2 - (first.bounds.y + first.bounds.h / 2)
      expect((cx / (first.bounds.w / 2)) ** 2 + (cy / (first.bounds.h / 2)) ** 2).toBeLessThan(1)
      for (const seat of seats) {
        // Where it is, it covers no seat's label; and on any seat, placed as on seat 1, it would not either.
        expect(intersects(star, seat.label), `star over the label of seat ${seat.seat}`).toBe(false)
        const moved = { ...star, x: star.x - first.bounds.x + seat.bounds.x, y: star.y - first.bounds.y + seat.bounds.y }
        expect(intersects(moved, seat.label), `star on seat ${seat.seat} over its label`).toBe(false)
      }
    }
    await grace.page.evaluate(() => {
      const editor = window.__editor!
      const token = editor.getCurrentPageShapes().find((s) => (s.meta as { activity?: { role?: string } }).activity?.role === 'token')!
      editor.zoomToBounds(editor.getShapePageBounds(token)!.clone().expandBy(260), { immediate: true })
    })
    await grace.page.screenshot({ path: process.env.TALKING_PIECE_SCREENSHOT ?? screenshotPath('facilitation-talking-piece-star.png') })
    expect(grace.errors.filter((e) => !/favicon/.test(e))).toEqual([])
  }, 240_000)
})
