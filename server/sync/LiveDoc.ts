/**
 * Owns a room's Y.Doc while it is awake and its encoded state while it sleeps (see `sleep`), and
 * when it was last used. Whoever reads `doc` wakes it.
 */
import * as Y from 'yjs'
import { META_MAP, RECORDS_MAP } from '../../shared/docLayout.js'
import type { TLSchema } from '@tldraw/tlschema'
import type { StoredDoc, TaggedSnapshot } from '../storage/Storage.js'
import { docSchemaTag } from './migrateDoc.js'
import { STORAGE_ORIGIN } from './origins.js'

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
 * Like mergeStoredDoc, for a compaction: the snapshot, tagged with the schema it holds when
 * that is `schema` (checked on the merged doc, so a migration written by any instance counts).
 */
export function mergeStoredDocTagged(stored: StoredDoc, schema: TLSchema): TaggedSnapshot {
  const doc = new Y.Doc()
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const u of stored.updates) Y.applyUpdate(doc, u)
  })
  const snapshot = tagged(doc, schema, Y.encodeStateAsUpdate(doc))
  doc.destroy()
  return snapshot
}

/** `state` (an encoding of `doc`) with the schema tag and state vector a stored snapshot keeps beside it. */
function tagged(doc: Y.Doc, schema: TLSchema, state: Uint8Array): TaggedSnapshot {
  return { state, schemaTag: docSchemaTag(doc, schema), stateVector: Y.encodeStateVector(doc) }
}

/** Applies a stored doc (snapshot, then logged updates) as one storage transaction. */
export function applyStored(doc: Y.Doc, stored: StoredDoc): void {
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot, STORAGE_ORIGIN)
    for (const u of stored.updates) Y.applyUpdate(doc, u, STORAGE_ORIGIN)
  }, STORAGE_ORIGIN)
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

/** What the live doc reports to its room. */
export type DocListeners = {
  onUpdate(update: Uint8Array, origin: unknown): void
  onAfterTransaction(transaction: Y.Transaction): void
}

/** A gauge of sleeping docs (metrics). */
export type AsleepGauge = { inc(): void; dec(): void }

/** A sleeping doc, kept as its encoded state. */
type Asleep = { state: Uint8Array; stateVector: Uint8Array }

export class LiveDoc {
  /** The live doc; null while asleep. */
  private live: Y.Doc | null
  private asleep: Asleep | null = null
  /** Last time the doc was written or read (ms since epoch). */
  private lastActive = Date.now()

  constructor(
    private readonly listeners: DocListeners,
    private readonly asleepGauge: AsleepGauge,
  ) {
    this.live = this.attach(new Y.Doc())
  }

  /** The Y.Doc; a sleeping doc wakes up (it is rebuilt from its encoded state). */
  get doc(): Y.Doc {
    this.lastActive = Date.now()
    if (this.live) return this.live
    const doc = new Y.Doc()
    Y.applyUpdate(doc, this.asleep!.state, STORAGE_ORIGIN)
    this.asleep = null
    this.live = this.attach(doc)
    this.asleepGauge.dec()
    return doc
  }

  get isAsleep(): boolean {
    return this.asleep !== null
  }

  /** The awake doc, without waking a sleeping one. */
  get awake(): Y.Doc | null {
    return this.live
  }

  idleFor(now: number): number {
    return now - this.lastActive
  }

