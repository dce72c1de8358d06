/**
 * The board report of a risk workshop (issue 16): it starts with its summary (purpose aside:
 * date and time, facilitator, attendance, top-voted items ranked, decisions and actions with
 * owners) and holds a server-drawn SVG heat map whose cells carry the right counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getRecordsMap, readAllRecords, writeRecord } from '../../shared/docLayout.js'
import { VOTES_MAP, PROFILE_MAP } from '../../shared/facilitation.js'
import { positionInZone, readActivities, type ActivityZone } from '../../shared/activities/index.js'
import { noteRecord } from '../helpers/records.js'
import { connectProvider, startTestServer, waitFor, waitForSync } from '../helpers/server.js'
import { api, createSpace, createSpaceBoard, type Server, type SpaceBoard } from './support.js'

/** Hand-placed risks: two in 4×5 (critical), one in 3×3 (medium), one in 1×2 (low). */
const RISKS = [
  { id: 'shape:r1', text: 'Supplier fails', l: 4, i: 5, meta: { owner: 'Dana', mitigation: 'Second supplier' } },
  { id: 'shape:r2', text: 'Key person leaves', l: 4, i: 5, meta: {} },
  { id: 'shape:r3', text: 'Staff turnover', l: 3, i: 3, meta: {} },
  { id: 'shape:r4', text: 'Minor glitch', l: 1, i: 2, meta: {} },
]

