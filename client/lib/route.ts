/** The two pages of the app: the lobby at `/`, a board at `/b/<id>#<token>`. */
export type Route = { page: 'lobby' } | { page: 'board'; boardId: string; token: string }

export function parseRoute(location: { pathname: string; hash: string }): Route {
  const match = /^\/b\/([^/]+)\/?$/.exec(location.pathname)
  if (!match) return { page: 'lobby' }
  return { page: 'board', boardId: decodeURIComponent(match[1]!), token: location.hash.replace(/^#/, '') }
}