  /**
   * Puts the doc to sleep: a Y.Doc costs ~100 KiB of heap for a 10-note board (every record, key
   * and value is an object), its encoded state a few KiB. The caller checks nothing is in flight;
   * here only what Yjs itself holds back keeps it awake.
   */
  sleep(): boolean {
    const doc = this.live
    if (doc === null || doc.store.pendingStructs !== null || doc.store.pendingDs !== null) return false
    this.asleep = { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) }
    this.detach(doc)
    doc.destroy()
    this.live = null
    this.asleepGauge.inc()
    return true
  }

  /**
   * Starts asleep on a stored state, without decoding it into a Y.Doc (a cold board whose
   * snapshot is at the current schema): the first sync answers come from these bytes. Refused
   * (false) unless the doc still holds nothing: before a load ends, an update relayed from
   * another instance may already be in it (subscribe, then load), and may be newer than the
   * stored state; dropping the doc would lose it here.
   */
  loadAsleep(state: Uint8Array, storedStateVector: Uint8Array | null): boolean {
    const live = this.live
    const store = live?.store
    if (!live || !store || store.clients.size > 0 || store.pendingStructs !== null || store.pendingDs !== null) return false
    // Reading a state vector out of an update walks all of it: it is stored beside the snapshot.
    const stateVector = storedStateVector ?? Y.encodeStateVectorFromUpdate(state)
    this.detach(live)
    live.destroy()
    this.live = null
    this.asleep = { state, stateVector }
    this.asleepGauge.inc()
    return true
  }

  /**
   * Applies an update a session sent. Yjs would encode again, for its `update` event, what the
   * update integrated; when it integrated all of it, that is the update as it came, which the
   * listeners get instead (that encoding was ≈ 11 % of the sync core's work on a move, issue 18).
   * Only when `asSent`: the caller knows the update carries no struct the doc already has (Yjs
   * skips those, so the guard never sees what they hold; stored and merged, they could take the
   * place of what the doc has). Otherwise, when Yjs held part of it back (it builds on what this
   * doc lacks), or held anything back before (it may integrate with this update), they get what
   * the transaction integrated, encoded by Yjs or without what Yjs still holds back (not yet
   * through the guard, SPEC S6). Nothing when the update changed nothing.
   */
  applyFromSession(update: Uint8Array, origin: unknown, asSent: boolean): void {
    const doc = this.doc
    const store = doc.store
    if (!asSent || store.pendingStructs !== null || store.pendingDs !== null) {
      Y.applyUpdate(doc, update, origin)
      return
    }
    const applied: { transaction: Y.Transaction | null } = { transaction: null }
    const onApplied = (transaction: Y.Transaction) => {
      if (transaction.origin === origin) applied.transaction = transaction
    }
    doc.off('update', this.onUpdate)
    doc.on('afterTransaction', onApplied)
    try {
      Y.applyUpdate(doc, update, origin)
    } finally {
      doc.off('afterTransaction', onApplied)
      doc.on('update', this.onUpdate)
    }
    const { transaction } = applied
    if (transaction === null || !changedDoc(transaction)) return
    const whole = store.pendingStructs === null && store.pendingDs === null
    // A copy: the update is a view into the frame it came in.
    this.onUpdate(whole ? update.slice() : encodeIntegratedState(doc, Y.encodeStateVector(transaction.beforeState)), origin)
  }

  /** Puts a rebuilt doc in place of the live one (the old one is dropped, not destroyed). */
  replace(fresh: Y.Doc): void {
    if (this.live) this.detach(this.live)
    this.live = this.attach(fresh)
  }

  /**
   * The awake doc as a compaction's snapshot: what it integrated (never what Yjs holds back),
   * its schema tag and state vector; null while it sleeps (a compaction then rebuilds).
   */
  taggedState(schema: TLSchema): TaggedSnapshot | null {
    if (!this.live) return null
    return tagged(this.live, schema, encodeIntegratedState(this.live))
  }

  /** The doc's state as one update (from the encoded state of a sleeping doc, without waking it). */
  encodeState(): Uint8Array {
    return this.asleep ? this.asleep.state : Y.encodeStateAsUpdate(this.doc)
  }

  /** What a client that has `stateVector` lacks, without what Yjs holds pending. */
  encodeStateFor(stateVector: Uint8Array): Uint8Array {
    if (!this.asleep) return encodeIntegratedState(this.doc, stateVector)
    // A client with nothing (every first join) gets the encoded state as it is.
    return Y.decodeStateVector(stateVector).size === 0 ? this.asleep.state : Y.diffUpdate(this.asleep.state, stateVector)
  }

  stateVector(): Uint8Array {
    return this.asleep ? this.asleep.stateVector : Y.encodeStateVector(this.doc)
  }

  destroy(): void {
    this.live?.destroy()
    if (this.asleep) this.asleepGauge.dec()
    this.asleep = null
  }

  private attach(doc: Y.Doc): Y.Doc {
    // Type the roots before any session writes: a root first created by a remote update is a
    // generic type, which the guard would take for a layout violation (a fresh doc after a
    // rebuild would then refuse the next valid write).
    doc.getMap(RECORDS_MAP)
    doc.getMap(META_MAP)
    doc.on('update', this.onUpdate)
    doc.on('afterTransaction', this.listeners.onAfterTransaction)
    return doc
  }

  private detach(doc: Y.Doc): void {
    doc.off('update', this.onUpdate)
    doc.off('afterTransaction', this.listeners.onAfterTransaction)
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    this.lastActive = Date.now()
    this.listeners.onUpdate(update, origin)
  }
}

/** Whether a transaction changed the doc (Yjs's own test before it emits `update`). */
function changedDoc(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true
  for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true
  return false
}
