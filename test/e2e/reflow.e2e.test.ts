/**
 * WCAG 1.4.10 Reflow in real Chromium, at 320×256 CSS px and at 200 % zoom. 200 % zoom of a
 * 1280×800 window is emulated as a 640×400 CSS px viewport with deviceScaleFactor 2: that is what
 * browser zoom does to the layout viewport (docs/ACCESSIBILITY.md). On the lobby, the board page
 * of a facilitator, the Export dialog and the outline view: the page never scrolls sideways, and every control of
 * the app can be brought into view (by the page or its own scrolling container) and is not
 * covered by another layer (tldraw's toolbar, the sticky panel header). Screenshots go to
 * test/artifacts/.
 */
import { describe, expect, it } from 'vitest'
import { createTestBoard } from '../helpers/server.js'
import { enterName, screenshotPath, waitForEditor } from './helpers/browser.js'
import { browserSuite } from './helpers/browser.js'
import { measureReflow, openA11yPage, say } from './helpers/a11y.js'

const BROWSER_TEST_TIMEOUT_MS = 240_000

const SIZES = [
  { name: '320px', width: 320, height: 256, scale: 1 },
  { name: 'zoom200', width: 640, height: 400, scale: 2 },
] as const

describe('reflow (WCAG 1.4.10)', () => {
  const suite = browserSuite({ snapshotClient: true })

  for (const size of SIZES) {
    it(
      `${size.name}: lobby, board page, Export dialog and outline view reflow; every control reachable`,
      async () => {
        const board = await createTestBoard(suite.url, 'Reflow retrospective with a long title', 'retro-start-stop-continue')
        const page = await openA11yPage(suite.browser, { locale: 'en', width: size.width, height: size.height, scale: size.scale })
        try {
          await page.goto(suite.url)
          await page.getByRole('heading', { level: 1 }).waitFor()
          const lobby = await measureReflow(page)
          await page.screenshot({ path: screenshotPath(`reflow-${size.name}-lobby.png`), fullPage: true })
          expect({ page: 'lobby', ...lobby }).toMatchObject({ overflowX: 0, unreachable: [] })
          expect(lobby.checked).toBeGreaterThan(3)

          await page.goto(board.links.facilitator)
          await enterName(page, 'Ada')
          await waitForEditor(page)
          // Under 600 CSS px the phone layout puts the board menu behind the bottom bar (issue 13).
          const bottomBar = page.getByTestId('bottom-bar')
          if (!(await bottomBar.isVisible())) await page.locator('[data-status="online"]').waitFor()
          await page.waitForTimeout(500)
          const boardPage = await measureReflow(page)
          await page.screenshot({ path: screenshotPath(`reflow-${size.name}-board.png`) })
          expect({ page: 'board', ...boardPage }).toMatchObject({ overflowX: 0, unreachable: [] })
          const phone = await bottomBar.isVisible()
          if (phone) {
            await bottomBar.getByRole('button', { name: say('en', 'bar.board'), exact: true }).click()
            await page.locator('[data-status="online"]').waitFor()
          }
          // The M key of "Move to…" is shown where there is a keyboard to press it, not in the phone layout.
          expect(await page.locator('.board-panel kbd').count()).toBe(phone ? 0 : 1)
          // On a narrow screen the board menu is folded to its first row: open it, then check it.
          const toggle = page.getByRole('button', { name: say('en', 'board.panelShow') })
          if (await toggle.isVisible()) {
            await toggle.click()
            const menu = await measureReflow(page)
            await page.screenshot({ path: screenshotPath(`reflow-${size.name}-board-menu.png`) })
            expect({ page: 'board menu', ...menu }).toMatchObject({ overflowX: 0, unreachable: [] })
            expect(menu.checked).toBeGreaterThan(8)
          }
          // Every control of the board menu was checked, whether folded or not: Move to…, Results, Export…
          const panelControls = await page.locator('.board-panel button, .board-panel a, .board-panel select').count()
          expect(panelControls).toBeGreaterThan(8)

          await page.getByRole('button', { name: say('en', 'tools.export'), exact: true }).click()
          await page.getByRole('dialog', { name: say('en', 'export.title') }).waitFor()
          const dialog = await measureReflow(page)
          await page.screenshot({ path: screenshotPath(`reflow-${size.name}-export.png`) })
          expect({ page: 'export dialog', ...dialog }).toMatchObject({ overflowX: 0, unreachable: [] })
          // Descriptions are not clipped: each hint is as wide as its text needs.
          const clipped = await page.evaluate(() =>
            Array.from(document.querySelectorAll<HTMLElement>('dialog[open] .hint')).filter((h) => h.scrollWidth > h.clientWidth + 1).map((h) => h.textContent),
          )
          expect(clipped).toEqual([])
          // Escape closes the Export dialog, then (on a phone) the Board sheet it was opened from.
          for (let open = await page.locator('dialog[open]').count(); open > 0; open--) {
            await page.keyboard.press('Escape')
            await expect.poll(() => page.locator('dialog[open]').count()).toBe(open - 1)
          }

          // The outline view (the list phones use), opened with its shortcut: it covers the
          // board on a phone, so its own controls are the ones checked.
          await page.keyboard.press('Alt+Shift+O')
          await page.getByTestId('outline').getByRole('heading', { level: 4 }).first().waitFor()
          const outline = await measureReflow(page, '[data-testid="outline"]')
          await page.screenshot({ path: screenshotPath(`reflow-${size.name}-outline.png`) })
          expect({ page: 'outline', ...outline }).toMatchObject({ overflowX: 0, unreachable: [] })
          expect(outline.checked).toBeGreaterThan(3)
        } finally {
          await page.context().close()
        }
      },
      BROWSER_TEST_TIMEOUT_MS,
    )
  }
})
