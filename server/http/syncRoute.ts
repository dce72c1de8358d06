/**
 * The websocket route, /sync/<boardId>[/control|/private/<participantId>]?token=…: it
 * authenticates, upgrades, and hands the socket to the room (server/sync/WsSocketAdapter.ts).
 */
import type { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { NodeWebSocket } from '@hono/node-ws'
import { CloseEvents } from '../../shared/protocol.js'
import { accessFor, docKey, parseDocName, type DocName } from '../../shared/roles.js'
import type { Config } from '../config.js'
import type { Logger } from '../logger.js'
import type { PersonSessions } from '../people/personSessions.js'
import type { Storage } from '../storage/Storage.js'
import type { RoomManager } from '../sync/RoomManager.js'
import { wsSocketEvents } from '../sync/WsSocketAdapter.js'
import { admissionGate, isBoardId, LOBBY_REFUSAL, requireGrant, type Grant } from './access.js'
import { clientIp, type AppEnv } from './env.js'

export type SyncRouteDeps = {
  config: Config
  storage: Storage
  rooms: RoomManager
  logger: Logger
  upgradeWebSocket: NodeWebSocket['upgradeWebSocket']
  personSessions: PersonSessions
}

/**
 * Admission at the upgrade (SPEC R12–R13): a person not admitted, or a bare participant link on
 * a board under admission, opens no doc; a person's credential opens only their own private doc.
 */
async function checkAdmission(storage: Storage, grant: Grant, name: DocName): Promise<void> {
  if ((await admissionGate(storage, grant)) === 'lobby') throw new HTTPException(403, { message: LOBBY_REFUSAL })
  if (grant.person && name.kind === 'private' && name.participantId !== grant.person.id) {
    throw new HTTPException(403, { message: 'a personal link opens only its own private doc' })
  }
}

/** The board and the doc a sync path names, or null. */
function syncTarget(path: string): { boardId: string; name: DocName } | null {
  const rest = path.slice('/sync/'.length)
  const slash = rest.indexOf('/')
  const boardId = slash === -1 ? rest : rest.slice(0, slash)
  const name = parseDocName(slash === -1 ? '' : rest.slice(slash + 1))
  return isBoardId(boardId) && name ? { boardId, name } : null
}

export function registerSyncRoute(app: Hono<AppEnv>, deps: SyncRouteDeps): void {
  const { storage, rooms, logger, upgradeWebSocket } = deps
  app.get('/sync/*', async (c, next) => {
    const target = syncTarget(c.req.path)
    if (!target) throw new HTTPException(404, { message: 'no such document' })
    const { boardId, name } = target
    const grant = await requireGrant(c, storage, boardId)
    const access = accessFor(grant.role, name.kind)
    if (access === 'none') throw new HTTPException(403, { message: 'this link cannot open that document' })
    await checkAdmission(storage, grant, name)
    const ip = clientIp(c)
    const refused = rooms.admit(boardId, ip)
    if (refused) throw new HTTPException(429, { message: refused.reason })
    // A plain GET (no upgrade) falls through to the not-found answer.
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') return next()
    const key = docKey(boardId, name)
    const person = grant.person
    const connect = (socket: Parameters<RoomManager['connect']>[0]) => {
      const connection = rooms.connect(socket, { ...grant, ip }, key, name.kind, access)
      if (!person) return connection
      const stillAdmitted = async () => (await storage.getPerson(person.id))?.status === 'admitted'
      return deps.personSessions.track(person.id, connection, stillAdmitted, CloseEvents.LinkRevoked)
    }
    const events = wsSocketEvents(connect, {
      keepAliveIntervalMs: deps.config.KEEPALIVE_INTERVAL_MS,
      logger,
    })
    return upgradeWebSocket(c, events)
  })
}
