/**
 * Session updates that build on what the doc does not have yet, waiting until it arrives; then
 * they are applied as the sender's write (checked by the guard, stored, broadcast, relayed).
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
import * as Y from 'yjs'
import { CloseEvents, type CloseEvent } from '../../shared/protocol.js'
import type { Session } from './Session.js'

/** Updates one session may have waiting for its own earlier clocks. */
const MAX_DEFERRED_UPDATES = 1000

/** A clock an update waits for: it can integrate once the doc has `client`'s clock `clock`. */
export type Wait = { client: number; clock: number }
/**
 * An update that can integrate whole; `repeats`: it also carries structs the doc already has,
 * which Yjs skips (what they hold was never checked against what the doc has: such an update is
 * not stored as it came).
 */
export type Ready = { ready: true; repeats: boolean }
type Deferred = { update: Uint8Array; waitsFor: Wait }

/** What the queue needs from its room. */
export type DependencyHost = {
  /** The doc updates integrate into (wakes a sleeping one). */
  doc(): Y.Doc
  /** Applies a session's write now (`repeats`: see {@link Ready}); a failure closes the session. */
  apply(session: Session, update: Uint8Array, repeats: boolean): CloseEvent | null
  /** Whether applying must wait (a rebuild is under way). */
  paused(): boolean
  /** Closes a session whose waiting update failed once applied. */
  fail(session: Session, event: CloseEvent): void
}

export const DEPENDS_ON_UNSENT: CloseEvent = {
  code: CloseEvents.InvalidUpdate.code,
  reason: `${CloseEvents.InvalidUpdate.reason}: it depends on updates never sent`,
}

export class DependencyQueue {
  private readonly deferred = new Map<Session, Deferred[]>()

  constructor(
    private readonly host: DependencyHost,
    /** Bytes one session may have waiting (SPEC L9), like what Yjs holds back. */
    private readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.deferred.size
  }

  forget(session: Session): void {
    this.deferred.delete(session)
  }

  /** Applies the update now, or queues it until what it builds on has arrived. */
  applyOrDefer(session: Session, update: Uint8Array): CloseEvent | null {
    const wait = missingDependency(this.host.doc(), update)
    if (wait === null) return CloseEvents.InvalidUpdate
    if (!('ready' in wait)) {
      const queue = this.deferred.get(session) ?? []
      // Bounded like what Yjs holds back (SPEC L9): a client cannot park memory here either.
      const bytes = queue.reduce((n, d) => n + d.update.byteLength, update.byteLength)
      if (queue.length >= MAX_DEFERRED_UPDATES || bytes > this.maxBytes) return DEPENDS_ON_UNSENT
      queue.push({ update, waitsFor: wait })
      this.deferred.set(session, queue)
      return null
    }
    const failure = this.host.apply(session, update, wait.repeats)
    if (failure) return failure
    this.applyReady()
    return null
  }

  /**
   * Applies every waiting update whose dependencies have arrived (after any change to the doc).
   * An update is looked at again only once the clock it waited for is there: a client that
   * parks many updates does not make every other write decode them all.
   */
  applyReady(): void {
    let progress = true
    while (progress && this.deferred.size > 0 && !this.host.paused()) {
      progress = false
      for (const [session, queue] of this.deferred) {
        const doc = this.host.doc()
        let repeats = true
        const next = queue.findIndex((d) => {
          if (Y.getState(doc.store, d.waitsFor.client) <= d.waitsFor.clock) return false
          const wait = missingDependency(doc, d.update)
          if (wait !== null && 'ready' in wait) {
            repeats = wait.repeats
            return true
          }
          if (wait !== null) d.waitsFor = wait
          return false
        })
        if (next === -1) continue
        const { update } = queue.splice(next, 1)[0]!
        if (queue.length === 0) this.deferred.delete(session)
        const failure = this.host.apply(session, update, repeats)
        if (failure) {
          this.deferred.delete(session)
          this.host.fail(session, failure)
          return
        }
        progress = true
      }
    }
  }
}

/**
 * What the update needs before it can integrate fully into `doc`, or {@link Ready} if nothing:
 * every client's structs must follow what the doc has, and everything they build on (left and
 * right neighbours, parent, deleted ranges) must be in the doc or in the update itself. Null if
 * it does not parse.
 */
export function missingDependency(doc: Y.Doc, update: Uint8Array): Wait | Ready | null {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch {
    return null
  }
  const store = doc.store
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
  let repeats = false
  for (const [client, ranges] of own) {
    const from = ranges[0]![0]
    const has = Y.getState(store, client)
    if (from > has) return { client, clock: from - 1 }
    if (from < has) repeats = true
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
  return { ready: true, repeats }
}
