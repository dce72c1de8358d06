import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getBoardSchema, validateRecord } from '../../shared/boardSchema.js'
import { readAllRecords, readRecord } from '../../shared/docLayout.js'
import { percentiles } from '../../bench/loadgen.js'
import { countShapes, moveNote, noteRecord, writeInitialRecords, writeNotes } from '../../bench/notes.js'

describe('benchmark workload', () => {
  it('writes notes that the board schema accepts, so our schema guard does not close the load generator', () => {
    const doc = new Y.Doc()
    writeInitialRecords(doc)
    writeNotes(doc, 30, { perTransaction: 7 })
    expect(countShapes(doc)).toBe(30)
    for (const record of readAllRecords(doc)) expect(validateRecord(getBoardSchema(), record)).toEqual({ ok: true, value: record })
  })

  it('a move carries the send time in x under the one transform key and stays valid', () => {
    const doc = new Y.Doc()
    doc.transact(() => writeNotes(doc, 1))
    const before = Y.encodeStateAsUpdate(doc).byteLength
    for (let i = 0; i < 2000; i++) moveNote(doc, 'shape:n0', 1234.5 + i, i)
    const note = readRecord(doc, 'shape:n0')!
    expect(note.x).toBe(1234.5 + 1999)
    expect(validateRecord(getBoardSchema(), note).ok).toBe(true)
    // One key rewritten: 2,000 moves must not bloat the doc (SPEC S2).
    expect(Y.encodeStateAsUpdate(doc).byteLength - before).toBeLessThan(1024)
  })

  it('a note with text is a valid rich-text note', () => {
    expect(validateRecord(getBoardSchema(), noteRecord('shape:x', 1, 2, 'a1', 'hello')).ok).toBe(true)
  })

  it.each([
    { values: [], p50: NaN, p99: NaN, max: NaN },
    { values: [5], p50: 5, p99: 5, max: 5 },
    { values: [3, 1, 2, 4], p50: 3, p99: 4, max: 4 },
    { values: Array.from({ length: 100 }, (_, i) => 100 - i), p50: 51, p99: 100, max: 100 },
  ])('percentiles of $values.length values', ({ values, p50, p99, max }) => {
    const p = percentiles(values)
    expect(p.p50).toEqual(p50)
    expect(p.p99).toEqual(p99)
    expect(p.max).toEqual(max)
    expect(p.count).toBe(values.length)
  })
})
