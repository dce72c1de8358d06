/**
 * Space access (SPEC R6, R7): the `spaceAccess` middleware every `/api/spaces/:id/…` route is
 * guarded by. Tokens come from `Authorization: Bearer` or `?token=`, like a board's (R4).
 */
import { createMiddleware } from 'hono/factory'
import { HTTPException } from 'hono/http-exception'
import { BOARD_ID_PATTERN, hashToken, TOKEN_PATTERN } from '../auth/tokens.js'
import type { SpaceRole, Storage } from '../storage/Storage.js'
import { tokenFrom } from './access.js'
import type { AppEnv } from './env.js'

/** The least space role a route needs: any link (default), a member or better, or the space facilitator. */
export type SpaceRule = { role?: 'member' | 'facilitator'; message?: string }

const REFUSAL = {
  member: 'the viewer link cannot do this',
  facilitator: 'only the space facilitator link can manage the space',
} as const

function allowed(role: SpaceRole, needed: SpaceRule['role']): boolean {
  if (needed === 'facilitator') return role === 'facilitator'
  if (needed === 'member') return role !== 'viewer'
  return true
}

export function spaceAccessWith(storage: Storage) {
  return function spaceAccess(rule: SpaceRule = {}) {
    return createMiddleware<AppEnv>(async (c, next) => {
      const spaceId = c.req.param('id')
      if (spaceId === undefined || !BOARD_ID_PATTERN.test(spaceId)) throw new HTTPException(404, { message: 'no such space' })
      const token = tokenFrom(c)
      if (!token) throw new HTTPException(401, { message: 'a space token is required (Authorization: Bearer or ?token=)' })
      const grant = TOKEN_PATTERN.test(token) ? await storage.findSpaceByTokenHash(hashToken(token)) : null
      if (!grant || grant.spaceId !== spaceId) throw new HTTPException(403, { message: 'this link is not valid for this space' })
      if (!allowed(grant.role, rule.role)) throw new HTTPException(403, { message: rule.message ?? REFUSAL[rule.role ?? 'facilitator'] })
      c.set('space', spaceId)
      c.set('spaceRole', grant.role)
      await next()
    })
  }
}

export type SpaceAccess = ReturnType<typeof spaceAccessWith>