describe('board report of a risk workshop (issue 16)', () => {
  let server: Server
  let board: SpaceBoard

  beforeAll(async () => {
    server = await startTestServer()
    const space = await createSpace(server, 'Risk team')
    board = await createSpaceBoard(server, space, { title: 'Q3 risk workshop', template: 'risk-matrix', date: '2026-09-15', purpose: 'Agree the top risks of Q3 and who owns them' })
    const control = connectProvider(server.url, `${board.id}/control`, board.tokens.viewer)
    await waitForSync(control)
    await waitFor(() => readActivities(readAllRecords(control.doc)).length === 1)
    const zones = readActivities(readAllRecords(control.doc))[0]!.zones
    control.destroy()
    const cell = (l: number, i: number) => zones.find((z): z is ActivityZone => z.meaning.kind === 'riskCell' && z.meaning.likelihood === l && z.meaning.impact === i)!
    // Two named pages (a facilitator and a member) write the risks; an unnamed viewer watches.
    const facilitator = connectProvider(server.url, board.id, board.tokens.facilitator)
    facilitator.awareness.setLocalStateField('user', { id: 'fac-1', name: 'Fatima', color: '#1e6fd9' })
    const member = connectProvider(server.url, board.id, space.tokens.member)
    member.awareness.setLocalStateField('user', { id: 'mem-1', name: 'Marc', color: '#c2185b' })
    const viewer = connectProvider(server.url, board.id, board.tokens.viewer)
    await Promise.all([facilitator, member, viewer].map((p) => waitForSync(p)))
    member.doc.transact(() => {
      for (const [k, r] of RISKS.entries()) {
        const at = positionInZone(cell(r.l, r.i), undefined, k)
        writeRecord(getRecordsMap(member.doc), noteRecord(r.id, r.text, at.x, at.y, { meta: r.meta }))
      }
    })
    // A vote: Marc gives 2 to "Staff turnover" and 1 to "Minor glitch"; revealed.
    const act = (body: unknown) => api(server, `/api/boards/${board.id}/facilitation`, board.tokens.facilitator, { method: 'POST', json: body })
    const opened = (await (await act({ action: 'openVote', settings: { votesPerPerson: 3, maxPerNote: 2, anonymous: true, hideTotals: true } })).json()) as { vote: { id: string } }
    const ballot = connectProvider(server.url, `${board.id}/private/marc-0123456789abcdefghij`, board.tokens.participant)
    await waitForSync(ballot)
    ballot.doc.transact(() => {
      ballot.doc.getMap(PROFILE_MAP).set('name', 'Marc')
      const votes = new Y.Map<number>()
      votes.set('shape:r3', 2)
      votes.set('shape:r4', 1)
      ballot.doc.getMap(VOTES_MAP).set(opened.vote.id, votes)
    })
    await new Promise((r) => setTimeout(r, 300))
    await act({ action: 'closeVote' })
    await act({ action: 'revealVote' })
    await new Promise((r) => setTimeout(r, 300))
    for (const p of [facilitator, member, viewer, ballot]) p.destroy()
  }, 30_000)
  afterAll(async () => {
    await server.close()
  })

  const report = async (format: 'md' | 'html') => (await api(server, `/api/boards/${board.id}/export?format=${format}`, board.tokens.viewer)).text()

  it('starts with its summary: date and time, facilitator, attendance, top-voted items ranked, decisions and actions', async () => {
    const md = await report('md')
    const summary = md.indexOf('## Summary')
    expect(summary).toBeGreaterThan(0)
    expect(summary).toBeLessThan(md.indexOf('## Risk matrix'))
    const head = md.slice(summary, md.indexOf('## Risk matrix'))
    expect(head).toContain('**Purpose:** Agree the top risks of Q3 and who owns them')
    expect(head).toContain('**Date and time:** September 15, 2026')
    expect(head).toMatch(/\*\*Facilitator:\*\* Fatima\s/)
    expect(head).toMatch(/\*\*Attendance \(2\):\*\* Fatima \(facilitator\), Marc \(participant\)\n/)
    expect(head).toContain('1. Staff turnover (2 votes) · Risk matrix\n2. Minor glitch (1 vote) · Risk matrix')
    expect(head).toMatch(/\|\s*Supplier fails: Second supplier\s*\|\s*Dana\s*\|/)
    // The critical and high risks, highest first, before the decisions: the two 4 × 5 risks, not the medium or low ones.
    const risks = head.slice(head.indexOf('### Critical and high risks'), head.indexOf('### Decisions and actions'))
    expect(risks).not.toBe('')
    const rows = risks.split('\n').filter((l) => /^\|\s*R\d/.test(l))
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatch(/^\|\s*R1\s*\|\s*Supplier fails\s*\|\s*20\s*\|\s*Critical\s*\|\s*Dana\s*\|\s*Risk matrix\s*\|$/)
    expect(rows[1]).toMatch(/^\|\s*R2\s*\|\s*Key person leaves\s*\|\s*20\s*\|\s*Critical\s*\|\s*\|/)
    expect(risks).not.toContain('Staff turnover')
  })

  it('says so when a risk workshop has no critical or high risk, in French too', async () => {
    const calm = await (await api(server, '/api/boards', null, { method: 'POST', json: { title: 'Calme', template: 'risk-matrix', locale: 'fr' } })).json() as { board: { id: string }; links: { viewer: string } }
    const viewer = calm.links.viewer.slice(calm.links.viewer.indexOf('#') + 1)
    const md = await (await api(server, `/api/boards/${calm.board.id}/export?format=md&lang=fr`, viewer)).text()
    expect(md).toContain('### Risques critiques et élevés\n\n_Aucun risque critique ou élevé._')
  })

  it('the HTML report puts every table, the figures’ too, in a named region that scrolls on a phone; SVG figures shrink to fit', async () => {
    const html = await report('html')
    const tables = html.match(/<table[\s>]/g)?.length ?? 0
    expect(tables).toBeGreaterThanOrEqual(3)
    const regions = [...html.matchAll(/<div class="table-scroll" role="region" aria-label="([^"]*)" tabindex="0"><table[\s>]/g)].map((m) => m[1])
    expect(regions).toHaveLength(tables)
    expect(regions.every((name) => name !== '')).toBe(true)
    expect(regions).toContain('Decisions and actions')
    expect(html).toMatch(/\.figure svg \{ max-width: 100%; height: auto; \}/)
  })

  it('holds an SVG heat map whose cells carry the right counts, in band colours', async () => {
    const html = await report('html')
    // The board's picture (server-drawn SVG) right after the title, then the summary, then the heat map.
    expect(html).toMatch(/<h1[^>]*>Q3 risk workshop<\/h1>\s*<figure class="board"><svg /)
    expect(html.indexOf('<figure class="board">')).toBeLessThan(html.indexOf('Summary'))
    expect(html.indexOf('Summary')).toBeLessThan(html.indexOf('<g data-cell='))
    const count = (l: number, i: number) => {
      const cell = new RegExp(`<g data-cell="${l}-${i}">.*?data-count="(\\d+)"`).exec(html)
      return cell ? Number(cell[1]) : null
    }
    expect(count(4, 5)).toBe(2)
    expect(count(3, 3)).toBe(1)
    expect(count(1, 2)).toBe(1)
    expect(count(5, 5)).toBe(0)
    expect(html.match(/<g data-cell="/g)).toHaveLength(25)
    expect(/<rect[^>]*data-likelihood="4"[^>]*data-impact="5"[^>]*data-band="critical"/.test(html)).toBe(true)
    // The Markdown report holds the heat map as a table under the activity's heading, before the register.
    const md = await report('md')
    const heading = md.indexOf('## Risk matrix')
    const register = md.indexOf('| ID', heading)
    const heatMap = md.slice(heading, register)
    expect(heatMap).toMatch(/Likelihood/)
    expect(register).toBeGreaterThan(heading)
    expect(heatMap.split('\n').filter((line) => line.startsWith('|'))).toHaveLength(7)
  })
})
