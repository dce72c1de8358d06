/**
 * The tldraw schema as the board document uses it: which records belong in a doc, how a
 * record is validated, and how a doc's stored schema compares with ours (SPEC S4, S5; those
 * checks live in ./boardSchemaCore.ts), and the records a new board starts with.
 */
import { createTLSchema, DocumentRecordType, PageRecordType, TLDOCUMENT_ID, type TLSchema } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { DEFAULT_PAGE_ID } from './boardSchemaCore.js'
import { getMetaMap, getRecordsMap, META_SCHEMA_KEY, writeRecord, type JsonRecord } from './docLayout.js'

export * from './boardSchemaCore.js'

let defaultSchema: TLSchema | null = null
/** The default tldraw schema (all default shapes and bindings), built once. */
export function getBoardSchema(): TLSchema {
  defaultSchema ??= createTLSchema()
  return defaultSchema
}

/** The records every new board starts with: the document record and one page. */
export function initialBoardRecords(): JsonRecord[] {
  return [
    { ...DocumentRecordType.create({ id: TLDOCUMENT_ID }) },
    // tldraw's validator types the plain page (its id and index are branded strings).
    { ...PageRecordType.validate({ typeName: 'page', id: DEFAULT_PAGE_ID, name: 'Page 1', index: 'a1', meta: {} }) },
  ]
}

/** Writes the initial records and the schema into an empty doc. */
export function initializeBoardDoc(doc: Y.Doc, schema: TLSchema = getBoardSchema()): void {
  doc.transact(() => {
    const records = getRecordsMap(doc)
    for (const record of initialBoardRecords()) writeRecord(records, record)
    getMetaMap(doc).set(META_SCHEMA_KEY, schema.serialize())
  })
}
