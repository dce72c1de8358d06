/**
 * Issue 18: the built client's hashed assets are sent precompressed (brotli or gzip, chosen by
 * Accept-Encoding, written at build by scripts/precompress.mjs) and cached immutably; the page
 * itself (index.html) is revalidated on every load.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { precompressDir } from '../../scripts/precompress.mjs'
import { startTestServer, tempDir } from '../helpers/server.js'

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

function get(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
        res.on('error', reject)
      })
      .on('error', reject)
  })
}

describe('static client assets', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  const script = `console.log(${JSON.stringify(crypto.randomBytes(4000).toString('hex'))});\n`.repeat(4)
  const name = 'app-Ab12Cd34.js'

  beforeAll(async () => {
    const dist = tempDir('canvas-dist-')
    fs.mkdirSync(path.join(dist, 'assets'))
    fs.writeFileSync(path.join(dist, 'index.html'), `<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/${name}"></script></body></html>`)
    fs.writeFileSync(path.join(dist, 'assets', name), script)
    expect(precompressDir(dist)).toBeGreaterThan(0)
    server = await startTestServer({ CLIENT_DIST_DIR: dist })
  })
  afterAll(async () => {
    await server.close()
  })

  it('sends brotli to a client that accepts it: the same bytes once decompressed, cached immutably', async () => {
    const res = await get(`${server.url}/assets/${name}`, { 'accept-encoding': 'gzip, deflate, br' })
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['content-type']).toMatch(/javascript/)
    expect(res.headers.vary).toMatch(/accept-encoding/i)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(res.body.byteLength).toBeLessThan(Buffer.byteLength(script))
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(script)
  })

  it('sends gzip when brotli is not accepted, and the plain file when nothing is', async () => {
    const gz = await get(`${server.url}/assets/${name}`, { 'accept-encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gz.body).toString()).toBe(script)
    expect(gz.headers['cache-control']).toMatch(/immutable/)

    const plain = await get(`${server.url}/assets/${name}`)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(script)
    expect(plain.headers['cache-control']).toMatch(/immutable/)
  })

  it('serves index.html (the app at / and at a board URL) revalidated, never immutable', async () => {
    for (const url of [`${server.url}/`, `${server.url}/b/someboard`]) {
      const res = await get(url, { 'accept-encoding': 'br' })
      expect(res.status).toBe(200)
      expect(res.headers['content-type']).toMatch(/text\/html/)
      expect(res.headers['cache-control']).toBe('no-cache')
      expect(res.body.toString()).toContain(`/assets/${name}`)
      // This dist has no board-preload.json (an older build): no preloads, the page still works.
      expect(res.body.toString()).not.toContain('rel="preload"')
    }
  })
})

/** The links a page's HTML starts with, by `rel`. */
function linksOf(html: string): { rel: string; href: string; as?: string }[] {
  return Array.from(html.matchAll(/<link\b[^>]*>/g), ([tag]) => ({
    rel: /rel="([^"]+)"/.exec(tag)?.[1] ?? '',
    href: /href="([^"]+)"/.exec(tag)?.[1] ?? '',
    as: /as="([^"]+)"/.exec(tag)?.[1],
  }))
}

describe('a board URL preloads the board page (the built client)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    // test/globalSetup.ts builds dist/ when it is missing or older than the sources.
    server = await startTestServer({ CLIENT_DIST_DIR: path.resolve('dist') })
  })
  afterAll(async () => {
    await server.close()
  })

  it("a board's page names its code (tldraw's included), styles, font and translation; the lobby, the space page and the projector view do not", async () => {
    const board = linksOf((await get(`${server.url}/b/someboard`, { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.8' })).body.toString())
    const modules = board.filter((l) => l.rel === 'modulepreload').map((l) => l.href)
    const lobbyModules = linksOf((await get(`${server.url}/`)).body.toString()).filter((l) => l.rel === 'modulepreload').map((l) => l.href)
    const extra = modules.filter((href) => !lobbyModules.includes(href))
    expect(extra.some((href) => /\/BoardPage-[\w-]+\.js$/.test(href))).toBe(true)
    // Every listed file exists, and one of them is tldraw (its editor's class names are in every build).
    const bodies = await Promise.all(extra.map(async (href) => (await get(`${server.url}${href}`)).body.toString()))
    expect(bodies.some((text) => text.includes('tl-container'))).toBe(true)
    const preloads = board.filter((l) => l.rel === 'preload')
    expect(preloads.filter((l) => l.as === 'style').length).toBeGreaterThan(0)
    expect(preloads.every((l) => ['style', 'font', 'fetch'].includes(l.as ?? ''))).toBe(true)
    // The faces nearly every board draws at once (notes: draw; labels: sans), and no other.
    const fonts = preloads.filter((l) => l.as === 'font').map((l) => l.href)
    expect(fonts).toEqual([expect.stringMatching(/\/Shantell_Sans-Informal_Regular\.latin-[\w-]+\.woff2$/), expect.stringMatching(/\/IBMPlexSans-Medium-[\w-]+\.woff2$/)])
    expect(preloads.filter((l) => l.as === 'fetch').map((l) => l.href)).toEqual([expect.stringMatching(/\/assets\/fr-[\w-]+\.json$/)])
    for (const { href } of preloads) expect((await get(`${server.url}${href}`)).status).toBe(200)
    const english = linksOf((await get(`${server.url}/b/someboard/`, { 'accept-language': 'de-DE' })).body.toString())
    expect(english.filter((l) => l.as === 'fetch').map((l) => l.href)).toEqual([expect.stringMatching(/\/assets\/en-[\w-]+\.json$/)])

    for (const page of ['/', '/s/somespace', '/b/someboard?present=someone', '/b/someboard/more']) {
      const links = linksOf((await get(`${server.url}${page}`)).body.toString())
      expect(links.filter((l) => l.rel === 'preload'), page).toEqual([])
      expect(links.filter((l) => l.rel === 'modulepreload').map((l) => l.href), page).toEqual(lobbyModules)
    }
  })
})
