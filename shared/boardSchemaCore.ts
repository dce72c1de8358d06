/**
 * The checks of the board schema (SPEC S4, S5) that need no code of tldraw's schema package:
 * which records belong in a doc, how a record is validated against a schema, and how a doc's
 * stored schema compares with ours. The schema itself is built by ./boardSchema.ts, which
 * re-exports all of this; the server imports this module where it must not load
 * `@tldraw/tlschema` at start (issue 18: an empty server loads it with its first board).
 */
import type { TLRecord, TLSchema } from '@tldraw/tlschema'
import type { JsonRecord } from './docLayout.js'
import { err, ok, type Result } from './result.js'

/** Record types that live in a board doc; session records (camera, pointer, …) never do. */
export const DOCUMENT_TYPE_NAMES: ReadonlySet<string> = new Set([
  'document',
  'page',
  'shape',
  'binding',
  'asset',
])

export const DEFAULT_PAGE_ID = 'page:page'

export type SerializedSchema = ReturnType<TLSchema['serialize']>

/** What every record type of a schema offers (method parameters are bivariant, so each fits). */
type RecordValidator = { validate(record: unknown, recordBefore?: unknown): TLRecord }

/** The checks of {@link validateRecord}, answering with the record as tldraw's validator types it. */
function checkRecord(schema: TLSchema, record: unknown, knownGood?: JsonRecord): Result<TLRecord> {
  if (typeof record !== 'object' || record === null) return err('not an object')
  const { id, typeName } = record as { id?: unknown; typeName?: unknown }
  if (typeof typeName !== 'string' || !DOCUMENT_TYPE_NAMES.has(typeName)) {
    return err(`record type ${String(typeName)} does not belong in a board`)
  }
  if (typeof id !== 'string' || !id.startsWith(`${typeName}:`)) {
    return err(`record id ${String(id)} does not match its type ${typeName}`)
  }
  const type: RecordValidator = schema.types[typeName as keyof typeof schema.types]
  try {
    const before = knownGood && knownGood.typeName === typeName && knownGood.id === id ? knownGood : undefined
    return ok(type.validate(record, before))
  } catch (e) {
    return err(e instanceof Error ? e.message : String(e))
  }
}

/**
 * Validates one record against the schema: id prefix, type and every field. With `knownGood`
 * (a record of the same type that passed this check before), fields identical to it are not
 * checked again: tldraw's validators compare field by field and check only what changed.
 * Answers with the record it was given (tldraw's may answer `knownGood` when they are equal).
 */
export function validateRecord(schema: TLSchema, record: unknown, knownGood?: JsonRecord): Result<JsonRecord> {
  const valid = checkRecord(schema, record, knownGood)
  return valid.ok ? ok(record as JsonRecord) : valid
}

/** {@link validateRecord} for a record the store will hold: tldraw's own typed record. */
export function validateTLRecord(schema: TLSchema, record: unknown): Result<TLRecord> {
  return checkRecord(schema, record)
}

export type SchemaCompatibility = 'same' | 'older' | 'newer' | 'missing'

/**
 * How a doc's stored schema relates to ours: `older` means we can migrate it up, `newer`
 * means the doc was written by a newer client and we must not write to it.
 */
export function compareSchema(schema: TLSchema, stored: unknown): SchemaCompatibility {
  if (!stored || typeof stored !== 'object') return 'missing'
  const result = schema.getMigrationsSince(stored as SerializedSchema)
  if (!result.ok) return 'newer'
  return result.value.length === 0 ? 'same' : 'older'
}
