/**
 * One document of one board, live: the coordinator of its parts. It decodes what sessions send
 * and routes it; each part owns one kind of state:
 * - LiveDoc: the Y.Doc, or its encoded state while it sleeps;
 * - UpdateLog: writes waiting to be stored, storing them, then handing them on (SPEC D1–D4);
 * - WriteGuard: checking each session write, rolling back a rejected one (SPEC S6, L8);
 * - DependencyQueue: session writes waiting for what they build on;
 * - Presence: awareness, batched once per turn;
 * - messages: the frames, encoded and decoded.
 * What a stored batch or a relayed update goes on to (the other sessions, then the extensions)
 * is decided here.
 */
import type { TLSchema } from '@tldraw/tlschema'
import * as decoding from 'lib0/decoding'
import type { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  CloseEvents,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_BOARD_STATUS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  SYNC_STEP_1,
  SYNC_STEP_2,
  SYNC_UPDATE,
  type CloseEvent,
} from '../../shared/protocol.js'
import type { DocKind } from '../../shared/roles.js'
import type { Logger } from '../logger.js'
import type { Metrics } from '../metrics.js'
import type { Storage } from '../storage/Storage.js'
import { DependencyQueue } from './DependencyQueue.js'
import { applyStored, LiveDoc } from './LiveDoc.js'
import { encodePermissionDenied, encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate, isEmptyUpdate, readAwarenessUpdate, readMessageType } from './messages.js'
import { migrateDocIfOlder, schemaTag } from './migrateDoc.js'
import { RELAY_ORIGIN, STORAGE_ORIGIN } from './origins.js'
import { Presence } from './Presence.js'
import type { Session } from './Session.js'
import { UpdateLog } from './UpdateLog.js'
import { WriteGuard, type HeldFrame } from './WriteGuard.js'

export { mergeStoredDoc, encodeIntegratedState } from './LiveDoc.js'
export { RELAY_ORIGIN, STORAGE_ORIGIN } from './origins.js'

/** Presence echoes allowed per other session and second (cursors move at up to ~10 Hz). */
export const PRESENCE_ECHOES_PER_PEER_PER_SECOND = 25

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

export type RoomDeps = {
  storage: Storage
  schema: TLSchema
  logger: Logger
  metrics: Metrics
  limits: RoomLimits
  /**
   * Whether this instance is the only one writing its boards (no relay to other instances):
   * a compaction may then encode the doc in memory instead of rebuilding it from storage.
   */
  soleWriter?: boolean
}

/** What a Room tells the extensions (RoomManager hands it theirs; a lone Room tells nobody). */
export type RoomEvents = {
  stored(room: Room, update: Uint8Array): void
  changed(room: Room): void
  presence(room: Room, awarenessUpdate: Uint8Array): void
}

const NO_ROOM_EVENTS: RoomEvents = { stored() {}, changed() {}, presence() {} }

export class Room {
  readonly sessions = new Set<Session>()
  closed = false
  private loaded = false
  private readonly live: LiveDoc
  private readonly log: UpdateLog
  private readonly guard: WriteGuard
  private readonly queue: DependencyQueue
  private readonly presence: Presence
  /** Updates relayed from other instances in this event-loop turn, not yet sent on. */
  private relayed: Uint8Array[] = []

  constructor(
    readonly docKey: string,
    readonly kind: DocKind,
    private readonly deps: RoomDeps,
    private readonly events: RoomEvents = NO_ROOM_EVENTS,
  ) {
    const { storage, schema, logger, metrics, limits } = deps
    this.live = new LiveDoc({ onUpdate: this.onDocUpdate, onAfterTransaction: (t) => this.guard.check(t) }, metrics.asleepRooms)
    // A compaction's snapshot from memory: never while a rejected write is being rolled back.
    const liveState = deps.soleWriter ? () => (this.guard.rebuilding ? null : this.live.taggedState(schema)) : undefined
    this.log = new UpdateLog(docKey, { storage, logger, metrics, schema, compactAfter: limits.COMPACT_AFTER_UPDATES, liveState }, this.onStored)
    this.guard = new WriteGuard(
      { docKey, kind, storage, schema, logger, maxMessageBytes: limits.MAX_MESSAGE_BYTES, maxBoardBytes: limits.MAX_BOARD_BYTES },
      this.live,
      this.log,
      () => this.closed,
      this.onRebuilt,
    )
    this.queue = new DependencyQueue(
      {
        doc: () => this.live.doc,
        apply: (session, update, repeats) => this.guard.apply(session, update, repeats),
        paused: () => this.guard.rebuilding,
        fail: (session, event) => this.closeSession(session, event),
      },
      limits.MAX_MESSAGE_BYTES,
    )
    this.presence = new Presence(
      this.sessions,
      { maxBytes: limits.MAX_PRESENCE_BYTES, maxIdsPerSession: limits.MAX_PRESENCES_PER_CONNECTION },
      (update) => this.events.presence(this, update),
    )
  }

