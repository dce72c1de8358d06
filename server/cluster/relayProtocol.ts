/**
 * Messages instances exchange over Redis pub/sub, one channel per document
 * (`<REDIS_PREFIX>doc:<docKey>`). Bytes on the wire (lib0 encoding):
 *
 *   varString  sender instance id   — a receiver drops its own messages (no echo loop)
 *   varUint    type                 — RELAY_UPDATE | RELAY_AWARENESS | RELAY_QUERY_AWARENESS
 *   varUint8Array payload           — a Yjs update (already durable on the sender), an
 *                                     awareness update, or empty
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export const RELAY_UPDATE = 0
export const RELAY_AWARENESS = 1
/** Sent by an instance that just subscribed: holders answer with their sessions' awareness. */
export const RELAY_QUERY_AWARENESS = 2

export type RelayType = typeof RELAY_UPDATE | typeof RELAY_AWARENESS | typeof RELAY_QUERY_AWARENESS

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
    if (type !== RELAY_UPDATE && type !== RELAY_AWARENESS && type !== RELAY_QUERY_AWARENESS) return null
    return { sender, type, payload }
  } catch {
    return null
  }
}

export function docChannel(prefix: string, docKey: string): string {
  return `${prefix}doc:${docKey}`
}
