/**
 * The messages of the sync protocol (docs/PROTOCOL.md), as pure functions in the style of
 * y-protocols: `encodeX(…)` builds one whole frame, `readX(decoder)` reads one part of a frame.
 * Nothing here knows about rooms, sessions or sockets.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as authProtocol from 'y-protocols/auth'
import * as syncProtocol from 'y-protocols/sync'
import {
  BoardStatus,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_BOARD_STATUS,
  MESSAGE_SYNC,
  PERMISSION_DENIED_READ_ONLY,
  SYNC_STEP_1,
  SYNC_STEP_2,
} from '../../shared/protocol.js'

function encodeMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** Sync step 1: the sender's state vector (the receiver answers with what the sender lacks). */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return encodeMessage((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC)
    encoding.writeVarUint(e, SYNC_STEP_1)
    encoding.writeVarUint8Array(e, stateVector)
  })
}

/**
 * A sync message carrying one update, written into one buffer of its exact size: the same
 * bytes as lib0's encoder writes, without growing and then concatenating its chunks (a whole
 * board's step 2 is megabytes).
 */
function encodeSyncWithUpdate(syncType: number, update: Uint8Array): Uint8Array {
  const header = encodeMessage((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC)
    encoding.writeVarUint(e, syncType)
    encoding.writeVarUint(e, update.byteLength)
  })
  const message = new Uint8Array(header.byteLength + update.byteLength)
  message.set(header)
  message.set(update, header.byteLength)
  return message
}

/** Sync step 2: the answer to a step 1, as one update. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSyncWithUpdate(SYNC_STEP_2, update)
}

/** A sync update (a change to broadcast). */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return encodeSyncWithUpdate(syncProtocol.messageYjsUpdate, update)
}

/** An awareness message around an encoded awareness update. */
export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  return encodeMessage((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(e, awarenessUpdate)
  })
}

/** SPEC R2: the answer to a read-only peer's write. */
export function encodePermissionDenied(reason: string = PERMISSION_DENIED_READ_ONLY): Uint8Array {
  return encodeMessage((e) => {
    encoding.writeVarUint(e, MESSAGE_AUTH)
    authProtocol.writePermissionDenied(e, reason)
  })
}

/** SPEC D4: whether the board is being saved. */
export function encodeBoardStatus(storageFailing: boolean): Uint8Array {
  return encodeMessage((e) => {
    encoding.writeVarUint(e, MESSAGE_BOARD_STATUS)
    encoding.writeVarUint(e, storageFailing ? BoardStatus.NotSaving : BoardStatus.Saving)
    encoding.writeVarString(e, storageFailing ? 'changes are kept but cannot be saved right now' : '')
  })
}

/** The message type (first varUint of every frame). */
export function readMessageType(decoder: decoding.Decoder): number {
  return decoding.readVarUint(decoder)
}

/** The awareness update inside an awareness message whose type was read already. */
export function readAwarenessUpdate(decoder: decoding.Decoder): Uint8Array {
  return decoding.readVarUint8Array(decoder)
}

/** One entry of an encoded awareness update; `state` is its JSON text, length-prefixed UTF-8. */
export type AwarenessEntry = { clientId: number; clock: number; state: Uint8Array }

/** Calls `visit` with each entry of an awareness update, until it returns false. */
export function readAwarenessEntries(update: Uint8Array, visit: (entry: AwarenessEntry) => boolean): void {
  const decoder = decoding.createDecoder(update)
  for (let n = decoding.readVarUint(decoder); n > 0; n--) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const state = decoding.readVarUint8Array(decoder)
    if (!visit({ clientId, clock, state })) return
  }
}

/** The awareness update of an awareness message, or null for any other message. */
export function awarenessUpdateOf(message: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(message)
  return readMessageType(decoder) === MESSAGE_AWARENESS ? readAwarenessUpdate(decoder) : null
}

/** The update that carries nothing (no structs, no deletions). */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0
}

/** The JSON text `null` (a removed presence), as the awareness encoding writes it. */
export function isNullState(state: Uint8Array): boolean {
  return state.byteLength === 4 && state[0] === 0x6e && state[1] === 0x75 && state[2] === 0x6c && state[3] === 0x6c
}
