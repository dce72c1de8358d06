/**
 * Activities in real Chromium (issue 3): create a board from the lobby gallery, put a note in
 * a risk cell with the keyboard only ("Add note to zone", then "Move to…"), read the live risk
 * register, edit its owner, add another activity from the board, check that a participant
 * cannot move or delete template shapes, and screenshot every activity as created.
 */
import fs from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { TEMPLATES } from '../../shared/activities/index.js'
import { createTestBoard } from '../helpers/server.js'
import { browserSuite, enterName, screenshotPath, waitForEditor } from './helpers/browser.js'

type StoreShape = { id: string; type: string; x: number; y: number; isLocked: boolean; parentId: string; meta: Record<string, any>; props: Record<string, any> }

function shapes(page: Page): Promise<StoreShape[]> {
  return page.evaluate(() => window.__editor!.getCurrentPageShapes().map((s) => JSON.parse(JSON.stringify(s))))
}

function boardNotes(page: Page): Promise<StoreShape[]> {
  return shapes(page).then((all) => all.filter((s) => s.type === 'note' && !s.meta.activity))
}

/** The name prompt, with a longer wait than the shared helper: this machine is heavily loaded. */
async function joinAs(page: Page, name: string): Promise<void> {
  await page.getByLabel(/your name|votre nom/i).waitFor({ timeout: 45_000 })
  await enterName(page, name)
}

async function waitOnline(page: Page): Promise<void> {
  await waitForEditor(page)
  await page.locator('[data-status="online"]').waitFor({ timeout: 20_000 })
}

