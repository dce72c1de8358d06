/**
 * Roles and the documents of a board. Permissions are documents: what a role may read or
 * write is decided per document kind (see docs/SPEC.md, R-rules).
 */

export const ROLES = ['facilitator', 'participant', 'viewer'] as const
export type Role = (typeof ROLES)[number]

/** The documents a board is made of. `private` docs belong to one participant. */
export type DocKind = 'board' | 'control' | 'private' | 'facilitator'

export type DocName =
  | { kind: 'board' }
  | { kind: 'control' }
  | { kind: 'private'; participantId: string }
  /** What only facilitators may read, such as plan notes (SPEC R10). */
  | { kind: 'facilitator' }

/** A private-doc id: 22 to 64 base64url characters, at least 128 bits (SPEC R15). */
export const PARTICIPANT_ID = /^[A-Za-z0-9_-]{22,64}$/

/**
 * Parses the part of a sync path after the board id: '' → board, 'control' → control,
 * 'private/<participantId>' → private, 'facilitator' → facilitator. Returns null for anything else.
 */
export function parseDocName(rest: string): DocName | null {
  if (rest === '') return { kind: 'board' }
  if (rest === 'control') return { kind: 'control' }
  if (rest === 'facilitator') return { kind: 'facilitator' }
  const m = /^private\/(.+)$/.exec(rest)
  if (m && PARTICIPANT_ID.test(m[1]!)) return { kind: 'private', participantId: m[1]! }
  return null
}

/** Storage key of one document of one board: `<boardId>`, `<boardId>/control`, … */
export function docKey(boardId: string, name: DocName): string {
  switch (name.kind) {
    case 'board':
      return boardId
    case 'control':
      return `${boardId}/control`
    case 'private':
      return `${boardId}/private/${name.participantId}`
    case 'facilitator':
      return `${boardId}/facilitator`
  }
}

export type Access = 'write' | 'read' | 'none'

/** The access a role has to a document kind. Private docs: only their owner writes. */
export function accessFor(role: Role, kind: DocKind): Access {
  switch (kind) {
    case 'board':
      return role === 'viewer' ? 'read' : 'write'
    case 'control':
      return role === 'facilitator' ? 'write' : 'read'
    case 'private':
      return role === 'participant' || role === 'facilitator' ? 'write' : 'none'
    case 'facilitator':
      return role === 'facilitator' ? 'write' : 'none'
  }
}
