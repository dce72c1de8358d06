/**
 * Messages instances exchange over Redis pub/sub: one channel per document
 * (`<REDIS_PREFIX>doc:<docKey>`) and one cluster-wide control channel
 * (`<REDIS_PREFIX>control`). Bytes on the wire (lib0 encoding):
 *
 *   varString  sender instance id   — a receiver drops its own messages (no echo loop)
 *   varUint    type                 — RELAY_UPDATE | RELAY_AWARENESS | RELAY_QUERY_AWARENESS
 *                                     (doc channels) | RELAY_REVOKE | RELAY_REVOKE_PERSON
 *                                     (control channel)
 *   varUint8Array payload           — a Yjs update (already durable on the sender), an
 *                                     awareness update, empty, or a UTF-8 JSON revocation
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export const RELAY_UPDATE = 0
export const RELAY_AWARENESS = 1
/** Sent by an instance that just subscribed: holders answer with their sessions' awareness. */
export const RELAY_QUERY_AWARENESS = 2

/** Close a board's sessions (link rotated, board deleted): payload `RevokePayload` as JSON. */
export const RELAY_REVOKE = 3

/**
 * Close one admitted person's sockets (their credential was revoked, SPEC R18): payload
 * `PersonRevokePayload` as JSON. The person is named by a short hash of their id, never by the
 * id or the credential.
 */
export const RELAY_REVOKE_PERSON = 4

export type RelayType = typeof RELAY_UPDATE | typeof RELAY_AWARENESS | typeof RELAY_QUERY_AWARENESS | typeof RELAY_REVOKE | typeof RELAY_REVOKE_PERSON

export type RevokePayload = { boardId: string; role: 'facilitator' | 'participant' | 'viewer' | null; via?: 'board' | 'space'; code: number; reason: string }

const ROLES_OR_NULL = new Set(['facilitator', 'participant', 'viewer', null])

export function encodeRevoke(payload: RevokePayload): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(payload))
}

/** Decodes a revocation; null for anything that is not exactly one. */
export function decodeRevoke(bytes: Uint8Array): RevokePayload | null {
  try {
    const v = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>
    if (typeof v.boardId !== 'string' || !ROLES_OR_NULL.has(v.role as string | null)) return null
    if (typeof v.code !== 'number' || typeof v.reason !== 'string') return null
    const via: Pick<RevokePayload, 'via'> | null = v.via === 'board' ? { via: 'board' } : v.via === 'space' ? { via: 'space' } : v.via === undefined ? {} : null
    if (!via) return null
    return { boardId: v.boardId, role: v.role as RevokePayload['role'], ...via, code: v.code, reason: v.reason }
  } catch {
    return null
  }
}

export type PersonRevokePayload = { person: string; code: number; reason: string }

const PERSON_HASH = /^[A-Za-z0-9_-]{16}$/

export function encodePersonRevoke(payload: PersonRevokePayload): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(payload))
}

/** Decodes a person's revocation; null for anything that is not exactly one. */
export function decodePersonRevoke(bytes: Uint8Array): PersonRevokePayload | null {
  try {
    const v = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>
    if (typeof v.person !== 'string' || !PERSON_HASH.test(v.person)) return null
    if (typeof v.code !== 'number' || !Number.isInteger(v.code) || typeof v.reason !== 'string' || v.reason.length > 123) return null
    return { person: v.person, code: v.code, reason: v.reason }
  } catch {
    return null
  }
}

export type RelayMessage = { sender: string; type: RelayType; payload: Uint8Array }

export function writeRelayMessage(message: RelayMessage): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, message.sender)
  encoding.writeVarUint(encoder, message.type)
  encoding.writeVarUint8Array(encoder, message.payload)
  return encoding.toUint8Array(encoder)
}

/** Decodes a relay message; null for anything malformed or of an unknown type. */
export function readRelayMessage(data: Uint8Array): RelayMessage | null {
  try {
    const decoder = decoding.createDecoder(data)
    const sender = decoding.readVarString(decoder)
    const type = decoding.readVarUint(decoder)
    const payload = decoding.readVarUint8Array(decoder)
    if (type !== RELAY_UPDATE && type !== RELAY_AWARENESS && type !== RELAY_QUERY_AWARENESS && type !== RELAY_REVOKE && type !== RELAY_REVOKE_PERSON) return null
    return { sender, type, payload }
  } catch {
    return null
  }
}

export function docChannel(prefix: string, docKey: string): string {
  return `${prefix}doc:${docKey}`
}

export function controlChannel(prefix: string): string {
  return `${prefix}control`
}
