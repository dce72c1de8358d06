/**
 * StoreYjsBinding in memory: real tldraw stores on real Y.Docs, docs exchanging updates
 * directly (no server), so each rule of the board document is checked in isolation.
 */
import type { TLRecord, TLShapeId, TLStore } from '@tldraw/tlschema'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getBoardSchema, initializeBoardDoc } from '../../shared/boardSchema.js'
import { getMetaMap, getRecordsMap, META_SCHEMA_KEY, readRecord, writeRecord, type JsonRecord } from '../../shared/docLayout.js'
import { StoreYjsBinding, type BindingOptions } from '../../client/sync/StoreYjsBinding.js'
import { createTestStore, noteRecord, rectangleRecord, richText, shapeOf } from '../helpers/tldrawStore.js'

const REMOTE = Symbol('remote')
const bindings: StoreYjsBinding[] = []

/** Relays every update of each doc to the others, like a server would. */
function link(...docs: Y.Doc[]): void {
  for (const from of docs) {
    from.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return
      for (const to of docs) if (to !== from) Y.applyUpdate(to, update, REMOTE)
    })
  }
}

function boardDoc(): Y.Doc {
  const doc = new Y.Doc()
  initializeBoardDoc(doc)
  return doc
}

/** A doc that starts as a copy of another (a client that synced). */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc), REMOTE)
  return copy
}

type Peer = { store: TLStore; binding: StoreYjsBinding; invalid: Array<[string, string]>; mismatches: string[] }

function bind(docs: { board: Y.Doc; control?: Y.Doc }, options: Partial<BindingOptions> = {}): Peer {
  const store = createTestStore()
  const invalid: Array<[string, string]> = []
  const mismatches: string[] = []
  const binding = new StoreYjsBinding(store, docs, {
    canWriteBoard: true,
    canWriteControl: false,
    onInvalidRecord: (id, error) => invalid.push([id, error]),
    onSchemaMismatch: (kind) => mismatches.push(kind),
    ...options,
  })
  bindings.push(binding)
  return { store, binding, invalid, mismatches }
}

function moveShape(store: TLStore, id: string, x: number, y: number): void {
  store.update(id as TLShapeId, (r) => ({ ...r, x, y }) as never)
}

function setText(store: TLStore, id: string, text: string): void {
  store.update(id as TLShapeId, (r) => ({ ...r, props: { ...r.props, richText: richText(text) } }) as never)
}

afterEach(() => {
  for (const b of bindings.splice(0)) b.dispose()
})

