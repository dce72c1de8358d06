/** The Hono environment every route of the app is typed with. */
import type { IncomingMessage } from 'node:http'
import type { Context } from 'hono'
import type { Role } from '../../shared/roles.js'
import type { PersonRecord, SpaceRole } from '../storage/Storage.js'
import type { LinkKind } from '../sync/Session.js'

export type AppEnv = {
  /** The Node request, set by @hono/node-server (and by @hono/node-ws for upgrades). */
  Bindings: { incoming: IncomingMessage }
  /** Set by `boardAccess` on the routes it guards. */
  Variables: {
    /** The board id of the path, validated. */
    board: string
    /** The role of the caller's link on that board. */
    role: Role
    /** Whether that link is one of the board's own or a link of its space (SPEC R7). */
    via: LinkKind
    /** Set by `spaceAccess`: the space id of the path, and the role of the caller's space link. */
    space: string
    spaceRole: SpaceRole
    /** The person of a personal credential (SPEC R12), or null for a board link. */
    person: PersonRecord | null
  }
}

export function clientIp(c: Context<AppEnv>): string {
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown'
}
