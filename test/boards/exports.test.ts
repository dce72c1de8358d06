/**
 * Issue 5 exports and issue 3 template protection, for a board with known content written
 * through raw Yjs clients.
 */
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getRecordsMap, readAllRecords, writeRecord } from '../../shared/docLayout.js'
import { positionInZone, readActivities, type ActivityZone } from '../../shared/activities/index.js'
import { connectProvider, createTestBoard, startTestServer, waitFor, waitForSync } from '../helpers/server.js'
import { noteRecord } from '../helpers/records.js'

type Server = Awaited<ReturnType<typeof startTestServer>>

function riskCell(zones: ActivityZone[], likelihood: number, impact: number): ActivityZone {
  const zone = zones.find((z) => z.meaning.kind === 'riskCell' && z.meaning.likelihood === likelihood && z.meaning.impact === impact)
  if (!zone) throw new Error(`no risk cell ${likelihood}×${impact}`)
  return zone
}

describe('exports of a risk matrix board (issue 5)', () => {
  let server: Server
  let board: Awaited<ReturnType<typeof createTestBoard>>
  const tricky = 'Supplier fails, "badly",\nand again'

  beforeAll(async () => {
    server = await startTestServer()
    board = await createTestBoard(server.url, 'Q3 risks, "draft"', 'risk-matrix')
    const control = connectProvider(server.url, `${board.id}/control`, board.tokens.viewer)
    await waitForSync(control)
    await waitFor(() => readActivities(readAllRecords(control.doc)).length === 1)
    const zones = readActivities(readAllRecords(control.doc))[0]!.zones
    const writer = connectProvider(server.url, board.id, board.tokens.participant)
    await waitForSync(writer)
    const place = (id: string, text: string, l: number, i: number, meta: Record<string, unknown> = {}) => {
      const at = positionInZone(riskCell(zones, l, i))
      return noteRecord(id, text, at.x, at.y, { meta })
    }
    writer.doc.transact(() => {
      const records = getRecordsMap(writer.doc)
      writeRecord(records, place('shape:low', 'Minor glitch', 1, 2))
      writeRecord(records, place('shape:top', tricky, 4, 5, { owner: 'Dana', mitigation: 'Second supplier' }))
      writeRecord(records, place('shape:mid', 'Staff turnover', 3, 3, { owner: 'Lee' }))
    })
    await new Promise((r) => setTimeout(r, 200))
    control.destroy()
    writer.destroy()
  })
  afterAll(async () => {
    await server.close()
  })

  const exportAs = async (format: string, token = board.tokens.viewer) =>
    fetch(`${server.url}/api/boards/${board.id}/export?format=${format}`, { headers: { authorization: `Bearer ${token}` } })

  it('CSV parses back into one row per note, with commas, quotes and newlines intact', async () => {
    const res = await exportAs('csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/csv/)
    const parsed = Papa.parse<Record<string, string>>(await res.text(), { header: true, skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    const rows = parsed.data.map((r) => ({ zone: r.zone, text: r.text, owner: r.owner, score: r.score }))
    // Sorted by score as in the register: 4×5 = 20 critical, 3×3 = 9 medium, 1×2 = 2 low.
    expect(rows).toEqual([
      { zone: 'likelihood 4 × impact 5', text: tricky, owner: 'Dana', score: '20 (Critical)' },
      { zone: 'likelihood 3 × impact 3', text: 'Staff turnover', owner: 'Lee', score: '9 (Medium)' },
      { zone: 'likelihood 1 × impact 2', text: 'Minor glitch', owner: '', score: '2 (Low)' },
    ])
    expect(parsed.data.every((r) => r.activity === 'Risk matrix')).toBe(true)
  })

  it('the Markdown report lists the risks in score order', async () => {
    const md = await (await exportAs('md')).text()
    expect(md).toContain('# Q3 risks, "draft"')
    const top = md.indexOf('Supplier fails')
    const mid = md.indexOf('Staff turnover')
    const low = md.indexOf('Minor glitch')
    expect(top).toBeGreaterThan(0)
    expect(top).toBeLessThan(mid)
    expect(mid).toBeLessThan(low)
    expect(md).toMatch(/\|\s*R1\s*\|\s*Supplier fails, "badly", \/ and again\s*\|\s*4\s*\|\s*5\s*\|\s*20\s*\|/)
  })

  it('the HTML report escapes note text and carries no script', async () => {
    const html = await (await exportAs('html')).text()
    expect(html).toContain('<table>')
    expect(html).toContain('Supplier fails, &quot;badly&quot;')
    expect(html).not.toMatch(/<script/i)
  })

  it('JSON holds the structured risk register', async () => {
    const json = (await (await exportAs('json')).json()) as {
      results: { activities: Array<{ kind: string; register: Array<{ text: string; score: number; band: string }> }> }
    }
    const register = json.results.activities[0]!.register
    expect(register.map((r) => [r.text, r.score, r.band])).toEqual([
      [tricky, 20, 'critical'],
      ['Staff turnover', 9, 'medium'],
      ['Minor glitch', 2, 'low'],
    ])
  })

  it('the .tldr export parses with tldraw and holds the same shapes', async () => {
    const text = await (await exportAs('tldr')).text()
    const { parseTldrawJsonFile, createTLSchema } = await import('tldraw')
    const parsed = parseTldrawJsonFile({ json: text, schema: createTLSchema() })
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const shapeIds = parsed.value.allRecords().filter((r) => r.typeName === 'shape').map((r) => r.id)
    const viewer = connectProvider(server.url, board.id, board.tokens.viewer)
    const control = connectProvider(server.url, `${board.id}/control`, board.tokens.viewer)
    await Promise.all([waitForSync(viewer), waitForSync(control)])
    const expected = [...readAllRecords(viewer.doc), ...readAllRecords(control.doc)].filter((r) => r.typeName === 'shape').map((r) => r.id)
    expect(new Set(shapeIds)).toEqual(new Set(expected))
    expect(shapeIds).toContain('shape:top')
    viewer.destroy()
    control.destroy()
  })

  it('an unknown format is a 400 with the valid ones; a wrong token a 403', async () => {
    const bad = await exportAs('pdf')
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: string }).error).toMatch(/json, csv, md, html, tldr/)
    expect((await exportAs('csv', 'A'.repeat(22))).status).toBe(403)
  })

  it('[R3] a participant writing to the control doc is refused and the template is unchanged for everyone', async () => {
    const before = connectProvider(server.url, `${board.id}/control`, board.tokens.viewer)
    await waitForSync(before)
    const snapshot = JSON.stringify(readAllRecords(before.doc).sort((a, b) => a.id.localeCompare(b.id)))
    const attacker = connectProvider(server.url, `${board.id}/control`, board.tokens.participant)
    await waitForSync(attacker)
    const frame = readAllRecords(attacker.doc).find((r) => r.type === 'frame')!
    attacker.doc.transact(() => {
      writeRecord(getRecordsMap(attacker.doc), { ...frame, x: 5000, isLocked: false })
      getRecordsMap(attacker.doc).delete(readAllRecords(attacker.doc).find((r) => r.type === 'geo')!.id)
    })
    await new Promise((r) => setTimeout(r, 300))
    attacker.destroy()
    const after = connectProvider(server.url, `${board.id}/control`, board.tokens.facilitator)
    await waitForSync(after)
    expect(JSON.stringify(readAllRecords(after.doc).sort((a, b) => a.id.localeCompare(b.id)))).toBe(snapshot)
    expect(JSON.stringify(readAllRecords(before.doc).sort((a, b) => a.id.localeCompare(b.id)))).toBe(snapshot)
    before.destroy()
    after.destroy()
  })

  it('carry-over brings the open actions of an earlier retrospective into a new one', async () => {
    const earlier = await createTestBoard(server.url, 'Sprint 1 retro', 'retro-start-stop-continue')
    const control = connectProvider(server.url, `${earlier.id}/control`, earlier.tokens.viewer)
    await waitForSync(control)
    await waitFor(() => readActivities(readAllRecords(control.doc)).length === 1)
    const actions = readActivities(readAllRecords(control.doc))[0]!.zones.find((z) => z.meaning.kind === 'actions')!
    const writer = connectProvider(server.url, earlier.id, earlier.tokens.participant)
    await waitForSync(writer)
    writer.doc.transact(() => {
      const a = positionInZone(actions, undefined, 0)
      const b = positionInZone(actions, undefined, 1)
      writeRecord(getRecordsMap(writer.doc), noteRecord('shape:act1', 'Fix the build', a.x, a.y, { meta: { owner: 'Ana', due: '2026-12-01' } }))
      writeRecord(getRecordsMap(writer.doc), noteRecord('shape:act2', 'Already done', b.x, b.y, { meta: { status: 'done' } }))
    })
    await new Promise((r) => setTimeout(r, 200))
    const next = await createTestBoard(server.url, 'Sprint 2 retro', 'retro-4ls')
    const res = await fetch(`${server.url}/api/boards/${next.id}/carry-over`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${next.tokens.facilitator}` },
      body: JSON.stringify({ fromBoardId: earlier.id, fromToken: earlier.tokens.viewer }),
    })
    expect(res.status).toBe(201)
    expect(((await res.json()) as { carried: number }).carried).toBe(1)
    const results = (await (await fetch(`${server.url}/api/boards/${next.id}/results`, { headers: { authorization: `Bearer ${next.tokens.viewer}` } })).json()) as {
      results: { activities: Array<{ kind: string; actions: Array<{ text: string; owner: string | null; due: string | null }> }> }
    }
    expect(results.results.activities[0]!.actions).toMatchObject([{ text: 'Fix the build', owner: 'Ana', due: '2026-12-01' }])
    control.destroy()
    writer.destroy()
  })
})

