/**
 * axe-core in real Chromium on the two pages the board scans leave out: the team space (sessions,
 * actions, commitments, risks, trend charts, its facilitator's management forms) and the
 * projector view (timer, plan line, instructions, QR code), in English and in French. Same
 * tags and rules as test/e2e/axe.e2e.test.ts: the app's own UI has no violation.
 */
import { describe, expect, it } from 'vitest'
import { NEEDS_AND_RISK_PLAN } from '../../shared/plans/workshops.js'
import { THREE_SESSIONS, writeSession } from '../spaces/sessionWriter.js'
import { createSpace } from '../spaces/support.js'
import { browserSuite } from './helpers/browser.js'
import { openA11yPage, runAxe } from './helpers/a11y.js'

describe('axe-core on the team space and the projector', () => {
  const suite = browserSuite({ snapshotClient: true, setupTimeoutMs: 60_000 })

  for (const locale of ['en', 'fr'] as const) {
    it(`${locale}: no violation on the space page (as its facilitator) nor on the projector view of a running plan`, async () => {
      const server = { url: suite.url }
      const space = await createSpace(server, locale === 'fr' ? 'Équipe accessible' : 'Accessible team')
      for (const [k, data] of THREE_SESSIONS.entries()) await writeSession(server, space, k + 1, data)

      const page = await openA11yPage(suite.browser, { locale })
      try {
        await page.goto(`${suite.url}/s/${space.id}#${space.tokens.facilitator}`)
        await page.locator('.space-chart svg').first().waitFor({ timeout: 30_000 })
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale)
        const spaceReport = await runAxe(page)
        expect(spaceReport.own).toEqual([])

        const res = await fetch(`${suite.url}/api/boards`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title: 'Projector', plan: NEEDS_AND_RISK_PLAN.id, locale }),
        })
        const created = (await res.json()) as { board: { id: string }; links: { facilitator: string; viewer: string } }
        const token = (link: string) => link.slice(link.indexOf('#') + 1)
        const started = await fetch(`${suite.url}/api/boards/${created.board.id}/plan`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token(created.links.facilitator)}` },
          body: JSON.stringify({ action: 'start' }),
        })
        expect(started.status).toBe(200)
        await page.goto(`${suite.url}/b/${created.board.id}?present=nobody#${token(created.links.viewer)}`)
        await page.getByTestId('present-plan').waitFor({ timeout: 60_000 })
        await page.waitForTimeout(400)
        const projector = await runAxe(page)
        expect(projector.own).toEqual([])
      } finally {
        await page.context().close()
      }
    }, 240_000)
  }
})
