/**
 * Server-side schema guard (SPEC S6): after a client's transaction is applied, every record it
 * touched must still be a valid tldraw record in the doc layout, and nothing may be written
 * outside the layout. A rejected transaction is never persisted nor broadcast.
 */
import type { TLSchema } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { validateRecord } from '../../shared/boardSchema.js'
import { decodeRecordMap, PROPS_KEY, RECORDS_MAP, type JsonRecord } from '../../shared/docLayout.js'
import { err, ok, type Result } from '../../shared/result.js'

/**
 * Root types a client may write in each doc kind. `meta` is written by the server only.
 * `validated`: the last accepted value of each record map, so that a write (a note moved)
 * checks only the fields it changed against it (see validateRecord).
 */
export type GuardOptions = { writableRoots: ReadonlySet<string>; validated?: WeakMap<Y.Map<unknown>, JsonRecord> }

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

/** Checks one applied transaction. */
export function checkTransaction(
  transaction: Y.Transaction,
  schema: TLSchema,
  options: GuardOptions,
): Result<void> {
  const touchedRecords = new Set<string>()
  for (const [type, keys] of transaction.changed) {
    const { root, path } = rootAndPath(type)
    if (root === null || !options.writableRoots.has(root)) {
      return err(`write outside the board layout (root ${String(root)})`)
    }
    if (root !== RECORDS_MAP) continue
    // List content in a map is invisible to the codec: hidden bytes, never part of the layout.
    if (keys.has(null)) return err('records hold keyed values only (list content is not part of the layout)')
    if (path.length === 0) {
      if (!(type instanceof Y.Map)) return err('records root is not a map')
      for (const key of keys) if (key !== null) touchedRecords.add(key)
    } else touchedRecords.add(path[0]!)
  }
  const records = transaction.doc.getMap(RECORDS_MAP)
  for (const id of touchedRecords) {
    if (!records.has(id)) continue
    const value = records.get(id)
    if (!(value instanceof Y.Map)) return err(`record ${id} is not a map`)
    const record = decodeRecordMap(value as Y.Map<unknown>)
    if (!record) return err(`record ${id} has no id or type`)
    if (record.id !== id) return err(`record ${record.id} stored under the wrong id ${id}`)
    const layout = layoutError(id, value as Y.Map<unknown>)
    if (layout) return err(layout)
    const map = value as Y.Map<unknown>
    const valid = validateRecord(schema, record, options.validated?.get(map))
    if (!valid.ok) return err(`record ${id}: ${valid.error}`)
    options.validated?.set(map, record)
  }
  return ok(undefined)
}
