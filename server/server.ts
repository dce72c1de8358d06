/**
 * Wires storage, rooms and the app into one listening server. Used by main.ts and by tests
 * (port 0), so that tests run exactly what `npm start` runs.
 */
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { createApp } from './app.js'
import { loadConfig, sqliteFile, type Config } from './config.js'
import { createLogger, type Logger } from './logger.js'
import { createMetrics, type Metrics } from './metrics.js'
import { VersionKeeper } from './history/VersionKeeper.js'
import { AttendanceRecorder } from './spaces/attendance.js'
import type { RedisRelay } from './cluster/RedisRelay.js'
import { PersonSessions } from './people/personSessions.js'
import type { PostgresStorage } from './storage/PostgresStorage.js'
import { SqliteStorage } from './storage/SqliteStorage.js'
import type { Storage } from './storage/Storage.js'
import { RoomManager } from './sync/RoomManager.js'
import { Gauge } from './promClient.js'

export type CanvasServer = {
  url: string
  port: number
  config: Config
  storage: Storage
  rooms: RoomManager
  /** The cross-instance relay, when REDIS_URL is set. */
  relay: RedisRelay | null
  /** Every HTTP route the app answers (method and path pattern), middleware left out. */
  routes: ReadonlyArray<{ method: string; path: string }>
  close(): Promise<void>
}

// @hono/node-ws reports socket errors as an ErrorEvent, which Node 20 lacks (it polyfills only
// CloseEvent): without this, every socket error prints a ReferenceError instead of being logged.
const globals = globalThis as { ErrorEvent?: unknown }
globals.ErrorEvent ??= class ErrorEvent extends Event {
  readonly error: unknown
  constructor(type: string, init: { error?: unknown } = {}) {
    super(type)
    this.error = init.error
  }
}

/**
 * PostgreSQL when DATABASE_URL is set (throws a clear error when unreachable), else SQLite.
 * PostgreSQL and Redis clients are loaded only when configured (≈30 MiB of RSS the embedded
 * default does not need).
 */
export async function createStorage(config: Config): Promise<Storage> {
  if (config.DATABASE_URL) {
    const { PostgresStorage } = await import('./storage/PostgresStorage.js')
    return PostgresStorage.connect(config.DATABASE_URL)
  }
  return new SqliteStorage(sqliteFile(config), { synchronous: config.SQLITE_SYNCHRONOUS })
}

