/**
 * Checks every session write as it is applied (SPEC S6 schema guard, L8 held-back bytes, board
 * size) and undoes a rejected one: the doc is rebuilt from storage plus the other sessions'
 * still-pending updates. Owns the session being checked, its rejection, the board's
 * approximate size, and the frames and relayed updates that wait while a rebuild runs.
 */
import type { TLSchema } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { RECORDS_MAP, type JsonRecord } from '../../shared/docLayout.js'
import { CloseEvents, type CloseEvent } from '../../shared/protocol.js'
import type { DocKind } from '../../shared/roles.js'
import type { Logger } from '../logger.js'
import type { Storage, StoredDoc } from '../storage/Storage.js'
import { DEPENDS_ON_UNSENT } from './DependencyQueue.js'
import { checkTransaction, type RecordEntries } from './docGuard.js'
import { applyStored, type LiveDoc } from './LiveDoc.js'
import { STORAGE_ORIGIN } from './origins.js'
import type { Session } from './Session.js'
import type { UpdateLog } from './UpdateLog.js'

const WRITABLE_ROOTS: Record<DocKind, ReadonlySet<string>> = {
  board: new Set([RECORDS_MAP]),
  control: new Set([RECORDS_MAP, 'state']),
  private: new Set([RECORDS_MAP, 'votes', 'profile']),
  facilitator: new Set([RECORDS_MAP, 'state']),
}

export type WriteGuardDeps = {
  docKey: string
  kind: DocKind
  storage: Storage
  schema: TLSchema
  logger: Logger
  maxMessageBytes: number
  maxBoardBytes: number
}

/** A frame that arrived during a rebuild. */
export type HeldFrame = { session: Session; data: Uint8Array }

/** Called once a rebuild is done, with what waited for it, in arrival order. */
export type OnRebuilt = (relayed: Uint8Array[], frames: HeldFrame[]) => void

export class WriteGuard {
  private guarded: Session | null = null
  private rejection: string | null = null
  private approxBytes = 0
  /** While a rejected write is being rolled back, incoming frames wait here. */
  private held: HeldFrame[] | null = null
  private relayHeld: Uint8Array[] = []
  /** Records as last accepted, per record map (a rebuilt doc has new maps: nothing stale). */
  private readonly validated = new WeakMap<Y.Map<unknown>, JsonRecord>()
  /** Their entries as last accepted (a write re-reads only what it changed). */
  private readonly entries = new WeakMap<Y.Map<unknown>, RecordEntries>()

  constructor(
    private readonly deps: WriteGuardDeps,
    private readonly live: LiveDoc,
    private readonly log: UpdateLog,
    private readonly isClosed: () => boolean,
    private readonly onRebuilt: OnRebuilt,
  ) {}

  /** After loading: the stored size, an upper bound of the encoded size. */
  loaded(storedBytes: number): void {
    this.approxBytes = storedBytes
  }

  /** Whether a rebuild is under way (frames and relayed updates wait). */
  get rebuilding(): boolean {
    return this.held !== null
  }

  /** Keeps a frame for after the rebuild; false if none is under way. */
  holdFrame(session: Session, data: Uint8Array): boolean {
    if (!this.held) return false
    this.held.push({ session, data })
    return true
  }

  /** Keeps a relayed update for the rebuilt doc; false if no rebuild is under way. */
  holdRelayed(update: Uint8Array): boolean {
    if (!this.held) return false
    this.relayHeld.push(update)
    return true
  }

  /** The doc's afterTransaction listener: checks the guarded session's transactions. */
  readonly check = (transaction: Y.Transaction): void => {
    if (this.guarded === null || transaction.origin !== this.guarded) return
    const result = checkTransaction(transaction, this.deps.schema, { writableRoots: WRITABLE_ROOTS[this.deps.kind], validated: this.validated, entries: this.entries })
    if (!result.ok) this.rejection = result.error
  }

