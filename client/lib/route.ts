/** The pages of the app: the lobby at `/`, a board at `/b/<id>#<token>`, a space at `/s/<id>#<token>`. */
export type Route =
  | { page: 'lobby' }
  | { page: 'board'; boardId: string; token: string }
  | { page: 'space'; spaceId: string; token: string }

export function parseRoute(location: { pathname: string; hash: string }): Route {
  const match = /^\/([bs])\/([^/]+)\/?$/.exec(location.pathname)
  if (!match) return { page: 'lobby' }
  const id = decodeURIComponent(match[2]!)
  const token = location.hash.replace(/^#/, '')
  return match[1] === 's' ? { page: 'space', spaceId: id, token } : { page: 'board', boardId: id, token }
}
