/**
 * Dialogs in real Chromium: the name prompt is a true modal (focus stays in it), and a rename
 * made by the facilitator shows on every open page without a reload.
 */
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createTestBoard } from '../helpers/server.js'
import { browserSuite, screenshotPath, waitForEditor } from './helpers/browser.js'

/** Browser tests share two cores with other suites: generous. */
const BROWSER_TEST_TIMEOUT_MS = 150_000

const NAME_DIALOG = 'What should others call you?'

function focusInside(dialog: Locator): Promise<boolean> {
  return dialog.evaluate((d) => d.contains(document.activeElement) && document.activeElement !== d)
}

function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement
    return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}` : 'none'
  })
}

describe('dialogs in a real browser', () => {
  const suite = browserSuite({ snapshotClient: true })
  const open = (url: string, name: string) => suite.open(url, name)

  it(
    'the name prompt is a modal dialog: focus starts in the name field, Tab and Shift+Tab never leave it, Escape keeps a required prompt open, focus returns on close',
    async () => {
      const board = await createTestBoard(suite.url, 'Focus trap')
      const p = await suite.newPage()
      const { page } = p
      await page.goto(board.links.participant)
      const dialog = page.getByRole('dialog', { name: NAME_DIALOG })
      await dialog.waitFor({ timeout: 15_000 })
      expect(await dialog.getAttribute('aria-modal')).toBe('true')
      // Let the board load behind it, so that there is a canvas and a toolbar to escape to.
      await waitForEditor(page)
      await page.locator('.tl-canvas').waitFor({ timeout: 15_000 })
      const input = dialog.getByLabel('Your name')
      await expect.poll(() => input.evaluate((el) => el === document.activeElement), { timeout: 5_000 }).toBe(true)

      // Empty name: the field is the only control.
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab')
        expect(await focusInside(dialog), `after Tab ${i + 1} (empty name), focus is on ${await focusedLabel(page)}`).toBe(true)
      }
      // With a name, the submit button is enabled: Tab and Shift+Tab cycle over both.
      await input.fill('Ada')
      const seen = new Set<string>()
      for (let i = 0; i < 8; i++) {
        await page.keyboard.press('Tab')
        expect(await focusInside(dialog), `after Tab ${i + 1}, focus is on ${await focusedLabel(page)}`).toBe(true)
        seen.add(await focusedLabel(page))
      }
      expect(seen.size).toBe(2)
      for (let i = 0; i < 5; i++) {
        await page.keyboard.press('Shift+Tab')
        expect(await focusInside(dialog), `after Shift+Tab ${i + 1}, focus is on ${await focusedLabel(page)}`).toBe(true)
      }
      await page.screenshot({ path: screenshotPath('name-prompt-modal.png') })

      // A first visit needs a name: Escape does not dismiss it.
      await page.keyboard.press('Escape')
      await page.keyboard.press('Escape')
      await page.waitForTimeout(200)
      expect(await dialog.isVisible()).toBe(true)
      expect(await focusInside(dialog)).toBe(true)

      await input.fill('Ada')
      await input.press('Enter')
      await dialog.waitFor({ state: 'detached', timeout: 5_000 })

      // "Change name": Escape closes it (a name exists) and focus goes back to the button.
      const change = page.getByRole('button', { name: 'Change name' })
      await change.click()
      await dialog.waitFor({ timeout: 5_000 })
      expect(await input.inputValue()).toBe('Ada')
      await expect.poll(() => focusInside(dialog)).toBe(true)
      await page.keyboard.press('Escape')
      await dialog.waitFor({ state: 'detached', timeout: 5_000 })
      await expect.poll(() => change.evaluate((el) => el === document.activeElement)).toBe(true)
      expect(p.errors).toEqual([])
    },
    BROWSER_TEST_TIMEOUT_MS,
  )

  it(
    'a rename by the facilitator shows on another open page within seconds, without a reload',
    async () => {
      const board = await createTestBoard(suite.url, 'Sprint 12 retro')
      const facilitator = await open(board.links.facilitator, 'Grace')
      const participant = await open(board.links.participant, 'Ada')
      await participant.page.locator('.board-title').filter({ hasText: 'Sprint 12 retro' }).waitFor({ timeout: 10_000 })
      // A reload would show the new title too; a live update must not need one.
      await participant.page.evaluate(() => ((window as unknown as { notReloaded?: boolean }).notReloaded = true))

      const { page } = facilitator
      await page.getByRole('button', { name: 'Links & settings' }).click()
      const dialog = page.getByRole('dialog', { name: 'Links and settings' })
      await dialog.getByLabel('Board title').fill('Sprint 12 retro, final')
      await dialog.getByRole('button', { name: 'Rename' }).click()
      await page.locator('.board-title').filter({ hasText: 'Sprint 12 retro, final' }).waitFor({ timeout: 10_000 })
      const renamedAt = Date.now()

      await participant.page.locator('.board-title').filter({ hasText: 'Sprint 12 retro, final' }).waitFor({ timeout: 5_000 })
      expect(Date.now() - renamedAt).toBeLessThan(5_000)
      expect(await participant.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true)
      await page.keyboard.press('Escape')

      // A page opened afterwards shows it as well.
      const viewer = await open(board.links.viewer, 'Linus')
      await viewer.page.locator('.board-title').filter({ hasText: 'Sprint 12 retro, final' }).waitFor({ timeout: 10_000 })
      for (const p of [facilitator, participant, viewer]) expect(p.errors).toEqual([])
    },
    BROWSER_TEST_TIMEOUT_MS,
  )
})
