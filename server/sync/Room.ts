/**
 * One document of one board, live: the Y.Doc, its sessions, its awareness and its persistence.
 *
 * Durability (SPEC D1–D3): an update applied from a session is queued; once per event-loop
 * turn the queue is appended to storage in one transaction, and only then broadcast. A sync
 * step 2 answer is prepared together with the batch it follows, so nothing is sent that is not
 * stored.
 */
import type { TLSchema } from '@tldraw/tlschema'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as authProtocol from 'y-protocols/auth'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { META_MAP, RECORDS_MAP } from '../../shared/docLayout.js'
import {
  BoardStatus,
  CloseEvents,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_BOARD_STATUS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  PERMISSION_DENIED_READ_ONLY,
  SYNC_STEP_1,
  SYNC_STEP_2,
  SYNC_UPDATE,
  type CloseEvent,
} from '../../shared/protocol.js'
import type { DocKind } from '../../shared/roles.js'
import type { Logger } from '../logger.js'
import type { Metrics } from '../metrics.js'
import type { Storage, StoredDoc } from '../storage/Storage.js'
import { checkTransaction } from './docGuard.js'
import { migrateDocIfOlder } from './migrateDoc.js'
import type { Session } from './Session.js'

/** Presence echoes allowed per other session and second (cursors move at up to ~10 Hz). */
export const PRESENCE_ECHOES_PER_PEER_PER_SECOND = 25

/** Origin of updates that come from storage or a relay: they are never re-persisted. */
export const STORAGE_ORIGIN = Symbol('storage')
/**
 * Origin of updates relayed from another instance (server/cluster). They are already stored by
 * that instance, so they are broadcast to local sessions at once but never persisted or
 * published again (no echo loop).
 */
export const RELAY_ORIGIN = Symbol('relay')

export type RoomLimits = {
  MAX_MESSAGE_BYTES: number
  MAX_MESSAGES_PER_SECOND: number
  MAX_BOARD_BYTES: number
  /** Compact after this many logged updates. */
  COMPACT_AFTER_UPDATES: number
  /** Size limit of one awareness (presence) state, in bytes of JSON. */
  MAX_PRESENCE_BYTES?: number
  /** Awareness client ids one connection may announce (a y-websocket client uses one). */
  MAX_PRESENCES_PER_CONNECTION?: number
  /** Idle time after which a loaded doc sleeps as its encoded state (0 or absent: never). */
  ROOM_SLEEP_AFTER_MS?: number
  /** Longest stretch of work per slice of a sleep sweep (default 20 ms). */
  ROOM_SLEEP_SLICE_MS?: number
}

const DEFAULT_MAX_PRESENCE_BYTES = 64 * 1024
/** Updates one session may have waiting for its own earlier clocks. */
const MAX_DEFERRED_UPDATES = 1000
const DEFAULT_MAX_PRESENCES_PER_CONNECTION = 4

export type RoomDeps = {
  storage: Storage
  schema: TLSchema
  logger: Logger
  metrics: Metrics
  limits: RoomLimits
}

type Pending = { update: Uint8Array; origin: unknown }
/** A clock an update waits for: it can integrate once the doc has `client`'s clock `clock`. */
type Wait = { client: number; clock: number }
/** A session's update that waits for content the doc does not have yet (see applyOrDefer). */
type Deferred = { update: Uint8Array; waitsFor: Wait }
type Reply = { session: Session; message: Uint8Array }

const WRITABLE_ROOTS: Record<DocKind, ReadonlySet<string>> = {
  board: new Set([RECORDS_MAP]),
  control: new Set([RECORDS_MAP, 'state']),
  private: new Set([RECORDS_MAP, 'votes', 'profile']),
  facilitator: new Set([RECORDS_MAP, 'state']),
}

/** Builds the merged state of a stored doc (used by compaction and loading). */
export function mergeStoredDoc(stored: StoredDoc): Uint8Array {
  const doc = new Y.Doc()
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const u of stored.updates) Y.applyUpdate(doc, u)
  })
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return state
}

/**
 * The doc's state as an update, without what Yjs holds pending (structs or deletions waiting
 * for a missing dependency). Pending content has not been through the schema guard yet, and
 * `Y.encodeStateAsUpdate` would include it: a hostile client could otherwise have unvalidated
 * bytes forwarded to every peer that syncs (SPEC S6). It is validated once it integrates.
 */
export function encodeIntegratedState(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const store = doc.store
  const { pendingStructs, pendingDs } = store
  if (pendingStructs === null && pendingDs === null) return Y.encodeStateAsUpdate(doc, stateVector)
  store.pendingStructs = null
  store.pendingDs = null
  try {
    return Y.encodeStateAsUpdate(doc, stateVector)
  } finally {
    store.pendingStructs = pendingStructs
    store.pendingDs = pendingDs
  }
}

