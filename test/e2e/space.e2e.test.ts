/**
 * The space page in Chromium (issue 16): a member opens `/s/<id>#<token>`, sees the sessions,
 * actions (the overdue one marked), commitments, recognition, risks and trend charts, changes an
 * action's status and checks in on a commitment; screenshots of the page and of both reports.
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { THREE_SESSIONS, writeSession } from '../spaces/sessionWriter.js'
import { api, createSpace } from '../spaces/support.js'
import { browserSuite, screenshotPath } from './helpers/browser.js'

describe('space page (issue 16)', () => {
  const suite = browserSuite({ snapshotClient: true, setupTimeoutMs: 60_000 })

  it('shows the space, edits an action and checks in; the page and both reports are captured', async () => {
    const server = { url: suite.url }
    const space = await createSpace(server, 'Delivery team')
    const boards = []
    for (const [k, data] of THREE_SESSIONS.entries()) boards.push(await writeSession(server, space, k + 1, data))

    const { page, errors } = await suite.newPage()
    await page.goto(`${suite.url}/s/${space.id}#${space.tokens.member}`)
    await page.getByRole('heading', { level: 1, name: 'Delivery team' }).waitFor({ timeout: 15_000 })
    for (const name of ['Sessions', 'Actions', 'Commitments', 'Recognition', 'Risks across sessions', 'Trends']) {
      await expect(page.getByRole('heading', { level: 2, name, exact: true }).isVisible()).resolves.toBe(true)
    }
    await expect(page.locator('.space-timeline li').count()).resolves.toBe(3)
    await expect(page.locator('tr.overdue').count()).resolves.toBe(1)
    await expect(page.locator('.space-chart svg').count()).resolves.toBe(3)
    await expect(page.getByText('Thanks for the demo').isVisible()).resolves.toBe(true)
    await expect(page.getByText('Staff turnover (score 16): Cross-train the team').isVisible()).resolves.toBe(true)
    // The risk chart's caption says what it shows rather than repeating its section's heading.
    await expect(page.locator('.space-chart figcaption').first().textContent()).resolves.toBe('Score of each top risk, session by session')

    // Mark the overdue action done from the space: the board's results say so.
    await page.getByLabel('Status: Fix the build').selectOption('done')
    await page.locator('tr.overdue').getByRole('button', { name: 'Save' }).click()
    await page.locator('tr.overdue').waitFor({ state: 'detached', timeout: 10_000 })
    const results = (await (await api(server, `/api/boards/${boards[0]!.id}/results`, boards[0]!.tokens.viewer)).json()) as {
      results: { activities: Array<{ kind: string; actions?: Array<{ id: string; status: string }> }> }
    }
    expect(results.results.activities.find((a) => a.kind === 'retro')?.actions?.find((a) => a.id === 'shape:act1')?.status).toBe('done')

    // Check in on the commitment.
    const form = page.getByRole('form', { name: 'Check in on “Pair weekly”' })
    await form.getByLabel('Latest check-in').selectOption('in-progress')
    await form.getByLabel('Note (optional)').fill('twice so far')
    await form.getByRole('button', { name: 'Check in' }).click()
    await page.getByText('Latest check-in: In progress — twice so far').waitFor({ timeout: 10_000 })

    await page.screenshot({ path: screenshotPath('space-page.png'), fullPage: true })

    // The tab names the space; the page reads in French from its own language switch, check-ins included.
    expect(await page.title()).toBe('Delivery team — Workshop canvas')
    await page.getByLabel('Language').selectOption('fr')
    await page.getByRole('heading', { level: 2, name: 'Engagements', exact: true }).waitFor({ timeout: 10_000 })
    await page.getByText('Dernier point : En cours — twice so far').waitFor({ timeout: 10_000 })
    // The space is English; its charts, fields and report follow the page's language.
    await page.locator('.space-chart svg', { hasText: 'Préparation moyenne (1–10)' }).waitFor({ timeout: 10_000 })
    await expect(page.locator('.space-chart svg', { hasText: 'Mean readiness' }).count()).resolves.toBe(0)
    await expect(page.getByLabel('Responsable : Write the docs', { exact: true }).count()).resolves.toBe(1)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le rapport (Markdown)' }).click()])
    expect(fs.readFileSync((await download.path())!, 'utf8')).toMatch(/^# Rapport de l’espace\u00a0: Delivery team/)
    expect(await page.title()).toBe('Delivery team — Toile d’atelier')
    // The app's name leads back to the start page.
    await page.getByRole('link', { name: 'Toile d’atelier' }).click()
    await page.getByRole('heading', { level: 1, name: 'Animer un atelier sur une toile partagée' }).waitFor({ timeout: 10_000 })
    expect(errors).toEqual([])

    // Both reports, rendered as a browser shows the downloaded HTML.
    const spaceReport = await (await api(server, `/api/spaces/${space.id}/report?format=html`, space.tokens.viewer)).text()
    const boardReport = await (await api(server, `/api/boards/${boards[0]!.id}/export?format=html`, boards[0]!.tokens.viewer)).text()
    for (const [name, html] of [['space-report.png', spaceReport], ['board-report.png', boardReport]] as const) {
      const report = await suite.newPage()
      await report.page.setContent(html)
      await report.page.screenshot({ path: screenshotPath(name), fullPage: true })
      expect(fs.statSync(screenshotPath(name)).size).toBeGreaterThan(10_000)
      // Read on a phone (a director opening the attachment): the page does not scroll sideways
      // (the space report was 473 px wide in 390, the board report 899: tables and the heat map).
      await report.page.setViewportSize({ width: 390, height: 844 })
      expect(await report.page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(390)
    }
    expect(spaceReport.match(/<svg/g)?.length).toBeGreaterThanOrEqual(3)
  }, 120_000)

  it('reads on a phone without sideways scrolling; a viewer reads the actions as a table, statuses in the page’s language', async () => {
    const server = { url: suite.url }
    const space = await createSpace(server, 'Équipe', 'fr')
    await writeSession(server, space, 1, THREE_SESSIONS[0]!)
    for (const [token, editable] of [[space.tokens.member, true], [space.tokens.viewer, false]] as const) {
      const { page, errors } = await suite.newPage({ locale: 'fr-CA' })
      await page.setViewportSize({ width: 390, height: 844 })
      await page.goto(`${suite.url}/s/${space.id}#${token}`)
      await page.getByRole('heading', { level: 2, name: 'Actions', exact: true }).waitFor({ timeout: 15_000 })
      // The actions table and the session rows were wider than the phone (826 px in 390).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
      // Shown as cards, the rows keep the table's semantics for a screen reader.
      const table = page.getByRole('table', { name: 'Actions' })
      await expect(table.getByRole('columnheader').count()).resolves.toBe(editable ? 6 : 5)
      await expect(table.getByRole('row').count()).resolves.toBe(3)
      const done = table.getByRole('row').filter({ hasText: 'Write the docs' })
      if (editable) {
        await expect(done.getByLabel('État : Write the docs').inputValue()).resolves.toBe('done')
        // Each field sits under its column's name in its card.
        const owner = await done.getByLabel('Responsable : Write the docs').boundingBox()
        const label = await done.locator('.space-cell-label', { hasText: 'Responsable' }).boundingBox()
        expect(label!.y + label!.height).toBeLessThanOrEqual(owner!.y + 1)
        expect(owner!.x + owner!.width).toBeLessThanOrEqual(390)
      } else {
        // A viewer read "done" in English on a French page.
        await expect(done.getByRole('cell', { name: 'Terminée' }).count()).resolves.toBe(1)
      }
      expect(errors).toEqual([])
      await page.context().close()
    }
  }, 120_000)
})
