/**
 * Wire-level constants shared by the server and every client.
 *
 * Message types are the y-websocket ones (first varint of every frame); close codes are ours,
 * in the 4000 range, each with a stable human-readable reason. See docs/PROTOCOL.md.
 */

/** First varint of every websocket frame (y-websocket convention). */
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3

/**
 * Ours, opt-in (docs/PROTOCOL.md "Board status"): a client sends `[MESSAGE_BOARD_STATUS]` to
 * subscribe; the server answers at once and again on every change with
 * `[MESSAGE_BOARD_STATUS, state: varUint (BoardStatus), reason: varString]`. A stock
 * y-websocket client never subscribes, so it never receives a message type it does not know.
 */
export const MESSAGE_BOARD_STATUS = 100

/** `state` of a board status message. */
export const BoardStatus = {
  /** Every change the server acknowledged is stored. */
  Saving: 0,
  /** Storage refuses writes: changes are kept (by the clients and in server memory) but not saved or relayed. */
  NotSaving: 1,
} as const
export type BoardStatusState = (typeof BoardStatus)[keyof typeof BoardStatus]

/** Second varint of a sync frame (y-protocols/sync). */
export const SYNC_STEP_1 = 0
export const SYNC_STEP_2 = 1
export const SYNC_UPDATE = 2

export type CloseEvent = { readonly code: number; readonly reason: string }

/** Every close code the server uses. A client may show `reason` to the user as it is. */
export const CloseEvents = {
  MalformedMessage: { code: 4000, reason: 'malformed message' },
  UnknownMessageType: { code: 4001, reason: 'unknown message type' },
  MessageTooLarge: { code: 4002, reason: 'message too large' },
  InvalidUpdate: { code: 4003, reason: 'update could not be applied' },
  SchemaRejected: { code: 4004, reason: 'write rejected by the board schema' },
  RateLimited: { code: 4005, reason: 'too many messages' },
  BoardFull: { code: 4006, reason: 'board is full' },
  TooManyConnections: { code: 4007, reason: 'too many connections' },
  KeepAliveTimeout: { code: 4008, reason: 'keep-alive timeout' },
  ServerShutdown: { code: 4009, reason: 'server is shutting down' },
  LinkRevoked: { code: 4010, reason: 'link revoked' },
  StorageUnavailable: { code: 4011, reason: 'board storage unavailable' },
  PresenceRefused: { code: 4012, reason: 'presence state too large or too many presences' },
  /** Admission or sign-in was turned on: a bare participant link now goes through the lobby (reload). */
  AdmissionRequired: { code: 4013, reason: 'admission required' },
  Unauthorized: { code: 4401, reason: 'unauthorized' },
  Forbidden: { code: 4403, reason: 'forbidden' },
} as const satisfies Record<string, CloseEvent>

/** Reason sent in a y-protocols auth `permission-denied` message to a read-only peer. */
export const PERMISSION_DENIED_READ_ONLY = 'read-only: this link cannot edit this document'

/** Default size limit of one websocket frame, in bytes. */
export const DEFAULT_MAX_MESSAGE_BYTES = 8 * 1024 * 1024
