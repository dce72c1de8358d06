/**
 * The binding between a tldraw store and the Y.Docs of one board (docs/PROTOCOL.md, SPEC S1–S5).
 *
 * One store is fed by several docs: the board doc (notes, drawings), the facilitator-owned
 * control doc (template shapes) and, later, a participant's private doc. Each record lives in
 * exactly one doc (its "home"); a local change is written to the record's home when the role
 * may write that doc, and otherwise reverted from the doc, so the store never drifts from what
 * the server will accept. New records go to the board doc unless told otherwise.
 *
 * No DOM: this module runs in Node tests with a plain `Store` and in the browser with tldraw's.
 */
import type { TLRecord, TLStore } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { compareSchema, validateRecord, validateTLRecord } from '../../shared/boardSchema.js'
import {
  changedRecordIds,
  decodeRecordMap,
  getMetaMap,
  getRecordsMap,
  jsonEqual,
  META_SCHEMA_KEY,
  writeRecord,
} from '../../shared/docLayout.js'
import { err, ok, type Result } from '../../shared/result.js'
import type { DocKind } from '../../shared/roles.js'
import { jsonOf } from './jsonRecord'

export type BindingDocs = { board: Y.Doc; control?: Y.Doc; private?: Y.Doc }

export type SchemaMismatch = 'newer' | 'older'

export type BindingOptions = {
  canWriteBoard: boolean
  canWriteControl: boolean
  /** Issue 4: a participant writes their own private doc. */
  canWritePrivate?: boolean
  /** A remote record failed validation and was kept out of the store. */
  onInvalidRecord?: (id: string, error: string) => void
  /** A doc was written with another tldraw schema: the binding is now read-only; ask for a reload. */
  onSchemaMismatch?: (kind: SchemaMismatch) => void
}

type DocSlot = {
  kind: DocKind
  doc: Y.Doc
  records: Y.Map<Y.Map<unknown>>
  meta: Y.Map<unknown>
  canWrite: boolean
  unobserve: () => void
}

/**
 * Where a record id is looked up first when it appears in several docs: template shapes
 * (control) win over everything, a private draft over the shared board.
 */
const HOME_PRECEDENCE: readonly DocKind[] = ['control', 'private', 'board']

/**
 * Records the store's integrity checker recreates when they are missing: reverting their
 * creation would loop, so a read-only client keeps them locally and never writes them.
 */
const LOCAL_ONLY_WHEN_MISSING: ReadonlySet<string> = new Set(['document', 'page'])

type DocWrites = { put: TLRecord[]; remove: string[] }
type StoreListener = Parameters<TLStore['listen']>[0]

export class StoreYjsBinding {
  private readonly slots: DocSlot[] = []
  private readonly unlisten: () => void
  private mismatch: SchemaMismatch | null = null
  private newRecordsHome: DocKind = 'board'
  private disposed = false

  constructor(
    private readonly store: TLStore,
    docs: BindingDocs,
    private readonly options: BindingOptions,
  ) {
    this.addSlot('board', docs.board, options.canWriteBoard)
    if (docs.control) this.addSlot('control', docs.control, options.canWriteControl)
    if (docs.private) this.addSlot('private', docs.private, options.canWritePrivate ?? false)
    this.checkSchema()
    this.loadAll()
    this.unlisten = store.listen(this.onStoreChange, { source: 'user', scope: 'document' })
  }

  /** Stops syncing; the store and the docs are left as they are. */
  dispose(): void {
    if (this.disposed) return
    this.disposed = true
    this.unlisten()
    for (const slot of this.slots) slot.unobserve()
  }

  /** True when no local change can be written (read-only role or schema mismatch). */
  get isReadOnly(): boolean {
    return this.slots.every((slot) => !this.canWrite(slot))
  }

  get schemaMismatch(): SchemaMismatch | null {
    return this.mismatch
  }

  /** Which doc new records go to (the board doc by default; issue 4's private mode switches it). */
  setNewRecordsHome(kind: DocKind): void {
    this.newRecordsHome = kind
  }

  /**
   * Binds a participant's private doc after construction (issue 4: it connects later than the
   * board). Its records join the store; the returned function unbinds it and removes them.
   */
  attachPrivateDoc(doc: Y.Doc, canWrite: boolean): () => void {
    if (this.slotOfKind('private')) throw new Error('a private doc is already bound')
    this.addSlot('private', doc, canWrite)
    this.checkSchema()
    this.applyFromDocs(getRecordsMap(doc).keys())
    return () => {
      const index = this.slots.findIndex((slot) => slot.doc === doc)
      const slot = this.slots[index]
      if (!slot) return
      if (this.newRecordsHome === 'private') this.newRecordsHome = 'board'
      // dispose() has already let go of every slot (the page unmounting, parent first).
      if (!this.disposed) slot.unobserve()
      this.slots.splice(index, 1)
      if (!this.disposed) this.applyFromDocs(Array.from(slot.records.keys()))
    }
  }

  /** True when the record lives in the private doc (it must never leave this browser). */
  readonly isPrivateRecord = (id: string): boolean => this.homeOf(id)?.kind === 'private'

  /**
   * Writes records into one doc explicitly (the facilitator adding an activity's template
   * shapes to the control doc) and puts them into the store. Every record is validated first;
   * nothing is written unless all are valid and the doc is writable.
   */
  writeRecordsTo(kind: DocKind, records: readonly TLRecord[]): Result<void> {
    const slot = this.slotOfKind(kind)
    if (!slot) return err(`no ${kind} doc is bound`)
    if (!this.canWrite(slot)) return err(`this link cannot write the ${kind} doc`)
    for (const record of records) {
      const valid = validateRecord(this.store.schema, record)
      if (!valid.ok) return err(`record ${record.id}: ${valid.error}`)
    }
    slot.doc.transact(() => {
      for (const record of records) writeRecord(slot.records, jsonOf(record))
    }, this)
    this.store.mergeRemoteChanges(() => this.store.put([...records]))
    return ok(undefined)
  }

