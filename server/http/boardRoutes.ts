/**
 * Board management after creation (issue 5): rename, archive, link rotation, history
 * (versions, restore, duplicate), .tldr import, and the operator's admin routes.
 */
import type { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import * as Y from 'yjs'
import { z } from 'zod'
import { BOARD_TITLE_KEY } from '../../shared/boardTitle.js'
import { STATE_MAP } from '../../shared/facilitation.js'
import { CloseEvents } from '../../shared/protocol.js'
import { placeBeside } from '../../shared/placement.js'
import { docKey, type Role } from '../../shared/roles.js'
import { BOARD_ID_PATTERN, hashToken, newToken, secretsEqual } from '../auth/tokens.js'
import { addRecords, decodeBoardState, encodeBoardState, readBoardRecords, readBoardState, recordsOfState, replaceRecords, SHARED_DOC_KINDS } from '../boardState.js'
import { boardLinks, createBoard } from '../boards.js'
import type { Config } from '../config.js'
import type { Logger } from '../logger.js'
import type { Storage } from '../storage/Storage.js'
import type { RoomManager } from '../sync/RoomManager.js'
import { parseTldrFile } from '../tldrFile.js'
import { parseJsonBody, parseValue } from './validate.js'
import { requireGrant, type Grant } from './auth.js'

export type BoardRouteDeps = { config: Config; storage: Storage; rooms: RoomManager; logger: Logger }

/** Origin of server-made changes in room docs: persisted and broadcast like any other. */
export const SERVER_ORIGIN = 'server'

const RenameOrArchive = z
  .object({
    title: z.string().trim().min(1, 'title must not be empty').max(200).optional(),
    archived: z.boolean().optional(),
  })
  .refine((b) => b.title !== undefined || b.archived !== undefined, { message: 'give a title or archived' })

const VersionLabel = z.object({ label: z.string().trim().min(1).max(120).default('Saved version') })
const DuplicateBody = z.object({ title: z.string().trim().min(1).max(200).optional() })
const ImportBody = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  file: z.string().min(2, 'file is empty'),
})
const RotatableRole = z.enum(['facilitator', 'participant', 'viewer'], { message: 'role must be facilitator, participant or viewer' })
const VersionId = z.coerce.number({ message: 'version id must be a positive integer' }).int().positive('version id must be a positive integer')


function requireFacilitator(grant: Grant): void {
  if (grant.role !== 'facilitator') throw new HTTPException(403, { message: 'only the facilitator link can do this' })
}

function boardIdParam(id: string): string {
  if (!BOARD_ID_PATTERN.test(id)) throw new HTTPException(404, { message: 'no such board' })
  return id
}

function originOf(config: Config, url: string): string {
  return config.PUBLIC_URL?.replace(/\/$/, '') ?? new URL(url).origin
}

