/**
 * A room's presence (awareness): who is here and where their cursor is. Owns the awareness (on a
 * doc of its own, so the board's doc can sleep while people are present), which client ids each
 * session announced, and the changes of the current event-loop turn, sent once per turn.
 */
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CloseEvents, type CloseEvent } from '../../shared/protocol.js'
import { encodeAwarenessMessage, isNullState, readAwarenessEntries } from './messages.js'
import { RELAY_ORIGIN } from './origins.js'
import { Session } from './Session.js'

const DEFAULT_MAX_PRESENCE_BYTES = 64 * 1024
const DEFAULT_MAX_PRESENCES_PER_CONNECTION = 4
/**
 * Shortest time between two presence messages of a room (~30 per second): every stock client
 * re-sends each presence message it receives, so each message sent costs a frame per session
 * and an echo from each; cursors moving at up to 10 Hz each still move smoothly (issue 18).
 */
export const PRESENCE_GAP_MS = 33

export type PresenceLimits = {
  /** Size limit of one awareness state, in bytes of JSON. */
  maxBytes?: number
  /** Awareness client ids one connection may announce (a y-websocket client uses one). */
  maxIdsPerSession?: number
  /** Shortest time between two presence messages (default PRESENCE_GAP_MS). */
  gapMs?: number
}

/** Called once per turn with the presence changes made on this instance (an awareness update). */
export type OnLocalPresence = (awarenessUpdate: Uint8Array) => void

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

export class Presence {
  readonly awareness: awarenessProtocol.Awareness
  private readonly changed = new Set<number>()
  /** The subset of `changed` made on this instance (not relayed from another). */
  private readonly toRelay = new Set<number>()
  private scheduled = false
  /** When the last presence message was sent (performance.now()). */
  private lastSentAt = -Infinity
  private readonly maxBytes: number
  private readonly maxIds: number
  private readonly gapMs: number

  constructor(
    /** The room's sessions (read only here). */
    private readonly sessions: ReadonlySet<Session>,
    limits: PresenceLimits,
    private readonly onLocal: OnLocalPresence,
  ) {
    this.maxBytes = limits.maxBytes ?? DEFAULT_MAX_PRESENCE_BYTES
    this.maxIds = limits.maxIdsPerSession ?? DEFAULT_MAX_PRESENCES_PER_CONNECTION
    this.gapMs = limits.gapMs ?? PRESENCE_GAP_MS
    this.awareness = new awarenessProtocol.Awareness(new Y.Doc())
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.onChange)
  }

  /** Everyone's presence as one message, or null if nobody is present. */
  everyone(): Uint8Array | null {
    const states = this.awareness.getStates()
    return states.size > 0 ? this.message(Array.from(states.keys())) : null
  }

  /** The answer to a query: everyone's presence, even if nobody is there. */
  answerQuery(): Uint8Array {
    return this.message(Array.from(this.awareness.getStates().keys()))
  }

  /**
   * Applies a session's awareness update. SPEC L8: presence is bounded per connection (state
   * size, number of client ids), so that a client cannot park megabytes of awareness state in
   * the server and in every peer.
   */
  apply(session: Session, update: Uint8Array): CloseEvent | null {
    let tooBig = false
    let news = false
    readAwarenessEntries(update, ({ clientId, clock, state }) => {
      if (state.byteLength > this.maxBytes) tooBig = true
      else if (!news) news = this.isNew(clientId, clock, state)
      return !tooBig
    })
    if (tooBig) return CloseEvents.PresenceRefused
    // A stock client echoes every presence message it receives: an update with nothing newer
    // than what the room has changes nothing, so it is not parsed any further.
    if (!news) return null
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, session)
    // Counted after applying: a stock y-websocket client echoes every peer's presence back, but
    // an echo changes nothing, so only the ids this session really sets are its own.
    if (session.awarenessClientIds.size > this.maxIds) return CloseEvents.PresenceRefused
    return null
  }

  /** Applies presence relayed from another instance (never relayed again). */
  applyRelayed(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, RELAY_ORIGIN)
  }

  /** The presence of this instance's own sessions as one awareness update, or null if none. */
  localUpdate(): Uint8Array | null {
    const states = this.awareness.getStates()
    const ids: number[] = []
    for (const session of this.sessions) for (const id of session.awarenessClientIds) if (states.has(id)) ids.push(id)
    return ids.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids) : null
  }

  /** A session left: its presence goes with it. */
  remove(session: Session): void {
    if (session.awarenessClientIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, Array.from(session.awarenessClientIds), session)
    }
  }

  destroy(): void {
    this.awareness.off('update', this.onChange)
    this.awareness.destroy()
    this.awareness.doc.destroy()
  }

  /** Whether applying this entry would change the room's presence (awareness's own rule). */
  private isNew(clientId: number, clock: number, state: Uint8Array): boolean {
    const known = this.awareness.meta.get(clientId)
    if (known === undefined || clock > known.clock) return true
    return clock === known.clock && isNullState(state) && this.awareness.states.has(clientId)
  }

  private message(clientIds: number[]): Uint8Array {
    return encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clientIds))
  }

  private readonly onChange = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    const session = this.sessionOf(origin)
    if (session) {
      for (const id of added.concat(updated)) session.awarenessClientIds.add(id)
      for (const id of removed) session.awarenessClientIds.delete(id)
    }
    const local = origin !== RELAY_ORIGIN
    for (const ids of [added, updated, removed]) {
      for (const id of ids) {
        this.changed.add(id)
        if (local) this.toRelay.add(id)
      }
    }
    if (this.scheduled) return
    this.scheduled = true
    const wait = this.lastSentAt + this.gapMs - performance.now()
    if (wait <= 0) setImmediate(this.send)
    else setTimeout(this.send, wait)
  }

  private sessionOf(origin: unknown): Session | null {
    return origin instanceof Session && this.sessions.has(origin) ? origin : null
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
  private readonly send = (): void => {
    this.scheduled = false
    this.lastSentAt = performance.now()
    const changed = Array.from(this.changed)
    const toRelay = Array.from(this.toRelay)
    this.changed.clear()
    this.toRelay.clear()
    // Also after the room closed: the removal of the last people's presence must still reach
    // the other instances (a closed room's sessions are all closed, so none is sent here).
    if (changed.length === 0) return
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)
    const message = encodeAwarenessMessage(update)
    for (const s of this.sessions) if (s.state.name === 'open') s.socket.send(message)
    // Only changes made here go to the other instances (relayed ones came from there).
    if (toRelay.length > 0) this.onLocal(toRelay.length === changed.length ? update : awarenessProtocol.encodeAwarenessUpdate(this.awareness, toRelay))
  }
}
