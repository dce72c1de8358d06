/**
 * The benchmark's board content: valid tldraw note records written through the board layout
 * (shared/docLayout.ts), so our server's schema guard accepts them. The peers store the same
 * Y.Map structure; they do not care what it means.
 */
import { getIndices } from '@tldraw/utils'
import * as Y from 'yjs'
import { DEFAULT_PAGE_ID, getBoardSchema, initialBoardRecords } from '../shared/boardSchema.js'
import { getMetaMap, getRecordsMap, META_SCHEMA_KEY, TRANSFORM_KEY, writeRecord, type JsonRecord } from '../shared/docLayout.js'
import { noteRecord as sharedNoteRecord } from '../shared/notes.js'

export function noteRecord(id: string, x: number, y: number, index: string, text = ''): JsonRecord {
  return { ...sharedNoteRecord({ id, x, y, index, text, parentId: DEFAULT_PAGE_ID }), id }
}

/** Writes `count` notes on a grid, in transactions of `perTransaction` (one update each). */
export function writeNotes(doc: Y.Doc, count: number, options: { prefix?: string; perTransaction?: number } = {}): void {
  const prefix = options.prefix ?? 'n'
  const per = options.perTransaction ?? 500
  const indices = getIndices(count)
  const records = getRecordsMap(doc)
  for (let start = 0; start < count; start += per) {
    doc.transact(() => {
      for (let i = start; i < Math.min(count, start + per); i++) {
        const x = (i % 50) * 220
        const y = Math.floor(i / 50) * 220
        writeRecord(records, noteRecord(`shape:${prefix}${i}`, x, y, indices[i + 1]!, `note ${i}`))
      }
    })
  }
}

/**
 * What our server writes into a new board (document and page records, the schema in `meta`),
 * for servers that do not create boards (the peers): every server then holds the same doc.
 */
export function writeInitialRecords(doc: Y.Doc): void {
  const records = getRecordsMap(doc)
  doc.transact(() => {
    for (const record of initialBoardRecords()) if (!records.has(record.id)) writeRecord(records, record)
    const meta = getMetaMap(doc)
    if (!meta.has(META_SCHEMA_KEY)) meta.set(META_SCHEMA_KEY, getBoardSchema().serialize())
  })
}

/**
 * A move as the client binding writes it: the whole transform under one key. `x` carries the
 * send time (ms since the run's epoch) so that receivers can compute latency.
 */
export function moveNote(doc: Y.Doc, id: string, x: number, y: number): void {
  const map = getRecordsMap(doc).get(id)
  if (!map) return
  map.set(TRANSFORM_KEY, { parentId: DEFAULT_PAGE_ID, x, y, rotation: 0 })
}

export function countShapes(doc: Y.Doc): number {
  let n = 0
  for (const key of getRecordsMap(doc).keys()) if (key.startsWith('shape:')) n++
  return n
}
