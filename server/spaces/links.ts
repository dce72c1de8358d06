/**
 * Space links (SPEC R6, R7): three capability tokens per space, and the board role each one is
 * worth on the boards of its space.
 */
import type { Role } from '../../shared/roles.js'
import { hashToken, newToken } from '../auth/tokens.js'
import { SPACE_ROLES, type SpaceRole } from '../storage/Storage.js'

const BOARD_ROLE: Record<SpaceRole, Role> = { facilitator: 'facilitator', member: 'participant', viewer: 'viewer' }

/** The board role a space link is accepted as, on every board of its space (R7). */
export function boardRoleOfSpaceLink(role: SpaceRole): Role {
  return BOARD_ROLE[role]
}

export type SpaceTokens = Record<SpaceRole, string>

export function newSpaceTokens(): { tokens: SpaceTokens; hashes: Array<{ hash: string; role: SpaceRole }> } {
  const tokens = Object.fromEntries(SPACE_ROLES.map((role) => [role, newToken()])) as SpaceTokens
  return { tokens, hashes: SPACE_ROLES.map((role) => ({ role, hash: hashToken(tokens[role]) })) }
}

/** A space link: the page path with the token in the fragment (never sent to the server). */
export function spaceLink(origin: string, spaceId: string, token: string): string {
  return `${origin}/s/${spaceId}#${token}`
}

export function spaceLinks(origin: string, spaceId: string, tokens: SpaceTokens): SpaceTokens {
  return Object.fromEntries(SPACE_ROLES.map((role) => [role, spaceLink(origin, spaceId, tokens[role])])) as SpaceTokens
}
