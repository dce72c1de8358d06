/**
 * Telling a revoked link from a network problem. A socket open when its link is rotated is
 * closed with `LinkRevoked` (4010); but a page that was offline then, or that reconnects
 * afterwards, only sees its websocket upgrade refused (a 1006 close with no code). Asking the
 * API once tells the two apart, so the page can say so instead of reconnecting forever.
 */
import { fetchBoard } from '../../api/boards'
import { ApiError } from '../../api/http'

/** Least time between two checks, in milliseconds. */
export const LINK_CHECK_INTERVAL_MS = 5000

/**
 * True when the server still accepts the token, false when it refuses it, null when it could
 * not be asked. `origin` is empty in the page (same origin).
 */
export async function linkStillValid(boardId: string, token: string, origin = ''): Promise<boolean | null> {
  try {
    await fetchBoard(boardId, token, origin)
    return true
  } catch (error) {
    if (!(error instanceof ApiError)) return null
    return error.status !== 401 && error.status !== 403
  }
}

/**
 * A throttled check to call on every unexplained close: `onRevoked` runs once when the server
 * refuses the token.
 */
export function revocationCheck(boardId: string, token: string, onRevoked: () => void, origin = ''): () => void {
  let lastAt = -Infinity
  let inFlight = false
  let revoked = false
  return () => {
    const now = Date.now()
    if (revoked || inFlight || now - lastAt < LINK_CHECK_INTERVAL_MS) return
    lastAt = now
    inFlight = true
    void linkStillValid(boardId, token, origin).then((valid) => {
      inFlight = false
      if (valid === false && !revoked) {
        revoked = true
        onRevoked()
      }
    })
  }
}
