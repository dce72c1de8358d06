/**
 * Issue 13, SPEC F7 and F8, over HTTP and stock y-websocket clients: the facilitator renames a
 * stakeholder group's column, a commitments row and a retrospective column, and every client and
 * the results read the new names; a participant's rename is refused, through the action (403)
 * and as a raw write to the control doc (permission-denied, nothing stored); a commitments
 * activity gets a row added later, which notes are filed under.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { getRecordsMap, readAllRecords, readRecord, writeRecord, type JsonRecord } from '../../shared/docLayout.js'
import { relabelZone } from '../../shared/activities/relabel.js'
import { richTextToPlainText } from '../../shared/activities/richText.js'
import { createTestBoard, startTestServer, waitFor, type TestBoard } from '../helpers/server.js'
import { noteRecord } from '../helpers/records.js'
import { postBoard, providerPool } from '../helpers/facilitation.js'

type Server = Awaited<ReturnType<typeof startTestServer>>
type ActivityMeta = { activity?: { role?: string; key?: string; instanceId?: string; label?: string; meaning?: Record<string, unknown> } }

const activityOf = (r: JsonRecord) => (r.meta as ActivityMeta | undefined)?.activity
const textOf = (r: JsonRecord | null | undefined) => richTextToPlainText((r?.props as { richText?: unknown } | undefined)?.richText).trim()

describe('facilitators rename headings and add commitment rows (issue 13)', () => {
  let server: Server
  const { connect, closeAll } = providerPool(() => server.url)
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    closeAll()
    await server.close()
  })

  const post = (board: TestBoard, path: string, body: unknown, token?: string) => postBoard(server.url, board, path, body, token)
  const act = (board: TestBoard, body: unknown, token?: string) => post(board, 'facilitation', body, token)
  const results = async (board: TestBoard) =>
    ((await (await fetch(`${server.url}/api/boards/${board.id}/results`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } })).json()) as { results: { activities: Array<Record<string, unknown>> } }).results.activities
  const find = (doc: Y.Doc, test: (a: NonNullable<ReturnType<typeof activityOf>>) => boolean) => readAllRecords(doc).filter((r) => activityOf(r) && test(activityOf(r)!))
  const waitForRecords = (doc: Y.Doc, what: string) => waitFor(() => readAllRecords(doc).some((r) => activityOf(r)?.role === 'zone'), 5000, what)

  it('[F7] the facilitator renames a stakeholder group: its column heading and its cells change for every client and in the results; a participant is refused both ways', async () => {
    const board = await createTestBoard(server.url, 'Needs', 'stakeholder-needs-map')
    const participant = await connect(`${board.id}/control`, board.tokens.participant)
    await waitForRecords(participant.doc, 'needs map at the participant')
    const column = find(participant.doc, (a) => a.role === 'label' && a.key === 'column-stakeholder-group-1')[0]!
    expect(textOf(column)).toBe('Stakeholder group 1')

    // A participant: the action is refused and nothing changes…
    const refused = await act(board, { action: 'renameHeading', headingId: column.id, label: 'Nurses' }, board.tokens.participant)
    expect(refused.status).toBe(403)
    // …and so is a raw write to the control doc with a stock client.
    participant.doc.transact(() => writeRecord(getRecordsMap(participant.doc), relabelZone(column, 'Sneaky')))
    const facilitator = await connect(`${board.id}/control`, board.tokens.facilitator)
    await waitForRecords(facilitator.doc, 'needs map at the facilitator')
    expect(textOf(readRecord(facilitator.doc, column.id))).toBe('Stakeholder group 1')

    // The facilitator renames it.
    const renamed = await act(board, { action: 'renameHeading', headingId: column.id, label: 'Nurses' })
    expect(renamed.status).toBe(200)
    const watcher = await connect(`${board.id}/control`, board.tokens.viewer)
    await waitFor(() => textOf(readRecord(watcher.doc, column.id)) === 'Nurses', 5000, 'renamed column at a viewer')
    const cells = find(watcher.doc, (a) => a.role === 'zone' && a.meaning?.kind === 'cell' && a.meaning.column === 'stakeholder-group-1')
    expect(cells).toHaveLength(4)
    for (const cell of cells) expect(activityOf(cell)!.meaning!.columnLabel).toBe('Nurses')
    // Other columns are untouched; the participant's own copy was never accepted.
    const second = find(watcher.doc, (a) => a.meaning?.column === 'stakeholder-group-2')
    expect(second.map((c) => activityOf(c)!.meaning!.columnLabel)).toEqual(Array(4).fill('Stakeholder group 2'))
    expect(find(watcher.doc, (a) => a.role === 'label').some((r) => textOf(r) === 'Sneaky')).toBe(false)
    const needs = (await results(board))[0] as { stakeholders: Array<{ label: string }> }
    expect(needs.stakeholders.map((s) => s.label)).toEqual(['Nurses', 'Stakeholder group 2', 'Stakeholder group 3'])

    // A grid cell is not a heading of its own; an empty label is refused.
    expect((await act(board, { action: 'renameHeading', headingId: cells[0]!.id, label: 'Cell' })).status).toBe(404)
    expect((await act(board, { action: 'renameHeading', headingId: column.id, label: '   ' })).status).toBe(400)
  })

  it('[F7] a retrospective column and a commitments row are renamed; the viewer link is refused', async () => {
    const board = await createTestBoard(server.url, 'Retro', 'retro-start-stop-continue')
    const control = await connect(`${board.id}/control`, board.tokens.viewer)
    await waitForRecords(control.doc, 'retro')
    const stop = find(control.doc, (a) => a.role === 'zone' && a.key === 'stop')[0]!
    expect((await act(board, { action: 'renameHeading', headingId: stop.id, label: 'Quit' }, board.tokens.viewer)).status).toBe(403)
    expect((await act(board, { action: 'renameHeading', headingId: stop.id, label: 'Quit doing' })).status).toBe(200)
    await waitFor(() => textOf(readRecord(control.doc, stop.id)) === 'Quit doing', 5000, 'renamed retro column')
    expect(activityOf(readRecord(control.doc, stop.id)!)!.label).toBe('Quit doing')

    const added = await post(board, 'activities', { template: 'commitments', participants: ['Ada', 'Bo'] })
    expect(added.status).toBe(201)
    const activityId = (added.body.activity as { instanceId: string }).instanceId
    await waitFor(() => readRecord(control.doc, `shape:${activityId}.label.row-bo`) !== null, 5000, 'commitments')
    expect((await act(board, { action: 'renameHeading', headingId: `shape:${activityId}.label.row-bo`, label: 'Bo-Ra' })).status).toBe(200)
    await waitFor(() => textOf(readRecord(control.doc, `shape:${activityId}.label.row-bo`)) === 'Bo-Ra', 5000, 'renamed row')
    const boCells = find(control.doc, (a) => a.instanceId === activityId && a.meaning?.row === 'bo')
    expect(boCells.map((c) => activityOf(c)!.meaning!.rowLabel)).toEqual(['Bo-Ra', 'Bo-Ra', 'Bo-Ra'])
    expect(boCells.map((c) => textOf(c)).sort()).toEqual(['Bo-Ra: Ongoing', 'Bo-Ra: Online', 'Bo-Ra: Onsite'])
  })

  it('[F8] the facilitator adds a row for a person who came later: three cells below the last row, the frame grows, notes there are filed under them; a participant cannot', async () => {
    const board = await createTestBoard(server.url, 'Commit')
    const added = await post(board, 'activities', { template: 'commitments', participants: ['Ada', 'Bo'] })
    const activityId = (added.body.activity as { instanceId: string }).instanceId
    const control = await connect(`${board.id}/control`, board.tokens.participant)
    await waitFor(() => readRecord(control.doc, `shape:${activityId}.label.row-bo`) !== null, 5000, 'commitments')
    const frameBefore = readRecord(control.doc, `shape:${activityId}`)!
    const boOnline = readRecord(control.doc, `shape:${activityId}.zone.bo-online`)!

    expect((await act(board, { action: 'addCommitmentRow', activityId, name: 'Cy' }, board.tokens.participant)).status).toBe(403)
    expect((await act(board, { action: 'addCommitmentRow', activityId: 'nope', name: 'Cy' })).status).toBe(404)
    const row = await act(board, { action: 'addCommitmentRow', activityId, name: 'Cy' })
    expect(row.status).toBe(200)
    await waitFor(() => readRecord(control.doc, `shape:${activityId}.zone.cy-ongoing`) !== null, 5000, 'new row')
    const cyOnline = readRecord(control.doc, `shape:${activityId}.zone.cy-online`)!
    const h = (r: JsonRecord) => (r.props as { h: number }).h
    expect(cyOnline.x).toBe(boOnline.x)
    expect(cyOnline.y as number).toBeGreaterThanOrEqual((boOnline.y as number) + h(boOnline))
    expect(h(cyOnline)).toBe(h(boOnline))
    const frameAfter = readRecord(control.doc, `shape:${activityId}`)!
    expect(h(frameAfter)).toBeGreaterThan(h(frameBefore))
    expect((cyOnline.y as number) + h(cyOnline)).toBeLessThanOrEqual(h(frameAfter))
    expect(textOf(readRecord(control.doc, `shape:${activityId}.label.row-cy`))).toBe('Cy')
    // Another "Cy" gets a row of its own.
    expect((await act(board, { action: 'addCommitmentRow', activityId, name: 'Cy' })).status).toBe(200)
    await waitFor(() => find(control.doc, (a) => a.instanceId === activityId && a.role === 'label' && (a.key ?? '').startsWith('row-cy')).length === 2, 5000, 'second Cy row')

    // A note in Cy's "Online" cell is Cy's commitment.
    const frame = frameAfter
    const board2 = await connect(board.id, board.tokens.participant)
    const at = { x: (frame.x as number) + (cyOnline.x as number) + 40, y: (frame.y as number) + (cyOnline.y as number) + 40 }
    board2.doc.transact(() => writeRecord(getRecordsMap(board2.doc), noteRecord('shape:cy-note', 'Host the next meetup', at.x, at.y)))
    let people: Array<{ label: string; modes: Array<{ key: string; notes: Array<{ text: string }> }> }> = []
    for (let i = 0; i < 50; i++) {
      const commitments = (await results(board)).find((a) => a.kind === 'commitments') as { people: typeof people } | undefined
      people = commitments?.people ?? []
      if (people.find((p) => p.label === 'Cy')?.modes[0]?.notes.length) break
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(people.map((p) => p.label)).toEqual(['Ada', 'Bo', 'Cy', 'Cy'])
    expect(people[2]!.modes.find((m) => m.key === 'online')!.notes.map((n) => n.text)).toEqual(['Host the next meetup'])
  })
})