describe('StoreYjsBinding', () => {
  it('[S5] initial load replaces the store document records by the doc records', () => {
    const doc = boardDoc()
    doc.transact(() => writeRecord(getRecordsMap(doc), noteRecord('shape:n1', { x: 5 }) as unknown as JsonRecord))
    const store = createTestStore()
    store.put([noteRecord('shape:stale')])
    bindings.push(new StoreYjsBinding(store, { board: doc }, { canWriteBoard: true, canWriteControl: false }))
    expect(store.get('document:document' as never)).toBeDefined()
    expect(store.get('page:page' as never)).toBeDefined()
    expect(shapeOf(store, 'shape:n1')?.x).toBe(5)
    expect(store.get('shape:stale' as never)).toBeUndefined()
    // Loading wrote nothing back: the stale shape was not "deleted" into the doc either.
    expect(getRecordsMap(doc).size).toBe(3)
  })

  it('[S1] create, move, edit, delete and undo flow between two stores', () => {
    const a = boardDoc()
    const b = copyOf(a)
    link(a, b)
    const pa = bind({ board: a })
    const pb = bind({ board: b })

    pa.store.put([noteRecord('shape:n', { x: 10, y: 20, text: 'hello' })])
    expect(shapeOf(pb.store, 'shape:n')?.props.richText).toEqual(richText('hello'))

    moveShape(pa.store, 'shape:n', 110, 220)
    expect(shapeOf(pb.store, 'shape:n')).toMatchObject({ x: 110, y: 220 })

    setText(pb.store, 'shape:n', 'edited')
    expect(shapeOf(pa.store, 'shape:n')?.props.richText).toEqual(richText('edited'))

    // "Undo" of the move: the previous record goes back, the text edit stays.
    moveShape(pa.store, 'shape:n', 10, 20)
    expect(shapeOf(pb.store, 'shape:n')).toMatchObject({ x: 10, y: 20, props: { richText: richText('edited') } })

    pb.store.remove(['shape:n' as TLShapeId])
    expect(pa.store.get('shape:n' as TLShapeId)).toBeUndefined()
    expect(readRecord(a, 'shape:n')).toBeNull()

    // Undo of the delete: the record comes back everywhere.
    pb.store.put([noteRecord('shape:n', { x: 10, y: 20, text: 'edited' })])
    expect(shapeOf(pa.store, 'shape:n')?.props.richText).toEqual(richText('edited'))
    expect(pa.invalid).toEqual([])
    expect(pb.invalid).toEqual([])
  })

  it('[S1] a concurrent move and text edit of one note both survive', () => {
    const a = boardDoc()
    const pa = bind({ board: a })
    pa.store.put([noteRecord('shape:n', { text: 'before' })])
    const b = copyOf(a)
    const pb = bind({ board: b })
    // Both edit while disconnected, then exchange updates.
    moveShape(pa.store, 'shape:n', 300, 400)
    setText(pb.store, 'shape:n', 'typed by B')
    const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
    const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
    Y.applyUpdate(a, fromB, REMOTE)
    Y.applyUpdate(b, fromA, REMOTE)
    for (const store of [pa.store, pb.store]) {
      expect(shapeOf(store, 'shape:n')).toMatchObject({ x: 300, y: 400, props: { richText: richText('typed by B') } })
    }
  })

  it('[S2] a store batch is one Y transaction with the binding as origin, touching only changed keys', () => {
    const doc = boardDoc()
    const peer = bind({ board: doc })
    peer.store.put([noteRecord('shape:a'), noteRecord('shape:b')])
    const origins: unknown[] = []
    const changedKeys: string[][] = []
    doc.on('afterTransaction', (t: Y.Transaction) => origins.push(t.origin))
    getRecordsMap(doc).observeDeep((events) => {
      for (const e of events) changedKeys.push([...(e as Y.YMapEvent<unknown>).keysChanged])
    })
    peer.store.put([
      { ...shapeOf(peer.store, 'shape:a')!, x: 1, y: 2 } as TLRecord,
      { ...shapeOf(peer.store, 'shape:b')!, x: 3, y: 4 } as TLRecord,
    ])
    expect(origins).toEqual([peer.binding])
    expect(changedKeys).toEqual([['xf'], ['xf']])
  })

  it('[S5] an invalid remote record is skipped and reported; valid ones in the same update apply', () => {
    const a = boardDoc()
    const b = copyOf(a)
    link(a, b)
    const pb = bind({ board: b })
    a.transact(() => {
      const records = getRecordsMap(a)
      writeRecord(records, noteRecord('shape:good', { x: 7 }) as unknown as JsonRecord)
      writeRecord(records, { ...noteRecord('shape:bad'), props: { color: 'chartreuse' } } as unknown as JsonRecord)
      writeRecord(records, { id: 'camera:x', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} })
    })
    expect(shapeOf(pb.store, 'shape:good')?.x).toBe(7)
    expect(pb.store.get('shape:bad' as TLShapeId)).toBeUndefined()
    expect(pb.invalid.map(([id]) => id).sort()).toEqual(['camera:x', 'shape:bad'])

    // A valid record turning invalid keeps the last valid version in the store.
    a.transact(() => getRecordsMap(a).get('shape:good')!.set('opacity', 'very'))
    expect(shapeOf(pb.store, 'shape:good')).toMatchObject({ x: 7, opacity: 1 })
    expect(pb.invalid.map(([id]) => id)).toContain('shape:good')
  })

  it('[R2] a viewer never writes: local changes are reverted from the doc', () => {
    const doc = boardDoc()
    doc.transact(() => writeRecord(getRecordsMap(doc), noteRecord('shape:n', { x: 1 }) as unknown as JsonRecord))
    const viewer = bind({ board: doc }, { canWriteBoard: false, canWriteControl: false })
    expect(viewer.binding.isReadOnly).toBe(true)
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))

    viewer.store.put([noteRecord('shape:new')])
    moveShape(viewer.store, 'shape:n', 500, 500)
    viewer.store.remove(['shape:n' as TLShapeId])

    expect(updates).toEqual([])
    expect(viewer.store.get('shape:new' as TLShapeId)).toBeUndefined()
    expect(shapeOf(viewer.store, 'shape:n')?.x).toBe(1)
  })

  it('[R3] template shapes live in the control doc: a participant cannot change them, a facilitator can', () => {
    const boardA = boardDoc()
    const boardB = copyOf(boardA)
    const controlA = new Y.Doc()
    const controlB = new Y.Doc()
    link(boardA, boardB)
    link(controlA, controlB)
    const facilitator = bind({ board: boardA, control: controlA }, { canWriteControl: true })
    const participant = bind({ board: boardB, control: controlB }, { canWriteControl: false })

    expect(facilitator.binding.writeToControl([rectangleRecord('shape:zone', 0, 0)])).toEqual({ ok: true, value: undefined })
    expect(readRecord(controlB, 'shape:zone')).not.toBeNull()
    expect(readRecord(boardB, 'shape:zone')).toBeNull()
    expect(shapeOf(participant.store, 'shape:zone')?.x).toBe(0)

    const controlUpdates: Uint8Array[] = []
    controlB.on('update', (u: Uint8Array) => controlUpdates.push(u))
    moveShape(participant.store, 'shape:zone', 999, 999)
    participant.store.remove(['shape:zone' as TLShapeId])
    expect(controlUpdates).toEqual([])
    expect(shapeOf(participant.store, 'shape:zone')?.x).toBe(0)
    expect(participant.binding.writeToControl([rectangleRecord('shape:other')]).ok).toBe(false)

    // A participant's new note goes to the board doc.
    participant.store.put([noteRecord('shape:note')])
    expect(readRecord(boardA, 'shape:note')).not.toBeNull()
    expect(readRecord(controlA, 'shape:note')).toBeNull()

    // The facilitator moves the template through the store: written to the control doc.
    moveShape(facilitator.store, 'shape:zone', 40, 50)
    expect(readRecord(controlB, 'shape:zone')).toMatchObject({ x: 40, y: 50 })
    expect(readRecord(boardB, 'shape:zone')).toBeNull()
    expect(shapeOf(participant.store, 'shape:zone')).toMatchObject({ x: 40, y: 50 })
  })

  it.each([
    ['newer', 1],
    ['older', -1],
  ] as const)('[S4] a doc written with a %s schema makes the binding read-only and asks for a reload', (kind, delta) => {
    const doc = boardDoc()
    const serialized = getBoardSchema().serialize()
    const sequences = { ...serialized.sequences, 'com.tldraw.shape.note': serialized.sequences['com.tldraw.shape.note']! + delta }
    const peer = bind({ board: doc })
    expect(peer.mismatches).toEqual([])
    // The mismatch may arrive after binding (a sync that lands later).
    doc.transact(() => getMetaMap(doc).set(META_SCHEMA_KEY, { ...serialized, sequences }), REMOTE)
    expect(peer.mismatches).toEqual([kind])
    expect(peer.binding.schemaMismatch).toBe(kind)
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    peer.store.put([noteRecord('shape:blocked')])
    expect(updates).toEqual([])
    expect(peer.store.get('shape:blocked' as TLShapeId)).toBeUndefined()
  })

  it('dispose stops both directions', () => {
    const a = boardDoc()
    const b = copyOf(a)
    link(a, b)
    const pa = bind({ board: a })
    const pb = bind({ board: b })
    pb.binding.dispose()
    pa.store.put([noteRecord('shape:x')])
    expect(readRecord(b, 'shape:x')).not.toBeNull()
    expect(pb.store.get('shape:x' as TLShapeId)).toBeUndefined()
    pb.store.put([noteRecord('shape:y')])
    expect(readRecord(b, 'shape:y')).toBeNull()
  })
})
