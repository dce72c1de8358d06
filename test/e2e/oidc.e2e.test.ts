/**
 * Issue 17, SPEC R17 in real Chromium against a real OpenID provider (`oidc-provider` on a
 * loopback port, test/identity/support/oidcFixture.ts, with its development login and consent
 * pages): a facilitator signs in from the start page and creates a board; a participant of that
 * board, once it requires sign-in, is sent to sign in, comes back to the board and appears under
 * the ID token's name, with no name prompt. The refusals (tampered or expired ID token, wrong
 * state, domain not allowed) are driven over HTTP in test/identity/oidc.test.ts.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Config } from '../../server/config.js'
import { freePort, startOidcProvider, type OidcFixture } from '../identity/support/oidcFixture.js'
import { browserSuite, screenshotPath, waitForEditor } from './helpers/browser.js'

const BROWSER_TEST_TIMEOUT_MS = 180_000

const ACCOUNTS = {
  ada: { name: 'Ada Lovelace', email: 'ada@agency.example' },
  grace: { name: 'Grace Hopper', email: 'grace@agency.example' },
}

describe('sign-in with OpenID Connect in a real browser (issue 17)', () => {
  let provider: OidcFixture | undefined
  /** Filled before the suite's server starts (its hooks run after this file's first one). */
  const config: Partial<Config> = {}
  beforeAll(async () => {
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    provider = await startOidcProvider(`${base}/auth/callback`, ACCOUNTS)
    Object.assign(config, {
      HOST: '127.0.0.1',
      PORT: port,
      PUBLIC_URL: base,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_ALLOWED_DOMAINS: 'agency.example',
    })
  })
  afterAll(async () => {
    await provider?.close()
  })
  const suite = browserSuite({ snapshotClient: true, config, pageTimeoutMs: 60_000, setupTimeoutMs: 90_000 })

  /** Goes through the provider's login and consent pages until the browser is back on the canvas. */
  async function signInAtProvider(page: Page, login: string): Promise<void> {
    const canvas = new URL(suite.url).origin
    await page.waitForURL((url) => url.origin === provider!.issuer, { timeout: 30_000 })
    for (let step = 0; step < 4 && new URL(page.url()).origin !== canvas; step++) {
      const before = page.url()
      const loginField = page.locator('input[name="login"]')
      if (await loginField.count()) {
        await loginField.fill(login)
        await page.locator('input[name="password"]').fill('any password')
      }
      await page.locator('button[type="submit"]').first().click()
      await page.waitForURL((url) => url.href !== before, { timeout: 30_000 })
    }
    expect(new URL(page.url()).origin).toBe(canvas)
  }

  it(
    'a facilitator signs in and creates a board; a participant of a sign-in board is sent to sign in and appears with the ID token’s name',
    async () => {
      // The facilitator: the start page offers to sign in; the provider sends her back signed in.
      const facilitator = await suite.newPage()
      await facilitator.page.goto(suite.url)
      await facilitator.page.getByRole('link', { name: 'Sign in' }).click()
      await signInAtProvider(facilitator.page, 'ada')
      await facilitator.page.getByText('Signed in as Ada Lovelace.').waitFor({ timeout: 30_000 })

      await facilitator.page.getByRole('radio', { name: /^Start \/ Stop \/ Continue/ }).check()
      await facilitator.page.getByLabel('Board title').fill('Signed-in retro')
      await facilitator.page.getByRole('button', { name: 'Create board' }).click()
      const dialog = facilitator.page.getByRole('dialog', { name: /Signed-in retro/ })
      await dialog.waitFor({ timeout: 15_000 })
      const link = async (role: string) => (await dialog.locator(`li[data-role="${role}"] code`).textContent())!.trim()
      const facilitatorLink = await link('facilitator')
      const participantLink = await link('participant')
      const boardId = new URL(participantLink).pathname.split('/').pop()!
      const token = (url: string) => url.slice(url.indexOf('#') + 1)

      // The board requires sign-in for participants (the facilitator's own link sets it).
      const patched = await fetch(`${suite.url}/api/boards/${boardId}/settings`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token(facilitatorLink)}` },
        body: JSON.stringify({ signIn: true }),
      })
      expect(patched.status).toBe(200)

      // The participant, in another browser: the lobby sends her to sign in, nothing of the board shows.
      const participant = await suite.newPage()
      await participant.page.goto(participantLink)
      const lobby = participant.page.getByTestId('waiting-lobby')
      await lobby.getByText('This board needs you to sign in with your organisation’s account.').waitFor({ timeout: 30_000 })
      expect(await participant.page.locator('.tl-canvas').count()).toBe(0)
      await participant.page.screenshot({ path: screenshotPath('oidc-lobby-sign-in.png') })
      await lobby.getByRole('button', { name: 'Sign in' }).click()
      await signInAtProvider(participant.page, 'grace')
      expect(new URL(participant.page.url()).pathname).toBe(`/b/${boardId}`)

      // Back on the board page: she joins under the ID token's name, no name to type.
      await lobby.getByText('You are signed in as Grace Hopper.').waitFor({ timeout: 30_000 })
      expect(await lobby.getByRole('textbox').count()).toBe(0)
      await lobby.getByRole('button', { name: 'Ask to join' }).click()
      await waitForEditor(participant.page)
      await participant.page.locator('[data-status="online"]').waitFor({ timeout: 30_000 })
      expect(await participant.page.getByRole('dialog', { name: 'What should others call you?' }).count()).toBe(0)
      expect(await participant.page.evaluate(() => window.__editor!.user.getName())).toBe('Grace Hopper')

      // The facilitator sees her in the People panel under that name. Signed in, the
      // facilitator is not asked for a name either: the board uses the account's.
      await facilitator.page.goto(facilitatorLink)
      await waitForEditor(facilitator.page)
      expect(await facilitator.page.getByRole('dialog', { name: 'What should others call you?' }).count()).toBe(0)
      expect(await facilitator.page.evaluate(() => window.__editor!.user.getName())).toBe('Ada Lovelace')
      await facilitator.page.getByRole('button', { name: 'People', exact: true }).click()
      const panel = facilitator.page.getByRole('dialog', { name: 'People' })
      await panel.getByText('Grace Hopper').waitFor({ timeout: 15_000 })
      await facilitator.page.screenshot({ path: screenshotPath('oidc-people-panel.png') })
      expect(participant.errors.filter((e) => /Grace|token/i.test(e))).toEqual([])
    },
    BROWSER_TEST_TIMEOUT_MS,
  )
})
