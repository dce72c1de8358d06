/**
 * Clusters (issue 15, the group phase): notes gathered in a titled frame are ONE item holding
 * its notes in the results, the ranked vote list and the md / html / csv / json exports. Written
 * by stock y-websocket clients (a participant's notes and frames, two ballots), read through
 * the HTTP exports; every expectation below is computed by hand from the layout and the ballots.
 */
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getRecordsMap, readAllRecords, writeRecord, type JsonRecord } from '../../shared/docLayout.js'
import { PROFILE_MAP, VOTES_MAP } from '../../shared/facilitation.js'
import { readActivities, type ActivityZone } from '../../shared/activities/index.js'
import { noteRecord } from '../../shared/notes.js'
import { connectProvider, createTestBoard, startTestServer, waitFor, waitForSync, type TestBoard } from '../helpers/server.js'
import { api, type Server } from '../spaces/support.js'

function frameRecord(id: string, name: string, x: number, y: number, w: number, h: number): JsonRecord {
  return { id, typeName: 'shape', type: 'frame', x, y, rotation: 0, index: 'a0', parentId: 'page:page', isLocked: false, opacity: 1, meta: {}, props: { w, h, name, color: 'black' } }
}

/**
 * The layout (columns Start, Stop, Continue of a Start / Stop / Continue retro):
 * - Start: frame "Tooling" holding (as parent) Slow CI, Flaky tests (same row, left to right)
 *   and No staging; below the frame, the plain note Pair more.
 * - Stop: frame "Meetings" with Too long and No agenda on the page over it (by position);
 *   below it, the plain note Standups.
 * - Continue: an untitled frame holding Demos (an untitled frame is no cluster).
 * Ballots (revealed): Ann 2 on the Tooling frame itself, 1 Slow CI, 1 Too long, 2 Pair more;
 * Bo 1 Flaky tests, 3 Standups, 1 No agenda, 1 Demos.
 * Hence: Tooling 2 + 1 + 1 + 0 = 4; Meetings 1 + 1 = 2; Standups 3; Pair more 2; Demos 1.
 */
const BALLOTS: Record<string, Record<string, number>> = {
  'ann-0123456789abcdefgh': { 'shape:tooling': 2, 'shape:slow-ci': 1, 'shape:too-long': 1, 'shape:pair-more': 2 },
  'bob-0123456789abcdefgh': { 'shape:flaky': 1, 'shape:standups': 3, 'shape:no-agenda': 1, 'shape:demos': 1 },
}