/** The update that carries nothing (no structs, no deletions). */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0
}

/** The JSON text `null` (a removed presence), as the awareness encoding writes it. */
function isNullState(state: Uint8Array): boolean {
  return state.byteLength === 4 && state[0] === 0x6e && state[1] === 0x75 && state[2] === 0x6c && state[3] === 0x6c
}

function encodeMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** A sleeping room's doc, kept as its encoded state (see Room.sleepIfIdle). */
type Asleep = { state: Uint8Array; stateVector: Uint8Array }

export class Room {
  /** The live doc; null while the room sleeps. */
  private liveDoc: Y.Doc | null = new Y.Doc()
  private asleep: Asleep | null = null
  /** Last time the doc was written or read (ms since epoch). */
  private lastActive = Date.now()
  readonly awareness: awarenessProtocol.Awareness
  readonly sessions = new Set<Session>()
  private pending: Pending[] = []
  private replies: Array<() => Reply | null> = []
  private flushScheduled = false
  private chain: Promise<void> = Promise.resolve()
  private updatesSinceCompaction = 0
  private approxBytes = 0
  /** While a rejected write is being rolled back, incoming frames wait here. */
  private held: Array<{ session: Session; data: Uint8Array }> | null = null
  private relayHeld: Uint8Array[] = []
  private rejection: string | null = null
  private guardedSession: Session | null = null
  private storageFailing = false
  /** Per session, its updates that wait for content the doc does not have yet (see applyOrDefer). */
  private readonly deferred = new Map<Session, Deferred[]>()
  /** Sessions that asked for board status messages (never stock clients). */
  private readonly statusSubscribers = new Set<Session>()
  closed = false

