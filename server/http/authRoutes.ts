/**
 * Sign-in routes (SPEC R17), present only when OIDC is configured: `/auth/login` redirects to
 * the provider, `/auth/callback` ends the login and sets the session cookie, `/auth/logout`
 * ends the session; `/api/me` says whether sign-in exists and who is signed in.
 */
import type { Context, Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { SignInRefused, type OidcSignIn, type SignedInUser } from '../auth/oidc.js'
import type { Logger } from '../logger.js'
import type { AppEnv } from './env.js'
import { parseQuery } from './validate.js'

const SESSION_COOKIE = 'canvas_session'
const LOGIN_COOKIE = 'canvas_login'

/** A path of this site to come back to (never another origin: no open redirect). */
const ReturnTo = z.object({
  returnTo: z
    .string()
    .max(500, 'returnTo is at most 500 characters')
    .regex(/^\/(?![/\\])/, 'returnTo must be a path of this site')
    .default('/'),
})

/** Who is signed in on this request, and a guard for routes that need someone. */
export type SignInGate = {
  configured: boolean
  user(c: Context<AppEnv>): Promise<SignedInUser | null>
  /** 401 when sign-in is configured and nobody is signed in; the user (or null when not configured). */
  require(c: Context<AppEnv>, what: string): Promise<SignedInUser | null>
}

export function signInGate(oidc: OidcSignIn | null): SignInGate {
  const user = async (c: Context<AppEnv>) => (oidc ? oidc.user(getCookie(c, SESSION_COOKIE)) : null)
  return {
    configured: oidc !== null,
    user,
    async require(c, what) {
      if (!oidc) return null
      const signedIn = await user(c)
      if (!signedIn) throw new HTTPException(401, { message: `sign in to ${what}` })
      return signedIn
    },
  }
}

export function registerAuthRoutes(app: Hono<AppEnv>, oidc: OidcSignIn | null, gate: SignInGate, logger: Logger): void {
  app.get('/api/me', async (c) => {
    const user = await gate.user(c)
    return c.json({ signIn: gate.configured, user: user ? { name: user.name, email: user.email } : null })
  })
  if (!oidc) return
  const secure = oidc.settings.secureCookies

  app.get('/auth/login', async (c) => {
    const { returnTo } = parseQuery(c.req.query(), ReturnTo)
    let started: { url: string; loginCookie: string }
    try {
      started = await oidc.start(returnTo)
    } catch {
      throw new HTTPException(502, { message: 'the identity provider cannot be reached' })
    }
    // Lax: the cookie must come back on the provider's top-level redirect to the callback.
    setCookie(c, LOGIN_COOKIE, started.loginCookie, { httpOnly: true, secure, sameSite: 'Lax', path: '/auth', maxAge: 600 })
    return c.redirect(started.url, 302)
  })

  app.get('/auth/callback', async (c) => {
    const loginCookie = getCookie(c, LOGIN_COOKIE)
    deleteCookie(c, LOGIN_COOKIE, { path: '/auth', secure })
    const callbackUrl = new URL(oidc.settings.redirectUri)
    callbackUrl.search = new URL(c.req.url).search
    try {
      const { sessionId, returnTo } = await oidc.finish(callbackUrl, loginCookie)
      setCookie(c, SESSION_COOKIE, sessionId, { httpOnly: true, secure, sameSite: 'Lax', path: '/', maxAge: 12 * 60 * 60 })
      return c.redirect(returnTo, 302)
    } catch (error) {
      if (error instanceof SignInRefused) {
        // The reason only: never the code, the state or a token.
        logger.warn({ reason: error.message }, 'sign-in refused')
        throw new HTTPException(400, { message: error.message })
      }
      throw error
    }
  })

  app.post('/auth/logout', async (c) => {
    await oidc.logout(getCookie(c, SESSION_COOKIE))
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure })
    return c.json({ signedOut: true })
  })
}
