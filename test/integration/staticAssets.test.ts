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
    }
  })
})