export async function startServer(
  overrides: Partial<Config> = {},
  options: { logger?: Logger; env?: Record<string, string | undefined> } = {},
): Promise<CanvasServer> {
  const config = loadConfig(options.env ?? process.env, overrides)
  const logger = options.logger ?? createLogger()
  const metrics = createMetrics()
  const storage = await createStorage(config)
  const rooms = createRooms(config, storage, logger, metrics)
  // Admitted people's sockets, shared by the app (revocations here) and the relay (revocations elsewhere).
  const personSessions = new PersonSessions()
  const relay = await connectRelay(config, { storage, logger, metrics, rooms, personSessions })
  const pool = storage.kind === 'postgres' ? (storage as PostgresStorage) : null
  registerStorageMetrics(metrics, storage.kind, pool)
  const health = healthCheck(pool, relay)
  const { app, injectWebSocket, wss, facilitation, saveVersion, privateRooms } = createApp({ config, storage, rooms, logger, metrics, health, personSessions })
  // Everything that reacts to a room, in the order its hooks run (see sync/RoomExtension.ts).
  if (relay) rooms.use(relay)
  rooms.use(new VersionKeeper(saveVersion, logger, config.AUTOSAVE_INTERVAL_MS))
  rooms.use(facilitation)
  rooms.use(privateRooms)
  rooms.use(new AttendanceRecorder(storage, logger))
  const server = await listen(app.fetch, injectWebSocket, config, logger).catch(async (error: unknown) => {
    facilitation.close()
    await relay?.close()
    await storage.close()
    throw error
  })
  const port = (server.address() as AddressInfo).port
  const url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`
  logger.info({ url, storage: storage.kind, relay: relay?.instanceId ?? null }, 'workshop canvas listening')

  let closing: Promise<void> | null = null
  return {
    url,
    port,
    config,
    storage,
    rooms,
    relay,
    // A route with its own middleware is listed once per handler: once here.
    routes: [...new Map(app.routes.filter((r) => r.method !== 'ALL').map(({ method, path }) => [`${method} ${path}`, { method, path }])).values()],
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          // Sockets are closed by the rooms below; idle keep-alive HTTP connections too.
          if ('closeIdleConnections' in server) server.closeIdleConnections()
        })
      })()
      const stop = (async () => {
        facilitation.close()
        await rooms.closeAll()
        for (const client of wss.clients) client.terminate()
        await closing
        await relay?.close()
        await storage.close()
      })()
      return stop
    },
  }
}

/**
 * The cross-instance relay when REDIS_URL is set (closes storage and throws when Redis is
 * unreachable): it repeats link rotations and credential revocations on every instance.
 */
async function connectRelay(
  config: Config,
  deps: { storage: Storage; logger: Logger; metrics: Metrics; rooms: RoomManager; personSessions: PersonSessions },
): Promise<RedisRelay | null> {
  const { storage, logger, metrics, rooms, personSessions } = deps
  if (!config.REDIS_URL) return null
  if (storage.kind === 'sqlite') logger.warn('REDIS_URL is set without DATABASE_URL: instances only share boards through a shared database')
  try {
    const { RedisRelay } = await import('./cluster/RedisRelay.js')
    const relay = await RedisRelay.connect(config.REDIS_URL, config.REDIS_PREFIX, {
      storage,
      logger,
      metrics,
      closeBoardSessions: (revocation, event) => rooms.closeBoardSessions(revocation, event),
      closePersonSessions: (hash, event) => personSessions.closeByHash(hash, event),
    })
    personSessions.onRevoke = (hash, event) => relay.revokePerson(hash, event)
    return relay
  } catch (error) {
    await storage.close()
    throw error
  }
}

/** What /health adds to its answer: the pool's state, and the relay's (throws while Redis is unreachable). */
function healthCheck(pool: PostgresStorage | null, relay: RedisRelay | null): () => Promise<Record<string, unknown>> {
  return async () => {
    const storageState = pool ? { pool: pool.poolState() } : {}
    if (!relay) return { ...storageState, relay: null }
    const state = relay.state()
    if (!state.connected) throw new Error(`redis relay not connected (publisher ${state.publisher}, subscriber ${state.subscriber})`)
    return { ...storageState, relay: state }
  }
}

/** Serves `fetch` on HOST:PORT, with the websocket upgrade attached, once it listens. */
async function listen(fetch: (request: Request) => Response | Promise<Response>, injectWebSocket: (server: ServerType) => void, config: Config, logger: Logger): Promise<ServerType> {
  // A port already in use (another server still running) is a clear start-up error, not a crash.
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch, hostname: config.HOST, port: config.PORT }, () => {
      s.off('error', failed)
      resolve(s)
    })
    const failed = (error: NodeJS.ErrnoException) => {
      s.close()
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${config.PORT} on ${config.HOST} is already in use: stop the other server or set PORT`) : error)
    }
    s.once('error', failed)
  })
  // Node takes its own error listener off a socket it hands to 'upgrade'; until ws adopts it
  // (after the async auth route), a client resetting the connection would crash the process.
  server.on('upgrade', (_request, socket) => {
    socket.on('error', (error: Error) => logger.debug({ err: String(error) }, 'upgrade socket error'))
  })
  injectWebSocket(server)
  return server
}

/** The room manager with the limits of `config` (see RoomLimits). */
function createRooms(config: Config, storage: Storage, logger: Logger, metrics: Metrics): RoomManager {
  return new RoomManager(
    {
      storage,
      logger,
      metrics,
      limits: {
        MAX_MESSAGE_BYTES: config.MAX_MESSAGE_BYTES,
        MAX_MESSAGES_PER_SECOND: config.MAX_MESSAGES_PER_SECOND,
        MAX_BOARD_BYTES: config.MAX_BOARD_BYTES,
        MAX_PRESENCE_BYTES: config.MAX_PRESENCE_BYTES,
        MAX_PRESENCES_PER_CONNECTION: config.MAX_PRESENCES_PER_CONNECTION,
        COMPACT_AFTER_UPDATES: config.COMPACT_AFTER_UPDATES,
        ROOM_SLEEP_AFTER_MS: config.ROOM_SLEEP_AFTER_MS,
        ROOM_SLEEP_SLICE_MS: config.ROOM_SLEEP_SLICE_MS,
      },
      // Without Redis this instance is every board's only writer (compactions encode the live doc).
      soleWriter: !config.REDIS_URL,
    },
    config,
  )
}

/** Which storage is in use and, for PostgreSQL, its pool, read when /metrics is scraped. */
function registerStorageMetrics(metrics: Metrics, kind: Storage['kind'], pool: PostgresStorage | null): void {
  const registers = [metrics.registry]
  new Gauge({ name: 'canvas_storage_info', help: 'Storage backend in use', labelNames: ['kind'], registers }).set({ kind }, 1)
  if (!pool) return
  new Gauge({
    name: 'canvas_storage_pool_connections',
    help: 'PostgreSQL pool connections',
    labelNames: ['state'],
    registers,
    collect() {
      const p = pool.poolState()
      this.set({ state: 'total' }, p.total)
      this.set({ state: 'idle' }, p.idle)
      this.set({ state: 'waiting' }, p.waiting)
    },
  })
}
