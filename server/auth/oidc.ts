/**
 * Sign-in with OpenID Connect (optional, SPEC R17): authorization code flow with PKCE, state
 * and nonce through `openid-client`; ID token signatures checked against the provider's keys.
 * While a login is under way, its state, nonce and PKCE verifier travel in the browser's own
 * http-only login cookie (any instance can end the login). A signed-in browser holds one
 * http-only cookie naming a session kept in storage (only the SHA-256 of the cookie value is a
 * key), so sessions outlive a restart and every instance sees them. Nothing here runs unless
 * OIDC_ISSUER is set; `openid-client` itself is loaded on the first sign-in step.
 */
import { randomBytes } from 'node:crypto'
import type * as oidc from 'openid-client'
import { z } from 'zod'
import type { Config } from '../config.js'
import type { SignInSessionStore } from '../storage/Storage.js'
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

/** What the login cookie carries between `/auth/login` and `/auth/callback`. */
const PendingLogin = z.object({
  state: z.string().min(1).max(200),
  codeVerifier: z.string().min(43).max(128),
  nonce: z.string().min(1).max(200),
  returnTo: z.string().regex(/^\/(?![/\\])/).max(500),
  expiresAt: z.number(),
})
type PendingLogin = z.infer<typeof PendingLogin>

const LOGIN_TTL_MS = 10 * 60_000
export const SESSION_TTL_MS = 12 * 60 * 60_000
/** How often expired sessions are swept from storage (at most; on sign-in). */
const SWEEP_EVERY_MS = 10 * 60_000

export class SignInRefused extends Error {}

function encodeLogin(login: PendingLogin): string {
  return Buffer.from(JSON.stringify(login), 'utf8').toString('base64url')
}

function decodeLogin(cookie: string | undefined): PendingLogin | null {
  if (!cookie || cookie.length > 2000) return null
  try {
    return PendingLogin.safeParse(JSON.parse(Buffer.from(cookie, 'base64url').toString('utf8'))).data ?? null
  } catch {
    return null
  }
}

/** `openid-client`, imported on first use: a server without sign-in never loads it. */
let client: Promise<typeof oidc> | null = null
const openidClient = (): Promise<typeof oidc> => (client ??= import('openid-client'))

export class OidcSignIn {
  private configuration: Promise<{ client: typeof oidc; config: oidc.Configuration }> | null = null
  private lastSweep = 0

  constructor(
    readonly settings: OidcSettings,
    private readonly sessions: SignInSessionStore,
  ) {}

  /** Discovery happens on first use, and again after a failure. */
  private config(): Promise<{ client: typeof oidc; config: oidc.Configuration }> {
    if (!this.configuration) {
      const { issuer, clientId, clientSecret } = this.settings
      this.configuration = openidClient().then(async (client) => {
        const insecure = issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined
        const config = await client.discovery(issuer, clientId, clientSecret, undefined, insecure)
        client.enableNonRepudiationChecks(config)
        return { client, config }
      }).catch((error: unknown) => {
        this.configuration = null
        throw error
      })
    }
    return this.configuration
  }

  /** Starts a login: the provider URL to redirect to and the value of the login cookie. */
  async start(returnTo: string, now = Date.now()): Promise<{ url: string; loginCookie: string }> {
    const { client, config } = await this.config()
    const login: PendingLogin = {
      state: client.randomState(),
      codeVerifier: client.randomPKCECodeVerifier(),
      nonce: client.randomNonce(),
      returnTo,
      expiresAt: now + LOGIN_TTL_MS,
    }
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid profile email',
      code_challenge: await client.calculatePKCECodeChallenge(login.codeVerifier),
      code_challenge_method: 'S256',
      state: login.state,
      nonce: login.nonce,
    })
    return { url: url.href, loginCookie: encodeLogin(login) }
  }

  /**
   * Ends a login: `loginCookie` is what this browser started with. Checks the state, the
   * PKCE verifier, the ID token (signature, issuer, audience, expiry, nonce) and the email
   * domain; stores the session and answers its cookie value and where to go back to.
   */
  async finish(callbackUrl: URL, loginCookie: string | undefined, now = Date.now()): Promise<{ sessionId: string; user: SignedInUser; returnTo: string }> {
    const state = callbackUrl.searchParams.get('state')
    const login = decodeLogin(loginCookie)
    if (!state || !login || !secretsEqual(state, login.state) || login.expiresAt < now) throw new SignInRefused('this sign-in does not match the one this browser started')
    let claims: oidc.IDToken | undefined
    try {
      const { client, config } = await this.config()
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: login.state,
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
    await this.sweep(now)
    await this.sessions.createSignInSession({ idHash: hashToken(sessionId), ...user, createdAt: now, expiresAt: now + SESSION_TTL_MS })
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

  /** The user of a session cookie, or null (unknown, expired or malformed). */
  async user(sessionId: string | undefined, now = Date.now()): Promise<SignedInUser | null> {
    if (!sessionId || sessionId.length > 200) return null
    const session = await this.sessions.getSignInSession(hashToken(sessionId), now)
    return session ? { subject: session.subject, name: session.name, email: session.email } : null
  }

  async logout(sessionId: string | undefined): Promise<void> {
    if (sessionId && sessionId.length <= 200) await this.sessions.deleteSignInSession(hashToken(sessionId))
  }

  private async sweep(now: number): Promise<void> {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return
    this.lastSweep = now
    await this.sessions.deleteExpiredSignInSessions(now)
  }
}
