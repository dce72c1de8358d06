/**
 * Issue 17, sign-in with OpenID Connect (SPEC R17) against a real provider (`oidc-provider` on
 * a loopback port, see support/oidcFixture.ts): a facilitator signs in and creates a board; a
 * participant of a sign-in board is sent to sign in and appears with the ID token's name; a
 * tampered or expired ID token and a wrong `state` are refused; logout ends the session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../server/server.js'
import { captureLogs } from '../hardening/support/logCapture.js'
import { tempDir } from '../helpers/server.js'
import { rawClient, UpgradeRefused, wsUrl } from '../integration/fixtures.js'
import { CookieBrowser, freePort, startOidcProvider, type OidcFixture } from './support/oidcFixture.js'

type Server = Awaited<ReturnType<typeof startServer>>

const ACCOUNTS = {
  ada: { name: 'Ada Lovelace', email: 'ada@agency.example' },
  grace: { name: 'Grace Hopper', email: 'grace@agency.example' },
  eve: { name: 'Eve Outsider', email: 'eve@elsewhere.example' },
}

describe('sign-in with OpenID Connect (issue 17)', () => {
  const logs = captureLogs('debug')
  let provider: OidcFixture
  let server: Server
  let base: string
  let redirectUri: string
  let port: number
  const dataDir = tempDir()
  /** The canvas server, on the port and data directory of the provider's redirect URI. */
  const start = () =>
    startServer(
      {
        HOST: '127.0.0.1',
        PORT: port,
        DATA_DIR: dataDir,
        PUBLIC_URL: base,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        OIDC_ALLOWED_DOMAINS: 'agency.example',
      },
      { logger: logs.logger, env: {} },
    )

  beforeAll(async () => {
    port = await freePort()
    base = `http://127.0.0.1:${port}`
    redirectUri = `${base}/auth/callback`
    provider = await startOidcProvider(redirectUri, ACCOUNTS)
    server = await start()
  })
  afterAll(async () => {
    await server?.close()
    await provider?.close()
  })

  const isCanvas = (url: URL) => url.origin === base
  /** Starts a login at the canvas and goes through the provider until it sends the browser back. */
  async function loginUntilCallback(browser: CookieBrowser, login: string, returnTo = '/'): Promise<URL> {
    const page = await browser.follow(`${base}/auth/login?returnTo=${encodeURIComponent(returnTo)}`, (next) => isCanvas(next))
    return browser.signInAtProvider(page, login, redirectUri)
  }
  async function signIn(browser: CookieBrowser, login: string, returnTo = '/'): Promise<Response> {
    const callback = await loginUntilCallback(browser, login, returnTo)
    return browser.request(callback.href)
  }
  async function me(browser: CookieBrowser) {
    return (await (await browser.request(`${base}/api/me`)).json()) as { signIn: boolean; user: { name: string } | null }
  }
  function json(body: unknown, token?: string) {
    return {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    }
  }

  it('[R17] a facilitator signs in, creates a board; a participant of a sign-in board appears with the ID token’s name', async () => {
    const facilitator = new CookieBrowser()
    expect((await facilitator.request(`${base}/api/boards`, json({ title: 'Nope' }))).status).toBe(401)
    expect((await facilitator.request(`${base}/api/spaces`, json({ title: 'Nope' }))).status).toBe(401)
    // Every way of creating a board asks for sign-in: from a template too (built-in id).
    expect((await facilitator.request(`${base}/api/templates/risk-matrix/boards`, json({ title: 'Nope' }))).status).toBe(401)
    const back = await signIn(facilitator, 'ada', '/somewhere')
    expect(back.status).toBe(302)
    expect(back.headers.get('location')).toBe('/somewhere')
    const cookie = back.headers.getSetCookie().find((c) => c.startsWith('canvas_session='))!
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(await me(facilitator)).toEqual({ signIn: true, user: { name: 'Ada Lovelace', email: 'ada@agency.example' } })

    expect((await facilitator.request(`${base}/api/spaces`, json({ title: 'Signed-in space' }))).status).toBe(201)
    const created = await facilitator.request(`${base}/api/boards`, json({ title: 'Signed-in workshop' }))
    expect(created.status).toBe(201)
    const { board, links } = (await created.json()) as { board: { id: string }; links: Record<string, string> }
    const token = (role: string) => links[role]!.slice(links[role]!.indexOf('#') + 1)
    const settings = await facilitator.request(`${base}/api/boards/${board.id}/settings`, { ...json({ signIn: true }, token('facilitator')), method: 'PATCH' })
    expect(settings.status).toBe(200)

    // A participant with the link, not signed in: the lobby says to sign in; nothing else opens.
    const participant = new CookieBrowser()
    const lobbyUrl = `${base}/api/boards/${board.id}/lobby`
    const auth = { authorization: `Bearer ${token('participant')}` }
    const lobby = (await (await participant.request(lobbyUrl, { headers: auth })).json()) as Record<string, unknown>
    expect(lobby).toMatchObject({ role: 'participant', admission: true, signIn: true, signedInAs: null, person: null })
    expect((await participant.request(lobbyUrl, json({}, token('participant')))).status).toBe(401)
    await expect(rawClient(wsUrl(base, board.id, token('participant'))).opened).rejects.toEqual(new UpgradeRefused(403))

    // Sent to sign in, back on the board page; joining makes her a person named by the ID token.
    const back2 = await signIn(participant, 'grace', `/b/${board.id}`)
    expect(back2.headers.get('location')).toBe(`/b/${board.id}`)
    const joined = await participant.request(lobbyUrl, json({ name: 'Someone Else' }, token('participant')))
    expect(joined.status).toBe(201)
    const { person, credential } = (await joined.json()) as { person: { id: string; name: string; status: string }; credential: string }
    expect(person).toMatchObject({ name: 'Grace Hopper', status: 'admitted' })
    const socket = rawClient(wsUrl(base, board.id, credential))
    await socket.opened
    socket.ws.close()
    const people = await facilitator.request(`${base}/api/boards/${board.id}/people`, { headers: { authorization: `Bearer ${token('facilitator')}` } })
    expect(((await people.json()) as { people: Array<{ name: string }> }).people.map((p) => p.name)).toEqual(['Grace Hopper'])

    // Logout ends the session.
    const session = participant.cookies.get('canvas_session')!
    expect((await participant.request(`${base}/auth/logout`, { method: 'POST' })).status).toBe(200)
    expect((await me(participant)).user).toBeNull()
    // None of the secrets reached a log line (SPEC R16).
    for (const secret of [session, credential, token('facilitator'), token('participant')]) expect(logs.text()).not.toContain(secret)
  })

  it('[R17] a tampered ID token, an expired one and a wrong state are refused; so is a domain not allowed', async () => {
    const browser = new CookieBrowser()
    provider.spoilNext('tamper')
    const tampered = await signIn(browser, 'ada')
    expect(tampered.status).toBe(400)
    expect((await me(browser)).user).toBeNull()

    provider.spoilNext('expire')
    const expired = await signIn(browser, 'ada')
    expect(expired.status).toBe(400)
    expect((await me(browser)).user).toBeNull()

    const callback = await loginUntilCallback(browser, 'ada')
    const wrongState = new URL(callback)
    wrongState.searchParams.set('state', 'not-the-state-this-browser-started')
    const refused = await browser.request(wrongState.href)
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as { error: string }).error).toMatch(/does not match/)
    expect((await me(browser)).user).toBeNull()
    // The right callback of another browser's login is refused too (no login cookie here).
    const stranger = new CookieBrowser()
    expect((await stranger.request(callback.href)).status).toBe(400)

    // A fresh browser (the provider would otherwise remember Ada's session there).
    const outsider = new CookieBrowser()
    const eve = await signIn(outsider, 'eve')
    expect(eve.status).toBe(400)
    expect(logs.entries().filter((e) => e.msg === 'sign-in refused').map((e) => e.reason)).toContain('this account’s domain may not sign in here')
    expect(((await eve.json()) as { error: string }).error).toMatch(/domain/)
    expect((await me(outsider)).user).toBeNull()
    // And a sound sign-in still works after all that.
    expect((await signIn(browser, 'ada')).status).toBe(302)
    expect((await me(browser)).user?.name).toBe('Ada Lovelace')
  })

  it('[R17] returnTo cannot send the browser to another site', async () => {
    const browser = new CookieBrowser()
    for (const returnTo of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const res = await browser.request(`${base}/auth/login?returnTo=${encodeURIComponent(returnTo)}`)
      expect(res.status).toBe(400)
    }
  })

  it('[R17] a session outlives a restart (stored, by hash only); a login started before a restart ends after it; logout deletes it', async () => {
    const browser = new CookieBrowser()
    expect((await signIn(browser, 'grace')).status).toBe(302)
    const session = browser.cookies.get('canvas_session')!
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/)
    // Another browser is half-way through its login when the server restarts.
    const late = new CookieBrowser()
    const callback = await loginUntilCallback(late, 'ada')

    await server.close()
    // Let the HTTP client see its kept-alive connections closed before it reuses one.
    await new Promise((r) => setTimeout(r, 300))
    server = await start()
    expect((await me(browser)).user).toEqual({ name: 'Grace Hopper', email: 'grace@agency.example' })
    expect((await late.request(callback.href)).status).toBe(302)
    expect((await me(late)).user?.name).toBe('Ada Lovelace')

    // What storage holds is the hash of the cookie value, never the value.
    const { hashToken } = await import('../../server/auth/tokens.js')
    expect(await server.storage.getSignInSession(session, Date.now())).toBeNull()
    expect((await server.storage.getSignInSession(hashToken(session), Date.now()))?.name).toBe('Grace Hopper')
    // Logout deletes the stored session: the old cookie value, replayed, finds no one.
    expect((await browser.request(`${base}/auth/logout`, { method: 'POST' })).status).toBe(200)
    expect(await server.storage.getSignInSession(hashToken(session), Date.now())).toBeNull()
    const replay = await fetch(`${base}/api/me`, { headers: { cookie: `canvas_session=${session}` } })
    expect(((await replay.json()) as { user: unknown }).user).toBeNull()
    // A malformed or forged login cookie is refused like a wrong state.
    const forged = new CookieBrowser()
    const forgedCallback = await loginUntilCallback(forged, 'ada')
    forged.cookies.set('canvas_login', Buffer.from(JSON.stringify({ state: 'x' })).toString('base64url'))
    expect((await forged.request(forgedCallback.href)).status).toBe(400)
  })
})
