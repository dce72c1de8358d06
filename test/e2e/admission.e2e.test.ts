/**
 * Issue 17 in real Chromium: under admission a participant link shows the lobby, the person
 * waits, the facilitator admits them from the People panel and the page opens the board by
 * itself under the admitted name; revoking closes it. Without admission, the name prompt says
 * names are not checked.
 */
import { describe, expect, it } from 'vitest'
import { createTestBoard } from '../helpers/server.js'
import { browserSuite, enterName, screenshotPath, waitForEditor } from './helpers/browser.js'

const BROWSER_TEST_TIMEOUT_MS = 150_000

describe('admission in a real browser (issue 17)', () => {
  const suite = browserSuite({ snapshotClient: true })

  it(
    'a participant waits in the lobby, is admitted from the People panel, opens the board under that name, and is closed out on revoke',
    async () => {
      const board = await createTestBoard(suite.url, 'Admitted workshop')
      const patched = await fetch(`${suite.url}/api/boards/${board.id}/settings`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${board.tokens.facilitator}` },
        body: JSON.stringify({ admission: true }),
      })
      expect(patched.status).toBe(200)

      const { page } = await suite.newPage()
      // What the page asks of the server before it is admitted: the lobby, and nothing of the board.
      const asked: string[] = []
      page.on('request', (request) => {
        const url = new URL(request.url())
        if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/sync/')) asked.push(`${request.method()} ${url.pathname}`)
      })
      await page.goto(board.links.participant)
      const lobby = page.getByTestId('waiting-lobby')
      await lobby.waitFor({ timeout: 30_000 })
      // The form reads top to bottom (label over a full-width field), with 44 px targets for a phone.
      const box = async (selector: string) => (await lobby.locator(selector).boundingBox())!
      const [label, field, join] = [await box('label'), await box('input'), await box('button')]
      expect(label.y + label.height).toBeLessThanOrEqual(field.y)
      expect(field.y + field.height).toBeLessThanOrEqual(join.y)
      expect(Math.min(field.height, join.height)).toBeGreaterThanOrEqual(44)
      await lobby.getByLabel('Your name').fill('Wanda Waiting')
      await lobby.getByRole('button', { name: 'Ask to join' }).click()
      await page.getByText('Waiting for the facilitator').waitFor({ timeout: 15_000 })
      expect(await page.locator('.tl-canvas').count()).toBe(0)
      await page.screenshot({ path: screenshotPath('admission-waiting.png') })
      const lobbyOnly = new Set([`GET /api/boards/${board.id}/lobby`, `POST /api/boards/${board.id}/lobby`, 'GET /api/me'])
      expect(asked.length).toBeGreaterThan(0)
      expect(asked.filter((r) => !lobbyOnly.has(r))).toEqual([])

      const facilitator = await suite.open(board.links.facilitator, 'Fran')
      await facilitator.page.getByRole('button', { name: 'People', exact: true }).click()
      const panel = facilitator.page.getByRole('dialog', { name: 'People' })
      await panel.getByText('Wanda Waiting').waitFor({ timeout: 15_000 })
      expect(await panel.getByTestId('names-checked').textContent()).toMatch(/^Names are checked/)
      await panel.getByRole('button', { name: 'Admit Wanda Waiting' }).click()

      // The waiting page opens the board by itself, with no name prompt: the name is the admitted one.
      await waitForEditor(page)
      await page.locator('[data-status="online"]').waitFor({ timeout: 30_000 })
      expect(await page.getByRole('dialog', { name: 'What should others call you?' }).count()).toBe(0)
      // The lobby's answer to the admitted credential held the board: it was not asked again.
      expect(asked).not.toContain(`GET /api/boards/${board.id}`)
      await facilitator.page.screenshot({ path: screenshotPath('admission-people-panel.png') })

      await panel.getByRole('button', { name: 'Revoke Wanda Waiting' }).click()
      await page.locator('[data-status="closed"]').waitFor({ timeout: 10_000 })
    },
    BROWSER_TEST_TIMEOUT_MS,
  )

  it(
    'without admission the name prompt says names are not checked',
    async () => {
      const board = await createTestBoard(suite.url, 'Open workshop')
      const { page } = await suite.newPage()
      await page.goto(board.links.participant)
      const note = page.getByTestId('names-not-checked')
      await note.waitFor({ timeout: 30_000 })
      expect(await note.textContent()).toBe('Names are not checked on this board: others see the name you type.')

      // With someone on the board, the facilitator's People panel does not say "Nobody yet" of its
      // (empty) roster of people admitted or listed: it says what the roster is and where the people here are.
      await enterName(page, 'Pat')
      const facilitator = await suite.open(board.links.facilitator, 'Fran')
      await facilitator.page.getByText('People here (2)').waitFor({ timeout: 15_000 })
      await facilitator.page.getByRole('button', { name: 'People', exact: true }).click()
      const panel = facilitator.page.getByRole('dialog', { name: 'People' })
      await panel.getByRole('heading', { name: 'Waiting, admitted or listed' }).waitFor({ timeout: 15_000 })
      expect(await panel.getByText('Nobody has asked to enter or been listed in advance.', { exact: false }).textContent()).toContain('“People here”')
    },
    BROWSER_TEST_TIMEOUT_MS,
  )
})
