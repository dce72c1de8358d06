/**
 * Whole-board state as the server sees it: the board doc and the control doc (read by
 * boardDocs.ts), their encoding as a saved version, and record-level writes into a doc.
 * Private docs are never part of it: they stay private until a reveal moves notes out.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { getRecordsMap, readAllRecords, writeRecord, type JsonRecord } from '../../shared/docLayout.js'
import type { DocKind } from '../../shared/roles.js'

export const SHARED_DOC_KINDS = ['board', 'control'] as const satisfies readonly DocKind[]
export type SharedDocKind = (typeof SHARED_DOC_KINDS)[number]

export type BoardState = Record<SharedDocKind, Uint8Array>

/** Decodes a state into a doc and reads its records. */
export function recordsOfState(state: Uint8Array): JsonRecord[] {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  const records = readAllRecords(doc)
  doc.destroy()
  return records
}

/** A saved version: both docs' states, length-prefixed (format version 1). */
export function encodeBoardState(state: BoardState): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint8Array(encoder, state.board)
  encoding.writeVarUint8Array(encoder, state.control)
  return encoding.toUint8Array(encoder)
}

export function decodeBoardState(bytes: Uint8Array): BoardState {
  const decoder = decoding.createDecoder(bytes)
  const version = decoding.readVarUint(decoder)
  if (version !== 1) throw new Error(`unknown board state format ${version}`)
  return { board: decoding.readVarUint8Array(decoder), control: decoding.readVarUint8Array(decoder) }
}

/**
 * Makes a doc's records equal to `target` as new changes on top (restore, SPEC H2): records
 * not in the target are deleted, the others written key by key. History is never rewritten.
 */
export function replaceRecords(doc: Y.Doc, target: JsonRecord[], origin: unknown): void {
  const records = getRecordsMap(doc)
  const wanted = new Map(target.map((r) => [r.id, r]))
  doc.transact(() => {
    for (const id of Array.from(records.keys())) if (!wanted.has(id)) records.delete(id)
    for (const record of target) writeRecord(records, record)
  }, origin)
}

/** Adds records to a doc (import, carry-over) in one transaction. */
export function addRecords(doc: Y.Doc, added: JsonRecord[], origin: unknown): void {
  const records = getRecordsMap(doc)
  doc.transact(() => {
    for (const record of added) writeRecord(records, record)
  }, origin)
}
