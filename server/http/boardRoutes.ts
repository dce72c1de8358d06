/**
 * Board routes (issue 5): create, read, rename, archive, link rotation, history (versions,
 * restore, duplicate) and .tldr import. Each validates, calls one service of server/boards,
 * and answers.
 */
import type { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { TEMPLATE_LOCALES } from '../../shared/activities/index.js'
import type { BoardDocsDeps } from '../boards/boardDocs.js'
import type { PlanService } from '../boards/plan.js'
import { readyMadePlan } from '../boards/readyPlans.js'
import { importAsNewBoard, importIntoBoard } from '../boards/importing.js'
import { boardLinks, createBoardFromTemplate, duplicateBoard, getBoard, renameOrArchive, rotateLink } from '../boards/lifecycle.js'
import { listVersions, restoreVersion, saveVersion, versionRecords } from '../boards/versions.js'
import type { Config } from '../config.js'
import type { Logger } from '../logger.js'
import type { BoardAccess } from './access.js'
import type { SignInGate } from './authRoutes.js'
import { clientIp, type AppEnv } from './env.js'
import { rateLimiter } from './rateLimit.js'
import { parseJsonBody, parseValue } from './validate.js'

export type BoardRouteDeps = BoardDocsDeps & { config: Config; logger: Logger; boardAccess: BoardAccess; plans: PlanService; signIn: SignInGate }

const CreateBoardBody = z.object({
  title: z.string().trim().min(1, 'title must not be empty').max(200, 'title is at most 200 characters'),
  template: z.string().max(64).optional().nullable(),
  participants: z.array(z.string().trim().min(1).max(60)).max(60).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
  locale: z.enum(TEMPLATE_LOCALES, { message: `locale must be one of ${TEMPLATE_LOCALES.join(', ')}` }).optional(),
  /** A ready-made plan (GET /api/plans) to set on the new board, adding the activities it needs. */
  plan: z.string().min(1).max(64).optional(),
})
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

const HISTORY = { role: 'participant', message: 'the viewer link cannot see the history' } as const

function originOf(config: Config, url: string): string {
  return config.PUBLIC_URL?.replace(/\/$/, '') ?? new URL(url).origin
}

export function registerBoardRoutes(app: Hono<AppEnv>, deps: BoardRouteDeps): void {
  const { config, logger, boardAccess } = deps
  const allowBoardCreation = rateLimiter(config.BOARD_CREATIONS_PER_IP_PER_MINUTE)

  app.post('/api/boards', async (c) => {
    await deps.signIn.require(c, 'create a board')
    if (!allowBoardCreation(clientIp(c))) throw new HTTPException(429, { message: 'too many boards created from this address; try again in a minute' })
    const body = await parseJsonBody(c, CreateBoardBody)
    const plan = body.plan ? readyMadePlan(body.plan, body.locale ?? 'en') : null
    const { board, tokens } = await createBoardFromTemplate(deps.storage, body)
    if (plan) await deps.plans.set(board.id, plan)
    logger.info({ boardId: board.id }, 'board created')
    return c.json({ board, links: boardLinks(originOf(config, c.req.url), board.id, tokens) }, 201)
  })

  app.get('/api/boards/:id', boardAccess(), async (c) => {
    return c.json({ board: await getBoard(deps.storage, c.var.board), role: c.var.role })
  })

  app.patch('/api/boards/:id', boardAccess({ role: 'facilitator' }), async (c) => {
    const body = await parseJsonBody(c, RenameOrArchive)
    return c.json({ board: await renameOrArchive(deps, c.var.board, body) })
  })

  app.post('/api/boards/:id/links/:role/rotate', boardAccess({ role: 'facilitator' }), async (c) => {
    const role = parseValue(c.req.param('role'), RotatableRole)
    const { token, closedSessions } = await rotateLink(deps, c.var.board, role)
    return c.json({ role, link: `${originOf(config, c.req.url)}/b/${c.var.board}#${token}`, closedSessions })
  })

  app.get('/api/boards/:id/versions', boardAccess(HISTORY), async (c) => {
    return c.json({ versions: await listVersions(deps, c.var.board) })
  })

  app.post('/api/boards/:id/versions', boardAccess({ role: 'facilitator' }), async (c) => {
    const body = await parseJsonBody(c, VersionLabel)
    return c.json({ version: await saveVersion(deps, c.var.board, body.label) }, 201)
  })

  app.get('/api/boards/:id/versions/:vid', boardAccess(HISTORY), async (c) => {
    const vid = parseValue(c.req.param('vid'), VersionId)
    return c.json(await versionRecords(deps, c.var.board, vid))
  })

  app.post('/api/boards/:id/versions/:vid/restore', boardAccess({ role: 'facilitator' }), async (c) => {
    const vid = parseValue(c.req.param('vid'), VersionId)
    const { savedBefore } = await restoreVersion(deps, c.var.board, vid)
    return c.json({ restored: vid, savedBefore })
  })

  app.post('/api/boards/:id/duplicate', boardAccess({ role: 'facilitator' }), async (c) => {
    const body = await parseJsonBody(c, DuplicateBody)
    const created = await duplicateBoard(deps, c.var.board, body.title)
    return c.json({ board: created.board, links: boardLinks(originOf(config, c.req.url), created.board.id, created.tokens) }, 201)
  })

  // Import a .tldr into a new board …
  app.post('/api/boards/import', async (c) => {
    await deps.signIn.require(c, 'create a board')
    const body = await parseJsonBody(c, ImportBody)
    const created = await importAsNewBoard(deps, body)
    return c.json({ board: created.board, links: boardLinks(originOf(config, c.req.url), created.board.id, created.tokens), imported: created.imported }, 201)
  })

  // … or beside what a board already holds.
  app.post('/api/boards/:id/import', boardAccess({ role: 'facilitator' }), async (c) => {
    const body = await parseJsonBody(c, ImportBody)
    return c.json(await importIntoBoard(deps, c.var.board, body.file))
  })
}
