/**
 * The Hono app: security headers and body limits, error answers, health and metrics, and the
 * routes of server/http, which validate, call one service of server/boards, and answer. Sync
 * logic lives in server/sync.
 */
import { createNodeWebSocket } from '@hono/node-ws'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { secureHeaders } from 'hono/secure-headers'
import type { BoardDocsDeps } from './boards/boardDocs.js'
import { PlanService } from './boards/plan.js'
import { PrivateRooms } from './boards/planGroups.js'
import { BoardError } from './boards/errors.js'
import { saveVersion } from './boards/versions.js'
import { OidcSignIn, oidcSettings } from './auth/oidc.js'
import type { Config } from './config.js'
import { FacilitationService } from './facilitation/FacilitationService.js'
import { boardAccessWith } from './http/access.js'
import { registerAdminRoutes } from './http/adminRoutes.js'
import { registerAuthRoutes, signInGate } from './http/authRoutes.js'
import { registerBoardRoutes } from './http/boardRoutes.js'
import { registerClientRoutes } from './http/clientRoutes.js'
import type { AppEnv } from './http/env.js'
import { registerFacilitationRoutes } from './http/facilitationRoutes.js'
import { registerPlanRoutes } from './http/planRoutes.js'
import { registerPeopleRoutes } from './http/peopleRoutes.js'
import { registerResultRoutes } from './http/resultRoutes.js'
import { spaceAccessWith } from './http/spaceAccess.js'
import { registerSpaceRoutes } from './http/spaceRoutes.js'
import { registerSyncRoute } from './http/syncRoute.js'
import { registerTemplateRoutes } from './http/templateRoutes.js'
import { TemplateService } from './templates/TemplateService.js'
import type { Logger } from './logger.js'
import type { Metrics } from './metrics.js'
import { PersonSessions } from './people/personSessions.js'
import type { Storage } from './storage/Storage.js'
import type { RoomManager } from './sync/RoomManager.js'

export type AppDeps = {
  config: Config
  storage: Storage
  rooms: RoomManager
  logger: Logger
  metrics: Metrics
  /** Extra health facts (relay state…). */
  health?: () => Promise<Record<string, unknown>>
  /** Admitted people's sockets (server.ts shares them with the cluster relay). */
  personSessions?: PersonSessions
}

const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'", 'ws:', 'wss:'],
  workerSrc: ["'self'", 'blob:'],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
}

export function createApp(deps: AppDeps) {
  const { config, storage, rooms, logger, metrics } = deps
  const app = new Hono<AppEnv>()
  const { injectWebSocket, upgradeWebSocket, wss } = createNodeWebSocket({ app })
  // Frames up to 4× the limit reach the room, which closes with a named code; beyond, ws closes with 1009.
  wss.options.maxPayload = config.MAX_MESSAGE_BYTES * 4

  app.use('*', secureHeaders({ contentSecurityPolicy: CSP, xFrameOptions: 'DENY', referrerPolicy: 'no-referrer' }))
  app.use('/api/*', bodyLimit({
    maxSize: config.MAX_HTTP_BODY_BYTES,
    onError: () => {
      throw new HTTPException(413, { message: `request body is larger than ${config.MAX_HTTP_BODY_BYTES} bytes` })
    },
  }))

  app.onError((error, c) => {
    if (error instanceof HTTPException) return c.json({ error: error.message }, error.status)
    if (error instanceof BoardError) return c.json({ error: error.message }, error.status)
    logger.error({ err: String(error), path: c.req.path }, 'unhandled error')
    return c.json({ error: 'internal error' }, 500)
  })
  app.notFound((c) => c.json({ error: 'not found' }, 404))

  app.get('/healthz', async (c) => {
    try {
      await storage.ping()
      return c.json({ ok: true, storage: storage.kind, rooms: rooms.loadedRooms, ...(await deps.health?.()) })
    } catch (error) {
      return c.json({ ok: false, storage: storage.kind, error: String(error) }, 503)
    }
  })

  app.get('/metrics', async (c) => c.text(await metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4' }))

  const docs: BoardDocsDeps = { rooms, storage }
  const save = (boardId: string, label: string) => saveVersion(docs, boardId, label)
  const boardAccess = boardAccessWith(storage)
  const personSessions = deps.personSessions ?? new PersonSessions()
  const oidcConfig = oidcSettings(config)
  const oidc = oidcConfig ? new OidcSignIn(oidcConfig, storage) : null
  const signIn = signInGate(oidc)
  registerAuthRoutes(app, oidc, signIn, logger)
  registerSyncRoute(app, { config, storage, rooms, logger, upgradeWebSocket, personSessions })
  const facilitation = new FacilitationService(rooms, storage, logger, save)
  const privateRooms = new PrivateRooms(rooms)
  const plans = new PlanService({ ...docs, facilitation, logger, privateRooms })
  registerBoardRoutes(app, { ...docs, config, logger, boardAccess, plans, signIn })
  registerAdminRoutes(app, { ...docs, config, logger })
  registerFacilitationRoutes(app, { ...docs, facilitation, boardAccess })
  registerResultRoutes(app, { ...docs, boardAccess })
  registerPlanRoutes(app, { ...docs, plans, boardAccess })
  const templates = new TemplateService({ ...docs, plans, logger, maxTemplateBytes: config.MAX_TEMPLATE_BYTES })
  registerTemplateRoutes(app, { config, logger, templates, boardAccess, signIn })
  registerSpaceRoutes(app, { ...docs, config, logger, spaceAccess: spaceAccessWith(storage), plans, signIn })
  registerPeopleRoutes(app, { config, rooms, storage, boardAccess, spaceAccess: spaceAccessWith(storage), personSessions, signIn })
  registerClientRoutes(app, config)
  return { app, injectWebSocket, wss, saveVersion: save, facilitation, privateRooms }
}
