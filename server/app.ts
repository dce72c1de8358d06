/**
 * The Hono app: HTTP API, the websocket route and the built client. Routes authenticate,
 * validate and delegate; sync logic lives in server/sync.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { IncomingMessage } from 'node:http'
import { serveStatic } from '@hono/node-server/serve-static'
import { createNodeWebSocket } from '@hono/node-ws'
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { secureHeaders } from 'hono/secure-headers'
import type { WebSocket as WsSocket } from 'ws'
import { z } from 'zod'
import { CloseEvents } from '../shared/protocol.js'
import { accessFor, docKey, parseDocName } from '../shared/roles.js'
import { BOARD_ID_PATTERN } from './auth/tokens.js'
import { boardLinks, createBoard } from './boards.js'
import type { Config } from './config.js'
import { requireGrant, type Grant } from './http/auth.js'
import type { Logger } from './logger.js'
import type { Metrics } from './metrics.js'
import type { Storage } from './storage/Storage.js'
import type { RoomManager } from './sync/RoomManager.js'
import type { SyncSocket } from './sync/SyncSocket.js'
import { registerBoardRoutes } from './http/boardRoutes.js'
import { parseJsonBody } from './http/validate.js'
import { registerFacilitationRoutes } from './http/facilitationRoutes.js'
import { registerResultRoutes } from './http/resultRoutes.js'
import { addRecords } from './boardState.js'
import { buildActivityRecords, TEMPLATE_LOCALES } from '../shared/templates/index.js'
import type * as Y from 'yjs'
import { FacilitationService } from './facilitation/FacilitationService.js'

export type AppDeps = {
  config: Config
  storage: Storage
  rooms: RoomManager
  logger: Logger
  metrics: Metrics
  /** Extra health facts (relay state…). */
  health?: () => Promise<Record<string, unknown>>
}

type Env = { Bindings: { incoming: IncomingMessage } }

const CreateBoardBody = z.object({
  title: z.string().trim().min(1, 'title must not be empty').max(200, 'title is at most 200 characters'),
  template: z.string().max(64).optional().nullable(),
  participants: z.array(z.string().trim().min(1).max(60)).max(60).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
  locale: z.enum(TEMPLATE_LOCALES, { message: `locale must be one of ${TEMPLATE_LOCALES.join(', ')}` }).optional(),
})

export function clientIp(c: Context<Env>): string {
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown'
}

function checkBoardId(id: string): string {
  if (!BOARD_ID_PATTERN.test(id)) throw new HTTPException(404, { message: 'no such board' })
  return id
}

