/**
 * Custom template routes (issue 15, SPEC R11 and L10). Listing, reading and downloading take no
 * token; renaming and deleting take the template's manage token; saving from a board takes its
 * facilitator link. Each validates, calls the TemplateService and answers.
 */
import type { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { TEMPLATE_LOCALES } from '../../shared/activities/index.js'
import { MAX_TEMPLATE_AUTHOR, MAX_TEMPLATE_NAME, singleLine } from '../../shared/templates/format.js'
import { boardLinks } from '../boards/lifecycle.js'
import type { Config } from '../config.js'
import type { Logger } from '../logger.js'
import type { TemplateService } from '../templates/TemplateService.js'
import { tokenFrom, type BoardAccess } from './access.js'
import type { SignInGate } from './authRoutes.js'
import { clientIp, type AppEnv } from './env.js'
import { rateLimiter } from './rateLimit.js'
import { parseJsonBody, parseQuery, parseValue } from './validate.js'

export type TemplateRouteDeps = { config: Config; logger: Logger; templates: TemplateService; boardAccess: BoardAccess; signIn: SignInGate }

const Locale = z.enum(TEMPLATE_LOCALES, { message: `locale must be one of ${TEMPLATE_LOCALES.join(', ')}` })
const Name = singleLine(MAX_TEMPLATE_NAME).trim().min(1, 'name must not be empty').max(MAX_TEMPLATE_NAME, `name is at most ${MAX_TEMPLATE_NAME} characters`)
const Author = singleLine(MAX_TEMPLATE_AUTHOR).trim().max(MAX_TEMPLATE_AUTHOR, `author is at most ${MAX_TEMPLATE_AUTHOR} characters`)
const TemplateId = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'not a template id')

const SaveBody = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('activity'), instanceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'instanceId is not an activity id'), name: Name, author: Author.default(''), description: z.string().max(2000).default(''), locale: Locale.default('en') }),
  z.object({ scope: z.literal('board'), name: Name, author: Author.default(''), description: z.string().max(2000).default(''), locale: Locale.default('en') }),
], { message: 'scope must be "activity" (with instanceId) or "board"' })
const RenameBody = z
  .object({ name: Name.optional(), author: Author.optional() })
  .strict()
  .refine((b) => b.name !== undefined || b.author !== undefined, { message: 'give a name or an author' })
const ListQuery = z.object({ locale: Locale.optional() })
/** `locale`: the language of a built-in's texts (a custom template keeps its own). */
const CreateBody = z.object({ title: z.string().trim().min(1, 'title must not be empty').max(200, 'title is at most 200 characters').optional(), locale: Locale.default('en') })
const AddBody = z.object({ template: TemplateId, locale: Locale.default('en') })

function originOf(config: Config, url: string): string {
  return config.PUBLIC_URL?.replace(/\/$/, '') ?? new URL(url).origin
}

const FACILITATOR = { role: 'facilitator', message: 'only the facilitator link can save or add templates' } as const

type Limit = (c: Parameters<typeof clientIp>[0], what: string) => void
type Created = Awaited<ReturnType<TemplateService['importFile']>>
type WithLink = (c: { req: { url: string } }, result: Created) => Created & { manageLink: string }

function manageToken(c: Parameters<typeof tokenFrom>[0]): string {
  const token = tokenFrom(c)
  if (!token) throw new HTTPException(401, { message: 'the template manage token is required (Authorization: Bearer or ?token=)' })
  return token
}

export function registerTemplateRoutes(app: Hono<AppEnv>, deps: TemplateRouteDeps): void {
  const allowCreation = rateLimiter(deps.config.BOARD_CREATIONS_PER_IP_PER_MINUTE)
  const limited: Limit = (c, what) => {
    if (!allowCreation(clientIp(c))) throw new HTTPException(429, { message: `too many ${what} from this address; try again in a minute` })
  }
  const created: WithLink = (c, result) => ({
    ...result,
    manageLink: `${originOf(deps.config, c.req.url)}/templates/${result.template.id}#${result.manageToken}`,
  })
  registerGalleryRoutes(app, deps, limited, created)
  registerManageRoutes(app, deps, limited, created)
}

/** Listing, importing, reading and downloading: no token (R11). */
function registerGalleryRoutes(app: Hono<AppEnv>, deps: TemplateRouteDeps, limited: Limit, created: WithLink): void {
  const { config, templates } = deps

  app.get('/api/templates/custom', async (c) => {
    const query = parseQuery(c.req.query(), ListQuery)
    return c.json({ templates: await templates.list(query.locale) })
  })

  // The file itself is the body; its size is checked before a byte of it is parsed (SPEC L10).
  app.post(
    '/api/templates/import',
    bodyLimit({
      maxSize: config.MAX_TEMPLATE_BYTES,
      onError: () => {
        throw new HTTPException(413, { message: `the template file is larger than ${config.MAX_TEMPLATE_BYTES} bytes` })
      },
    }),
    async (c) => {
      limited(c, 'templates imported')
      const result = await templates.importFile(await c.req.text())
      return c.json(created(c, result), 201)
    },
  )

  app.get('/api/templates/:tid', async (c) => {
    return c.json({ template: await templates.summary(parseValue(c.req.param('tid'), TemplateId)) })
  })

  app.get('/api/templates/:tid/file', async (c) => {
    const id = parseValue(c.req.param('tid'), TemplateId)
    const query = parseQuery(c.req.query(), ListQuery)
    const file = await templates.file(id, query.locale ?? 'en')
    return c.body(JSON.stringify(file, null, 2), 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${id}.template.json"`,
    })
  })

}

/** Renaming and deleting (manage token), boards from a template, saving from and adding to a board (facilitator link). */
function registerManageRoutes(app: Hono<AppEnv>, deps: TemplateRouteDeps, limited: Limit, created: WithLink): void {
  const { config, templates, boardAccess } = deps

  app.patch('/api/templates/:tid', async (c) => {
    const id = parseValue(c.req.param('tid'), TemplateId)
    const token = manageToken(c)
    const body = await parseJsonBody(c, RenameBody)
    return c.json({ template: await templates.rename(id, token, body) })
  })

  app.delete('/api/templates/:tid', async (c) => {
    const id = parseValue(c.req.param('tid'), TemplateId)
    await templates.remove(id, manageToken(c))
    return c.json({ deleted: id })
  })

  app.post('/api/templates/:tid/boards', async (c) => {
    await deps.signIn.require(c, 'create a board')
    limited(c, 'boards created')
    const id = parseValue(c.req.param('tid'), TemplateId)
    const body = await parseJsonBody(c, CreateBody)
    const { board, tokens } = await templates.createBoard(id, body.title, body.locale)
    deps.logger.info({ boardId: board.id, templateId: id }, 'board created from a template')
    return c.json({ board, links: boardLinks(originOf(config, c.req.url), board.id, tokens) }, 201)
  })

  app.post('/api/boards/:id/templates', boardAccess(FACILITATOR), async (c) => {
    limited(c, 'templates saved')
    const { scope, name, author, description, locale, ...rest } = await parseJsonBody(c, SaveBody)
    const target = scope === 'activity' && 'instanceId' in rest ? { scope, instanceId: rest.instanceId } : { scope: 'board' as const }
    const result = await templates.saveFromBoard(c.var.board, target, { name, author, description, locale })
    return c.json(created(c, result), 201)
  })

  app.post('/api/boards/:id/template-activities', boardAccess(FACILITATOR), async (c) => {
    const body = await parseJsonBody(c, AddBody)
    return c.json(await templates.addToBoard(c.var.board, body.template, body.locale), 201)
  })
}
