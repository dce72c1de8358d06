/**
 * The personal credential this browser was given on a board (SPEC R12): kept in localStorage,
 * per board, so that a reload keeps the person's place in the lobby and on the board. It is a
 * secret like a link's token: it never goes into awareness or a doc.
 */
const KEY_PREFIX = 'canvas.person.'
const CREDENTIAL = /^[A-Za-z0-9_-]{22,128}$/

export function loadCredential(boardId: string): string | null {
  const stored = localStorage.getItem(KEY_PREFIX + boardId)
  return stored && CREDENTIAL.test(stored) ? stored : null
}

export function storeCredential(boardId: string, credential: string): void {
  localStorage.setItem(KEY_PREFIX + boardId, credential)
}

export function forgetCredential(boardId: string): void {
  localStorage.removeItem(KEY_PREFIX + boardId)
}

/** The board link's token to come back to after signing in (the fragment does not survive the trip). */
const RETURN_KEY = 'canvas.signInToken.'

export function rememberLinkToken(boardId: string, token: string): void {
  sessionStorage.setItem(RETURN_KEY + boardId, token)
}

export function takeLinkToken(boardId: string): string | null {
  const token = sessionStorage.getItem(RETURN_KEY + boardId)
  sessionStorage.removeItem(RETURN_KEY + boardId)
  return token
}
