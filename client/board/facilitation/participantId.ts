/**
 * The id of this browser's private doc on a board. It is a capability (whoever knows it reads
 * and writes that doc), so it stays in localStorage and never goes into awareness or the
 * board/control docs.
 */
const KEY_PREFIX = 'canvas.participant.'

function randomParticipantId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export function participantIdFor(boardId: string): string {
  const key = KEY_PREFIX + boardId
  const stored = localStorage.getItem(key)
  if (stored && /^[A-Za-z0-9_-]{22,64}$/.test(stored)) return stored
  const id = randomParticipantId()
  localStorage.setItem(key, id)
  return id
}
