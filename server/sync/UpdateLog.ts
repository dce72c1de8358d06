/**
 * A room's write path to storage (SPEC D1–D4): updates from sessions wait in a batch; once per
 * event-loop turn the batch is appended to storage in one transaction, and only then handed on
 * to be broadcast. Sync step 2 answers are prepared together with the batch they follow, so
 * nothing is sent that is not stored. Owns the batch, the prepared replies, the chain of
 * storage tasks, compaction, and whether storage is failing (told to status subscribers).
 */
import type { TLSchema } from '@tldraw/tlschema'
import type { Logger } from '../logger.js'
import type { Metrics } from '../metrics.js'
import type { Storage, TaggedSnapshot } from '../storage/Storage.js'
import * as Y from 'yjs'
import { mergeStoredDocTagged } from './LiveDoc.js'
import { encodeBoardStatus } from './messages.js'
import type { Session } from './Session.js'

/** An update waiting to be stored, and who wrote it (a Session, or a server origin). */
export type Pending = { readonly update: Uint8Array; readonly origin: unknown }
/** A message for one session, prepared once the batch before it is stored. */
export type Reply = { session: Session; message: Uint8Array }

export type UpdateLogDeps = {
  storage: Storage
  logger: Logger
  metrics: Metrics
  /** Compact after this many logged updates. */
  compactAfter: number
  /** The board schema, whose tag a compaction stores beside a snapshot that holds it. */
  schema: TLSchema
  /** Shortest time between two flushes (default FLUSH_GAP_MS). */
  flushGapMs?: number
  /**
   * The doc in memory, encoded with its schema tag and state vector; null when it may differ
   * from what this log stored (a rejected write being rolled back, a sleeping doc). Only given
   * when this instance is the doc's only writer (no relay): see `compact`.
   */
  liveState?: () => TaggedSnapshot | null
}

/**
 * Shortest time between two flushes of a room. An update on a quiet board is stored and sent
 * in the next event-loop turn; on a busy board the updates of half a display frame (8 ms) are
 * stored in one transaction and sent as one merged frame per session, so a board with many
 * people moving notes costs a fraction of the storage commits, socket writes and echoes of
 * one flush per update (issue 18; docs/DECISIONS.md: 16 ms gave the same CPU, a worse p99).
 */
export const FLUSH_GAP_MS = 8

/**
 * Called with each stored batch, merged into one update, and the one writer of the whole batch
 * if there is only one (it does not need its own update back).
 */
export type OnStored = (update: Uint8Array, onlyWriter: unknown) => void

export class UpdateLog {
  private pending: Pending[] = []
  private replies: Array<() => Reply | null> = []
  private flushScheduled = false
  /** When the last flush was started (performance.now()). */
  private lastFlushAt = -Infinity
  private chain: Promise<void> = Promise.resolve()
  private updatesSinceCompaction = 0
  /** False once storage was seen holding a row this log did not write: compactions then rebuild. */
  private memoryTrusted = true
  private failing = false
  /** Sessions that asked for board status messages (never stock clients). */
  private readonly statusSubscribers = new Set<Session>()

  constructor(
    private readonly docKey: string,
    private readonly deps: UpdateLogDeps,
    private readonly onStored: OnStored,
  ) {}

  /** After loading: how many updates the stored log already holds. */
  loaded(storedUpdates: number): void {
    this.updatesSinceCompaction = storedUpdates
  }

  append(update: Uint8Array, origin: unknown): void {
    this.pending.push({ update, origin })
    this.scheduleFlush()
  }

  /** Queues a reply to send once everything received before it is stored. */
  reply(prepare: () => Reply | null): void {
    this.replies.push(prepare)
    this.scheduleFlush()
  }

  /** Number of updates waiting to be stored. */
  get pendingCount(): number {
    return this.pending.length
  }

  /** The updates waiting to be stored, oldest first. */
  pendingUpdates(): readonly Pending[] {
    return this.pending
  }

  /** Drops, from position `from` on, the updates written by `origin` (a rejected write). */
  dropFrom(from: number, origin: unknown): void {
    const kept = this.pending.splice(from).filter((p) => p.origin !== origin)
    this.pending.push(...kept)
  }

  /** Runs `task` after every storage task queued so far. */
  enqueue(task: () => Promise<void>): void {
    this.chain = this.chain.then(task)
  }

  /** Whether anything waits to be stored or sent. */
  get busy(): boolean {
    return this.pending.length > 0 || this.replies.length > 0 || this.flushScheduled
  }

  get storageFailing(): boolean {
    return this.failing
  }

  subscribeStatus(session: Session): void {
    this.statusSubscribers.add(session)
    session.socket.send(encodeBoardStatus(this.failing))
  }