/** A sliding one-minute window per key. */
function rateLimiter(perMinute: number) {
  const hits = new Map<string, number[]>()
  return function allow(key: string): boolean {
    const now = Date.now()
    const recent = (hits.get(key) ?? []).filter((t) => now - t < 60_000)
    if (recent.length >= perMinute) {
      hits.set(key, recent)
      return false
    }
    recent.push(now)
    hits.set(key, recent)
    return true
  }
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
  const app = new Hono<Env>()
  const { injectWebSocket, upgradeWebSocket, wss } = createNodeWebSocket({ app })
  // Frames up to 4× the limit reach the room, which closes with a named code; beyond, ws closes with 1009.
  ;(wss.options as { maxPayload: number }).maxPayload = config.MAX_MESSAGE_BYTES * 4
  const allowBoardCreation = rateLimiter(config.BOARD_CREATIONS_PER_IP_PER_MINUTE)

  app.use('*', secureHeaders({ contentSecurityPolicy: CSP, xFrameOptions: 'DENY', referrerPolicy: 'no-referrer' }))
  app.use('/api/*', bodyLimit({
    maxSize: config.MAX_HTTP_BODY_BYTES,
    onError: () => {
      throw new HTTPException(413, { message: `request body is larger than ${config.MAX_HTTP_BODY_BYTES} bytes` })
    },
  }))

  app.onError((error, c) => {
    if (error instanceof HTTPException) return c.json({ error: error.message }, error.status)
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

  app.post('/api/boards', async (c) => {
    if (!allowBoardCreation(clientIp(c))) throw new HTTPException(429, { message: 'too many boards created from this address; try again in a minute' })
    const body = await parseJsonBody(c, CreateBoardBody)
    let seed: ((doc: Y.Doc) => void) | undefined
    if (body.template) {
      const built = buildActivityRecords(body.template, { participants: body.participants, options: body.options, locale: body.locale })
      if (!built.ok) throw new HTTPException(400, { message: `${built.error}; GET /api/templates lists the templates` })
      seed = (doc) => addRecords(doc, built.value.records, 'server')
    }
    const { board, tokens } = await createBoard(storage, { title: body.title, template: body.template ?? null }, seed)
    const origin = config.PUBLIC_URL?.replace(/\/$/, '') ?? new URL(c.req.url).origin
    logger.info({ boardId: board.id }, 'board created')
    return c.json({ board, links: boardLinks(origin, board.id, tokens) }, 201)
  })

  app.get('/api/boards/:id', async (c) => {
    const id = checkBoardId(c.req.param('id'))
    const grant = await requireGrant(c, storage, id)
    const board = await storage.getBoard(id)
    if (!board) throw new HTTPException(404, { message: 'no such board' })
    return c.json({ board, role: grant.role })
  })


  // Websocket: /sync/<boardId>[/control|/private/<participantId>]?token=…
  app.get(
    '/sync/*',
    async (c, next) => {
      const rest = c.req.path.slice('/sync/'.length)
      const slash = rest.indexOf('/')
      const boardId = slash === -1 ? rest : rest.slice(0, slash)
      const name = parseDocName(slash === -1 ? '' : rest.slice(slash + 1))
      if (!BOARD_ID_PATTERN.test(boardId) || !name) throw new HTTPException(404, { message: 'no such document' })
      const grant = await requireGrant(c, storage, boardId)
      const access = accessFor(grant.role, name.kind)
      if (access === 'none') throw new HTTPException(403, { message: 'this link cannot open that document' })
      const refused = rooms.admit(boardId, clientIp(c))
      if (refused) throw new HTTPException(429, { message: refused.reason })
      c.set('sync' as never, { grant, key: docKey(boardId, name), kind: name.kind, access } as never)
      await next()
    },
    upgradeWebSocket((c) => {
      const { grant, key, kind, access } = c.get('sync' as never) as {
        grant: Grant
        key: string
        kind: 'board' | 'control' | 'private'
        access: 'write' | 'read'
      }
      const ip = clientIp(c)
      let connection: ReturnType<RoomManager['connect']> | null = null
      let keepAlive: NodeJS.Timeout | null = null
      return {
        onOpen(_event, ws) {
          const raw = ws.raw as WsSocket
          const socket: SyncSocket = {
            get isOpen() {
              return raw.readyState === raw.OPEN
            },
            send(data) {
              if (raw.readyState === raw.OPEN) raw.send(data, { binary: true })
            },
            close(code, reason) {
              raw.close(code, reason)
            },
          }
          connection = rooms.connect(socket, { ...grant, ip }, key, kind, access)
          // Frames are read from the ws socket itself: the adapter's onMessage wraps each one in
          // a DOM MessageEvent and copies it, a cost paid per frame on a busy board. Nothing can
          // arrive before this point (onOpen runs in the turn that completes the upgrade).
          const open = connection
          raw.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
            if (!isBinary) open.session.close(CloseEvents.MalformedMessage.code, 'text frames are not part of the protocol')
            else if (Array.isArray(data)) open.receive(new Uint8Array(Buffer.concat(data)))
            else open.receive(data instanceof ArrayBuffer ? new Uint8Array(data) : data)
          })
          let alive = true
          raw.on('pong', () => {
            alive = true
          })
          keepAlive = setInterval(() => {
            if (!alive) {
              raw.close(CloseEvents.KeepAliveTimeout.code, CloseEvents.KeepAliveTimeout.reason)
              setTimeout(() => raw.terminate(), 1000).unref()
              return
            }
            alive = false
            raw.ping()
          }, config.KEEPALIVE_INTERVAL_MS)
          keepAlive.unref()
        },
        onClose() {
          if (keepAlive) clearInterval(keepAlive)
          connection?.closed()
        },
        onError(event) {
          logger.debug({ err: String((event as ErrorEvent).error) }, 'socket error')
        },
      }
    }),
  )

  const boardRoutes = registerBoardRoutes(app, { config, storage, rooms, logger })
  const facilitation = new FacilitationService(rooms, storage, logger, boardRoutes.saveVersion)
  registerFacilitationRoutes(app, { storage, rooms, facilitation })
  registerResultRoutes(app, { storage, rooms })
  mountClient(app, config)
  return { app, injectWebSocket, wss, saveVersion: boardRoutes.saveVersion, facilitation }
}

/** Serves the built client; every board URL gets the single-page app. */
function mountClient(app: Hono<Env>, config: Config): void {
  const root = path.resolve(config.CLIENT_DIST_DIR)
  const indexFile = path.join(root, 'index.html')
  app.use('/assets/*', serveStatic({ root: path.relative(process.cwd(), root) || '.' }))
  app.use('/tldraw/*', serveStatic({ root: path.relative(process.cwd(), root) || '.' }))
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/sync/')) return next()
    if (!fs.existsSync(indexFile)) return c.text('client not built: run `npm run build`', 503)
    const staticFile = path.join(root, path.normalize(c.req.path))
    if (staticFile.startsWith(root + path.sep) && fs.existsSync(staticFile) && fs.statSync(staticFile).isFile()) {
      return serveStatic({ root: path.relative(process.cwd(), root) || '.' })(c, next)
    }
    return c.html(fs.readFileSync(indexFile, 'utf8'))
  })
}
