/**
 * Activities and results over HTTP: the template gallery, adding an activity to a board,
 * exports in every format, and carrying open actions into a new retrospective.
 */
import type { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import * as Y from 'yjs'
import { z } from 'zod'
import { readAllRecords, type JsonRecord } from '../../shared/docLayout.js'
import { STATE_KEYS, STATE_MAP, VoteTotals, parseState } from '../../shared/facilitation.js'
import { noteRecord } from '../../shared/notes.js'
import { extractResults, positionInZone, readActivities, type BoardResults } from '../../shared/activities/index.js'
import { buildActivityRecords, TEMPLATE_LOCALES, templateSummaries } from '../../shared/activities/index.js'
import { toCsv, toHtml, toMarkdown, type ReportInput } from '../../shared/exports/index.js'
import { docKey } from '../../shared/roles.js'
import { BOARD_ID_PATTERN, hashToken, TOKEN_PATTERN } from '../auth/tokens.js'
import { addRecords, readBoardRecords, readBoardState, recordsOfState } from '../boardState.js'
import type { Storage } from '../storage/Storage.js'
import type { RoomManager } from '../sync/RoomManager.js'
import { toTldrFile } from '../tldrFile.js'
import { parseJsonBody } from './validate.js'
import { requireGrant } from './auth.js'

const FORMATS = ['json', 'csv', 'md', 'html', 'tldr'] as const
const ExportQuery = z.object({ format: z.enum(FORMATS, { message: `format must be one of ${FORMATS.join(', ')}` }) })

const AddActivity = z.object({
  template: z.string().min(1).max(64),
  title: z.string().trim().min(1).max(200).optional(),
  participants: z.array(z.string().trim().min(1).max(60)).max(60).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
  locale: z.enum(TEMPLATE_LOCALES, { message: `locale must be one of ${TEMPLATE_LOCALES.join(', ')}` }).optional(),
})

const BoardImage = z.object({
  dataUrl: z
    .string()
    .max(3_000_000, 'the image is larger than 3 MB')
    .regex(/^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/=]+$/, 'dataUrl must be a base64 PNG or SVG data URL'),
})

const CarryOver = z.object({
  fromBoardId: z.string().regex(BOARD_ID_PATTERN, 'fromBoardId is not a board id'),
  fromToken: z.string().regex(TOKEN_PATTERN, 'fromToken is not a board token'),
})

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'board'
}

export type BoardResultsSnapshot = {
  input: ReportInput
  results: BoardResults
  votes: Record<string, number> | null
  /** Both docs' records, as read for these results (the .tldr export reuses them). */
  records: { board: JsonRecord[]; control: JsonRecord[] }
}

export async function boardResults(storage: Storage, rooms: RoomManager, boardId: string): Promise<BoardResultsSnapshot> {
  const board = await storage.getBoard(boardId)
  if (!board) throw new HTTPException(404, { message: 'no such board' })
  // One read of each doc: the control doc gives both the template records and the vote totals.
  const state = await readBoardState(rooms, storage, boardId)
  const control = new Y.Doc()
  Y.applyUpdate(control, state.control)
  const votes = parseState(VoteTotals, control.getMap(STATE_MAP).get(STATE_KEYS.voteTotals))
  const records = { board: recordsOfState(state.board), control: readAllRecords(control) }
  control.destroy()
  const results = extractResults({ templateRecords: records.control, boardRecords: records.board, votes: votes ?? undefined })
  const input: ReportInput = {
    board: { id: board.id, title: board.title, createdAt: board.createdAt },
    generatedAt: Date.now(),
    results,
    boardRecords: records.board,
    votesShown: votes !== null,
  }
  return { input, results, votes, records }
}

