/**
 * An empty server loads what rooms, boards, templates and exports need on their first use
 * (issue 18: Room code, tldraw's schema package, reports, sign-in). The first requests after a
 * start arrive together: none of them may fail or see a half-loaded module. Run on the bundle,
 * as `npm start` serves it, in a fresh process where nothing is loaded yet.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readAllRecords } from '../../shared/docLayout.js'
import { connectProvider, createTestBoard, spawnServerProcess, tempDir, waitFor, waitForSync, type ServerProcess } from '../helpers/server.js'
import { noteRecord, putRecord } from './fixtures.js'

describe('first use of a started server', () => {
  let proc: ServerProcess
  beforeAll(async () => {
    proc = await spawnServerProcess({ LOG_LEVEL: 'error' })
  }, 90_000)
  afterAll(async () => {
    proc.child.kill('SIGTERM')
    await proc.exited
  })

  it('concurrent first board creations, room loads and exports all succeed', async () => {
    const [a, b] = await Promise.all([createTestBoard(proc.url, 'A'), createTestBoard(proc.url, 'B')])
    // Three sockets on two boards, opened together: the first two rooms load at the same time.
    const providers = [
      connectProvider(proc.url, a.id, a.tokens.participant),
      connectProvider(proc.url, a.id, a.tokens.participant),
      connectProvider(proc.url, b.id, b.tokens.participant),
    ]
    const exports = ['tldr', 'tldr', 'csv', 'md'].map((format, i) => {
      const board = i % 2 ? b : a
      return fetch(`${proc.url}/api/boards/${board.id}/export?format=${format}`, { headers: { authorization: `Bearer ${board.tokens.facilitator}` } })
    })
    try {
      await Promise.all(providers.map((p) => waitForSync(p, 20_000)))
      // Every board starts with tldraw's document and page records, from the schema built on first use.
      for (const p of providers) expect(readAllRecords(p.doc).map((r) => r.typeName).sort()).toEqual(['document', 'page'])
      putRecord(providers[0]!.doc, noteRecord('shape:first', 0, 0, 'first note'))
      await waitFor(() => readAllRecords(providers[1]!.doc).some((r) => r.id === 'shape:first'), 10_000, 'the note on the other socket')
      const answers = await Promise.all(exports)
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200])
      const tldr = (await answers[0]!.json()) as { schema?: unknown; records: unknown[] }
      expect(tldr.schema).toBeTruthy()
    } finally {
      for (const p of providers) p.destroy()
    }
  }, 60_000)

  it('a space page and report, asked together first, both answer', async () => {
    const res = await fetch(`${proc.url}/api/spaces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Team' }) })
    expect(res.status).toBe(201)
    const { space, links } = (await res.json()) as { space: { id: string }; links: Record<string, string> }
    const token = Object.values(links)[0]!.split('#')[1]!
    const auth = { authorization: `Bearer ${token}` }
    const [page, report] = await Promise.all([
      fetch(`${proc.url}/api/spaces/${space.id}`, { headers: auth }),
      fetch(`${proc.url}/api/spaces/${space.id}/report?format=csv`, { headers: auth }),
    ])
    expect([page.status, report.status]).toEqual([200, 200])
    expect(((await page.json()) as { charts?: unknown }).charts).toBeTruthy()
    expect(await report.text()).toMatch(/^section,name,date/)
  }, 60_000)
})

/**
 * The server bundle carries the pure-JavaScript packages it loads at start (scripts/buildServer.mjs,
 * BUNDLED): one chunk instead of hundreds of module files, ≈ 5 MiB less RSS for an empty server
 * (issue 18). Bundled, they must still work as one copy each: a second Yjs would break its
 * constructor checks and print a warning.
 */
describe('the server bundle', () => {
  it('imports none of its bundled packages from node_modules, and serves a board with them', async () => {
    const traceFile = path.join(tempDir(), 'modules.txt')
    const trace = pathToFileURL(path.resolve('test/helpers/moduleTrace.mjs')).href
    const proc = await spawnServerProcess({ LOG_LEVEL: 'error', MODULE_TRACE_FILE: traceFile, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${trace}` })
    let stderr = ''
    proc.child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const board = await createTestBoard(proc.url, 'Bundle')
    const [a, b] = [connectProvider(proc.url, board.id, board.tokens.participant), connectProvider(proc.url, board.id, board.tokens.participant)]
    try {
      await Promise.all([waitForSync(a, 20_000), waitForSync(b, 20_000)])
      putRecord(a.doc, noteRecord('shape:bundled', 0, 0, 'through the bundled ws, Yjs and y-protocols'))
      await waitFor(() => readAllRecords(b.doc).some((r) => r.id === 'shape:bundled'), 10_000, 'the note on the other socket')
      const exported = await fetch(`${proc.url}/api/boards/${board.id}/export?format=csv`, { headers: { authorization: `Bearer ${board.tokens.facilitator}` } })
      expect(await exported.text()).toContain('through the bundled ws, Yjs and y-protocols')
      // A bad request still gets zod's message through the bundled zod and hono.
      const bad = await fetch(`${proc.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 42 }) })
      expect(bad.status).toBe(400)
      // Metrics through prom-client's own metric files (server/promClient.ts), histograms included.
      const metrics = await (await fetch(`${proc.url}/metrics`)).text()
      expect(metrics).toMatch(/^canvas_sessions 2$/m)
      expect(metrics).toMatch(/^canvas_persist_seconds_count [1-9]/m)
      expect(metrics).toMatch(/^canvas_persist_seconds_bucket\{le="\+Inf"\} [1-9]/m)
    } finally {
      a.destroy()
      b.destroy()
      proc.child.kill('SIGTERM')
      await proc.exited
    }
    const fromPackages = fs
      .readFileSync(traceFile, 'utf8')
      .split('\n')
      .filter((url) => url.includes('/node_modules/'))
      .map((url) => url.replace(/^.*\/node_modules\//, '').split('/').slice(0, url.includes('/node_modules/@') ? 2 : 1).join('/'))
    // What stays outside: the native SQLite binding at least (the trace itself works).
    expect(fromPackages).toContain('better-sqlite3')
    for (const bundled of ['zod', 'hono', '@hono/node-server', '@hono/node-ws', 'ws', 'yjs', 'lib0', 'y-protocols', 'papaparse', 'markdown-table']) {
      expect(fromPackages, bundled).not.toContain(bundled)
    }
    expect(stderr).not.toMatch(/Yjs was already imported/)
    // prom-client's index would also load its default process metrics, cluster aggregator and
    // Pushgateway client (≈ 3.5 MiB of an empty server's RSS, issue 18): only its metric classes.
    const files = fs.readFileSync(traceFile, 'utf8').split('\n')
    expect(files.some((url) => url.endsWith('/prom-client/lib/histogram.js'))).toBe(true)
    expect(files.filter((url) => /\/prom-client\/(index\.js|lib\/defaultMetrics\.js|lib\/pushgateway\.js)$/.test(url))).toEqual([])
  }, 90_000)
})
