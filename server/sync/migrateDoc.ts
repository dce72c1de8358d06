/**
 * SPEC S4: a doc carries the schema it was written with. On load, a doc written with an older
 * tldraw schema is migrated up by tldraw's own migrations and rewritten as new changes (so
 * every client sees it), and its stored schema updated. A doc from a newer schema is left
 * untouched: clients compare schemas themselves and ask the user to reload.
 */
import crypto from 'node:crypto'
import type { TLRecord, TLSchema } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { compareSchema, DOCUMENT_TYPE_NAMES, type SchemaCompatibility, type SerializedSchema } from '../../shared/boardSchemaCore.js'
import { getMetaMap, getRecordsMap, META_SCHEMA_KEY, readAllRecords, writeRecord, type JsonRecord } from '../../shared/docLayout.js'

export const MIGRATION_ORIGIN = 'migration'

export type MigrationOutcome = SchemaCompatibility | 'migrated' | 'failed'

const tags = new WeakMap<TLSchema, string>()

/**
 * A short name of a schema (a hash of its serialized form), stored beside a snapshot written
 * with it: a doc whose tag is the current schema's needs no migration check, so it can be
 * served from its stored bytes without being decoded (see Room.load).
 */
export function schemaTag(schema: TLSchema): string {
  let tag = tags.get(schema)
  if (tag === undefined) {
    tag = crypto.createHash('sha256').update(JSON.stringify(schema.serialize())).digest('base64url').slice(0, 22)
    tags.set(schema, tag)
  }
  return tag
}

/** The tag of the schema a doc holds, if it is exactly `schema` (else null: it must be checked on load). */
export function docSchemaTag(doc: Y.Doc, schema: TLSchema): string | null {
  return compareSchema(schema, getMetaMap(doc).get(META_SCHEMA_KEY)) === 'same' ? schemaTag(schema) : null
}

/**
 * What tldraw's migrations read of a record: a board record type and an id of that type. Its
 * other fields are the older schema's — migration rewrites them, and the room's guard validates
 * them like any other record.
 */
function isMigratable(record: JsonRecord): record is JsonRecord & TLRecord {
  return DOCUMENT_TYPE_NAMES.has(record.typeName) && record.id.startsWith(`${record.typeName}:`)
}

export function migrateDocIfOlder(doc: Y.Doc, schema: TLSchema): MigrationOutcome {
  const stored = getMetaMap(doc).get(META_SCHEMA_KEY)
  const compatibility = compareSchema(schema, stored)
  if (compatibility !== 'older') return compatibility
  const all = readAllRecords(doc)
  const records = all.filter(isMigratable)
  // Records of no board type have no migration: they stay as they are (the guard judges them).
  const untouched = all.filter((r) => !isMigratable(r)).map((r) => r.id)
  const result = schema.migrateStoreSnapshot({
    store: Object.fromEntries(records.map((r) => [r.id, r])),
    schema: stored as SerializedSchema,
  })
  if (result.type !== 'success') return 'failed'
  const migrated: JsonRecord[] = Object.values(result.value).map((record) => ({ ...record }))
  const map = getRecordsMap(doc)
  doc.transact(() => {
    const keep = new Set([...untouched, ...migrated.map((r) => r.id)])
    for (const id of Array.from(map.keys())) if (!keep.has(id)) map.delete(id)
    for (const record of migrated) writeRecord(map, record)
    getMetaMap(doc).set(META_SCHEMA_KEY, schema.serialize())
  }, MIGRATION_ORIGIN)
  return 'migrated'
}
