/**
 * Space routes (issue 16, SPEC R6–R9, T1–T3): create a space, read its page, rename, rotate its
 * links, boards created in it / moved in / moved out, actions and commitment check-ins, and its
 * report. Each validates, calls one service of server/spaces, and answers.
 */
import type { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { TEMPLATE_LOCALES } from '../../shared/activities/index.js'
import { BOARD_ID_PATTERN, TOKEN_PATTERN } from '../auth/tokens.js'
import { boardLinks } from '../boards/lifecycle.js'
import type { Config } from '../config.js'
import { isoDay } from '../reports/summary.js'
import { checkInCommitment, listSpaceActions, updateSpaceAction } from '../spaces/actions.js'
import { spaceLink, spaceLinks } from '../spaces/links.js'
import { createBoardInSpace, createSpace, getSpace, moveBoardIn, moveBoardOut, renameSpace, rotateSpaceLink, SPACE_LOCALES, SPACE_REPORT_FORMATS, spaceLocale, type SpaceDeps } from '../spaces/spaces.js'
import type { PlanService } from '../boards/plan.js'
import { readyMadePlan } from '../boards/readyPlans.js'
import type { SignInGate } from './authRoutes.js'
import { CHECK_IN_STATUSES, SPACE_ROLES } from '../storage/Storage.js'
import { clientIp, type AppEnv } from './env.js'
import { rateLimiter } from './rateLimit.js'
import type { SpaceAccess } from './spaceAccess.js'
import { parseJsonBody, parseQuery, parseValue } from './validate.js'

export type SpaceRouteDeps = SpaceDeps & { config: Config; spaceAccess: SpaceAccess; plans: PlanService; signIn: SignInGate }

const Title = z.string().trim().min(1, 'title must not be empty').max(200, 'title is at most 200 characters')
const Locale = z.enum(SPACE_LOCALES, { message: `locale must be one of ${SPACE_LOCALES.join(', ')}` })
const CreateSpace = z.object({ title: Title, locale: Locale.optional() })
const ChangeSpace = z.object({ title: Title.optional(), locale: Locale.optional() }).refine((b) => b.title !== undefined || b.locale !== undefined, { message: 'give a title or a locale' })
const SpaceRoleParam = z.enum(SPACE_ROLES, { message: `role must be one of ${SPACE_ROLES.join(', ')}` })
const BoardIdParam = z.string().regex(BOARD_ID_PATTERN, 'not a board id')
const NoteIdParam = z.string().regex(/^shape:[A-Za-z0-9_-]{1,64}$/, 'not a note id')
const CreateBoard = z.object({
  title: Title,
  template: z.string().max(64).optional().nullable(),
  participants: z.array(z.string().trim().min(1).max(60)).max(60).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
  locale: z.enum(TEMPLATE_LOCALES).optional(),
  date: z.string().refine((v) => v.length === 10 && isoDay(v) !== null, 'date must be a date YYYY-MM-DD').optional(),
  purpose: z.string().trim().min(1).max(500, 'purpose is at most 500 characters').optional(),
  /** A ready-made plan (GET /api/plans) to set on the new session, adding the activities it needs. */
  plan: z.string().min(1).max(64).optional(),
})
const MoveIn = z.object({ boardToken: z.string().regex(TOKEN_PATTERN, 'boardToken is not a board token') })
const Day = z.string().refine((v) => isoDay(v) !== null && v.length === 10, 'due must be a date YYYY-MM-DD')
const ActionChange = z
  .object({
    status: z.string().trim().min(1).max(40).optional(),
    owner: z.string().trim().max(80).nullable().optional(),
    due: Day.nullable().optional(),
  })
  .refine((b) => b.status !== undefined || b.owner !== undefined || b.due !== undefined, { message: 'give a status, owner or due date' })
const CheckIn = z.object({ status: z.enum(CHECK_IN_STATUSES, { message: `status must be one of ${CHECK_IN_STATUSES.join(', ')}` }), note: z.string().trim().max(500).default('') })
/** The page's charts in the reader's language (the page's own), else in the space's. */
const PageQuery = z.object({ locale: Locale.optional() })

const ReportQuery = z.object({
  format: z.enum(SPACE_REPORT_FORMATS, { message: `format must be one of ${SPACE_REPORT_FORMATS.join(', ')}` }).default('md'),
  from: z.string().refine((v) => isoDay(v) !== null, 'from must be a date YYYY-MM-DD').optional(),
  to: z.string().refine((v) => isoDay(v) !== null, 'to must be a date YYYY-MM-DD').optional(),
  locale: Locale.optional(),
})

function originOf(config: Config, url: string): string {
  return config.PUBLIC_URL?.replace(/\/$/, '') ?? new URL(url).origin
}

const MEMBER = { role: 'member', message: 'the viewer link cannot change the space' } as const

export function registerSpaceRoutes(app: Hono<AppEnv>, deps: SpaceRouteDeps): void {
  const { config, spaceAccess, storage } = deps
  const allowCreation = rateLimiter(config.BOARD_CREATIONS_PER_IP_PER_MINUTE)

  app.post('/api/spaces', async (c) => {
    await deps.signIn.require(c, 'create a space')
    if (!allowCreation(clientIp(c))) throw new HTTPException(429, { message: 'too many spaces created from this address; try again in a minute' })
    const body = await parseJsonBody(c, CreateSpace)
    const { space, tokens } = await createSpace(storage, body)
    deps.logger.info({ spaceId: space.id }, 'space created')
    return c.json({ space, links: spaceLinks(originOf(config, c.req.url), space.id, tokens) }, 201)
  })

  app.get('/api/spaces/:id', spaceAccess(), async (c) => {
    // The page's charts (and their packages) are imported with the first space page (issue 18).
    const { locale } = parseQuery(c.req.query(), PageQuery)
    const { spacePage } = await import('../spaces/page.js')
    return c.json({ ...(await spacePage(deps, c.var.space, {}, locale)), role: c.var.spaceRole })
  })

  app.patch('/api/spaces/:id', spaceAccess({ role: 'facilitator' }), async (c) => {
    const body = await parseJsonBody(c, ChangeSpace)
    return c.json({ space: await renameSpace(storage, c.var.space, body) })
  })

  app.post('/api/spaces/:id/links/:role/rotate', spaceAccess({ role: 'facilitator' }), async (c) => {
    const role = parseValue(c.req.param('role'), SpaceRoleParam)
    const { token, closedSessions } = await rotateSpaceLink(deps, c.var.space, role)
    return c.json({ role, link: spaceLink(originOf(config, c.req.url), c.var.space, token), closedSessions })
  })

  app.post('/api/spaces/:id/boards', spaceAccess({ role: 'facilitator' }), async (c) => {
    const { plan: planId, ...body } = await parseJsonBody(c, CreateBoard)
    // The plan is read (and an unknown id refused) before anything is created.
    const locale = body.locale ?? (planId ? spaceLocale(await getSpace(storage, c.var.space)) : undefined)
    const plan = planId ? readyMadePlan(planId, locale ?? 'en') : null
    const { board, tokens } = await createBoardInSpace(storage, c.var.space, { ...body, ...(locale ? { locale } : {}) })
    if (plan) await deps.plans.set(board.id, plan)
    return c.json({ board, links: boardLinks(originOf(config, c.req.url), board.id, tokens) }, 201)
  })

  app.put('/api/spaces/:id/boards/:boardId', spaceAccess({ role: 'facilitator' }), async (c) => {
    const boardId = parseValue(c.req.param('boardId'), BoardIdParam)
    const body = await parseJsonBody(c, MoveIn)
    await moveBoardIn(deps, c.var.space, boardId, body.boardToken)
    return c.json({ moved: boardId, spaceId: c.var.space })
  })

  app.delete('/api/spaces/:id/boards/:boardId', spaceAccess({ role: 'facilitator' }), async (c) => {
    const boardId = parseValue(c.req.param('boardId'), BoardIdParam)
    await moveBoardOut(deps, c.var.space, boardId)
    return c.json({ removed: boardId })
  })

  app.get('/api/spaces/:id/actions', spaceAccess(), async (c) => {
    return c.json({ actions: await listSpaceActions(deps, c.var.space) })
  })

  app.patch('/api/spaces/:id/actions/:boardId/:noteId', spaceAccess(MEMBER), async (c) => {
    const boardId = parseValue(c.req.param('boardId'), BoardIdParam)
    const noteId = parseValue(c.req.param('noteId'), NoteIdParam)
    const body = await parseJsonBody(c, ActionChange)
    return c.json({ action: await updateSpaceAction(deps, c.var.space, boardId, noteId, body) })
  })

  app.post('/api/spaces/:id/commitments/:boardId/:noteId/check-ins', spaceAccess(MEMBER), async (c) => {
    const boardId = parseValue(c.req.param('boardId'), BoardIdParam)
    const noteId = parseValue(c.req.param('noteId'), NoteIdParam)
    const body = await parseJsonBody(c, CheckIn)
    return c.json({ checkIn: await checkInCommitment(deps, c.var.space, { boardId, noteId }, body) }, 201)
  })

  app.get('/api/spaces/:id/report', spaceAccess(), async (c) => {
    const query = parseQuery(c.req.query(), ReportQuery)
    // Reports (charts, CSV, Markdown tables and their packages) are imported with the first one (issue 18).
    const { spaceReport } = await import('../spaces/report.js')
    const file = await spaceReport(deps, c.var.space, query)
    return c.body(file.body, 200, { 'content-type': file.contentType, ...file.headers, 'content-disposition': `attachment; filename="${file.filename}"` })
  })
}
