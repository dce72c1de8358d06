/**
 * A real OpenID provider for the sign-in tests: `oidc-provider` on a loopback port, its
 * development login and consent pages, signing with a key the test made. In front of it, a
 * plain HTTP proxy (the issuer URL the canvas server is given) that can spoil the ID token of
 * the next token response: tamper with its payload (signature kept) or re-sign it expired.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Provider } from 'oidc-provider'

export type Spoil = 'none' | 'tamper' | 'expire'

export type Account = { name: string; email: string }

export type OidcFixture = {
  issuer: string
  clientId: string
  clientSecret: string
  /** How the next token response's ID token is spoiled (then back to 'none'). */
  spoilNext(spoil: Spoil): void
  close(): Promise<void>
}

export async function freePort(): Promise<number> {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

function spoilIdToken(idToken: string, spoil: Spoil, key: KeyObject): string {
  const [header, payload, signature] = idToken.split('.') as [string, string, string]
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
  if (spoil === 'tamper') {
    const forged = Buffer.from(JSON.stringify({ ...claims, name: 'Mallory Forged' })).toString('base64url')
    return `${header}.${forged}.${signature}`
  }
  const now = Math.floor(Date.now() / 1000)
  const expired = Buffer.from(JSON.stringify({ ...claims, iat: now - 7200, exp: now - 3600 })).toString('base64url')
  const resigned = sign('sha256', Buffer.from(`${header}.${expired}`), key).toString('base64url')
  return `${header}.${expired}.${resigned}`
}

export async function startOidcProvider(redirectUri: string, accounts: Record<string, Account>): Promise<OidcFixture> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' }
  const proxyPort = await freePort()
  const issuer = `http://127.0.0.1:${proxyPort}`
  const clientId = 'workshop-canvas'
  const clientSecret = 'a-client-secret-for-the-test-provider'
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    jwks: { keys: [jwk] },
    cookies: { keys: ['cookie-key-of-the-test-provider'] },
    claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'] },
    pkce: { required: () => true },
    // Put the profile and email claims in the ID token itself, as department providers do.
    conformIdTokenClaims: false,
    findAccount: (_ctx: unknown, id: string) => {
      const account = accounts[id]
      if (!account) return undefined
      return { accountId: id, claims: () => ({ sub: id, name: account.name, email: account.email, email_verified: true }) }
    },
  })
  const upstream = await new Promise<http.Server>((resolve) => {
    const s = provider.listen(0, '127.0.0.1', () => resolve(s))
  })
  const upstreamPort = (upstream.address() as AddressInfo).port
  let spoil: Spoil = 'none'
  const proxy = http.createServer((req, res) => {
    const forward = http.request({ host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers: req.headers }, (up) => {
      if (spoil === 'none' || !req.url?.startsWith('/token')) {
        res.writeHead(up.statusCode ?? 502, up.headers)
        up.pipe(res)
        return
      }
      const chunks: Buffer[] = []
      up.on('data', (c: Buffer) => chunks.push(c))
      up.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id_token?: string }
        if (body.id_token) body.id_token = spoilIdToken(body.id_token, spoil, privateKey)
        spoil = 'none'
        const text = JSON.stringify(body)
        const headers = { ...up.headers, 'content-length': String(Buffer.byteLength(text)) }
        delete headers['content-encoding']
        res.writeHead(up.statusCode ?? 502, headers)
        res.end(text)
      })
    })
    forward.on('error', () => res.destroy())
    req.pipe(forward)
  })
  await new Promise<void>((resolve) => proxy.listen(proxyPort, '127.0.0.1', resolve))
  return {
    issuer,
    clientId,
    clientSecret,
    spoilNext(next) {
      spoil = next
    },
    async close() {
      proxy.closeAllConnections()
      upstream.closeAllConnections()
      await Promise.all([new Promise((r) => proxy.close(r)), new Promise((r) => upstream.close(r))])
    },
  }
}

/**
 * A browser without a screen: one cookie jar (cookies ignore ports, so the canvas and the
 * provider on 127.0.0.1 share it, as in a browser), redirects followed by hand.
 */
export class CookieBrowser {
  readonly cookies = new Map<string, string>()

  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const eq = pair!.indexOf('=')
      const name = pair!.slice(0, eq).trim()
      const value = pair!.slice(eq + 1).trim()
      const expired = /max-age=0|expires=thu, 01 jan 1970/i.test(line)
      if (expired || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  async request(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const res = await fetch(url, { method: init.method ?? 'GET', body: init.body, headers: { ...init.headers, ...(cookie ? { cookie } : {}) }, redirect: 'manual' })
    this.remember(res)
    return res
  }

  /** Follows redirects until `stop(url)` says so, or a page that is not a redirect. */
  async follow(url: string, stop: (next: URL) => boolean, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<{ res: Response; url: URL }> {
    let current = new URL(url)
    let res = await this.request(current.href, init)
    for (let hops = 0; hops < 20 && res.status >= 300 && res.status < 400; hops++) {
      const next = new URL(res.headers.get('location')!, current)
      if (stop(next)) return { res, url: next }
      current = next
      res = await this.request(current.href)
    }
    return { res, url: current }
  }

  /** Submits the provider's login and consent forms until it redirects to `redirectUri`. */
  async signInAtProvider(page: { res: Response; url: URL }, login: string, redirectUri: string): Promise<URL> {
    let current = page
    for (let step = 0; step < 4; step++) {
      if (current.url.href.startsWith(redirectUri)) return current.url
      const html = await current.res.text()
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]
      const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1]
      if (!action || !prompt) throw new Error(`no sign-in form at ${current.url.href}: ${html.slice(0, 300)}`)
      const body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt }).toString()
      current = await this.follow(new URL(action.replace(/&amp;/g, '&'), current.url).href, (next) => next.href.startsWith(redirectUri), {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
    }
    if (current.url.href.startsWith(redirectUri)) return current.url
    throw new Error('the provider did not send the browser back')
  }
}
