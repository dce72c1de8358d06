/**
 * Server-side schema guard (SPEC S6): after a client's transaction is applied, every record it
 * touched must still be a valid tldraw record in the doc layout, and nothing may be written
 * outside the layout. A rejected transaction is never persisted nor broadcast.
 */
import type { TLSchema } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { validateRecord } from '../../shared/boardSchema.js'
import { decodeRecordEntries, PROPS_KEY, RECORDS_MAP, type JsonRecord } from '../../shared/docLayout.js'
import { err, ok, type Result } from '../../shared/result.js'

/**
 * Root types a client may write in each doc kind. `meta` is written by the server only.
 * `validated`: the last accepted value of each record map, so that a write (a note moved)
 * checks only the fields it changed against it (see validateRecord).
 */
export type GuardOptions = {
  writableRoots: ReadonlySet<string>
  validated?: WeakMap<Y.Map<unknown>, JsonRecord>
  /** The entries of each record map as last accepted, so that a write re-reads only what it changed. */
  entries?: WeakMap<Y.Map<unknown>, RecordEntries>
}

/** A record map's entries (its props map's too), as decodeRecordEntries takes them. */
export type RecordEntries = { fields: Map<string, unknown>; props: Map<string, unknown> | null; propsMap: Y.Map<unknown> | null }

/** What a transaction changed in one record: its own keys and its props' keys ('all': re-read it whole). */
type RecordChange = { keys: Set<string>; props: Set<string>; all: boolean }

/** A shared type as Yjs lists it among a transaction's changes. */
type SharedType = Y.Transaction['changed'] extends Map<infer K, unknown> ? K : never

function rootAndPath(type: SharedType): { root: string | null; path: string[] } {
  const path: string[] = []
  let current: SharedType = type
  while (current._item) {
    const item: Y.Item = current._item
    if (item.parentSub !== null) path.unshift(item.parentSub)
    current = item.parent as SharedType
  }
  const doc = current.doc
  if (!doc) return { root: null, path }
  for (const [name, shared] of doc.share) if (shared === current) return { root: name, path }
  return { root: null, path }
}

/** A value a record field may hold: plain JSON, never a shared type, subdoc or binary. */
function isPlainValue(value: unknown): boolean {
  return !(value instanceof Y.AbstractType || value instanceof Y.Doc || value instanceof Uint8Array)
}

/** The layout of one record map: plain fields, and props (if any) as a nested map of plain values. */
function layoutError(id: string, map: Y.Map<unknown>): string | null {
  for (const [key, value] of map.entries()) {
    if (key === PROPS_KEY) {
      if (!(value instanceof Y.Map)) return `record ${id}: props must be a nested map`
      for (const [prop, propValue] of (value as Y.Map<unknown>).entries()) {
        if (!isPlainValue(propValue)) return `record ${id}: prop ${prop} is not a plain value`
      }
    } else if (!isPlainValue(value)) return `record ${id}: field ${key} is not a plain value`
  }
  return null
}

/** Every entry of a record map, checked against the layout (plain fields, props a map of plain values). */
function readEntries(id: string, map: Y.Map<unknown>): RecordEntries | string {
  const layout = layoutError(id, map)
  if (layout) return layout
  const fields = new Map<string, unknown>()
  let propsMap: Y.Map<unknown> | null = null
  for (const [key, value] of map.entries()) {
    if (key === PROPS_KEY) propsMap = value as Y.Map<unknown>
    else fields.set(key, value)
  }
  return { fields, props: propsMap ? new Map(propsMap.entries()) : null, propsMap }
}

/**
 * The entries as last accepted, updated with what the transaction changed (each changed value
 * checked against the layout); null when the record must be read whole (first write, props
 * replaced, anything deeper).
 */
function patchEntries(id: string, map: Y.Map<unknown>, known: RecordEntries | undefined, change: RecordChange): RecordEntries | string | null {
  if (!known || change.all || change.keys.has(PROPS_KEY)) return null
  if (change.props.size > 0 && (known.propsMap === null || map.get(PROPS_KEY) !== known.propsMap)) return null
  const fields = new Map(known.fields)
  for (const key of change.keys) {
    const value = map.get(key)
    if (value === undefined) fields.delete(key)
    else if (!isPlainValue(value)) return `record ${id}: field ${key} is not a plain value`
    else fields.set(key, value)
  }
  let props = known.props
  if (change.props.size > 0) {
    props = new Map(known.props)
    for (const key of change.props) {
      const value = known.propsMap!.get(key)
      if (value === undefined) props.delete(key)
      else if (!isPlainValue(value)) return `record ${id}: prop ${key} is not a plain value`
      else props.set(key, value)
    }
  }
  return { fields, props, propsMap: known.propsMap }
}

/** The records a transaction touched, and what it changed in each. */
function changedRecords(transaction: Y.Transaction, writableRoots: ReadonlySet<string>): Map<string, RecordChange> | string {
  const touched = new Map<string, RecordChange>()
  const changeOf = (id: string) => {
    let c = touched.get(id)
    if (!c) touched.set(id, (c = { keys: new Set(), props: new Set(), all: false }))
    return c
  }
  for (const [type, keys] of transaction.changed) {
    const { root, path } = rootAndPath(type)
    if (root === null || !writableRoots.has(root)) return `write outside the board layout (root ${String(root)})`
    if (root !== RECORDS_MAP) continue
    // List content in a map is invisible to the codec: hidden bytes, never part of the layout.
    if (keys.has(null)) return 'records hold keyed values only (list content is not part of the layout)'
    if (path.length === 0) {
      if (!(type instanceof Y.Map)) return 'records root is not a map'
      for (const key of keys) if (key !== null) changeOf(key).all = true
      continue
    }
    const change = changeOf(path[0]!)
    const into = path.length === 1 ? change.keys : path.length === 2 && path[1] === PROPS_KEY ? change.props : null
    if (into) for (const key of keys) into.add(key as string)
    else change.all = true
  }
  return touched
}

/** Checks one applied transaction. */
export function checkTransaction(
  transaction: Y.Transaction,
  schema: TLSchema,
  options: GuardOptions,
): Result<void> {
  const touched = changedRecords(transaction, options.writableRoots)
  if (typeof touched === 'string') return err(touched)
  const records = transaction.doc.getMap(RECORDS_MAP)
  for (const [id, change] of touched) {
    if (!records.has(id)) continue
    const value = records.get(id)
    if (!(value instanceof Y.Map)) return err(`record ${id} is not a map`)
    const map = value as Y.Map<unknown>
    const entries = patchEntries(id, map, options.entries?.get(map), change) ?? readEntries(id, map)
    if (typeof entries === 'string') return err(entries)
    const record = decodeRecordEntries(entries.fields, entries.props)
    if (!record) return err(`record ${id} has no id or type`)
    if (record.id !== id) return err(`record ${record.id} stored under the wrong id ${id}`)
    const valid = validateRecord(schema, record, options.validated?.get(map))
    if (!valid.ok) return err(`record ${id}: ${valid.error}`)
    options.validated?.set(map, record)
    options.entries?.set(map, entries)
  }
  return ok(undefined)
}