  /** The room's Y.Doc; a sleeping room wakes up (its doc is rebuilt from its encoded state). */
  get doc(): Y.Doc {
    return this.live.doc
  }

  get awareness(): Awareness {
    return this.presence.awareness
  }

  /** Whether the doc is asleep (kept encoded, no Y.Doc in memory). */
  get isAsleep(): boolean {
    return this.live.isAsleep
  }

  /**
   * Puts the doc to sleep when nothing has written or read it for `idleMs` (see LiveDoc.sleep).
   * People stay connected and present (presence has its own doc); a sync step 1 is answered
   * from the encoded state, and the first write, or any server read, wakes it. Never while
   * anything is in flight: pending or deferred updates, a rebuild, a storage failure.
   */
  sleepIfIdle(now: number, idleMs: number): boolean {
    if (this.live.awake === null || this.closed || this.live.idleFor(now) < idleMs) return false
    if (this.guard.rebuilding || this.log.busy || this.queue.size > 0 || this.relayed.length > 0 || this.log.storageFailing) return false
    return this.live.sleep()
  }

  /** The doc's state as one update (from the encoded state of a sleeping room, without waking it). */
  encodeState(): Uint8Array {
    return this.live.encodeState()
  }

  /** Loads the stored doc. Call once before the first session joins. */
  async load(): Promise<void> {
    const stored = await this.deps.storage.loadDoc(this.docKey)
    this.log.loaded(stored.updates.length)
    this.guard.loaded((stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((n, u) => n + u.byteLength, 0))
    // A snapshot alone, written with the current schema (validated when it was written): it
    // is served as it is stored, and decoded only when something writes or reads the doc
    // (unless an update relayed meanwhile is already in the doc: see LiveDoc.loadAsleep).
    if (
      stored.snapshot &&
      stored.updates.length === 0 &&
      stored.snapshotSchema === schemaTag(this.deps.schema) &&
      this.live.loadAsleep(stored.snapshot, stored.snapshotStateVector ?? null)
    ) {
      this.loaded = true
      return
    }
    applyStored(this.doc, stored)
    if (this.kind !== 'private') {
      const outcome = migrateDocIfOlder(this.doc, this.deps.schema)
      if (outcome === 'migrated') this.deps.logger.info({ docKey: this.docKey }, 'board migrated to the current schema')
      else if (outcome === 'newer' || outcome === 'failed') this.deps.logger.error({ docKey: this.docKey, outcome }, 'board schema cannot be used by this server')
    }
    this.loaded = true
  }

  /** Applies an update relayed from another instance (see RELAY_ORIGIN). */
  applyRelayUpdate(update: Uint8Array): void {
    // During a rebuild the doc is about to be replaced: keep the update for the new one.
    if (this.guard.holdRelayed(update)) return
    Y.applyUpdate(this.doc, update, RELAY_ORIGIN)
    this.queue.applyReady()
  }

  /** Applies presence relayed from another instance. */
  applyRelayPresence(awarenessUpdate: Uint8Array): void {
    this.presence.applyRelayed(awarenessUpdate)
  }

  /** The presence of this instance's own sessions, as one awareness update (null if none). */
  localPresence(): Uint8Array | null {
    return this.presence.localUpdate()
  }

  join(session: Session): void {
    this.sessions.add(session)
    this.deps.metrics.sessions.inc()
    // Server's step 1 first, so the client sends what it has that we lack.
    session.socket.send(encodeSyncStep1(this.live.stateVector()))
    const everyone = this.presence.everyone()
    if (everyone) session.socket.send(everyone)
  }

  leave(session: Session): void {
    if (!this.sessions.delete(session)) return
    this.log.forget(session)
    this.queue.forget(session)
    this.deps.metrics.sessions.dec()
    this.presence.remove(session)
  }

  /** Handles one frame from a session. Never throws: bad input closes that session only. */
  receive(session: Session, data: Uint8Array): void {
    if (this.guard.holdFrame(session, data)) return
    if (session.state.name === 'closed') return
    if (this.overRate(session)) {
      session.close(CloseEvents.RateLimited.code, CloseEvents.RateLimited.reason)
      return
    }
    this.deps.metrics.messagesIn.inc()
    this.deps.metrics.bytesIn.inc(data.byteLength)
    const failure = this.decodeAndHandle(session, data)
    if (failure) this.closeSession(session, failure)
  }

  /** Resolves when everything received so far is stored. */
  flushed(): Promise<void> {
    return this.log.flushed()
  }

  /** Merges the update log into one snapshot (SPEC D3). */
  compact(): Promise<void> {
    return this.log.compact()
  }

  /** Final flush and compaction, then releases the doc. */
  async close(closeEvent?: CloseEvent): Promise<void> {
    if (this.closed) return
    this.closed = true
    for (const s of this.sessions) if (closeEvent) s.close(closeEvent.code, closeEvent.reason)
    await this.log.close()
    this.presence.destroy()
    this.live.destroy()
  }

  /** Current encoded size of the doc, for metrics and benchmarks. */
  encodedSize(): number {
    return this.encodeState().byteLength
  }

  private closeSession(session: Session, failure: CloseEvent): void {
    this.deps.logger.warn({ docKey: this.docKey, session: session.id, reason: failure.reason }, 'closing session')
    session.close(failure.code, failure.reason)
  }

  /**
   * SPEC L4: excess messages close the connection; they are never silently dropped. The
   * allowance grows with the room: stock y-websocket clients re-send every presence change
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
      switch (readMessageType(decoder)) {
        case MESSAGE_SYNC:
          return this.handleSync(session, decoder)
        case MESSAGE_AWARENESS:
          return this.presence.apply(session, readAwarenessUpdate(decoder))
        case MESSAGE_QUERY_AWARENESS:
          session.socket.send(this.presence.answerQuery())
          return null
        case MESSAGE_BOARD_STATUS:
          this.log.subscribeStatus(session)
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
    switch (readMessageType(decoder)) {
      case SYNC_STEP_1: {
        const stateVector = decoding.readVarUint8Array(decoder)
        Y.decodeStateVector(stateVector) // throws on garbage: answered as malformed
        this.log.reply(() => (session.state.name === 'closed' ? null : { session, message: encodeSyncStep2(this.live.encodeStateFor(stateVector)) }))
        return null
      }
      case SYNC_STEP_2:
      case SYNC_UPDATE: {
        const update = decoding.readVarUint8Array(decoder)
        // An empty update (what every client answers to our step 1) changes nothing: it needs
        // no doc, so it does not wake a sleeping room.
        if (this.live.isAsleep && isEmptyUpdate(update)) return null
        if (!session.canWrite) {
          // Every client answers our step 1 with its own step 2; an empty one is no write.
          if (isEmptyUpdate(update)) return null
          // SPEC R2: a read-only peer's write is dropped and answered, never stored.
          session.socket.send(encodePermissionDenied())
          return null
        }
        return this.queue.applyOrDefer(session, update)
      }
      default:
        return CloseEvents.UnknownMessageType
    }
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === STORAGE_ORIGIN) return
    if (origin === RELAY_ORIGIN) {
      this.relayed.push(update)
      if (this.relayed.length === 1) setImmediate(this.sendRelayed)
      return
    }
    this.log.append(update, origin)
  }

  /** A stored batch: to the other sessions, then to the extensions. */
  private readonly onStored = (update: Uint8Array, onlyWriter: unknown): void => {
    this.sendUpdate(update, onlyWriter)
    this.events.stored(this, update)
    this.changed()
  }

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
    this.changed()
  }

  private readonly onRebuilt = (relayed: Uint8Array[], frames: HeldFrame[]): void => {
    for (const update of relayed) Y.applyUpdate(this.doc, update, RELAY_ORIGIN)
    this.queue.applyReady()
    for (const { session, data } of frames) this.receive(session, data)
  }

  private changed(): void {
    if (this.loaded) this.events.changed(this)
  }

  /**
   * Sends one update, as one sync message encoded once, to every open session but `except` (a
   * session gets the updates of others; its own come back only inside a merge with others',
   * where Yjs ignores them).
   */
  private sendUpdate(update: Uint8Array, except?: unknown): void {
    const message = encodeSyncUpdate(update)
    let sent = 0
    for (const s of this.sessions) {
      if (s !== except && s.state.name === 'open') {
        s.socket.send(message)
        sent++
      }
    }
    this.deps.metrics.messagesOut.inc(sent)
  }
}
