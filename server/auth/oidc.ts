/**
 * Sign-in with OpenID Connect (optional, SPEC R17): authorization code flow with PKCE, state
 * and nonce through `openid-client`; ID token signatures checked against the provider's keys.
 * A signed-in browser holds one http-only cookie naming a server-side session (in memory; only
 * the SHA-256 of the cookie value is a key). Nothing here runs unless OIDC_ISSUER is set.
 */
import { randomBytes } from 'node:crypto'
import * as oidc from 'openid-client'
import type { Config } from '../config.js'
import { hashToken, secretsEqual } from './tokens.js'

export type OidcSettings = {
  issuer: URL
  clientId: string
  clientSecret: string | undefined
  allowedDomains: string[]
  /** Where the provider sends the browser back: `<PUBLIC_URL>/auth/callback`. */
  redirectUri: string
  /** Secure cookies when the public URL is https. */
  secureCookies: boolean
}

/** The sign-in settings, or null when OIDC is not configured. Throws on a half configuration. */
export function oidcSettings(config: Config): OidcSettings | null {
  if (!config.OIDC_ISSUER) return null
  if (!config.OIDC_CLIENT_ID || !config.PUBLIC_URL) throw new Error('invalid configuration: OIDC_ISSUER needs OIDC_CLIENT_ID and PUBLIC_URL')
  const base = config.PUBLIC_URL.replace(/\/$/, '')
  return {
    issuer: new URL(config.OIDC_ISSUER),
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    allowedDomains: (config.OIDC_ALLOWED_DOMAINS ?? '')
      .split(',')
      .map((d) => d.trim().toLowerCase())
      .filter(Boolean),
    redirectUri: `${base}/auth/callback`,
    secureCookies: base.startsWith('https:'),
  }
}

/** Who signed in: `subject` is `<issuer> <sub>`, stable across sessions. */
export type SignedInUser = { subject: string; name: string; email: string | null }

type PendingLogin = { codeVerifier: string; nonce: string; returnTo: string; expiresAt: number }
type Session = { user: SignedInUser; expiresAt: number }

const LOGIN_TTL_MS = 10 * 60_000
const SESSION_TTL_MS = 12 * 60 * 60_000
/** Bounds on what unauthenticated requests can make the server remember. */
const MAX_PENDING_LOGINS = 10_000

export class SignInRefused extends Error {}

export class OidcSignIn {
  private configuration: Promise<oidc.Configuration> | null = null
  /** Pending logins by state (the state is also in the browser's login cookie). */
  private readonly pending = new Map<string, PendingLogin>()
  /** Sessions by SHA-256 of the cookie value. */
  private readonly sessions = new Map<string, Session>()

  constructor(readonly settings: OidcSettings) {}

  /** Discovery happens on first use, and again after a failure. */
  private config(): Promise<oidc.Configuration> {
    if (!this.configuration) {
      const { issuer, clientId, clientSecret } = this.settings
      const insecure = issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined
      this.configuration = oidc.discovery(issuer, clientId, clientSecret, undefined, insecure).then(
        (config) => {
          oidc.enableNonRepudiationChecks(config)
          return config
        },
        (error: unknown) => {
          this.configuration = null
          throw error
        },
      )
    }
    return this.configuration
  }

  /** Starts a login: the provider URL to redirect to and the state for the login cookie. */
  async start(returnTo: string, now = Date.now()): Promise<{ url: string; state: string }> {
    this.sweep(now)
    if (this.pending.size >= MAX_PENDING_LOGINS) throw new SignInRefused('too many sign-ins in progress; try again in a minute')
    const config = await this.config()
    const codeVerifier = oidc.randomPKCECodeVerifier()
    const state = oidc.randomState()
    const nonce = oidc.randomNonce()
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid profile email',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    })
    this.pending.set(state, { codeVerifier, nonce, returnTo, expiresAt: now + LOGIN_TTL_MS })
    return { url: url.href, state }
  }

  /**
   * Ends a login: `cookieState` is the state this browser started with. Checks the state, the
   * PKCE verifier, the ID token (signature, issuer, audience, expiry, nonce) and the email
   * domain; answers the session cookie value and where to go back to.
   */
  async finish(callbackUrl: URL, cookieState: string | undefined, now = Date.now()): Promise<{ sessionId: string; user: SignedInUser; returnTo: string }> {
    const state = callbackUrl.searchParams.get('state')
    const login = cookieState ? this.pending.get(cookieState) : undefined
    if (!state || !cookieState || !secretsEqual(state, cookieState) || !login || login.expiresAt < now) throw new SignInRefused('this sign-in does not match the one this browser started')
    this.pending.delete(cookieState)
    let claims: oidc.IDToken | undefined
    try {
      const tokens = await oidc.authorizationCodeGrant(await this.config(), callbackUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      })
      claims = tokens.claims()
    } catch {
      throw new SignInRefused('the identity provider’s answer was not valid')
    }
    if (!claims) throw new SignInRefused('the identity provider sent no ID token')
    const user = this.userOf(claims)
    const sessionId = randomBytes(32).toString('base64url')
    this.sessions.set(hashToken(sessionId), { user, expiresAt: now + SESSION_TTL_MS })
    return { sessionId, user, returnTo: login.returnTo }
  }

  private userOf(claims: oidc.IDToken): SignedInUser {
    const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : null
    const { allowedDomains } = this.settings
    if (allowedDomains.length > 0) {
      const domain = email?.split('@')[1]
      if (!domain || claims.email_verified === false || !allowedDomains.includes(domain)) throw new SignInRefused('this account’s domain may not sign in here')
    }
    const name = [claims.name, claims.preferred_username, email, claims.sub].find((v): v is string => typeof v === 'string' && v.trim() !== '')!
    return { subject: `${claims.iss} ${claims.sub}`, name: name.trim().slice(0, 60), email }
  }

  /** The user of a session cookie, or null (unknown or expired). */
  user(sessionId: string | undefined, now = Date.now()): SignedInUser | null {
    if (!sessionId) return null
    const key = hashToken(sessionId)
    const session = this.sessions.get(key)
    if (!session) return null
    if (session.expiresAt < now) {
      this.sessions.delete(key)
      return null
    }
    return session.user
  }

  logout(sessionId: string | undefined): void {
    if (sessionId) this.sessions.delete(hashToken(sessionId))
  }

  private sweep(now: number): void {
    for (const [state, login] of this.pending) if (login.expiresAt < now) this.pending.delete(state)
    for (const [key, session] of this.sessions) if (session.expiresAt < now) this.sessions.delete(key)
  }
}