  constructor(
    readonly docKey: string,
    readonly kind: DocKind,
    private readonly deps: RoomDeps,
  ) {
    // Presence has a doc of its own (awareness only needs one for its client id), so that the
    // board's doc can be put to sleep while people are present.
    this.awareness = new awarenessProtocol.Awareness(new Y.Doc())
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.onAwarenessUpdate)
    this.attachDoc(this.liveDoc!)
  }

  /** The room's Y.Doc; a sleeping room wakes up (its doc is rebuilt from its encoded state). */
  get doc(): Y.Doc {
    this.lastActive = Date.now()
    if (this.liveDoc) return this.liveDoc
    const asleep = this.asleep!
    const doc = new Y.Doc()
    Y.applyUpdate(doc, asleep.state, STORAGE_ORIGIN)
    this.asleep = null
    this.liveDoc = doc
    this.attachDoc(doc)
    this.deps.metrics.asleepRooms.dec()
    return doc
  }

  /** Whether the doc is asleep (kept encoded, no Y.Doc in memory). */
  get isAsleep(): boolean {
    return this.asleep !== null
  }

  /**
   * Puts the doc to sleep when nothing has written or read it for `idleMs`: a Y.Doc costs
   * ~100 KiB of heap for a 10-note board (every record, key and value is an object), its
   * encoded state a few KiB. People stay connected and present (presence has its own doc);
   * a sync step 1 is answered from the encoded state, and the first write, or any server
   * read, rebuilds the doc. Never while anything is in flight: pending or deferred updates,
   * a rebuild, content Yjs holds back, a storage failure.
   */
  sleepIfIdle(now: number, idleMs: number): boolean {
    const doc = this.liveDoc
    if (doc === null || this.closed || now - this.lastActive < idleMs) return false
    if (this.held || this.pending.length > 0 || this.replies.length > 0 || this.flushScheduled || this.deferred.size > 0 || this.relayed.length > 0) return false
    if (this.storageFailing || doc.store.pendingStructs !== null || doc.store.pendingDs !== null) return false
    this.asleep = { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) }
    doc.off('update', this.onDocUpdate)
    doc.off('afterTransaction', this.onAfterTransaction)
    doc.destroy()
    this.liveDoc = null
    this.deps.metrics.asleepRooms.inc()
    return true
  }

  /** The doc's state as one update (from the encoded state of a sleeping room, without waking it). */
  encodeState(): Uint8Array {
    return this.asleep ? this.asleep.state : Y.encodeStateAsUpdate(this.doc)
  }

  /** What a client that has `stateVector` lacks, without what Yjs holds pending. */
  private encodeStateFor(stateVector: Uint8Array): Uint8Array {
    return this.asleep ? Y.diffUpdate(this.asleep.state, stateVector) : encodeIntegratedState(this.doc, stateVector)
  }

  /** Loads the stored doc. Call once before the first session joins. */
  async load(): Promise<void> {
    const stored = await this.deps.storage.loadDoc(this.docKey)
    this.applyStored(this.doc, stored)
    this.updatesSinceCompaction = stored.updates.length
    this.approxBytes = (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((n, u) => n + u.byteLength, 0)
    if (this.kind !== 'private') {
      const outcome = migrateDocIfOlder(this.doc, this.deps.schema)
      if (outcome === 'migrated') this.deps.logger.info({ docKey: this.docKey }, 'board migrated to the current schema')
      else if (outcome === 'newer' || outcome === 'failed') this.deps.logger.error({ docKey: this.docKey, outcome }, 'board schema cannot be used by this server')
    }
  }

  private applyStored(doc: Y.Doc, stored: StoredDoc): void {
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot, STORAGE_ORIGIN)
      for (const u of stored.updates) Y.applyUpdate(doc, u, STORAGE_ORIGIN)
    }, STORAGE_ORIGIN)
  }

  private attachDoc(doc: Y.Doc): void {
    // Type the roots before any session writes: a root first created by a remote update is a
    // generic type, which the guard would take for a layout violation (a fresh doc after a
    // rebuild would then refuse the next valid write).
    doc.getMap(RECORDS_MAP)
    doc.getMap(META_MAP)
    doc.on('update', this.onDocUpdate)
    doc.on('afterTransaction', this.onAfterTransaction)
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.lastActive = Date.now()
    if (origin === STORAGE_ORIGIN) return
    if (origin === RELAY_ORIGIN) {
      this.relayed.push(update)
      if (this.relayed.length === 1) setImmediate(this.sendRelayed)
      return
    }
    this.pending.push({ update, origin })
    this.scheduleFlush()
  }

  /** Updates relayed from other instances in this event-loop turn, not yet sent on. */
  private relayed: Uint8Array[] = []

  /**
   * Relayed updates are sent on once per event-loop turn, merged, like a local batch: on a busy
   * board spread over several instances, Redis hands over many messages in one turn, and each
   * session gets one frame for all of them instead of one per message.
   */
  private readonly sendRelayed = (): void => {
    const updates = this.relayed
    this.relayed = []
    if (updates.length === 0) return
    this.sendUpdate(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates))
    this.notifyChanged()
  }

  private onAfterTransaction = (transaction: Y.Transaction): void => {
    if (this.guardedSession === null || transaction.origin !== this.guardedSession) return
    const result = checkTransaction(transaction, this.deps.schema, { writableRoots: WRITABLE_ROOTS[this.kind] })
    if (!result.ok) this.rejection = result.error
  }

  /**
   * Called after the doc changed durably (a stored batch, or a relayed update from another
   * instance). Server features that derive state from a doc (vote totals) listen here.
   */
  readonly changeListeners = new Set<(room: Room) => void>()

  private notifyChanged(): void {
    for (const listener of this.changeListeners) {
      try {
        listener(this)
      } catch (error) {
        this.deps.logger.error({ docKey: this.docKey, err: String(error) }, 'change listener failed')
      }
    }
  }

  /** Applies an update that comes from outside any session (server actions, relay). */
  applyServerUpdate(update: Uint8Array, origin: unknown = 'server'): void {
    Y.applyUpdate(this.doc, update, origin)
  }

  /** Applies an update relayed from another instance (see RELAY_ORIGIN). */
  applyRelayUpdate(update: Uint8Array): void {
    // During a rebuild the doc is about to be replaced: keep the update for the new one.
    if (this.held) {
      this.relayHeld.push(update)
      return
    }
    Y.applyUpdate(this.doc, update, RELAY_ORIGIN)
    this.applyDeferred()
  }

  join(session: Session): void {
    this.sessions.add(session)
    this.deps.metrics.sessions.inc()
    // Server's step 1 first, so the client sends what it has that we lack.
    session.socket.send(
      encodeMessage((e) => {
        encoding.writeVarUint(e, MESSAGE_SYNC)
        encoding.writeVarUint(e, SYNC_STEP_1)
        encoding.writeVarUint8Array(e, this.asleep ? this.asleep.stateVector : Y.encodeStateVector(this.doc))
      }),
    )
    const states = this.awareness.getStates()
    if (states.size > 0) {
      session.socket.send(
        encodeMessage((e) => {
          encoding.writeVarUint(e, MESSAGE_AWARENESS)
          encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, Array.from(states.keys())))
        }),
      )
    }
  }

  leave(session: Session): void {
    if (!this.sessions.delete(session)) return
    this.statusSubscribers.delete(session)
    this.deferred.delete(session)
    this.deps.metrics.sessions.dec()
    if (session.awarenessClientIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, Array.from(session.awarenessClientIds), session)
    }
  }

  /** Handles one frame from a session. Never throws: bad input closes that session only. */
  receive(session: Session, data: Uint8Array): void {
    if (this.held) {
      this.held.push({ session, data })
      return
    }
    if (session.state.name === 'closed') return
    if (this.overRate(session)) {
      session.close(CloseEvents.RateLimited.code, CloseEvents.RateLimited.reason)
      return
    }
    this.deps.metrics.messagesIn.inc()
    this.deps.metrics.bytesIn.inc(data.byteLength)
    const failure = this.decodeAndHandle(session, data)
    if (failure) {
      this.deps.logger.warn({ docKey: this.docKey, session: session.id, reason: failure.reason }, 'closing session')
      session.close(failure.code, failure.reason)
    }
  }

  /** SPEC L4: excess messages close the connection; they are never silently dropped. */
  /**
   * The allowance grows with the room: stock y-websocket clients re-send every presence change
   * they receive, so an honest client's message rate grows with the number of people present.
   */
  private overRate(session: Session): boolean {
    const now = Date.now()
    if (now - session.messageWindowStart >= 1000) {
      session.messageWindowStart = now
      session.messagesInWindow = 0
    }
    session.messagesInWindow++
    const allowance = this.deps.limits.MAX_MESSAGES_PER_SECOND + PRESENCE_ECHOES_PER_PEER_PER_SECOND * this.sessions.size
    return session.messagesInWindow > allowance
  }

  private decodeAndHandle(session: Session, data: Uint8Array): CloseEvent | null {
    if (data.byteLength === 0) return CloseEvents.MalformedMessage
    if (data.byteLength > this.deps.limits.MAX_MESSAGE_BYTES) return CloseEvents.MessageTooLarge
    try {
      const decoder = decoding.createDecoder(data)
      const type = decoding.readVarUint(decoder)
      switch (type) {
        case MESSAGE_SYNC:
          return this.handleSync(session, decoder)
        case MESSAGE_AWARENESS: {
          const update = decoding.readVarUint8Array(decoder)
          return this.applyAwareness(session, update)
        }
        case MESSAGE_QUERY_AWARENESS:
          session.socket.send(
            encodeMessage((e) => {
              encoding.writeVarUint(e, MESSAGE_AWARENESS)
              encoding.writeVarUint8Array(
                e,
                awarenessProtocol.encodeAwarenessUpdate(this.awareness, Array.from(this.awareness.getStates().keys())),
              )
            }),
          )
          return null
        case MESSAGE_BOARD_STATUS:
          this.statusSubscribers.add(session)
          session.socket.send(this.statusMessage())
          return null
        case MESSAGE_AUTH:
        default:
          return CloseEvents.UnknownMessageType
      }
    } catch {
      return CloseEvents.MalformedMessage
    }
  }

  private handleSync(session: Session, decoder: decoding.Decoder): CloseEvent | null {
    const subType = decoding.readVarUint(decoder)
    switch (subType) {
      case SYNC_STEP_1: {
        const stateVector = decoding.readVarUint8Array(decoder)
        Y.decodeStateVector(stateVector) // throws on garbage: answered as malformed
        this.replies.push(() =>
          session.state.name === 'closed'
            ? null
            : {
                session,
                message: encodeMessage((e) => {
                  encoding.writeVarUint(e, MESSAGE_SYNC)
                  encoding.writeVarUint(e, SYNC_STEP_2)
                  encoding.writeVarUint8Array(e, this.encodeStateFor(stateVector))
                }),
              },
        )
        this.scheduleFlush()
        return null
      }
      case SYNC_STEP_2:
      case SYNC_UPDATE: {
        const update = decoding.readVarUint8Array(decoder)
        // An empty update (what every client answers to our step 1) changes nothing: it needs
        // no doc, so it does not wake a sleeping room.
        if (this.asleep && isEmptyUpdate(update)) return null
        if (!session.canWrite) {
          // Every client answers our step 1 with its own step 2; an empty one is no write.
          if (isEmptyUpdate(update)) return null
          // SPEC R2: a read-only peer's write is dropped and answered, never stored.
          session.socket.send(
            encodeMessage((e) => {
              encoding.writeVarUint(e, MESSAGE_AUTH)
              authProtocol.writePermissionDenied(e, PERMISSION_DENIED_READ_ONLY)
            }),
          )
          return null
        }
        return this.applyOrDefer(session, update)
      }
      default:
        return CloseEvents.UnknownMessageType
    }
  }

  /**
   * An update that builds on what the doc does not have yet waits until it arrives, then is
   * applied as the sender's write (checked by the guard, stored, broadcast, relayed).
   * - Its own earlier clocks: a y-websocket client that reconnects with offline edits sends its
   *   next edit as soon as the socket opens, a round trip before its sync step 2 carries the
   *   offline ones. Applied at once, Yjs would keep its inserts pending but apply its deletions
   *   (a replaced `xf` value), and the guard would see a half-written record and refuse a valid
   *   write (SPEC S6).
   * - Content of others: with several instances, a client that moves from one to another may
   *   edit a note this instance has not heard of yet (the relay is on its way). Applied at once,
   *   Yjs would keep the edit pending and integrate it with the relayed update, as a relayed
   *   change: sent to local sessions but never checked, stored nor relayed (SPEC C1).
   * So nothing a session writes is ever held pending inside Yjs.
   */
  private applyOrDefer(session: Session, update: Uint8Array): CloseEvent | null {
    const wait = this.missingDependency(update)
    if (wait === null) return CloseEvents.InvalidUpdate
    if (wait !== false) {
      const queue = this.deferred.get(session) ?? []
      // Bounded like what Yjs holds back (SPEC L9): a client cannot park memory here either.
      const bytes = queue.reduce((n, d) => n + d.update.byteLength, update.byteLength)
      if (queue.length >= MAX_DEFERRED_UPDATES || bytes > this.deps.limits.MAX_MESSAGE_BYTES) {
        return { code: CloseEvents.InvalidUpdate.code, reason: `${CloseEvents.InvalidUpdate.reason}: it depends on updates never sent` }
      }
      queue.push({ update, waitsFor: wait })
      this.deferred.set(session, queue)
      return null
    }
    const failure = this.applySessionUpdate(session, update)
    if (failure) return failure
    this.applyDeferred()
    return null
  }

  /**
   * Applies every waiting update whose dependencies have arrived (after any change to the doc).
   * An update is looked at again only once the clock it waited for is there: a client that
   * parks many updates does not make every other write decode them all.
   */
  private applyDeferred(): void {
    let progress = true
    while (progress && this.deferred.size > 0 && !this.held) {
      progress = false
      for (const [session, queue] of this.deferred) {
        const next = queue.findIndex((d) => {
          if (Y.getState(this.doc.store, d.waitsFor.client) <= d.waitsFor.clock) return false
          const wait = this.missingDependency(d.update)
          if (wait === false) return true
          if (wait !== null) d.waitsFor = wait
          return false
        })
        if (next === -1) continue
        const { update } = queue.splice(next, 1)[0]!
        if (queue.length === 0) this.deferred.delete(session)
        const failure = this.applySessionUpdate(session, update)
        if (failure) {
          this.deferred.delete(session)
          this.deps.logger.warn({ docKey: this.docKey, session: session.id, reason: failure.reason }, 'closing session')
          session.close(failure.code, failure.reason)
          return
        }
        progress = true
      }
    }
  }

  /**
   * What the update needs before it can integrate fully, or false if nothing: every client's
   * structs must follow what the doc has, and everything they build on (left and right
   * neighbours, parent, deleted ranges) must be in the doc or in the update itself. Null if it
   * does not parse.
   */
  private missingDependency(update: Uint8Array): Wait | false | null {
    let decoded: ReturnType<typeof Y.decodeUpdate>
    try {
      decoded = Y.decodeUpdate(update)
    } catch {
      return null
    }
    const store = this.doc.store
    const own = new Map<number, Array<[number, number]>>()
    for (const struct of decoded.structs) {
      if (struct instanceof Y.Skip) continue
      const { client, clock } = struct.id
      const ranges = own.get(client)
      const last = ranges?.[ranges.length - 1]
      // A client's structs come in clock order, nearly always without gaps: one range each.
      if (last && last[1] === clock) last[1] = clock + struct.length
      else if (ranges) ranges.push([clock, clock + struct.length])
      else own.set(client, [[clock, clock + struct.length]])
    }
    for (const [client, ranges] of own) {
      const from = ranges[0]![0]
      if (from > Y.getState(store, client)) return { client, clock: from - 1 }
    }
    const has = (client: number, clock: number): boolean =>
      clock < Y.getState(store, client) || (own.get(client)?.some(([from, to]) => from <= clock && clock < to) ?? false)
    for (const struct of decoded.structs) {
      if (!(struct instanceof Y.Item)) continue
      for (const ref of [struct.origin, struct.rightOrigin, struct.parent]) {
        if (ref instanceof Y.ID && !has(ref.client, ref.clock)) return { client: ref.client, clock: ref.clock }
      }
    }
    for (const [client, deletions] of decoded.ds.clients) {
      for (const { clock, len } of deletions) {
        if (len > 0 && !has(client, clock + len - 1)) return { client, clock: clock + len - 1 }
      }
    }
    return false
  }

  private applySessionUpdate(session: Session, update: Uint8Array): CloseEvent | null {
    const pendingBefore = this.pending.length
    const heldBackBefore = this.heldBackBytes()
    this.guardedSession = session
    this.rejection = null
    try {
      Y.applyUpdate(this.doc, update, session)
    } catch {
      this.rejectSessionWrites(session, pendingBefore)
      return CloseEvents.InvalidUpdate
    } finally {
      this.guardedSession = null
    }
    if (this.rejection !== null) {
      this.deps.logger.warn({ docKey: this.docKey, session: session.id, why: this.rejection }, 'schema guard rejected a write')
      this.rejectSessionWrites(session, pendingBefore)
      return { code: CloseEvents.SchemaRejected.code, reason: `${CloseEvents.SchemaRejected.reason}: ${this.rejection}`.slice(0, 120) }
    }
    // A safety net: `missingDependency` keeps session updates out of what Yjs holds back, which only
    // relayed updates that arrived out of order should ever fill.
    const heldBack = this.heldBackBytes()
    if (heldBack > heldBackBefore && heldBack > this.deps.limits.MAX_MESSAGE_BYTES) {
      this.rejectSessionWrites(session, pendingBefore)
      return { code: CloseEvents.InvalidUpdate.code, reason: `${CloseEvents.InvalidUpdate.reason}: it depends on updates never sent` }
    }
    if (this.encodedSizeExceeded(update.byteLength)) {
      this.rejectSessionWrites(session, pendingBefore)
      return CloseEvents.BoardFull
    }
    return null
  }

  /**
   * Bytes Yjs holds back because they build on updates this doc has not seen (SPEC L8). Some is
   * normal (a client may send an edit just before the step 2 it builds on); without a bound a
   * client could grow server memory with updates that never apply, since they are neither
   * stored nor counted in the board size. A rebuild after rejection drops them.
   */
  private heldBackBytes(): number {
    const store = this.doc.store
    return (store.pendingStructs?.update.byteLength ?? 0) + (store.pendingDs?.byteLength ?? 0)
  }

  /**
   * Board size limit. `approxBytes` is an upper bound (stored size plus every update since);
   * the doc is only encoded when that bound passes the limit.
   */
  private encodedSizeExceeded(updateBytes: number): boolean {
    const limit = this.deps.limits.MAX_BOARD_BYTES
    this.approxBytes += updateBytes
    if (this.approxBytes <= limit) return false
    this.approxBytes = Y.encodeStateAsUpdate(this.doc).byteLength
    return this.approxBytes > limit
  }

  /**
   * Undoes what a session's rejected update did to the in-memory doc: the doc is rebuilt from
   * storage plus the still-pending updates of other sessions. Frames wait meanwhile.
   */
  private rejectSessionWrites(session: Session, pendingBefore: number): void {
    const kept = this.pending.splice(pendingBefore).filter((p) => p.origin !== session)
    this.pending.push(...kept)
    this.held = []
    this.chain = this.chain.then(() => this.rebuildDoc())
  }

  private async rebuildDoc(): Promise<void> {
    let stored: StoredDoc | null = null
    while (stored === null) {
      try {
        stored = await this.deps.storage.loadDoc(this.docKey)
      } catch (error) {
        // Frames keep waiting (nothing is dropped) until storage answers or the room closes.
        this.deps.logger.error({ docKey: this.docKey, err: String(error) }, 'reload after a rejected write failed; retrying')
        if (this.closed) return
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
    }
    const fresh = new Y.Doc()
    this.applyStored(fresh, stored)
    fresh.transact(() => {
      for (const p of this.pending) Y.applyUpdate(fresh, p.update, STORAGE_ORIGIN)
    }, STORAGE_ORIGIN)
    const old = this.doc
    old.off('update', this.onDocUpdate)
    old.off('afterTransaction', this.onAfterTransaction)
    this.liveDoc = fresh
    this.attachDoc(fresh)
    // The old doc is dropped, not destroyed: destroying it would also destroy the awareness.
    this.approxBytes = Y.encodeStateAsUpdate(fresh).byteLength
    const held = this.held ?? []
    this.held = null
    for (const update of this.relayHeld.splice(0)) Y.applyUpdate(fresh, update, RELAY_ORIGIN)
    this.applyDeferred()
    for (const { session, data } of held) this.receive(session, data)
  }

  /**
   * SPEC L8: presence is bounded per connection (state size, number of client ids), so that a
   * client cannot park megabytes of awareness state in the server and in every peer.
   */
  private applyAwareness(session: Session, update: Uint8Array): CloseEvent | null {
    const maxBytes = this.deps.limits.MAX_PRESENCE_BYTES ?? DEFAULT_MAX_PRESENCE_BYTES
    const maxIds = this.deps.limits.MAX_PRESENCES_PER_CONNECTION ?? DEFAULT_MAX_PRESENCES_PER_CONNECTION
    const decoder = decoding.createDecoder(update)
    let news = false
    for (let n = decoding.readVarUint(decoder); n > 0; n--) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const state = decoding.readVarUint8Array(decoder) // a varString: length-prefixed UTF-8
      if (state.byteLength > maxBytes) return CloseEvents.PresenceRefused
      if (!news) news = this.isNewPresence(clientId, clock, state)
    }
    // A stock client echoes every presence message it receives: an update with nothing newer
    // than what the room has changes nothing, so it is not parsed any further.
    if (!news) return null
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, session)
    // Counted after applying: a stock y-websocket client echoes every peer's presence back, but
    // an echo changes nothing, so only the ids this session really sets are its own.
    if (session.awarenessClientIds.size > maxIds) return CloseEvents.PresenceRefused
    return null
  }

  /** Whether applying this entry would change the room's presence (awareness's own rule). */
  private isNewPresence(clientId: number, clock: number, state: Uint8Array): boolean {
    const known = this.awareness.meta.get(clientId)
    if (known === undefined || clock > known.clock) return true
    return clock === known.clock && isNullState(state) && this.awareness.states.has(clientId)
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (typeof origin === 'object' && origin !== null && this.sessions.has(origin as Session)) {
      const session = origin as Session
      for (const id of added.concat(updated)) session.awarenessClientIds.add(id)
      for (const id of removed) session.awarenessClientIds.delete(id)
    }
    const local = origin !== RELAY_ORIGIN
    for (const ids of [added, updated, removed]) {
      for (const id of ids) {
        this.presenceChanged.add(id)
        if (local) this.presenceToRelay.add(id)
      }
    }
    if (this.presenceScheduled) return
    this.presenceScheduled = true
    setImmediate(this.sendPresence)
  }

  /**
   * Presence changes are sent once per event-loop turn, every change of the turn in one
   * message. Under load (many cursors moving) each session gets one frame per turn instead of
   * one per cursor move, and a stock client, which re-sends every presence message it
   * receives, re-sends one instead of many (SPEC L4 allowance, docs/DECISIONS.md).
   *
   * The sender gets its own change back too, as from the reference server: a stock provider
   * that hears nothing for 30 s (its `messageReconnectTimeout`) drops and reopens its socket,
   * and a person alone on a board hears only their own presence renewal (every 15 s).
   */
  private readonly sendPresence = (): void => {
    this.presenceScheduled = false
    const changed = Array.from(this.presenceChanged)
    const toRelay = Array.from(this.presenceToRelay)
    this.presenceChanged.clear()
    this.presenceToRelay.clear()
    // Also after the room closed: the removal of the last people's presence must still reach
    // the other instances (a closed room's sessions are all closed, so none is sent here).
    if (changed.length === 0) return
    const message = this.presenceMessage(changed)
    for (const s of this.sessions) if (s.state.name === 'open') s.socket.send(message)
    // Only changes made here go to the other instances (relayed ones came from there).
    if (toRelay.length > 0 && this.onAwarenessRelay) {
      this.onAwarenessRelay(toRelay.length === changed.length ? message : this.presenceMessage(toRelay), null)
    }
  }

  private presenceMessage(clientIds: number[]): Uint8Array {
    return encodeMessage((e) => {
      encoding.writeVarUint(e, MESSAGE_AWARENESS)
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clientIds))
    })
  }

  private readonly presenceChanged = new Set<number>()
  /** The subset of presenceChanged made on this instance (not relayed from another). */
  private readonly presenceToRelay = new Set<number>()
  private presenceScheduled = false

  /** Set by a cluster relay to forward awareness to other instances. */
  onAwarenessRelay: ((message: Uint8Array, origin: unknown) => void) | null = null
  /** Set by a cluster relay: called with each stored batch, merged into one update, once it is durable. */
  onPersisted: ((update: Uint8Array) => void) | null = null

  private scheduleFlush(): void {
    if (this.flushScheduled) return
    this.flushScheduled = true
    setImmediate(() => {
      this.flushScheduled = false
      this.chain = this.chain.then(() => this.flush())
    })
  }

  private statusMessage(): Uint8Array {
    return encodeMessage((e) => {
      encoding.writeVarUint(e, MESSAGE_BOARD_STATUS)
      encoding.writeVarUint(e, this.storageFailing ? BoardStatus.NotSaving : BoardStatus.Saving)
      encoding.writeVarString(e, this.storageFailing ? 'changes are kept but cannot be saved right now' : '')
    })
  }

  /** Tells subscribed sessions whether the board is being saved (SPEC D4). */
  private sendStatus(): void {
    if (this.statusSubscribers.size === 0) return
    const message = this.statusMessage()
    for (const s of this.statusSubscribers) if (s.state.name === 'open') s.socket.send(message)
  }

  /** Persists everything pending, then broadcasts it and sends the prepared replies. */
  private async flush(): Promise<void> {
    const batch = this.pending.splice(0)
    const replies = this.replies.splice(0).map((prepare) => prepare())
    if (batch.length > 0) {
      const started = performance.now()
      try {
        await this.deps.storage.appendUpdates(
          this.docKey,
          batch.map((p) => p.update),
        )
        if (this.storageFailing) {
          this.deps.logger.info({ docKey: this.docKey }, 'storage recovered')
          this.storageFailing = false
          this.sendStatus()
        }
      } catch (error) {
        // SPEC D4: nothing unstored is acknowledged. Keep the batch and retry.
        if (!this.storageFailing) {
          this.deps.logger.error({ docKey: this.docKey, err: String(error) }, 'storage write failed: not saving, retrying')
          this.storageFailing = true
          this.sendStatus()
        }
        this.deps.metrics.persistFailures.inc()
        this.pending.unshift(...batch)
        this.replies.unshift(...replies.map((r) => () => r))
        setTimeout(() => this.scheduleFlush(), 500).unref()
        return
      }
      this.deps.metrics.persistSeconds.observe((performance.now() - started) / 1000)
      this.updatesSinceCompaction += batch.length
      const merged = this.broadcastBatch(batch)
      this.onPersisted?.(merged)
      this.notifyChanged()
    }
    for (const reply of replies) if (reply) reply.session.socket.send(reply.message)
    if (this.updatesSinceCompaction >= this.deps.limits.COMPACT_AFTER_UPDATES) await this.compact()
  }

  /**
   * Sends a stored batch to the sessions. A batch of several updates (a busy board: every
   * update received in one event-loop turn) goes out as one merged update, one frame per
   * session instead of one per update and session; a session gets the updates of others (its
   * own come back only inside a merge with others', where Yjs ignores them).
   */
  private broadcastBatch(batch: Pending[]): Uint8Array {
    const origins = new Set(batch.map((p) => p.origin))
    const only = origins.size === 1 ? batch[0]!.origin : undefined
    const update = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((p) => p.update))
    this.sendUpdate(update, only)
    return update
  }

  /** Sends one update, as one sync message, to every open session but `except`. */
  private sendUpdate(update: Uint8Array, except?: unknown): void {
    const message = encodeMessage((e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC)
      syncProtocol.writeUpdate(e, update)
    })
    let sent = 0
    for (const s of this.sessions) {
      if (s !== except && s.state.name === 'open') {
        s.socket.send(message)
        sent++
      }
    }
    this.deps.metrics.messagesOut.inc(sent)
  }

  /** Merges the update log into one snapshot (SPEC D3). */
  async compact(): Promise<void> {
    try {
      await this.deps.storage.compact(this.docKey, mergeStoredDoc)
      this.updatesSinceCompaction = 0
    } catch (error) {
      this.deps.logger.error({ docKey: this.docKey, err: String(error) }, 'compaction failed')
    }
  }

  /** Resolves when everything received so far is stored. */
  async flushed(): Promise<void> {
    if (this.pending.length > 0 || this.replies.length > 0) {
      this.chain = this.chain.then(() => this.flush())
    }
    await this.chain
  }

  /** Final flush and compaction, then releases the doc. */
  async close(closeEvent?: CloseEvent): Promise<void> {
    if (this.closed) return
    this.closed = true
    for (const s of this.sessions) if (closeEvent) s.close(closeEvent.code, closeEvent.reason)
    await this.flushed()
    if (this.updatesSinceCompaction > 0 && !this.storageFailing) await this.compact()
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.awareness.doc.destroy()
    this.liveDoc?.destroy()
    if (this.asleep) this.deps.metrics.asleepRooms.dec()
    this.asleep = null
  }

  /** Current encoded size of the doc, for metrics and benchmarks. */
  encodedSize(): number {
    return this.encodeState().byteLength
  }

  /** The meta map, for schema checks. */
  get meta(): Y.Map<unknown> {
    return this.doc.getMap(META_MAP)
  }
}