describe('clusters: a titled frame is one item holding its notes (issue 15)', () => {
  let server: Server
  let board: TestBoard

  beforeAll(async () => {
    server = await startTestServer()
    board = await createTestBoard(server.url, 'Sprint 12 retro', 'retro-start-stop-continue')
    const participant = connectProvider(server.url, board.id, board.tokens.participant)
    const control = connectProvider(server.url, `${board.id}/control`, board.tokens.participant)
    await Promise.all([waitForSync(participant), waitForSync(control)])
    await waitFor(() => readActivities(readAllRecords(control.doc)).length === 1)
    const zones = readActivities(readAllRecords(control.doc))[0]!.zones
    control.destroy()
    const zone = (key: string) => zones.find((z): z is ActivityZone => z.key === key)!.bounds
    const [start, stop, cont] = [zone('start'), zone('stop'), zone('continue')]
    const records = getRecordsMap(participant.doc)
    participant.doc.transact(() => {
      writeRecord(records, frameRecord('shape:tooling', 'Tooling', start.x + 20, start.y + 20, 420, 460))
      writeRecord(records, noteRecord({ id: 'slow-ci', text: 'Slow CI', x: 10, y: 40, parentId: 'shape:tooling' }))
      writeRecord(records, noteRecord({ id: 'flaky', text: 'Flaky tests', x: 210, y: 40, parentId: 'shape:tooling' }))
      writeRecord(records, noteRecord({ id: 'no-staging', text: 'No staging', x: 10, y: 250, parentId: 'shape:tooling' }))
      writeRecord(records, noteRecord({ id: 'pair-more', text: 'Pair more', x: start.x + 20, y: start.y + 500 }))
      writeRecord(records, frameRecord('shape:meetings', 'Meetings', stop.x + 20, stop.y + 20, 420, 460))
      writeRecord(records, noteRecord({ id: 'too-long', text: 'Too long', x: stop.x + 30, y: stop.y + 60 }))
      writeRecord(records, noteRecord({ id: 'no-agenda', text: 'No agenda', x: stop.x + 230, y: stop.y + 60 }))
      writeRecord(records, noteRecord({ id: 'standups', text: 'Standups', x: stop.x + 20, y: stop.y + 500 }))
      writeRecord(records, frameRecord('shape:untitled', '', cont.x + 20, cont.y + 20, 420, 460))
      writeRecord(records, noteRecord({ id: 'demos', text: 'Demos', x: 10, y: 40, parentId: 'shape:untitled' }))
    })
    const act = (body: unknown) => api(server, `/api/boards/${board.id}/facilitation`, board.tokens.facilitator, { method: 'POST', json: body })
    const opened = (await (await act({ action: 'openVote', settings: { votesPerPerson: 10, maxPerNote: 3, anonymous: true, hideTotals: true } })).json()) as { vote: { id: string } }
    const ballots = Object.entries(BALLOTS).map(([id, votes]) => {
      const ballot = connectProvider(server.url, `${board.id}/private/${id}`, board.tokens.participant)
      return { ballot, votes, name: id.slice(0, 3) }
    })
    await Promise.all(ballots.map(({ ballot }) => waitForSync(ballot)))
    for (const { ballot, votes, name } of ballots) {
      ballot.doc.transact(() => {
        ballot.doc.getMap(PROFILE_MAP).set('name', name)
        const map = new Y.Map<number>()
        for (const [id, n] of Object.entries(votes)) map.set(id, n)
        ballot.doc.getMap(VOTES_MAP).set(opened.vote.id, map)
      })
    }
    await new Promise((r) => setTimeout(r, 400))
    await act({ action: 'closeVote' })
    await act({ action: 'revealVote' })
    await new Promise((r) => setTimeout(r, 300))
    for (const p of [participant, ...ballots.map((b) => b.ballot)]) p.destroy()
  }, 30_000)
  afterAll(async () => {
    await server.close()
  })

  const exported = async (format: string) => {
    const res = await api(server, `/api/boards/${board.id}/export?format=${format}`, board.tokens.viewer)
    expect(res.status).toBe(200)
    return res.text()
  }

  it('results: each column lists clusters as one item with their notes, totals summed', async () => {
    const json = JSON.parse(await exported('json')) as {
      results: { activities: Array<{ kind: string; columns: Array<{ key: string; notes: Array<{ id: string; text: string; votes: number; notes?: Array<{ text: string; votes: number }> }> }> }> }
      topNotes: Array<{ rank: number; text: string; votes: number; notes?: string }>
    }
    const retro = json.results.activities[0]!
    const column = (key: string) => retro.columns.find((c) => c.key === key)!.notes
    expect(column('start')).toEqual([
      { id: 'shape:tooling', text: 'Tooling', votes: 4, notes: [{ id: 'shape:slow-ci', text: 'Slow CI', votes: 1 }, { id: 'shape:flaky', text: 'Flaky tests', votes: 1 }, { id: 'shape:no-staging', text: 'No staging', votes: 0 }] },
      { id: 'shape:pair-more', text: 'Pair more', votes: 2 },
    ])
    expect(column('stop')).toEqual([
      { id: 'shape:standups', text: 'Standups', votes: 3 },
      { id: 'shape:meetings', text: 'Meetings', votes: 2, notes: [{ id: 'shape:too-long', text: 'Too long', votes: 1 }, { id: 'shape:no-agenda', text: 'No agenda', votes: 1 }] },
    ])
    expect(column('continue')).toEqual([{ id: 'shape:demos', text: 'Demos', votes: 1 }])
    // The ranked list: a cluster is one entry; ties share a rank and keep board order.
    expect(json.topNotes.map((n) => [n.rank, n.text, n.votes])).toEqual([
      [1, 'Tooling', 4],
      [2, 'Standups', 3],
      [3, 'Pair more', 2],
      [3, 'Meetings', 2],
      [5, 'Demos', 1],
    ])
    expect(json.topNotes[0]!.notes).toBe('Slow CI · Flaky tests · No staging')
  })

  it('Markdown: the cluster in bold with its notes indented, in the column and in the ranked table', async () => {
    const md = await exported('md')
    expect(md).toContain('- **Tooling** (4 votes)\n  - Slow CI (1 vote)\n  - Flaky tests (1 vote)\n  - No staging\n- Pair more (2 votes)\n')
    expect(md).toContain('- Standups (3 votes)\n- **Meetings** (2 votes)\n  - Too long (1 vote)\n  - No agenda (1 vote)\n')
    expect(md).toMatch(/\|\s*1\s*\|\s*\*\*Tooling\*\* \(Slow CI · Flaky tests · No staging\)\s*\|\s*4\s*\|/)
    expect(md).toMatch(/\|\s*3\s*\|\s*\*\*Meetings\*\* \(Too long · No agenda\)\s*\|\s*2\s*\|/)
    // Clustered notes are not items of their own anywhere in the report.
    expect(md).not.toMatch(/^- Slow CI/m)
  })

  it('HTML: the cluster is a list item holding a nested list of its notes', async () => {
    const html = await exported('html')
    expect(html).toMatch(/<li><strong>Tooling<\/strong> \(4 votes\)\s*<ul>\s*<li>Slow CI \(1 vote\)<\/li>\s*<li>Flaky tests \(1 vote\)<\/li>\s*<li>No staging<\/li>\s*<\/ul>/)
  })

  it('CSV: one row per item; a cluster row carries its notes; the ranked rows follow', async () => {
    const csv = Papa.parse<string[]>((await exported('csv')).trim()).data
    expect(csv[0]).toEqual(['activity', 'zone', 'text', 'votes', 'author', 'owner', 'due', 'score', 'notes'])
    const rows = csv.slice(1).map((r) => [r[1], r[2], r[3], r[8]])
    expect(rows.filter((r) => r[0] !== '1' && r[0] !== '2' && r[0] !== '3' && r[0] !== '5')).toEqual([
      ['Start', 'Tooling', '4', 'Slow CI · Flaky tests · No staging'],
      ['Start', 'Pair more', '2', ''],
      ['Stop', 'Standups', '3', ''],
      ['Stop', 'Meetings', '2', 'Too long · No agenda'],
      ['Continue', 'Demos', '1', ''],
    ])
    const ranked = csv.slice(1).filter((r) => r[0] === 'Top notes').map((r) => [r[1], r[2], r[3], r[8]])
    expect(ranked).toEqual([
      ['1', 'Tooling', '4', 'Slow CI · Flaky tests · No staging'],
      ['2', 'Standups', '3', ''],
      ['3', 'Pair more', '2', ''],
      ['3', 'Meetings', '2', 'Too long · No agenda'],
      ['5', 'Demos', '1', ''],
    ])
  })
})