export function registerBoardRoutes(app: Hono<any>, deps: BoardRouteDeps): { saveVersion: (boardId: string, label: string) => Promise<unknown> } {
  const { config, storage, rooms, logger } = deps

  async function saveVersion(boardId: string, label: string) {
    const state = await readBoardState(rooms, storage, boardId)
    return storage.saveVersion(boardId, label, encodeBoardState(state), Date.now())
  }

  async function writeRecordsInto(boardId: string, kind: 'board' | 'control', fn: (doc: Y.Doc) => void): Promise<void> {
    await rooms.withRoom(docKey(boardId, { kind }), kind, (room) => fn(room.doc))
  }

  app.patch('/api/boards/:id', async (c) => {
    const id = boardIdParam(c.req.param('id'))
    const grant = await requireGrant(c, storage, id)
    requireFacilitator(grant)
    const body = await parseJsonBody(c, RenameOrArchive)
    await storage.updateBoard(id, { ...body, updatedAt: Date.now() })
    // Open pages show the new title live: it is mirrored into the control doc's `state` map.
    if (body.title !== undefined) {
      const title = body.title
      await rooms.withRoom(docKey(id, { kind: 'control' }), 'control', (room) => {
        room.doc.transact(() => room.doc.getMap(STATE_MAP).set(BOARD_TITLE_KEY, title), SERVER_ORIGIN)
      })
    }
    return c.json({ board: await storage.getBoard(id) })
  })

  // Link rotation: the old token stops working at once and its open sockets are closed.
  app.post('/api/boards/:id/links/:role/rotate', async (c) => {
    const id = boardIdParam(c.req.param('id'))
    const grant = await requireGrant(c, storage, id)
    requireFacilitator(grant)
    const role = parseValue(c.req.param('role'), RotatableRole)
    const token = newToken()
    await storage.replaceToken(id, role, hashToken(token))
    const closed = rooms.revokeSessions({ boardId: id, role }, CloseEvents.LinkRevoked)
    logger.info({ boardId: id, role, closed }, 'link rotated')
    const link = `${originOf(config, c.req.url)}/b/${id}#${token}`
    return c.json({ role, link, closedSessions: closed })
  })

  app.get('/api/boards/:id/versions', async (c) => {
    const id = boardIdParam(c.req.param('id'))
    const grant = await requireGrant(c, storage, id)
    if (grant.role === 'viewer') throw new HTTPException(403, { message: 'the viewer link cannot see the history' })
    return c.json({ versions: await storage.listVersions(id) })
  })

  app.post('/api/boards/:id/versions', async (c) => {
    const id = boardIdParam(c.req.param('id'))
    const grant = await requireGrant(c, storage, id)
    requireFacilitator(grant)
    const body = await parseJsonBody(c, VersionLabel)
    return c.json({ version: await saveVersion(id, body.label) }, 201)
  })

  /** A version's records, for a preview. */
  app.get('/api/boards/:id/versions/:vid', async (c) => {
    const id = boardIdParam(c.req.param('id'))
    const grant = await requireGrant(c, storage, id)
    if (grant.role === 'viewer') throw new HTTPException(403, { message: 'the viewer link cannot see the history' })
    const vid = parseValue(c.req.param('vid'), VersionId)
    const bytes = await storage.loadVersion(id, vid)
    if (!bytes) throw new HTTPException(404, { message: 'no such version' })
    const state = decodeBoardState(bytes)
    return c.json({ board: recordsOfState(state.board), control: recordsOfState(state.control) })
  })

  // Restore writes the old state on top as new changes; the current state is saved first.
  app.post('/api/boards/:id/versions/:vid/restore', async (c) => {
    const id = boardIdParam(c.req.param('id'))
    const grant = await requireGrant(c, storage, id)
    requireFacilitator(grant)
    const vid = parseValue(c.req.param('vid'), VersionId)
    const bytes = await storage.loadVersion(id, vid)
    if (!bytes) throw new HTTPException(404, { message: 'no such version' })
    const target = decodeBoardState(bytes)
    const before = await saveVersion(id, 'Before restore')
    for (const kind of SHARED_DOC_KINDS) {
      const records = recordsOfState(target[kind])
      await writeRecordsInto(id, kind, (doc) => replaceRecords(doc, records, SERVER_ORIGIN))
    }
    await saveVersion(id, `Restored version ${vid}`)
    return c.json({ restored: vid, savedBefore: before })
  })

  app.post('/api/boards/:id/duplicate', async (c) => {
    const id = boardIdParam(c.req.param('id'))
    const grant = await requireGrant(c, storage, id)
    requireFacilitator(grant)
    const body = await parseJsonBody(c, DuplicateBody)
    const source = await storage.getBoard(id)
    if (!source) throw new HTTPException(404, { message: 'no such board' })
    const state = await readBoardState(rooms, storage, id)
    const created = await createBoard(storage, { title: body.title ?? `${source.title} (copy)`, template: source.template }, (control) => {
      Y.applyUpdate(control, state.control)
      // The copy has its own title: not the source's live one.
      control.getMap(STATE_MAP).delete(BOARD_TITLE_KEY)
    })
    await writeRecordsInto(created.board.id, 'board', (doc) => replaceRecords(doc, recordsOfState(state.board), SERVER_ORIGIN))
    return c.json({ board: created.board, links: boardLinks(originOf(config, c.req.url), created.board.id, created.tokens) }, 201)
  })

  // Import a .tldr into a new board …
  app.post('/api/boards/import', async (c) => {
    const body = await parseJsonBody(c, ImportBody)
    const parsed = await parseTldrFile(body.file)
    if (!parsed.ok) throw new HTTPException(422, { message: parsed.error })
    const created = await createBoard(storage, { title: body.title ?? 'Imported board' })
    const placed = placeBeside(parsed.value, [])
    await writeRecordsInto(created.board.id, 'board', (doc) => addRecords(doc, placed, SERVER_ORIGIN))
    return c.json({ board: created.board, links: boardLinks(originOf(config, c.req.url), created.board.id, created.tokens), imported: placed.length }, 201)
  })

  // … or beside what a board already holds.
  app.post('/api/boards/:id/import', async (c) => {
    const id = boardIdParam(c.req.param('id'))
    const grant = await requireGrant(c, storage, id)
    requireFacilitator(grant)
    const body = await parseJsonBody(c, ImportBody)
    const parsed = await parseTldrFile(body.file)
    if (!parsed.ok) throw new HTTPException(422, { message: parsed.error })
    const current = await readBoardRecords(rooms, storage, id)
    const placed = placeBeside(parsed.value, [...current.board, ...current.control])
    await writeRecordsInto(id, 'board', (doc) => addRecords(doc, placed, SERVER_ORIGIN))
    return c.json({ imported: placed.length })
  })

  // Operator routes: only with ADMIN_TOKEN set, compared in constant time.
  app.use('/api/admin/*', async (c, next) => {
    const expected = config.ADMIN_TOKEN
    if (!expected) throw new HTTPException(404, { message: 'not found' })
    const header = c.req.header('authorization') ?? ''
    const given = header.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : ''
    if (!secretsEqual(given, expected)) throw new HTTPException(401, { message: 'admin token required' })
    await next()
  })

  app.get('/api/admin/boards', async (c) => {
    const query = z
      .object({ search: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) })
      .safeParse(c.req.query())
    if (!query.success) throw new HTTPException(400, { message: query.error.issues.map((i) => i.message).join('; ') })
    return c.json({ boards: await storage.listBoards(query.data) })
  })

  app.delete('/api/admin/boards/:id', async (c) => {
    const id = boardIdParam(c.req.param('id'))
    if (!(await storage.getBoard(id))) throw new HTTPException(404, { message: 'no such board' })
    rooms.revokeSessions({ boardId: id, role: null }, CloseEvents.LinkRevoked)
    await storage.deleteBoard(id)
    logger.info({ boardId: id }, 'board deleted by operator')
    return c.json({ deleted: id })
  })

  return { saveVersion }
}

export type { Role }
