/**
 * A space with three sessions written through raw clients and the HTTP API (issue 16, SPEC T2,
 * T3): trends, counts and trajectories equal hand-computed values; small-group privacy; an
 * action changed from the space shows on its board and the reverse; commitment check-ins; the
 * space report holds the charts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { getRecordsMap, readRecord, writeRecord } from '../../shared/docLayout.js'
import { connectProvider, startTestServer, waitFor, waitForSync } from '../helpers/server.js'
import { THREE_SESSIONS, writeSession } from './sessionWriter.js'
import { api, createSpace, type Server, type SpaceBoard, type TestSpace } from './support.js'

type Series = { key: string; points: Array<{ session: string; value: number | null; respondents: number }> }
type Overview = {
  sessions: Array<{ id: string; date: string; activities: string[] }>
  actions: Array<{ boardId: string; noteId: string; text: string; owner: string | null; due: string | null; status: string; overdue: boolean }>
  actionCounts: { total: number; open: number; done: number; dropped: number; overdue: number }
  commitments: Array<{ noteId: string; text: string; mode: string; status: string | null; checkIns: Array<{ status: string; note: string }> }>
  commitmentCounts: { total: { total: number; done: number; inProgress: number; dropped: number; noCheckIn: number } }
  recognition: Array<{ text: string; to: string | null; category: string }>
  risks: Array<{ label: string; points: Array<{ session: string; score: number | null }>; latestScore: number; change: number | null }>
  trends: { readiness: Series; evaluation: Series }
}
type Page = { overview: Overview; charts: Record<'readiness' | 'evaluation' | 'risks', { svg: string; table: string }> }

describe('a space with three sessions (issue 16)', () => {
  let server: Server
  let space: TestSpace
  let boards: SpaceBoard[]

  const page = async (query = '') => (await (await api(server, `/api/spaces/${space.id}${query}`, space.tokens.viewer)).json()) as Page

  beforeAll(async () => {
    server = await startTestServer()
    space = await createSpace(server, 'Delivery team')
    boards = []
    for (const [k, data] of THREE_SESSIONS.entries()) boards.push(await writeSession(server, space, k + 1, data))
  }, 60_000)
  afterAll(async () => {
    await server.close()
  })

  it('gives the sessions in date order and readiness/evaluation means equal to hand-computed values; 4 respondents are withheld, 5 shown', async () => {
    const { overview } = await page()
    expect(overview.sessions.map((s) => [s.id, s.date])).toEqual([
      [boards[0]!.id, '2026-09-01'],
      [boards[1]!.id, '2026-10-01'],
      [boards[2]!.id, '2026-11-01'],
    ])
    // Readiness: (3+4+5+6+7)/5 = 5; four answers: withheld; (2+4+6+8+10+6)/6 = 6.
    expect(overview.trends.readiness.points.map((p) => [p.value, p.respondents])).toEqual([
      [5, 5],
      [null, 4],
      [6, 6],
    ])
    // Evaluation: (4+4+5+3+4)/5 = 4; (5+5+5+5+4)/5 = 4.8; four answers: withheld.
    expect(overview.trends.evaluation.points.map((p) => [p.value === null ? null : Math.round(p.value * 100) / 100, p.respondents])).toEqual([
      [4, 5],
      [4.8, 5],
      [null, 4],
    ])
  })

  it('follows each risk across sessions: Budget cut 20 → 12 → 4, Staff turnover 9 → 16 → not assessed', async () => {
    const { overview } = await page()
    expect(overview.risks.map((r) => ({ label: r.label, scores: r.points.map((p) => p.score), latest: r.latestScore, change: r.change }))).toEqual([
      { label: 'Staff turnover', scores: [9, 16, null], latest: 16, change: 7 },
      { label: 'budget cut.', scores: [20, 12, 4], latest: 4, change: -16 },
    ])
  })

  it('counts actions (one overdue, one done), lists the recognition and the commitment', async () => {
    const { overview } = await page()
    expect(overview.actionCounts).toEqual({ total: 2, open: 1, done: 1, dropped: 0, overdue: 1 })
    expect(overview.actions.find((a) => a.noteId === 'shape:act1')).toMatchObject({ text: 'Fix the build', owner: 'Ana', due: '2026-01-10', status: 'open', overdue: true, boardId: boards[0]!.id })
    expect(overview.recognition).toEqual([{ boardId: boards[0]!.id, boardTitle: 'Session 1', date: '2026-09-01', category: 'Thank you', text: 'Thanks for the demo', to: 'Bo' }])
    expect(overview.commitments.map((c) => [c.text, c.mode, c.status])).toEqual([['Pair weekly', 'online', null]])
  })

  it('[T2] an action changed from the space shows in its board results and exports; a change on the board shows in the space', async () => {
    const path = `/api/spaces/${space.id}/actions/${boards[0]!.id}/shape:act1`
    expect((await api(server, path, space.tokens.viewer, { method: 'PATCH', json: { status: 'done' } })).status).toBe(403)
    const res = await api(server, path, space.tokens.member, { method: 'PATCH', json: { status: 'done', owner: 'Chen', due: '2026-12-24' } })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { action: { status: string } }).action.status).toBe('done')

    const results = (await (await api(server, `/api/boards/${boards[0]!.id}/results`, boards[0]!.tokens.viewer)).json()) as {
      results: { activities: Array<{ kind: string; actions?: Array<{ id: string; owner: string | null; due: string | null; status: string }> }> }
    }
    const actions = results.results.activities.find((a) => a.kind === 'retro')!.actions!
    expect(actions.find((a) => a.id === 'shape:act1')).toMatchObject({ owner: 'Chen', due: '2026-12-24', status: 'done' })
    const md = await (await api(server, `/api/boards/${boards[0]!.id}/export?format=md`, boards[0]!.tokens.viewer)).text()
    expect(md).toMatch(/\|\s*Fix the build\s*\|\s*Chen\s*\|\s*2026-12-24\s*\|\s*Done\s*\|/)

    // A page on the board sees the new meta live, and its own change reaches the space.
    const page1 = connectProvider(server.url, boards[0]!.id, boards[0]!.tokens.participant)
    await waitForSync(page1)
    const meta = () => (readRecord(page1.doc, 'shape:act1')?.meta ?? {}) as Record<string, unknown>
    expect(meta()).toMatchObject({ owner: 'Chen', due: '2026-12-24', status: 'done' })
    const record = readRecord(page1.doc, 'shape:act1')!
    page1.doc.transact(() => writeRecord(getRecordsMap(page1.doc), { ...record, meta: { ...meta(), status: 'dropped' } }))
    await waitForRemote(page1)
    const { overview } = await page()
    expect(overview.actions.find((a) => a.noteId === 'shape:act1')?.status).toBe('dropped')
    expect(overview.actionCounts).toMatchObject({ done: 1, dropped: 1, overdue: 0 })
    page1.destroy()
    expect((await api(server, `/api/spaces/${space.id}/actions/${boards[0]!.id}/shape:com1`, space.tokens.member, { method: 'PATCH', json: { status: 'done' } })).status).toBe(404)
    expect((await api(server, path, space.tokens.member, { method: 'PATCH', json: { due: 'tomorrow' } })).status).toBe(400)
  })

  it('[T3] a member checks in on a commitment; the latest check-in is its status; a viewer cannot', async () => {
    const path = `/api/spaces/${space.id}/commitments/${boards[0]!.id}/shape:com1/check-ins`
    expect((await api(server, path, space.tokens.viewer, { method: 'POST', json: { status: 'done' } })).status).toBe(403)
    expect((await api(server, path, space.tokens.member, { method: 'POST', json: { status: 'in-progress', note: 'twice so far' } })).status).toBe(201)
    expect((await api(server, path, space.tokens.member, { method: 'POST', json: { status: 'done' } })).status).toBe(201)
    expect((await api(server, path, space.tokens.member, { method: 'POST', json: { status: 'maybe' } })).status).toBe(400)
    const { overview } = await page()
    const commitment = overview.commitments.find((c) => c.noteId === 'shape:com1')!
    expect(commitment.status).toBe('done')
    expect(commitment.checkIns.map((c) => [c.status, c.note])).toEqual([
      ['in-progress', 'twice so far'],
      ['done', ''],
    ])
    expect(overview.commitmentCounts.total).toEqual({ total: 1, done: 1, inProgress: 0, dropped: 0, noCheckIn: 0 })
  })

  it('the page draws its charts in the language asked (the reader’s), else in the space’s', async () => {
    // An English space read from a French page: axes, captions and the withheld label in French.
    const fr = await page('?locale=fr')
    expect(fr.charts.readiness.svg).toContain('Préparation moyenne (1–10)')
    expect(fr.charts.readiness.svg).toContain('masqué (moins de 5')
    expect(fr.charts.readiness.svg).toContain('>5,0</text>')
    expect(fr.charts.readiness.svg).not.toContain('Mean readiness')
    const en = await page()
    expect(en.charts.readiness.svg).toContain('Mean readiness (1–10)')
    expect((await page('?locale=en')).charts.readiness.svg).toBe(en.charts.readiness.svg)
    // The figures are the same in both languages.
    expect(fr.overview).toEqual(en.overview)
    const bad = await api(server, `/api/spaces/${space.id}?locale=de`, space.tokens.viewer)
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: string }).error).toMatch(/locale must be one of en, fr/)
  })

  it('the space report holds the trend charts (withheld figures not drawn) in md, html and csv, over a date range', async () => {
    const report = (format: string, query = '') => api(server, `/api/spaces/${space.id}/report?format=${format}${query}`, space.tokens.viewer)
    const html = await (await report('html')).text()
    expect(html.match(/<svg/g)?.length).toBeGreaterThanOrEqual(3)
    expect(html).toContain('Change readiness')
    expect(html).toContain('withheld (fewer than 5 respondents)')
    const md = await (await report('md')).text()
    expect(md.indexOf('Sessions')).toBeLessThan(md.indexOf('Change readiness'))
    expect(md).toMatch(/Budget cut|budget cut/)
    const csv = await (await report('csv', '&from=2026-10-01&to=2026-10-31')).text()
    const sessions = csv.split('\r\n').filter((l) => l.startsWith('session,'))
    expect(sessions).toHaveLength(1)
    expect(sessions[0]).toContain('2026-10-01')
    const trend = csv.split('\r\n').filter((l) => l.startsWith('trend,readiness'))
    expect(trend).toEqual([`trend,readiness,2026-10-01,${boards[1]!.id},,4`])
    const fr = await (await report('md', '&locale=fr')).text()
    expect(fr).toContain('Préparation au changement')
    // French typography and words: "Séances : 3" (no-break space before the colon; it read "Séances: 3"),
    // statuses in French ("done" was written as is), and actions created told apart from those still
    // open (both read "Ouvertes").
    const headline = fr.split('\n').filter((l) => l.startsWith('- **'))
    expect(headline[0]).toMatch(/^- \*\*Séances\*\*\u00a0: 3 · Personnes\u00a0: \d+$/)
    expect(headline[1]).toMatch(/^- \*\*Actions\*\*\u00a0: Créées\u00a0: \d+ · Terminées\u00a0: \d+ · En retard\u00a0: \d+ · Ouvertes\u00a0: \d+$/)
    // The report's own lines (title, period, headline); the boards' names are the teams' words.
    const own = fr.slice(0, fr.indexOf('## '))
    expect(own).toMatch(/^# Rapport de l’espace\u00a0: .+\n+Période\u00a0: .+ · Produit le\u00a0: /)
    expect(own).not.toMatch(/\S: /)
    const frActions = fr.slice(fr.indexOf('## Actions'), fr.indexOf('## Engagements'))
    expect(frActions).toMatch(/\| (Terminée|Abandonnée|Ouverte)/)
    expect(frActions).not.toMatch(/\| (done|dropped|open)\b/)
    // The HTML report's tables scroll in named regions on a narrow screen; the page does not.
    const frHtml = await (await report('html', '&locale=fr')).text()
    expect(frHtml).toContain('<div class="table-scroll" role="region" aria-label="Actions" tabindex="0"><table>')
    expect(frHtml.match(/<table[\s>]/g)?.length).toBe(frHtml.match(/<div class="table-scroll"/g)?.length)
    expect((await report('pdf')).status).toBe(400)
  })
})

/** Waits until the server has what a provider wrote (a round trip through a fresh reader). */
async function waitForRemote(provider: WebsocketProvider): Promise<void> {
  await waitFor(() => provider.synced, 5000, 'synced')
  await new Promise((r) => setTimeout(r, 200))
}