describe('activities in a real browser', () => {
  const suite = browserSuite({ setupTimeoutMs: 60_000 })
  const newPage = (locale?: string) => suite.newPage({ locale })

  it('risk matrix from the lobby gallery: a note moved to likelihood 4 × impact 5 reads 20, critical; owner edited from the panel; participant cannot move or delete the template', async () => {
    const facilitator = await newPage()
    const { page } = facilitator
    await page.goto(suite.url)

    // Lobby: the gallery is a radio group; choose "Risk matrix" with the keyboard.
    const gallery = page.getByRole('group', { name: 'Start from an activity' })
    await gallery.waitFor({ timeout: 15_000 })
    expect(await gallery.getByRole('radio').count()).toBe(TEMPLATES.length + 1)
    await gallery.getByRole('radio').first().focus()
    await page.keyboard.press('ArrowDown') // stakeholder needs map
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown') // → risk matrix
    expect(await gallery.getByRole('radio', { name: /^Risk matrix/ }).isChecked()).toBe(true)
    await page.screenshot({ path: screenshotPath('activities-lobby-gallery.png'), fullPage: true })
    await page.getByLabel('Board title').fill('Supplier risks')
    await page.getByLabel('Board title').press('Enter')
    await page.getByRole('link', { name: 'Open the board' }).click()
    await joinAs(page, 'Grace')
    await waitOnline(page)

    const frame = (await shapes(page)).find((s) => s.meta.activity?.role === 'frame')
    expect(frame?.meta.activity.templateId).toBe('risk-matrix')
    expect(frame?.isLocked).toBe(true)

    // Keyboard only: M with nothing selected adds a note to the zone typed in the filter.
    await page.locator('.tl-canvas').click({ position: { x: 640, y: 700 } })
    await page.evaluate(() => window.__editor!.selectNone())
    await page.keyboard.press('m')
    const addDialog = page.getByRole('dialog', { name: 'Add a note to a zone' })
    await addDialog.waitFor({ timeout: 5_000 })
    await page.keyboard.type('rare insignificant')
    await page.keyboard.press('Enter')
    await addDialog.waitFor({ state: 'detached', timeout: 5_000 })
    await expect.poll(() => page.evaluate(() => window.__editor!.getEditingShapeId()), { timeout: 5_000 }).not.toBeNull()
    await page.keyboard.type('Main supplier goes bankrupt')
    await page.keyboard.press('Escape')
    await expect.poll(async () => (await boardNotes(page)).length, { timeout: 5_000 }).toBe(1)

    // The note is selected; M moves it: "likely severe" is likelihood 4 × impact 5.
    await page.keyboard.press('m')
    const moveDialog = page.getByRole('dialog', { name: /Move 1 selected note/ })
    await moveDialog.waitFor({ timeout: 5_000 })
    await page.keyboard.type('likely severe')
    await expect(moveDialog.getByRole('button', { name: /Likelihood 4 \(Likely\) × impact 5 \(Severe\) = 20, Critical/ }).count()).resolves.toBe(1)
    await page.screenshot({ path: screenshotPath('activities-move-to.png') })
    await page.keyboard.press('Enter')
    await moveDialog.waitFor({ state: 'detached', timeout: 5_000 })

    // Results panel: 20 and critical.
    await page.getByRole('button', { name: 'Results' }).click()
    const entry = page.getByTestId('risk-entry')
    await expect.poll(() => entry.count(), { timeout: 5_000 }).toBe(1)
    await expect.poll(() => page.getByTestId('risk-score').textContent(), { timeout: 5_000 }).toBe('20')
    expect((await page.getByTestId('risk-band').textContent())?.toLowerCase()).toBe('critical')
    expect(await entry.textContent()).toContain('Main supplier goes bankrupt')

    // The facilitator gives the risk an owner from the panel; it is stored in the note's meta on the server.
    await page.getByLabel(/^Owner of “Main supplier/).fill('Ada')
    await page.getByLabel(/^Owner of “Main supplier/).press('Enter')
    await page.getByLabel(/^Mitigation of “Main supplier/).fill('Second supplier')
    await page.getByLabel(/^Mitigation of “Main supplier/).press('Tab')
    const boardId = new URL(page.url()).pathname.split('/')[2]!
    const token = new URL(page.url()).hash.slice(1)
    await expect
      .poll(
        async () => {
          const res = await fetch(`${suite.url}/api/boards/${boardId}/results`, { headers: { authorization: `Bearer ${token}` } })
          const body = (await res.json()) as { results: { activities: Array<{ register?: Array<{ score: number; band: string; owner: string | null; mitigation: string | null }> }> } }
          return body.results.activities[0]?.register?.[0]
        },
        { timeout: 10_000 },
      )
      .toMatchObject({ score: 20, band: 'critical', owner: 'Ada', mitigation: 'Second supplier' })
    await page.screenshot({ path: screenshotPath('activities-risk-results.png') })

    // A participant: no "Add activity", and the locked template cannot be moved, unlocked or deleted.
    const participant = await newPage()
    const links = await page.evaluate(() => JSON.parse(localStorage.getItem('canvas.myBoards') ?? '[]'))
    const participantLink: string = links.find((b: { id: string }) => b.id === boardId)?.links.participant
    expect(participantLink).toContain('#')
    await participant.page.goto(participantLink)
    await joinAs(participant.page, 'Alan')
    await waitOnline(participant.page)
    expect(await participant.page.getByRole('button', { name: 'Add activity' }).count()).toBe(0)
    expect(await participant.page.getByRole('button', { name: /Move to/ }).count()).toBe(1)
    const before = await shapes(participant.page)
    const zone = before.find((s) => s.meta.activity?.key === 'l4-i5')!
    const frameBefore = before.find((s) => s.id === frame!.id)!
    // Through the UI: drag on the zone (locked shapes are not picked), then select all + Delete.
    const zoneScreen = await participant.page.evaluate((id) => {
      const b = window.__editor!.getShapePageBounds(id as never)!
      return window.__editor!.pageToViewport({ x: b.x + 20, y: b.y + 20 })
    }, zone.id)
    await participant.page.mouse.move(zoneScreen.x, zoneScreen.y)
    await participant.page.mouse.down()
    await participant.page.mouse.move(zoneScreen.x + 150, zoneScreen.y + 90, { steps: 8 })
    await participant.page.mouse.up()
    await participant.page.keyboard.press('Control+a')
    await participant.page.keyboard.press('Delete')
    // Around the UI: unlock, move and delete through the editor API; the binding reverts from the control doc.
    await participant.page.evaluate(
      ({ frameId, zoneId }) => {
        const editor = window.__editor!
        editor.updateShapes([{ id: frameId as never, type: 'frame', isLocked: false }])
        editor.updateShapes([{ id: zoneId as never, type: 'geo', isLocked: false }])
        editor.updateShapes([{ id: zoneId as never, type: 'geo', x: 9999 }])
        editor.deleteShapes([frameId as never])
      },
      { frameId: frame!.id, zoneId: zone.id },
    )
    await participant.page.waitForTimeout(500)
    for (const p of [participant.page, page]) {
      const after = await shapes(p)
      const frameAfter = after.find((s) => s.id === frame!.id)
      const zoneAfter = after.find((s) => s.id === zone.id)
      expect(frameAfter).toMatchObject({ x: frameBefore.x, y: frameBefore.y, isLocked: true })
      expect(zoneAfter).toMatchObject({ x: zone.x, y: zone.y, isLocked: true })
    }
    await participant.page.screenshot({ path: screenshotPath('activities-participant.png') })
    expect([...facilitator.errors, ...participant.errors].filter((e) => !/favicon/.test(e))).toEqual([])
  }, 180_000)

  it('the facilitator adds a talking circle beside the risk matrix, seated with the people present', async () => {
    const board = await createTestBoard(suite.url, 'Two activities', 'risk-matrix')
    const { page } = await newPage()
    await page.goto(board.links.facilitator)
    await joinAs(page, 'Grace')
    await waitOnline(page)
    const other = await newPage()
    await other.page.goto(board.links.participant)
    await joinAs(other.page, 'Alan')
    await waitOnline(other.page)
    await expect.poll(() => page.getByTestId('person').count(), { timeout: 10_000 }).toBe(2)

    await page.getByRole('button', { name: 'Add activity' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add an activity to this board' })
    await dialog.waitFor({ timeout: 5_000 })
    await dialog.getByRole('radio', { name: /^Talking circle/ }).check()
    const names = dialog.getByLabel(/Participants, one per line/)
    await expect.poll(() => names.inputValue(), { timeout: 5_000 }).toMatch(/Grace/)
    expect(await names.inputValue()).toMatch(/Alan/)
    await page.screenshot({ path: screenshotPath('activities-add-dialog.png') })
    await dialog.getByRole('button', { name: 'Add to the board' }).click()
    await dialog.waitFor({ state: 'detached', timeout: 10_000 })

    for (const p of [page, other.page]) {
      await expect
        .poll(async () => (await shapes(p)).filter((s) => s.meta.activity?.role === 'frame').map((s) => s.meta.activity.templateId).sort(), { timeout: 10_000 })
        .toEqual(['risk-matrix', 'talking-circle'])
    }
    const all = await shapes(page)
    const frames = all.filter((s) => s.meta.activity?.role === 'frame')
    const seats = all.filter((s) => s.meta.activity?.meaning?.kind === 'seat').map((s) => s.meta.activity.meaning.participant)
    expect(seats).toEqual(expect.arrayContaining(['Grace', 'Alan']))
    // Beside, not on top: the two frames do not overlap.
    const [a, b] = frames.map((f) => ({ x: f.x, y: f.y, w: f.props.w, h: f.props.h }))
    expect(a!.x + a!.w <= b!.x || b!.x + b!.w <= a!.x || a!.y + a!.h <= b!.y || b!.y + b!.h <= a!.y).toBe(true)
    await page.getByRole('button', { name: 'Results' }).click()
    await page.getByRole('heading', { name: 'Talking circle', level: 3 }).waitFor({ timeout: 5_000 })
    await page.screenshot({ path: screenshotPath('activities-two-activities.png') })
  }, 120_000)

  it('a screenshot of every activity as created', async () => {
    const { page } = await newPage()
    let named = false
    for (const template of TEMPLATES) {
      const board = await createTestBoard(suite.url, template.name, template.id)
      if (!named) {
        await page.goto(board.links.facilitator)
        await joinAs(page, 'Grace')
        named = true
      } else {
        // The next board in the same tab, as the app opens one from "my boards": no reload, the
        // previous board's editor and connections unmount.
        await page.evaluate((url) => {
          delete window.__editor
          window.history.pushState(null, '', url)
          window.dispatchEvent(new PopStateEvent('popstate'))
        }, board.links.facilitator)
        await page.waitForFunction(() => window.__editor !== undefined, undefined, { timeout: 30_000 })
      }
      await waitOnline(page)
      await expect
        .poll(() => page.evaluate(() => window.__editor!.getCurrentPageShapes().filter((s) => (s.meta as { activity?: unknown }).activity).length), { timeout: 10_000 })
        .toBeGreaterThan(2)
      // The board just opened, not the one before it.
      const frameOf = await page.evaluate(() =>
        window.__editor!.getCurrentPageShapes().map((s) => (s.meta as { activity?: { role?: string; templateId?: string } }).activity).find((a) => a?.role === 'frame')?.templateId,
      )
      expect(frameOf).toBe(template.id)
      // The activity alone, as tldraw renders it (the app chrome would hide parts of a page screenshot).
      const png = await page.evaluate(async () => {
        const editor = window.__editor!
        const { blob } = await editor.toImage([...editor.getCurrentPageShapeIds()], { format: 'png', background: true, padding: 32, scale: 1 })
        const bytes = new Uint8Array(await blob.arrayBuffer())
        let binary = ''
        for (const byte of bytes) binary += String.fromCharCode(byte)
        return btoa(binary)
      })
      fs.writeFileSync(screenshotPath(`activity-${template.id}.png`), Buffer.from(png, 'base64'))
    }
  }, 600_000)
})