export function registerResultRoutes(app: Hono<any>, deps: { storage: Storage; rooms: RoomManager }): void {
  const { storage, rooms } = deps

  app.get('/api/templates', (c) => c.json({ templates: templateSummaries() }))

  app.get('/api/boards/:id/results', async (c) => {
    const id = c.req.param('id')
    if (!BOARD_ID_PATTERN.test(id)) throw new HTTPException(404, { message: 'no such board' })
    await requireGrant(c, storage, id)
    const { results, votes } = await boardResults(storage, rooms, id)
    return c.json({ results, votes })
  })

  app.get('/api/boards/:id/export', async (c) => {
    const id = c.req.param('id')
    if (!BOARD_ID_PATTERN.test(id)) throw new HTTPException(404, { message: 'no such board' })
    await requireGrant(c, storage, id)
    const query = ExportQuery.safeParse({ format: c.req.query('format') })
    if (!query.success) throw new HTTPException(400, { message: query.error.issues.map((i) => i.message).join('; ') })
    const { input, records } = await boardResults(storage, rooms, id)
    const name = `${slug(input.board.title)}-${new Date(input.generatedAt).toISOString().slice(0, 10)}`
    const attachment = (ext: string) => ({ 'content-disposition': `attachment; filename="${name}.${ext}"` })
    switch (query.data.format) {
      case 'json':
        return c.json(
          { board: input.board, exportedAt: new Date(input.generatedAt).toISOString(), votesShown: input.votesShown, results: input.results },
          200,
          attachment('json'),
        )
      case 'csv':
        return c.body(toCsv(input), 200, { 'content-type': 'text/csv; charset=utf-8', ...attachment('csv') })
      case 'md':
        return c.body(toMarkdown(input), 200, { 'content-type': 'text/markdown; charset=utf-8', ...attachment('md') })
      case 'html': {
        const image = await storage.getBoardImage(id)
        return c.body(await toHtml(input, image ?? null), 200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
          ...attachment('html'),
        })
      }
      case 'tldr': {
        const byId = new Map([...records.board, ...records.control].map((r) => [r.id, r]))
        return c.body(toTldrFile(Array.from(byId.values())), 200, { 'content-type': 'application/json', ...attachment('tldr') })
      }
    }
  })

  // The browser stores a picture of the board for the printable report.
  app.put('/api/boards/:id/image', async (c) => {
    const id = c.req.param('id')
    if (!BOARD_ID_PATTERN.test(id)) throw new HTTPException(404, { message: 'no such board' })
    const grant = await requireGrant(c, storage, id)
    if (grant.role === 'viewer') throw new HTTPException(403, { message: 'the viewer link cannot change the board image' })
    const body = await parseJsonBody(c, BoardImage)
    await storage.putBoardImage(id, body.dataUrl)
    return c.json({ stored: true })
  })

  // A facilitator adds another activity beside the existing ones (template shapes → control doc).
  app.post('/api/boards/:id/activities', async (c) => {
    const id = c.req.param('id')
    if (!BOARD_ID_PATTERN.test(id)) throw new HTTPException(404, { message: 'no such board' })
    const grant = await requireGrant(c, storage, id)
    if (grant.role !== 'facilitator') throw new HTTPException(403, { message: 'only the facilitator link can add activities' })
    const body = await parseJsonBody(c, AddActivity)
    const current = await readBoardRecords(rooms, storage, id)
    const built = buildActivityRecords(body.template, {
      existing: [...current.board, ...current.control],
      participants: body.participants,
      options: body.options,
      title: body.title,
      locale: body.locale,
    })
    if (!built.ok) throw new HTTPException(400, { message: built.error })
    await rooms.withRoom(docKey(id, { kind: 'control' }), 'control', (room) => addRecords(room.doc, built.value.records, 'server'))
    return c.json({ activity: { instanceId: built.value.instanceId, bounds: built.value.bounds } }, 201)
  })

  // Carry the open actions of an earlier board into this board's retrospective Actions zone.
  app.post('/api/boards/:id/carry-over', async (c) => {
    const id = c.req.param('id')
    if (!BOARD_ID_PATTERN.test(id)) throw new HTTPException(404, { message: 'no such board' })
    const grant = await requireGrant(c, storage, id)
    if (grant.role !== 'facilitator') throw new HTTPException(403, { message: 'only the facilitator link can carry actions over' })
    const body = await parseJsonBody(c, CarryOver)
    const source = await storage.findToken(hashToken(body.fromToken))
    if (!source || source.boardId !== body.fromBoardId) throw new HTTPException(403, { message: 'that link is not valid for the earlier board' })
    const earlier = await boardResults(storage, rooms, body.fromBoardId)
    const open = earlier.results.activities.flatMap((a) => (a.kind === 'retro' ? a.actions.filter((x) => x.status !== 'done') : []))
    const current = await readBoardRecords(rooms, storage, id)
    const retro = readActivities(current.control).find((a) => a.zones.some((z) => z.meaning.kind === 'actions'))
    const actionsZone = retro?.zones.find((z) => z.meaning.kind === 'actions')
    if (!actionsZone) throw new HTTPException(409, { message: 'this board has no retrospective with an Actions zone' })
    const notes = open.map((action, i) => {
      const at = positionInZone(actionsZone, undefined, i)
      return noteRecord({
        id: `shape:carried-${Date.now().toString(36)}-${i}`,
        text: action.text,
        x: at.x,
        y: at.y,
        color: 'orange',
        meta: { ...(action.owner ? { owner: action.owner } : {}), ...(action.due ? { due: action.due } : {}), status: action.status, carriedFrom: body.fromBoardId },
      })
    })
    await rooms.withRoom(docKey(id, { kind: 'board' }), 'board', (room) => addRecords(room.doc, notes, 'server'))
    return c.json({ carried: notes.length }, 201)
  })
}
