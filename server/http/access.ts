/**
 * Board access for HTTP and websocket requests: the token comes from `Authorization: Bearer`
 * or the `token` query parameter, never from a cookie. `boardAccess` is the middleware every
 * `/api/boards/:id/…` route is guarded by.
 */
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { HTTPException } from 'hono/http-exception'
import type { Role } from '../../shared/roles.js'
import { BOARD_ID_PATTERN, hashToken, TOKEN_PATTERN } from '../auth/tokens.js'
import { checksPeople, isUnderAdmission, personForCredential, type IdentityRules } from '../people/admission.js'
import { boardRoleOfSpaceLink } from '../spaces/links.js'
import type { PersonRecord, Storage } from '../storage/Storage.js'
import type { LinkKind } from '../sync/Session.js'
import type { AppEnv } from './env.js'

/**
 * `via`: whether the token is one of the board's own links or a link of its space (SPEC R7).
 * `person` is set when the token is a personal credential (SPEC R12): a participant bound to one person.
 */
export type Grant = { boardId: string; role: Role; tokenHash: string; via: LinkKind; person: PersonRecord | null }

export function isBoardId(id: string | undefined): id is string {
  return id !== undefined && BOARD_ID_PATTERN.test(id)
}

/** A board id from a path, or 404: a malformed id is a board that does not exist. */
export function parseBoardId(id: string | undefined): string {
  if (!isBoardId(id)) throw new HTTPException(404, { message: 'no such board' })
  return id
}

export function tokenFrom(c: Context): string | null {
  const header = c.req.header('authorization')
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim()
  return c.req.query('token') ?? null
}

/**
 * Resolves the caller's grant on a board or throws 401 (no token) / 403 (a token that is
 * malformed, unknown or for another board: all look alike, so boards cannot be enumerated).
 * A link of the board's space is accepted with the board role it maps to (SPEC R7).
 */
export async function requireGrant(c: Context, storage: Storage, boardId: string): Promise<Grant> {
  const token = tokenFrom(c)
  if (!token) throw new HTTPException(401, { message: 'a board token is required (Authorization: Bearer or ?token=)' })
  if (!TOKEN_PATTERN.test(token)) throw new HTTPException(403, { message: 'this link is not valid for this board' })
  const tokenHash = hashToken(token)
  const grant = await storage.findToken(tokenHash)
  if (grant?.boardId === boardId) return { boardId, role: grant.role, tokenHash, via: 'board', person: null }
  if (!grant) {
    const spaceGrant = await storage.findSpaceByTokenHash(tokenHash)
    if (spaceGrant && (await storage.getBoardSpace(boardId)) === spaceGrant.spaceId) {
      return { boardId, role: boardRoleOfSpaceLink(spaceGrant.role), tokenHash, via: 'space', person: null }
    }
  }
  const person = grant ? null : await personForCredential(storage, boardId, token)
  if (!person) throw new HTTPException(403, { message: 'this link is not valid for this board' })
  return { boardId, role: 'participant', tokenHash, via: 'board', person }
}

/**
 * What a grant opens under the board's admission setting: everything its role allows, or only
 * the lobby. `rules`: the board's rules when the caller has already read them (not read again).
 */
export async function admissionGate(storage: Storage, grant: Pick<Grant, 'boardId' | 'role' | 'person'>, rules?: IdentityRules): Promise<'open' | 'lobby'> {
  if (grant.person) return grant.person.status === 'admitted' ? 'open' : 'lobby'
  if (grant.role !== 'participant') return 'open'
  const underAdmission = rules ? checksPeople(rules) : await isUnderAdmission(storage, grant.boardId)
  return underAdmission ? 'lobby' : 'open'
}

export const LOBBY_REFUSAL = 'this board admits people one by one: wait in the lobby until a facilitator admits you'

/**
 * The least role a route needs: every link (the default), a `participant` or better (not the
 * viewer link), or the `facilitator` link. `message` is the 403's text.
 */
export type AccessRule = {
  role?: 'participant' | 'facilitator'
  message?: string
  /** The route is part of the lobby: a person not (yet) admitted may use it (SPEC R12). */
  lobby?: boolean
}

const DEFAULT_REFUSAL = {
  participant: 'the viewer link cannot do this',
  facilitator: 'only the facilitator link can do this',
} as const

function allowed(role: Role, needed: AccessRule['role']): boolean {
  if (needed === 'facilitator') return role === 'facilitator'
  if (needed === 'participant') return role !== 'viewer'
  return true
}

/**
 * Middleware factory for the routes of one board (`:id` in the path): validates the id (404),
 * resolves the caller's link (401/403), checks the role the route needs (403) and admission
 * (403 outside the lobby until admitted), and sets `c.var.board`, `c.var.role` and `c.var.person`.
 */
export function boardAccessWith(storage: Storage) {
  return function boardAccess(rule: AccessRule = {}) {
    return createMiddleware<AppEnv>(async (c, next) => {
      const boardId = parseBoardId(c.req.param('id'))
      const grant = await requireGrant(c, storage, boardId)
      if (!allowed(grant.role, rule.role)) {
        throw new HTTPException(403, { message: rule.message ?? DEFAULT_REFUSAL[rule.role ?? 'facilitator'] })
      }
      if (!rule.lobby && (await admissionGate(storage, grant)) === 'lobby') throw new HTTPException(403, { message: LOBBY_REFUSAL })
      c.set('board', boardId)
      c.set('role', grant.role)
      c.set('via', grant.via)
      c.set('person', grant.person)
      await next()
    })
  }
}

export type BoardAccess = ReturnType<typeof boardAccessWith>
