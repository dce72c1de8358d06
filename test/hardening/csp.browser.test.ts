/**
 * The Content-Security-Policy the server sends is one the built client passes: the lobby and a
 * board page load in real Chromium without a single CSP violation.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestBoard, startTestServer } from '../helpers/server.js'
import { launchBrowser } from '../e2e/helpers/browser.js'

describe('CSP in a real browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser
  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('the lobby and a board page load without CSP violations', async () => {
    const board = await createTestBoard(server.url)
    for (const url of [server.url + '/', board.links.participant]) {
      const page = await browser.newPage()
      const violations: string[] = []
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
      })
      await page.exposeFunction('reportViolation', (v: string) => violations.push(v))
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          ;(window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`)
        })
      })
      const res = await page.goto(url, { waitUntil: 'load' })
      expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
      await page.waitForTimeout(1500)
      expect(violations, url).toEqual([])
      await page.close()
    }
  })
})
