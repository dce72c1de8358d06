/**
 * Issue 15, custom templates in real Chromium: a facilitator saves an activity of a board as a
 * template, finds it in the lobby's gallery (name, author, language), creates a board from it
 * and gets the same zones, adds it again beside them; the manage link renames it.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createTestBoard } from '../helpers/server.js'
import { browserSuite, enterName, screenshotPath, waitForEditor } from './helpers/browser.js'

/** The zones of the page's activities as the editor holds them: label and meaning, sorted. */
function zonesOnPage(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    window
      .__editor!.getCurrentPageShapes()
      .map((s) => (s.meta as { activity?: { role?: string; label?: string; meaning?: unknown } }).activity)
      .filter((a) => a?.role === 'zone')
      .map((a) => `${a!.label} ${JSON.stringify(a!.meaning)}`)
      .sort(),
  )
}

describe('custom templates in a real browser (issue 15)', () => {
  const suite = browserSuite({ pageTimeoutMs: 60_000, join: { promptMs: 60_000, editorMs: 60_000, onlineMs: 60_000 } })

  it('save an activity as a template from the board, see it in the lobby gallery, create a board from it', async () => {
    const board = await createTestBoard(suite.url, 'Quarterly risks', 'risk-matrix')
    const { page } = await suite.open(board.links.facilitator, 'Ann')
    await expect.poll(() => zonesOnPage(page).then((z) => z.length), { timeout: 30_000 }).toBeGreaterThan(20)
    const original = await zonesOnPage(page)

    await page.getByRole('button', { name: 'Save as template' }).click()
    const dialog = page.getByRole('dialog', { name: 'Save as template' })
    await dialog.getByLabel('Template name').fill('Our risk review')
    await dialog.getByLabel('Author (shown in the gallery)').fill('Ann Lee')
    await dialog.getByRole('button', { name: 'Save template' }).click()
    await dialog.getByText('Template “Our risk review” saved.').waitFor()
    const manageLink = await dialog.getByTestId('template-manage-link').inputValue()
    expect(manageLink).toMatch(/\/templates\/custom-[A-Za-z0-9_-]{22}#[A-Za-z0-9_-]{22}$/)
    await page.screenshot({ path: screenshotPath('templates-1-saved.png') })

    const lobby = await suite.newPage()
    await lobby.page.goto(suite.url)
    const entry = lobby.page.locator('.template-list li', { hasText: 'Our risk review' })
    await entry.waitFor()
    expect(await entry.textContent()).toContain('by Ann Lee · Language: English')
    await lobby.page.getByRole('heading', { name: 'Custom templates' }).scrollIntoViewIfNeeded()
    await lobby.page.screenshot({ path: screenshotPath('templates-2-lobby-gallery.png'), fullPage: true })

    await entry.getByRole('button', { name: 'Create a board from “Our risk review”' }).click()
    await lobby.page.waitForURL(/\/b\/[^/]+#/)
    await enterName(lobby.page, 'Ann', 60_000)
    await waitForEditor(lobby.page, 60_000)
    await expect.poll(() => zonesOnPage(lobby.page), { timeout: 30_000 }).toEqual(original)
    await expect.poll(() => lobby.page.locator('.board-title').first().textContent()).toBe('Our risk review')
    await lobby.page.screenshot({ path: screenshotPath('templates-3-board-from-template.png') })

    // "Add a custom template" puts its activity beside the board's own.
    await lobby.page.getByRole('button', { name: 'Add a custom template' }).click()
    await lobby.page.getByRole('dialog', { name: 'Add a custom template' }).getByRole('button', { name: 'Add “Our risk review”' }).click()
    await expect.poll(() => zonesOnPage(lobby.page), { timeout: 30_000 }).toEqual([...original, ...original].sort())

    // The manage link renames it; the gallery shows the new name.
    const manager = await suite.newPage()
    await manager.page.goto(manageLink)
    await manager.page.getByRole('heading', { name: 'Manage the template “Our risk review”' }).waitFor()
    const form = manager.page.locator('.template-manage')
    await form.getByLabel('Template name').fill('Risk review, our way')
    await form.getByRole('button', { name: 'Save changes' }).click()
    await form.getByText('Changes saved.').waitFor()
    await manager.page.getByRole('heading', { name: 'Manage the template “Risk review, our way”' }).waitFor()
    await manager.page.screenshot({ path: screenshotPath('templates-4-manage-renamed.png'), fullPage: true })
    await manager.page.reload()
    await manager.page.locator('.template-list li', { hasText: 'Risk review, our way' }).waitFor()
    expect([...lobby.errors, ...manager.errors]).toEqual([])
  }, 300_000)
})