  forget(session: Session): void {
    this.statusSubscribers.delete(session)
  }

  /** Resolves when everything received so far is stored. */
  async flushed(): Promise<void> {
    if (this.pending.length > 0 || this.replies.length > 0) this.enqueue(() => this.flush())
    await this.chain
  }

  /** Final flush and compaction. */
  async close(): Promise<void> {
    await this.flushed()
    if (this.updatesSinceCompaction > 0 && !this.failing) await this.compact()
  }

  /**
   * Merges the update log into one snapshot (SPEC D3). When storage holds exactly the updates
   * this log loaded and appended (counted, so a row written by anything else is noticed, and
   * from then on every compaction of this room rebuilds) and the doc in memory is given, the
   * snapshot is that doc encoded: it holds everything stored (plus, at most, accepted writes
   * still waiting for the next flush, which that flush stores again; applying them twice
   * changes nothing). Otherwise a doc is rebuilt from the stored snapshot and log. Either way
   * the event loop, every room of the process, waits: 56-80 ms from memory against 494-630 ms
   * rebuilt for a 5,000-note board, 18-23 against 57-117 ms for 1,000 notes (bench/compaction.ts).
   */
  async compact(): Promise<void> {
    try {
      let from = null as 'memory' | 'storage' | null
      await this.deps.storage.compact(this.docKey, (stored) => {
        if (this.deps.liveState && this.memoryTrusted && stored.updates.length !== this.updatesSinceCompaction) {
          // Rows this log did not write: memory lacks them, and lacks them in every later snapshot.
          this.memoryTrusted = false
          this.deps.logger.warn({ docKey: this.docKey }, 'storage holds updates this instance did not write (another instance without a relay?); compacting from storage')
        }
        const live = this.memoryTrusted ? (this.deps.liveState?.() ?? null) : null
        from = live ? 'memory' : 'storage'
        return live ?? mergeStoredDocTagged(stored, this.deps.schema)
      })
      this.updatesSinceCompaction = 0
      if (from) this.deps.metrics.compactions.inc({ from })
    } catch (error) {
      this.deps.logger.error({ docKey: this.docKey, err: String(error) }, 'compaction failed')
    }
  }

  /** Flushes in the next turn, or once FLUSH_GAP_MS passed since the last flush. */
  private scheduleFlush(): void {
    if (this.flushScheduled) return
    this.flushScheduled = true
    const wait = this.lastFlushAt + (this.deps.flushGapMs ?? FLUSH_GAP_MS) - performance.now()
    if (wait <= 0) setImmediate(this.startFlush)
    else setTimeout(this.startFlush, wait)
  }

  private readonly startFlush = (): void => {
    this.flushScheduled = false
    this.lastFlushAt = performance.now()
    this.enqueue(() => this.flush())
  }

  /** Persists everything pending, then hands it on to be broadcast and sends the prepared replies. */
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
        if (this.failing) this.setFailing(false)
      } catch (error) {
        // SPEC D4: nothing unstored is acknowledged. Keep the batch and retry.
        if (!this.failing) this.setFailing(true, error)
        this.deps.metrics.persistFailures.inc()
        this.pending.unshift(...batch)
        this.replies.unshift(...replies.map((r) => () => r))
        setTimeout(() => this.scheduleFlush(), 500).unref()
        return
      }
      this.deps.metrics.persistSeconds.observe((performance.now() - started) / 1000)
      this.updatesSinceCompaction += batch.length
      this.handOn(batch)
    }
    for (const reply of replies) if (reply) reply.session.socket.send(reply.message)
    if (this.updatesSinceCompaction >= this.deps.compactAfter) await this.compact()
  }

  /**
   * A batch of several updates (a busy board: every update received in one event-loop turn)
   * goes on as one merged update, one frame per session instead of one per update and session.
   */
  private handOn(batch: Pending[]): void {
    const origins = new Set(batch.map((p) => p.origin))
    const only = origins.size === 1 ? batch[0]!.origin : undefined
    const update = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((p) => p.update))
    this.onStored(update, only)
  }

  /** Tells subscribed sessions whether the board is being saved (SPEC D4). */
  private setFailing(failing: boolean, error?: unknown): void {
    this.failing = failing
    if (failing) this.deps.logger.error({ docKey: this.docKey, err: String(error) }, 'storage write failed: not saving, retrying')
    else this.deps.logger.info({ docKey: this.docKey }, 'storage recovered')
    if (this.statusSubscribers.size === 0) return
    const message = encodeBoardStatus(failing)
    for (const s of this.statusSubscribers) if (s.state.name === 'open') s.socket.send(message)
  }
}
