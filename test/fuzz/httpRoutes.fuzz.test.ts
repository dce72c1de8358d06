/**
 * HTTP fuzz (hard rule 4): every route the app answers, taken from the server's own list (so a
 * route added later is fuzzed too), with malformed bodies, queries and path parameters, under
 * each kind of credential. Every answer must be below 500, and every 4xx must carry a JSON
 * `error` message; afterwards the server still answers and the board it was given has kept its
 * title and its note.
 *
 * Each request asks for `connection: close`: fetch's pool otherwise reuses keep-alive sockets
 * the server may have closed meanwhile, and such a client-side retry failure is not what is
 * tested here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectProvider, createTestBoard, startTestServer, waitForSync, type TestBoard } from '../helpers/server.js'
import { noteRecord, putRecord } from '../integration/fixtures.js'

const ADMIN_TOKEN = 'admin-fuzz-0123456789abcdef'
const NOTE_TEXT = 'kept through the fuzz'

const deep = (n: number): unknown => (n === 0 ? 'x' : { a: deep(n - 1), b: [n] })

/** Bodies no route accepts as they are, or accepts as a no-op ({}). */
const BODIES: string[] = [
  '',
  'null',
  '[]',
  '"x"',
  '42',
  '{',
  '\u0000\u0001',
  '{}',
  '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}',
  JSON.stringify({ title: null, label: null, text: null, name: null, state: null, settings: null, action: null, format: null, steps: null, planId: null, template: null, status: null }),
  JSON.stringify({ title: ['a'], label: {}, text: 1e308, name: -1, state: [], settings: 'x', action: 7, steps: {}, planId: 3, template: {}, status: {} }),
  JSON.stringify({ title: 'x'.repeat(50_000) }),
  JSON.stringify(deep(40)),
  JSON.stringify({ type: 'start', kind: 'x', at: -1, durationMs: 1e308, step: -1, index: 1e20 }),
  JSON.stringify({ records: [null, 1, 'x', { id: 5 }], schema: {} }),
  JSON.stringify({ tldrawFileFormatVersion: 1, schema: { schemaVersion: 99 }, records: [{}] }),
  JSON.stringify({ dataUrl: 'data:image/png;base64,AAAA' }),
  JSON.stringify({ due: 'not a date', owner: {}, done: 'yes', status: 'x', note: 5 }),
  '{"a":"\\ud800"}',
]
const QUERIES = ['', '?format=zzz&lang=xx&limit=1e99&from=abc&to=-1&token=%00&lang[]=x']
/** Values put in every path parameter besides the real ones. */
const ODD_PARAMS = ['%00', '..%2F..%2Fetc', 'x'.repeat(2000)]

describe('HTTP routes under malformed input', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let board: TestBoard
  let spaceId: string
  let spaceToken: string

  beforeAll(async () => {
    server = await startTestServer({ ADMIN_TOKEN })
    board = await createTestBoard(server.url, 'Fuzzed board', 'stakeholder-needs-map')
    const provider = connectProvider(server.url, board.id, board.tokens.participant)
    try {
      await waitForSync(provider, 10_000)
      putRecord(provider.doc, noteRecord('shape:kept', 0, 0, NOTE_TEXT))
      for (const start = Date.now(); !(await exportText()).includes(NOTE_TEXT); await new Promise((r) => setTimeout(r, 50))) {
        if (Date.now() - start > 10_000) throw new Error('the note was not stored')
      }
    } finally {
      provider.destroy()
    }
    const res = await fetch(`${server.url}/api/spaces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Fuzzed space' }) })
    const created = (await res.json()) as { space: { id: string }; links: Record<string, string> }
    spaceId = created.space.id
    spaceToken = created.links.facilitator!.split('#')[1]!
  }, 60_000)

  afterAll(async () => {
    await server?.close()
  })

  async function exportText(): Promise<string> {
    const res = await fetch(`${server.url}/api/boards/${board.id}/export?format=md`, { headers: { authorization: `Bearer ${board.tokens.facilitator}` } })
    return res.text()
  }

  /** The route's path with real ids, or (`odd`) with one odd value in every parameter. */
  function pathsOf(method: string, pattern: string): string[] {
    const real: Record<string, string> = { id: pattern.startsWith('/api/spaces') ? spaceId : board.id, boardId: board.id, noteId: 'shape:kept', tid: 'no-such-template', vid: '999999', pid: 'no-such-person', role: 'nobody', action: 'admit' }
    const withParams = (value: (name: string) => string) => pattern.replace(/:([A-Za-z]+)/g, (_m, name: string) => value(name)).replace('*', 'x')
    const odd = ODD_PARAMS.map((v) => withParams(() => v))
    // A DELETE with real ids would delete the fixtures the other routes need.
    return method === 'DELETE' ? odd : [withParams((name) => real[name] ?? 'x'), ...odd]
  }

  it('answers every malformed request with a 4xx and a message, and loses nothing', async () => {
    const credentials: Record<string, string | null> = {
      facilitator: board.tokens.facilitator,
      space: spaceToken,
      admin: ADMIN_TOKEN,
      none: null,
    }
    const routes = server.routes.filter((r) => r.path.startsWith('/api/') || r.path.startsWith('/sync') || r.path.startsWith('/auth'))
    // The list is the app's: the board, space, template and admin routes are all in it.
    expect(routes.length).toBeGreaterThan(40)
    const failures: string[] = []
    let requests = 0
    for (const { method, path: pattern } of routes) {
      const paths = pathsOf(method, pattern)
      for (const [i, path] of paths.entries()) {
        const queries = i === 0 ? QUERIES : ['']
        const bodies = method === 'GET' || method === 'DELETE' ? [undefined] : i === 0 ? BODIES : ['{}']
        for (const query of queries)
          for (const body of bodies)
            for (const [who, token] of Object.entries(credentials)) {
              requests++
              const headers: Record<string, string> = { connection: 'close' }
              if (token) headers.authorization = `Bearer ${token}`
              if (body !== undefined) headers['content-type'] = 'application/json'
              const what = `${method} ${path.slice(0, 60)}${query} as ${who} with ${JSON.stringify(body ?? null).slice(0, 40)}`
              try {
                const res = await fetch(server.url + path + query, { method, headers, body })
                const text = await res.text()
                if (res.status >= 500) failures.push(`${res.status} ${what}: ${text.slice(0, 120)}`)
                else if (res.status >= 400 && !hasErrorMessage(text)) failures.push(`${res.status} without a message: ${what}: ${text.slice(0, 120)}`)
              } catch (error) {
                failures.push(`no answer: ${what}: ${String((error as { cause?: unknown }).cause ?? error)}`)
              }
            }
      }
    }
    expect(failures).toEqual([])
    expect(requests).toBeGreaterThan(3000)
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status).toBe(200)
    const boardNow = await fetch(`${server.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${board.tokens.facilitator}` } })
    expect(((await boardNow.json()) as { board: { title: string } }).board.title).toBe('Fuzzed board')
    expect(await exportText()).toContain(NOTE_TEXT)
    expect(({} as { polluted?: number }).polluted).toBeUndefined()
  }, 240_000)
})

function hasErrorMessage(text: string): boolean {
  try {
    const body = JSON.parse(text) as { error?: unknown }
    return typeof body.error === 'string' && body.error.length > 0
  } catch {
    return false
  }
}
