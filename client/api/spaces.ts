/** Team spaces (server/http/spaceRoutes.ts, SPEC R6–R9): create one, plan its sessions, bring boards in, renew its links. */
import type { Locale } from '../../shared/i18n/locale'
import type { CreatedBoardLinks } from './boards'
import { apiJson } from './http'

export const SPACE_ROLES = ['facilitator', 'member', 'viewer'] as const
export type SpaceRole = (typeof SPACE_ROLES)[number]
export type SpaceLinks = Record<SpaceRole, string>
export type CreatedSpace = { space: { id: string; title: string }; links: SpaceLinks }

const spaceUrl = (spaceId: string) => `/api/spaces/${encodeURIComponent(spaceId)}`

export function createSpace(title: string, locale: Locale): Promise<CreatedSpace> {
  return apiJson('/api/spaces', { method: 'POST', body: { title, locale } })
}

export type NewSession = { title: string; date?: string; purpose?: string; plan?: string; template?: string }

/** A board created in the space (space facilitator link): its own three links. */
export function createSession(spaceId: string, token: string, session: NewSession): Promise<CreatedBoardLinks> {
  return apiJson(`${spaceUrl(spaceId)}/boards`, { method: 'POST', token, body: session })
}

/** Brings an existing board in; `boardToken` is that board's facilitator token. */
export function moveBoardIn(spaceId: string, token: string, boardId: string, boardToken: string): Promise<unknown> {
  return apiJson(`${spaceUrl(spaceId)}/boards/${encodeURIComponent(boardId)}`, { method: 'PUT', token, body: { boardToken } })
}

/** A new link for `role`; the old one stops working at once. */
export async function rotateSpaceLink(spaceId: string, token: string, role: SpaceRole): Promise<string> {
  return (await apiJson<{ link: string }>(`${spaceUrl(spaceId)}/links/${role}/rotate`, { method: 'POST', token })).link
}

/** `/b/<id>#<token>` → its parts, or null when the text is not a board link. */
export function parseBoardLink(text: string): { boardId: string; token: string } | null {
  const match = /\/b\/([A-Za-z0-9_-]+)#([A-Za-z0-9_-]{16,})\s*$/.exec(text.trim())
  const [, boardId, token] = match ?? []
  return boardId && token ? { boardId, token } : null
}
