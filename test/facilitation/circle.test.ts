/**
 * Issue 13 over HTTP and stock y-websocket clients: participants take seats (one each, never a
 * taken one, never from the viewer link), only the holder passes the talking piece and the star
 * moves onto the new holder's seat, a renamed zone heading is what results show, the facilitator
 * sees "N of M have voted" without names, and every export ranks the top notes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { getRecordsMap, readAllRecords, writeRecord, type JsonRecord } from '../../shared/docLayout.js'
import { STATE_KEYS, STATE_MAP, VOTES_MAP } from '../../shared/facilitation.js'
import { relabelZone } from '../../shared/activities/relabel.js'
import { createTestBoard, startTestServer, waitFor, type TestBoard } from '../helpers/server.js'
import { noteRecord } from '../helpers/records.js'
import { postBoard, providerPool } from '../helpers/facilitation.js'

type Server = Awaited<ReturnType<typeof startTestServer>>

describe('circles, zone headings and votes people can follow (issue 13)', () => {
  let server: Server
  const { connect, join, closeAll } = providerPool(() => server.url)
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    closeAll()
    await server.close()
  })

  const post = (board: TestBoard, path: string, body: unknown, token?: string) => postBoard(server.url, board, path, body, token)
  const act = (board: TestBoard, body: unknown, token?: string) => post(board, 'facilitation', body, token)

  type ActivityMeta = { activity?: { role?: string; key?: string; label?: string; meaning?: { kind?: string; seat?: number; participant?: string | null } } }
  const activityOf = (r: JsonRecord) => (r.meta as ActivityMeta).activity
  const seatRecord = (doc: Y.Doc, seat: number) => readAllRecords(doc).find((r) => activityOf(r)?.meaning?.kind === 'seat' && activityOf(r)?.meaning?.seat === seat)!
  const starRecord = (doc: Y.Doc) => readAllRecords(doc).find((r) => activityOf(r)?.role === 'token')!
  const props = (r: JsonRecord) => r.props as { w: number; h: number }
  /** Whether the star's centre is inside a seat's ellipse (both are children of the frame). */
  const starOn = (doc: Y.Doc, seat: number) => {
    const s = seatRecord(doc, seat)
    const star = starRecord(doc)
    const dx = star.x as number + props(star).w / 2 - (s.x as number + props(s).w / 2)
    const dy = star.y as number + props(star).h / 2 - (s.y as number + props(s).h / 2)
    return (dx / (props(s).w / 2)) ** 2 + (dy / (props(s).h / 2)) ** 2 < 1
  }

  it('participants take free seats, one each; the holder passes and the star moves to the next seat', async () => {
    const board = await createTestBoard(server.url, 'Circle')
    const added = await post(board, 'activities', { template: 'talking-circle', participants: [] })
    expect(added.status).toBe(201)
    const activityId = (added.body.activity as { instanceId: string }).instanceId
    const control = await connect(`${board.id}/control`, board.tokens.participant)
    await join(board, 'ada-secret-x0123456789', 'Ada')
    await join(board, 'bo-secret-x01234567890', 'Bo')
    await join(board, 'cy-secret-x01234567890', 'Cy')
    await new Promise((r) => setTimeout(r, 300))
    const take = (id: string, seat: number, token = board.tokens.participant) => act(board, { action: 'takeSeat', activityId, seat, participantId: id }, token)

    expect((await take('ada-secret-x0123456789', 1)).status).toBe(200)
    // A taken seat cannot be taken by another; one seat per person; not from the viewer link.
    const taken = await take('bo-secret-x01234567890', 1)
    expect(taken.status).toBe(409)
    expect(taken.body.error).toMatch(/taken/)
    expect((await take('ada-secret-x0123456789', 3)).status).toBe(409)
    expect((await take('cy-secret-x01234567890', 3, board.tokens.viewer)).status).toBe(403)
    // An unknown private doc has no name: refused.
    expect((await take('nobody-secret-x0123456789', 4)).status).toBe(403)
    expect((await take('bo-secret-x01234567890', 2)).status).toBe(200)
    expect((await take('cy-secret-x01234567890', 3)).status).toBe(200)
    await waitFor(() => activityOf(seatRecord(control.doc, 3))?.meaning?.participant === 'Cy')
    expect([1, 2, 3].map((n) => activityOf(seatRecord(control.doc, n))?.label)).toEqual(['Ada', 'Bo', 'Cy'])
    expect(activityOf(seatRecord(control.doc, 4))?.meaning?.participant).toBeNull()

    // The facilitator gives the piece to seat 1: the star stays there (it starts there).
    const pass = (id?: string, token = board.tokens.participant) =>
      act(board, { action: 'passTalkingPiece', activityId, ...(id ? { participantId: id } : {}) }, token)
    expect((await pass(undefined, board.tokens.facilitator)).status).toBe(200)
    expect(starOn(control.doc, 1)).toBe(true)
    // Bo does not hold it: 403, and nothing moves.
    expect((await pass('bo-secret-x01234567890')).status).toBe(403)
    expect((await pass()).status).toBe(403)
    // Ada holds it and passes: Bo's seat gets the star.
    const passed = await pass('ada-secret-x0123456789')
    expect(passed.status).toBe(200)
    expect(passed.body.talkingPiece).toEqual({ seat: 2, round: 1 })
    await waitFor(() => starOn(control.doc, 2), 5000, 'the star on seat 2')
    expect(starOn(control.doc, 1)).toBe(false)
    // Now Ada cannot pass it any more; Bo can.
    expect((await pass('ada-secret-x0123456789')).status).toBe(403)
    expect((await pass('bo-secret-x01234567890')).status).toBe(200)
    await waitFor(() => starOn(control.doc, 3), 5000, 'the star on seat 3')
    // Results read the holder from the star.
    const results = (await (await fetch(`${server.url}/api/boards/${board.id}/results`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })).json()) as {
      results: { activities: Array<{ talkingPiece: { seat: number; participant: string | null } | null }> }
    }
    expect(results.results.activities[0]!.talkingPiece).toEqual({ seat: 3, participant: 'Cy' })
  })

  it('a heading the facilitator renames in the control doc is what results and exports show', async () => {
    const board = await createTestBoard(server.url, 'Retro')
    const added = await post(board, 'activities', { template: 'retro-start-stop-continue' })
    expect(added.status).toBe(201)
    const control = await connect(`${board.id}/control`, board.tokens.facilitator)
    await waitFor(() => readAllRecords(control.doc).some((r) => activityOf(r)?.key === 'start'))
    const start = readAllRecords(control.doc).find((r) => activityOf(r)?.key === 'start')!
    control.doc.transact(() => writeRecord(getRecordsMap(control.doc), relabelZone(start, 'Begin doing')))
    const get = async () =>
      (await (await fetch(`${server.url}/api/boards/${board.id}/results`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })).json()) as {
        results: { activities: Array<{ columns: Array<{ key: string; label: string }> }> }
      }
    let labels: string[] = []
    for (let i = 0; i < 50 && !labels.includes('Begin doing'); i++) {
      labels = (await get()).results.activities[0]!.columns.map((c) => c.label)
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(labels[0]).toBe('Begin doing')
    expect(labels).not.toContain('Start')
    const md = await (await fetch(`${server.url}/api/boards/${board.id}/export?format=md`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })).text()
    expect(md).toContain('### Begin doing')
  })

  it('an anonymous vote shows "N of M have voted" without names, then every export ranks the top notes', async () => {
    const board = await createTestBoard(server.url, 'Votes')
    const boardDoc = await connect(board.id, board.tokens.facilitator)
    // Four notes in a row, in reading order Alpha, Bravo, Charlie, Delta.
    boardDoc.doc.transact(() => {
      for (const [i, text] of ['Alpha', 'Bravo', 'Charlie', 'Delta'].entries()) writeRecord(getRecordsMap(boardDoc.doc), noteRecord(`shape:${text.toLowerCase()}`, text, i * 300, 0))
    })
    const observed: string[] = []
    const control = await connect(`${board.id}/control`, board.tokens.facilitator)
    control.doc.on('update', (u: Uint8Array) => observed.push(Buffer.from(u).toString('latin1')))
    const opened = await act(board, { action: 'openVote', settings: { votesPerPerson: 3, maxPerNote: 3, anonymous: true, hideTotals: true } })
    expect(opened.status).toBe(200)
    const voteId = (opened.body.vote as { id: string }).id
    const ana = await join(board, 'ana-secret-x0123456789', 'Anastasia Voter')
    const ben = await join(board, 'ben-secret-x0123456789', 'Benedikt Voter')
    const cy = await join(board, 'cyd-secret-x0123456789', 'Cydonia Voter')
    const progress = () => control.doc.getMap(STATE_MAP).get(STATE_KEYS.voteProgress)
    await waitFor(() => JSON.stringify(progress()) === JSON.stringify({ voted: 0, present: 3 }), 5000, '0 of 3')
    const cast = (p: WebsocketProvider, votes: Record<string, number>) => {
      const ballot = new Y.Map<number>()
      p.doc.getMap(VOTES_MAP).set(voteId, ballot)
      for (const [note, n] of Object.entries(votes)) ballot.set(note, n)
    }
    cast(ana, { 'shape:bravo': 3 })
    await waitFor(() => JSON.stringify(progress()) === JSON.stringify({ voted: 1, present: 3 }), 5000, '1 of 3')
    cast(ben, { 'shape:charlie': 2, 'shape:alpha': 1 })
    await waitFor(() => JSON.stringify(progress()) === JSON.stringify({ voted: 2, present: 3 }), 5000, '2 of 3')
    // Nothing says who: no voter list, no name in anything the control doc received.
    expect(control.doc.getMap(STATE_MAP).get(STATE_KEYS.voteVoters)).toBeUndefined()
    expect(control.doc.getMap(STATE_MAP).get(STATE_KEYS.voteTotals)).toBeUndefined()
    expect(observed.join('')).not.toMatch(/Anastasia|Benedikt|Cydonia/)
    cast(cy, { 'shape:delta': 2 })
    await waitFor(() => JSON.stringify(progress()) === JSON.stringify({ voted: 3, present: 3 }), 5000, '3 of 3')

    expect((await act(board, { action: 'revealVote' })).status).toBe(200)
    await waitFor(() => control.doc.getMap(STATE_MAP).get(STATE_KEYS.voteTotals) !== undefined)
    expect(progress()).toBeUndefined()
    // Hand-computed: Bravo 3; Charlie 2 and Delta 2 tie (reading order); Alpha 1 → ranks 1, 2, 2, 4.
    const expected = [
      ['1', 'Bravo', '3'],
      ['2', 'Charlie', '2'],
      ['2', 'Delta', '2'],
      ['4', 'Alpha', '1'],
    ]
    const exportAs = async (format: string) =>
      (await fetch(`${server.url}/api/boards/${board.id}/export?format=${format}`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })).text()
    const json = JSON.parse(await exportAs('json')) as { topNotes: Array<{ rank: number; text: string; votes: number }> }
    expect(json.topNotes.map((n) => [String(n.rank), n.text, String(n.votes)])).toEqual(expected)
    const csv = (await exportAs('csv')).split('\r\n').filter((line) => line.startsWith('Top notes,'))
    expect(csv).toEqual(expected.map(([rank, text, votes]) => `Top notes,${rank},${text},${votes},,,,,`))
    const md = await exportAs('md')
    const section = md.slice(md.indexOf('## Top notes'))
    const rows = section
      .split('\n')
      .filter((l) => /^\|\s*\d/.test(l))
      .map((l) => l.split('|').slice(1, 4).map((c) => c.trim()))
    expect(rows).toEqual(expected)
    const html = await exportAs('html')
    expect(html).toContain('<h2>Top notes</h2>')
  })
})
