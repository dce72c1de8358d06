/**
 * The board document layout: how tldraw records live in a Y.Doc (docs/PROTOCOL.md).
 *
 * - `doc.getMap('records')`: record id → `Y.Map` of the record's fields.
 * - Inside a record map, fields that change together share one key so that a drag does not
 *   bloat the doc (SPEC S2): `xf` holds `{ parentId, x, y, rotation }` and, for shapes whose
 *   props have `w`/`h`, also `{ w, h }` (a resize moves and sizes at once).
 * - `props` is a nested `Y.Map`, one key per prop, so that concurrent edits of different
 *   props of one record (and a move next to a text edit) both survive (SPEC S1).
 * - Every other top-level field is its own key, stored as a plain JSON value.
 * - `doc.getMap('meta')` holds `schema`: the serialized tldraw schema the doc was written with.
 */
import * as Y from 'yjs'

export const RECORDS_MAP = 'records'
export const META_MAP = 'meta'
export const META_SCHEMA_KEY = 'schema'
export const TRANSFORM_KEY = 'xf'
export const PROPS_KEY = 'props'

/** A tldraw record as plain JSON; the codec does not need tldraw's types. */
export type JsonRecord = { id: string; typeName: string; [field: string]: unknown }
type JsonObject = Record<string, unknown>

const TRANSFORM_FIELDS = ['parentId', 'x', 'y', 'rotation'] as const
const SIZE_PROPS = ['w', 'h'] as const

export function getRecordsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(RECORDS_MAP)
}

export function getMetaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(META_MAP)
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isShape(record: JsonRecord): boolean {
  return record.typeName === 'shape'
}

/**
 * Splits a record into the flat key → value entries of its record map, with props apart.
 * Pure: the inverse of {@link decodeRecordEntries}.
 */
export function encodeRecordEntries(record: JsonRecord): {
  fields: Map<string, unknown>
  props: Map<string, unknown> | null
} {
  const fields = new Map<string, unknown>()
  const shape = isShape(record)
  const xf: JsonObject = {}
  const rawProps = isObject(record.props) ? record.props : null
  for (const [key, value] of Object.entries(record)) {
    if (key === 'props') continue
    if (shape && (TRANSFORM_FIELDS as readonly string[]).includes(key)) xf[key] = value
    else fields.set(key, value)
  }
  let props: Map<string, unknown> | null = null
  if (rawProps) {
    props = new Map()
    for (const [key, value] of Object.entries(rawProps)) {
      if (shape && (SIZE_PROPS as readonly string[]).includes(key)) xf[key] = value
      else props.set(key, value)
    }
  }
  if (shape) fields.set(TRANSFORM_KEY, xf)
  return { fields, props }
}

/** Rebuilds a record from its record map. Returns null when the map is not a record. */
export function decodeRecordMap(map: Y.Map<unknown>): JsonRecord | null {
  const fields = new Map<string, unknown>()
  let props: Map<string, unknown> | null = null
  for (const [key, value] of map.entries()) {
    if (key === PROPS_KEY) {
      if (value instanceof Y.Map) props = new Map(value.entries())
      else if (isObject(value)) props = new Map(Object.entries(value))
    } else fields.set(key, value)
  }
  return decodeRecordEntries(fields, props)
}

/** The inverse of {@link encodeRecordEntries}. */
export function decodeRecordEntries(
  fields: Map<string, unknown>,
  props: Map<string, unknown> | null,
): JsonRecord | null {
  const record: JsonObject = {}
  let xf: JsonObject | null = null
  for (const [key, value] of fields) {
    if (key === TRANSFORM_KEY && isObject(value)) xf = value
    else record[key] = value
  }
  if (typeof record.id !== 'string' || typeof record.typeName !== 'string') return null
  const propsObject: JsonObject | null = props ? Object.fromEntries(props) : null
  if (xf) {
    for (const key of TRANSFORM_FIELDS) if (key in xf) record[key] = xf[key]
    if (propsObject) for (const key of SIZE_PROPS) if (key in xf) propsObject[key] = xf[key]
  }
  if (propsObject) record.props = propsObject
  return record as JsonRecord
}

/** Structural equality of JSON values (records are plain JSON). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bb = b as unknown[]
    return a.length === bb.length && a.every((v, i) => jsonEqual(v, bb[i]))
  }
  const ao = a as JsonObject
  const bo = b as JsonObject
  const ak = Object.keys(ao)
  if (ak.length !== Object.keys(bo).length) return false
  return ak.every((k) => k in bo && jsonEqual(ao[k], bo[k]))
}

function setIfChanged(map: Y.Map<unknown>, key: string, value: unknown): void {
  const current = map.get(key)
  if (current instanceof Y.AbstractType || !jsonEqual(current, value)) map.set(key, value)
}

/**
 * Writes a record into the records map, touching only the keys whose value changed, so that
 * a concurrent edit of another key survives and an unchanged key adds nothing to the doc.
 * Call inside a transaction.
 */
export function writeRecord(records: Y.Map<Y.Map<unknown>>, record: JsonRecord): void {
  const { fields, props } = encodeRecordEntries(record)
  let map = records.get(record.id)
  if (!(map instanceof Y.Map)) {
    map = new Y.Map()
    for (const [key, value] of fields) map.set(key, value)
    if (props) map.set(PROPS_KEY, new Y.Map(props))
    records.set(record.id, map)
    return
  }
  for (const key of Array.from(map.keys())) {
    if (key !== PROPS_KEY && !fields.has(key)) map.delete(key)
  }
  for (const [key, value] of fields) setIfChanged(map, key, value)
  if (props) {
    let propsMap = map.get(PROPS_KEY)
    if (!(propsMap instanceof Y.Map)) {
      map.set(PROPS_KEY, new Y.Map(props))
      return
    }
    const pm = propsMap as Y.Map<unknown>
    for (const key of Array.from(pm.keys())) if (!props.has(key)) pm.delete(key)
    for (const [key, value] of props) setIfChanged(pm, key, value)
  } else if (map.has(PROPS_KEY)) map.delete(PROPS_KEY)
}

/** Reads every record of a doc (unvalidated). */
export function readAllRecords(doc: Y.Doc): JsonRecord[] {
  const out: JsonRecord[] = []
  for (const map of getRecordsMap(doc).values()) {
    if (!(map instanceof Y.Map)) continue
    const record = decodeRecordMap(map)
    if (record) out.push(record)
  }
  return out
}

/** Reads one record by id (unvalidated), or null. */
export function readRecord(doc: Y.Doc, id: string): JsonRecord | null {
  const map = getRecordsMap(doc).get(id)
  return map instanceof Y.Map ? decodeRecordMap(map) : null
}

/**
 * The ids of records touched by a transaction's deep events on the records map: the keys
 * added/changed/removed at the top and the record whose inner map changed.
 */
export function changedRecordIds(events: Array<Y.YEvent<Y.AbstractType<unknown>>>): Set<string> {
  const ids = new Set<string>()
  for (const event of events) {
    const path = event.path
    if (path.length === 0) {
      for (const key of event.keys.keys()) ids.add(key)
    } else if (typeof path[0] === 'string') ids.add(path[0])
  }
  return ids
}
