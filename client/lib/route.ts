/**
 * The pages of the app: the lobby at `/`, a board at `/b/<id>#<token>`, a board's projector
 * view at `/b/<id>?present=<leader user id>#<token>` (it follows that person's camera), and a
 * team's space at `/s/<id>#<token>`.
 */
export type Route =
  | { page: 'lobby' }
  | { page: 'board'; boardId: string; token: string }
  | { page: 'present'; boardId: string; token: string; leaderId: string }
  | { page: 'space'; spaceId: string; token: string }

export function parseRoute(location: { pathname: string; hash: string; search?: string }): Route {
  const token = location.hash.replace(/^#/, '')
  const space = /^\/s\/([^/]+)\/?$/.exec(location.pathname)
  if (space) return { page: 'space', spaceId: decodeURIComponent(space[1]!), token }
  const match = /^\/b\/([^/]+)\/?$/.exec(location.pathname)
  if (!match) return { page: 'lobby' }
  const boardId = decodeURIComponent(match[1]!)
  const present = new URLSearchParams(location.search ?? '').get('present')
  return present !== null ? { page: 'present', boardId, token, leaderId: present } : { page: 'board', boardId, token }
}

/** The projector view of a board, following `leaderId`'s camera. */
export function presentUrl(boardId: string, token: string, leaderId: string): string {
  return `${window.location.origin}/b/${encodeURIComponent(boardId)}?present=${encodeURIComponent(leaderId)}#${token}`
}

/** The same-origin board path of a pasted link, or null when it is not a board link. */
export function boardPathOf(link: string): string | null {
  try {
    const url = new URL(link.trim(), window.location.origin)
    if (url.origin !== window.location.origin || !/^\/b\/[^/]+\/?$/.test(url.pathname) || url.hash.length < 2) return null
    return `${url.pathname}${url.search}${url.hash}`
  } catch {
    return null
  }
}