  /** Shorthand for {@link writeRecordsTo} the control doc. */
  writeToControl(records: readonly TLRecord[]): Result<void> {
    return this.writeRecordsTo('control', records)
  }

  private addSlot(kind: DocKind, doc: Y.Doc, canWrite: boolean): void {
    const records = getRecordsMap(doc)
    const meta = getMetaMap(doc)
    const onRecords = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction) => {
      if (transaction.origin === this) return
      this.applyFromDocs(changedRecordIds(events))
    }
    const onMeta = () => this.checkSchema()
    records.observeDeep(onRecords)
    meta.observe(onMeta)
    this.slots.push({
      kind,
      doc,
      records,
      meta,
      canWrite,
      unobserve: () => {
        records.unobserveDeep(onRecords)
        meta.unobserve(onMeta)
      },
    })
  }

  private canWrite(slot: DocSlot): boolean {
    return slot.canWrite && this.mismatch === null
  }

  private slotOfKind(kind: DocKind): DocSlot | undefined {
    return this.slots.find((slot) => slot.kind === kind)
  }

  /** The doc a record lives in, or undefined when no doc has it. */
  private homeOf(id: string): DocSlot | undefined {
    for (const kind of HOME_PRECEDENCE) {
      const slot = this.slotOfKind(kind)
      if (slot?.records.has(id)) return slot
    }
    return undefined
  }

  /** Compares every doc's stored schema with the store's; a mismatch makes the binding read-only. */
  private checkSchema(): void {
    if (this.mismatch) return
    for (const slot of this.slots) {
      const compatibility = compareSchema(this.store.schema, slot.meta.get(META_SCHEMA_KEY))
      if (compatibility === 'newer' || compatibility === 'older') {
        this.mismatch = compatibility
        this.options.onSchemaMismatch?.(compatibility)
        return
      }
    }
  }

  /** The validated record a doc holds for an id: `null` when no doc has it, an error when invalid. */
  private readFromDocs(id: string): Result<TLRecord | null> {
    const home = this.homeOf(id)
    if (!home) return ok(null)
    const map = home.records.get(id)
    const record = map instanceof Y.Map ? decodeRecordMap(map) : null
    if (!record) return err('not a record map')
    if (record.id !== id) return err(`stored under the wrong id ${record.id}`)
    return validateTLRecord(this.store.schema, record)
  }

  /** Initial load: the store's document records become exactly the docs' (valid) records. */
  private loadAll(): void {
    const ids = new Set<string>()
    for (const slot of this.slots) for (const id of slot.records.keys()) ids.add(id)
    for (const record of this.store.allRecords()) {
      if (this.store.scopedTypes.document.has(record.typeName)) ids.add(record.id)
    }
    this.applyFromDocs(ids)
  }

  /**
   * Brings the store's copy of each id in line with the docs, in one remote merge. Invalid
   * records are reported and skipped (the store keeps what it had).
   */
  private applyFromDocs(ids: Iterable<string>): void {
    const put: TLRecord[] = []
    const remove: TLRecord['id'][] = []
    for (const id of ids) {
      const current = this.store.get(id as TLRecord['id'])
      const result = this.readFromDocs(id)
      if (!result.ok) {
        this.options.onInvalidRecord?.(id, result.error)
        continue
      }
      if (result.value === null) {
        if (current) remove.push(current.id)
      } else if (!current || !jsonEqual(current, result.value)) put.push(result.value)
    }
    if (put.length === 0 && remove.length === 0) return
    this.store.mergeRemoteChanges(() => {
      if (remove.length > 0) this.store.remove(remove)
      if (put.length > 0) this.store.put(put)
    })
  }

  /** Local (user) changes of document records: write each to its home doc, or revert it. */
  private readonly onStoreChange: StoreListener = ({ changes }) => {
    const writes = new Map<DocSlot, DocWrites>()
    const reverts: string[] = []
    const writesFor = (slot: DocSlot): DocWrites => {
      let entry = writes.get(slot)
      if (!entry) writes.set(slot, (entry = { put: [], remove: [] }))
      return entry
    }
    const target = (id: string) => this.homeOf(id) ?? this.slotOfKind(this.newRecordsHome)
    const upsert = (record: TLRecord) => {
      const slot = target(record.id)
      if (slot && this.canWrite(slot)) writesFor(slot).put.push(record)
      else if (this.homeOf(record.id) || !LOCAL_ONLY_WHEN_MISSING.has(record.typeName)) reverts.push(record.id)
    }
    for (const record of Object.values(changes.added)) upsert(record)
    for (const [, record] of Object.values(changes.updated)) upsert(record)
    for (const record of Object.values(changes.removed)) {
      const slot = this.homeOf(record.id)
      if (!slot) continue
      if (this.canWrite(slot)) writesFor(slot).remove.push(record.id)
      else reverts.push(record.id)
    }
    for (const [slot, { put, remove }] of writes) {
      slot.doc.transact(() => {
        for (const id of remove) slot.records.delete(id)
        for (const record of put) writeRecord(slot.records, jsonOf(record))
      }, this)
    }
    if (reverts.length > 0) this.applyFromDocs(reverts)
  }
}