  /**
   * Applies a session's write; a rejected one is rolled back and named for closing the session.
   * `repeats`: the update also carries structs the doc already has (see DependencyQueue's Ready).
   */
  apply(session: Session, update: Uint8Array, repeats: boolean): CloseEvent | null {
    const doc = this.live.doc
    const pendingBefore = this.log.pendingCount
    const heldBackBefore = heldBackBytes(doc)
    this.guarded = session
    this.rejection = null
    try {
      this.live.applyFromSession(update, session, !repeats)
    } catch {
      this.rollBack(session, pendingBefore)
      return CloseEvents.InvalidUpdate
    } finally {
      this.guarded = null
    }
    if (this.rejection !== null) {
      this.deps.logger.warn({ docKey: this.deps.docKey, session: session.id, why: this.rejection }, 'schema guard rejected a write')
      this.rollBack(session, pendingBefore)
      return { code: CloseEvents.SchemaRejected.code, reason: `${CloseEvents.SchemaRejected.reason}: ${this.rejection}`.slice(0, 120) }
    }
    // A safety net: the dependency queue keeps session updates out of what Yjs holds back, which
    // only relayed updates that arrived out of order should ever fill.
    const heldBack = heldBackBytes(doc)
    if (heldBack > heldBackBefore && heldBack > this.deps.maxMessageBytes) {
      this.rollBack(session, pendingBefore)
      return DEPENDS_ON_UNSENT
    }
    if (this.sizeExceeded(doc, update.byteLength)) {
      this.rollBack(session, pendingBefore)
      return CloseEvents.BoardFull
    }
    return null
  }

  /**
   * Board size limit. `approxBytes` is an upper bound (stored size plus every update since);
   * the doc is only encoded when that bound passes the limit.
   */
  private sizeExceeded(doc: Y.Doc, updateBytes: number): boolean {
    const limit = this.deps.maxBoardBytes
    this.approxBytes += updateBytes
    if (this.approxBytes <= limit) return false
    this.approxBytes = Y.encodeStateAsUpdate(doc).byteLength
    return this.approxBytes > limit
  }

  /**
   * Undoes what a session's rejected update did to the in-memory doc: the doc is rebuilt from
   * storage plus the still-pending updates of other sessions. Frames wait meanwhile.
   */
  private rollBack(session: Session, pendingBefore: number): void {
    this.log.dropFrom(pendingBefore, session)
    this.held = []
    this.log.enqueue(() => this.rebuild())
  }

  private async rebuild(): Promise<void> {
    let stored: StoredDoc | null = null
    while (stored === null) {
      try {
        stored = await this.deps.storage.loadDoc(this.deps.docKey)
      } catch (error) {
        // Frames keep waiting (nothing is dropped) until storage answers or the room closes.
        this.deps.logger.error({ docKey: this.deps.docKey, err: String(error) }, 'reload after a rejected write failed; retrying')
        if (this.isClosed()) return
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
    }
    const fresh = new Y.Doc()
    applyStored(fresh, stored)
    fresh.transact(() => {
      for (const p of this.log.pendingUpdates()) Y.applyUpdate(fresh, p.update, STORAGE_ORIGIN)
    }, STORAGE_ORIGIN)
    // The old doc is dropped, not destroyed (its listeners are taken off).
    this.live.replace(fresh)
    this.approxBytes = Y.encodeStateAsUpdate(fresh).byteLength
    const held = this.held ?? []
    this.held = null
    this.onRebuilt(this.relayHeld.splice(0), held)
  }
}

/**
 * Bytes Yjs holds back because they build on updates this doc has not seen (SPEC L8). Some is
 * normal (a client may send an edit just before the step 2 it builds on); without a bound a
 * client could grow server memory with updates that never apply, since they are neither
 * stored nor counted in the board size. A rebuild after rejection drops them.
 */
function heldBackBytes(doc: Y.Doc): number {
  const store = doc.store
  return (store.pendingStructs?.update.byteLength ?? 0) + (store.pendingDs?.byteLength ?? 0)
}
