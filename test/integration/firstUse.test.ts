/**
 * An empty server loads what rooms, boards, templates and exports need on their first use
 * (issue 18: Room code, tldraw's schema package, reports, sign-in). The first requests after a
 * start arrive together: none of them may fail or see a half-loaded module. Run on the bundle,
 * as `npm start` serves it, in a fresh process where nothing is loaded yet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readAllRecords } from '../../shared/docLayout.js'
import { connectProvider, createTestBoard, spawnServerProcess, waitFor, waitForSync, type ServerProcess } from '../helpers/server.js'
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
