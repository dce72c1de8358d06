/**
 * Capability checks for HTTP and websocket requests: the token comes from
 * `Authorization: Bearer` or the `token` query parameter, never from a cookie.
 */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Role } from '../../shared/roles.js'
import { hashToken, TOKEN_PATTERN } from '../auth/tokens.js'
import type { Storage } from '../storage/Storage.js'

export type Grant = { boardId: string; role: Role; tokenHash: string }

export function tokenFrom(c: Context): string | null {
  const header = c.req.header('authorization')
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim()
  return c.req.query('token') ?? null
}

/**
 * Resolves the caller's grant on a board or throws 401 (no token) / 403 (a token that is
 * malformed, unknown or for another board: all look alike, so boards cannot be enumerated).
 */
export async function requireGrant(c: Context, storage: Storage, boardId: string): Promise<Grant> {
  const token = tokenFrom(c)
  if (!token) throw new HTTPException(401, { message: 'a board token is required (Authorization: Bearer or ?token=)' })
  if (!TOKEN_PATTERN.test(token)) throw new HTTPException(403, { message: 'this link is not valid for this board' })
  const tokenHash = hashToken(token)
  const grant = await storage.findToken(tokenHash)
  if (!grant || grant.boardId !== boardId) throw new HTTPException(403, { message: 'this link is not valid for this board' })
  return { boardId, role: grant.role, tokenHash }
}
