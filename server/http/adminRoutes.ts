/** Operator routes: only with ADMIN_TOKEN set, the token compared in constant time. */
import type { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { secretsEqual } from '../auth/tokens.js'
import type { BoardDocsDeps } from '../boards/boardDocs.js'
import { deleteBoard } from '../boards/lifecycle.js'
import type { Config } from '../config.js'
import type { Logger } from '../logger.js'
import { parseBoardId } from './access.js'
import type { AppEnv } from './env.js'
import { parseQuery } from './validate.js'

const BoardSearch = z.object({ search: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) })

function adminAccess(config: Config) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const expected = config.ADMIN_TOKEN
    if (!expected) throw new HTTPException(404, { message: 'not found' })
    const header = c.req.header('authorization') ?? ''
    const given = header.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : ''
    if (!secretsEqual(given, expected)) throw new HTTPException(401, { message: 'admin token required' })
    await next()
  })
}

export function registerAdminRoutes(app: Hono<AppEnv>, deps: BoardDocsDeps & { config: Config; logger: Logger }): void {
  app.use('/api/admin/*', adminAccess(deps.config))

  app.get('/api/admin/boards', async (c) => {
    const query = parseQuery(c.req.query(), BoardSearch)
    return c.json({ boards: await deps.storage.listBoards(query) })
  })

  app.delete('/api/admin/boards/:id', async (c) => {
    const id = parseBoardId(c.req.param('id'))
    await deleteBoard(deps, id)
    return c.json({ deleted: id })
  })
}
