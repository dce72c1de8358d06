/**
 * SPEC S6: a write that tldraw's schema or the doc layout rejects closes the writer with
 * `SchemaRejected`; no other peer ever receives it; the board stays loadable, live and after
 * a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getBoardSchema, validateRecord } from '../../shared/boardSchema.js'
import { encodeRecordEntries, getRecordsMap, readAllRecords, readRecord, writeRecord, type JsonRecord } from '../../shared/docLayout.js'
import { CloseEvents } from '../../shared/protocol.js'
import { createTestBoard, startTestServer, waitFor } from '../helpers/server.js'
import { RawClient } from './support/rawClient.js'
import { noteRecord } from './support/records.js'

type BadWrite = { name: string; write: (doc: Y.Doc) => void; why: RegExp }

const BAD_WRITES: BadWrite[] = [
  {
    name: 'a prop of the wrong type',
    write: (doc) => writeRecord(getRecordsMap(doc), { ...noteRecord('shape:bad'), props: { ...noteRecord('x').props as object, color: 42 } }),
    why: /shape:bad.*color/,
  },
  {
    name: 'an unknown shape type',
    write: (doc) => writeRecord(getRecordsMap(doc), { ...noteRecord('shape:bad'), type: 'alien' }),
    why: /shape:bad/,
  },
  {
    name: 'a record under the wrong id',
    write: (doc) => getRecordsMap(doc).set('shape:bad', recordMap(noteRecord('shape:other'))),
    why: /wrong id/,
  },
  {
    name: 'an id that does not match the record type',
    write: (doc) => writeRecord(getRecordsMap(doc), noteRecord('page:bad')),
    why: /does not match its type/,
  },
  {
    name: 'a session record (camera) in the board',
    write: (doc) => writeRecord(getRecordsMap(doc), { id: 'camera:bad', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} }),
    why: /does not belong in a board/,
  },
  {
    name: 'a record as a JSON blob instead of a Y.Map',
    write: (doc) => getRecordsMap(doc).set('shape:bad', noteRecord('shape:bad') as never),
    why: /not a map/,
  },
  {
    name: 'props as a JSON blob instead of a nested Y.Map',
    write: (doc) => {
      const map = recordMap(noteRecord('shape:bad'))
      map.set('props', noteRecord('shape:bad').props)
      getRecordsMap(doc).set('shape:bad', map as never)
    },
    why: /props must be a nested map/,
  },
  {
    name: 'a shared type hidden in a field',
    write: (doc) => {
      writeRecord(getRecordsMap(doc), noteRecord('shape:bad'))
      getRecordsMap(doc).get('shape:bad')!.set('meta', new Y.Text('x'))
    },
    why: /shape:bad/,
  },
  {
    name: 'a list insert into the records root',
    write: (doc) => Y.applyUpdate(doc, encodeListInsert(doc, 'records')),
    why: /keyed/,
  },
  {
    name: 'a write to another root',
    write: (doc) => doc.getMap('evil').set('x', 1),
    why: /outside the board layout/,
  },
  {
    name: 'a write to the server-only meta root',
    write: (doc) => doc.getMap('meta').set('schema', { schemaVersion: 999 }),
    why: /outside the board layout/,
  },
]

/** A preliminary record map in the doc layout, to be set under any key. */
function recordMap(record: JsonRecord): Y.Map<unknown> {
  const { fields, props } = encodeRecordEntries(record)
  const map = new Y.Map<unknown>()
  for (const [k, v] of fields) map.set(k, v)
  if (props) map.set('props', new Y.Map(props))
  return map
}

/**
 * An update, by `doc`'s own client, that inserts list content (no key) into the root
 * `rootName`: a hostile client reads that root as an array. In a map root the item lands in the
 * list part, which no reader of the layout looks at.
 */
function encodeListInsert(doc: Y.Doc, rootName: string): Uint8Array {
  const rogue = new Y.Doc()
  rogue.clientID = doc.clientID
  Y.applyUpdate(rogue, Y.encodeStateAsUpdate(doc))
  const before = Y.encodeStateVector(rogue)
  rogue.getArray(rootName).insert(0, ['hidden payload'])
  return Y.encodeStateAsUpdate(rogue, before)
}

describe('[S6] schema guard', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  for (const bad of BAD_WRITES) {
    it(`[S6] ${bad.name}: the writer is closed with SchemaRejected, nobody receives it, the board stays loadable`, async () => {
      const board = await createTestBoard(server.url)
      const observer = await RawClient.connect(server.url, board.id, board.tokens.facilitator)
      const writer = await RawClient.connect(server.url, board.id, board.tokens.participant)
      await Promise.all([observer.waitSynced(), writer.waitSynced()])

      writer.write(bad.write)
      const closed = await writer.waitClosed()
      expect(closed.code).toBe(CloseEvents.SchemaRejected.code)
      expect(closed.reason).toMatch(new RegExp(`^${CloseEvents.SchemaRejected.reason}`))
      expect(closed.reason).toMatch(bad.why)

      // The room is still live: a valid write after the rejection reaches the observer.
      const good = await RawClient.connect(server.url, board.id, board.tokens.participant)
      await good.waitSynced()
      good.write((doc) => writeRecord(getRecordsMap(doc), noteRecord('shape:good', { text: 'ok' })))
      await waitFor(() => readRecord(observer.doc, 'shape:good') !== null, 5000, 'valid write after a rejection')
      expect(observer.closed).toBeNull()
      expect(observer.receivedFromClient(writer.doc.clientID)).toBe(false)
      expect(good.receivedFromClient(writer.doc.clientID)).toBe(false)
      expectOnlyValidRecords(observer.doc)

      // A fresh peer loads the same board; so does a restarted server.
      const fresh = await RawClient.connect(server.url, board.id, board.tokens.viewer)
      await fresh.waitSynced()
      expect(fresh.receivedFromClient(writer.doc.clientID)).toBe(false)
      expect(sorted(readAllRecords(fresh.doc))).toEqual(sorted(readAllRecords(observer.doc)))
      expect(Array.from(fresh.doc.share.keys()).sort()).toEqual(['meta', 'records'])
      for (const c of [observer, writer, good, fresh]) c.close()
    })
  }

  it('[S6] the board survives a restart after rejected writes', async () => {
    const dataDir = server.dataDir
    const board = await createTestBoard(server.url)
    const writer = await RawClient.connect(server.url, board.id, board.tokens.participant)
    await writer.waitSynced()
    writer.write((doc) => writeRecord(getRecordsMap(doc), noteRecord('shape:kept', { text: 'kept' })))
    const bad = await RawClient.connect(server.url, board.id, board.tokens.participant)
    await bad.waitSynced()
    bad.write((doc) => writeRecord(getRecordsMap(doc), { ...noteRecord('shape:bad'), type: 'alien' }))
    expect((await bad.waitClosed()).code).toBe(CloseEvents.SchemaRejected.code)
    await waitFor(() => writer.closed === null && readRecord(writer.doc, 'shape:kept') !== null)
    writer.close()
    await server.close()

    server = await startTestServer({ DATA_DIR: dataDir })
    const fresh = await RawClient.connect(server.url, board.id, board.tokens.viewer)
    await fresh.waitSynced()
    expect(readRecord(fresh.doc, 'shape:kept')).toEqual(noteRecord('shape:kept', { text: 'kept' }))
    expect(readRecord(fresh.doc, 'shape:bad')).toBeNull()
    expect(fresh.receivedFromClient(bad.doc.clientID)).toBe(false)
    expectOnlyValidRecords(fresh.doc)
    fresh.close()
  })

  it('[S6] frames that arrive while a rejected write is rolled back are handled in order', async () => {
    const board = await createTestBoard(server.url)
    const observer = await RawClient.connect(server.url, board.id, board.tokens.facilitator)
    const other = await RawClient.connect(server.url, board.id, board.tokens.participant)
    const bad = await RawClient.connect(server.url, board.id, board.tokens.participant)
    await Promise.all([observer.waitSynced(), other.waitSynced(), bad.waitSynced()])
    // The bad write and a burst of good ones from another peer land in the same turn.
    bad.write((doc) => writeRecord(getRecordsMap(doc), { ...noteRecord('shape:bad'), props: { color: 'nope' } }))
    for (let i = 0; i < 20; i++) other.write((doc) => writeRecord(getRecordsMap(doc), noteRecord(`shape:n${i}`, { x: i })))
    expect((await bad.waitClosed()).code).toBe(CloseEvents.SchemaRejected.code)
    await waitFor(() => readAllRecords(observer.doc).length === 22, 5000, 'all good notes at the observer')
    const fresh = await RawClient.connect(server.url, board.id, board.tokens.viewer)
    await fresh.waitSynced()
    expect(sorted(readAllRecords(fresh.doc))).toEqual(sorted(readAllRecords(other.doc)))
    expect(observer.receivedFromClient(bad.doc.clientID)).toBe(false)
    for (const c of [observer, other, fresh]) c.close()
  })
})

describe('[S6] updates that cannot be integrated yet', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('[S6] an update missing a dependency is not forwarded in sync answers before it is validated', async () => {
    const board = await createTestBoard(server.url)
    const hostile = await RawClient.connect(server.url, board.id, board.tokens.participant)
    await hostile.waitSynced()
    // Two transactions by the hostile client; the second (an invalid shape) is sent first, so
    // the server cannot integrate it (its clocks follow the first) and keeps it pending.
    const scratch = new Y.Doc()
    scratch.clientID = hostile.doc.clientID
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(hostile.doc))
    const sv0 = Y.encodeStateVector(scratch)
    scratch.transact(() => writeRecord(getRecordsMap(scratch), noteRecord('shape:first')))
    const first = Y.encodeStateAsUpdate(scratch, sv0)
    const sv1 = Y.encodeStateVector(scratch)
    scratch.transact(() => writeRecord(getRecordsMap(scratch), { ...noteRecord('shape:bad'), type: 'alien' }))
    hostile.sendUpdate(Y.encodeStateAsUpdate(scratch, sv1))
    await new Promise((r) => setTimeout(r, 200))

    const early = await RawClient.connect(server.url, board.id, board.tokens.viewer)
    await early.waitSynced()
    expect(early.receivedFromClient(hostile.doc.clientID)).toBe(false)

    // Once the missing part arrives, the valid first write is kept and the invalid one refused.
    hostile.sendUpdate(first)
    expect((await hostile.waitClosed()).code).toBe(CloseEvents.SchemaRejected.code)
    const late = await RawClient.connect(server.url, board.id, board.tokens.viewer)
    await late.waitSynced()
    for (const peer of [early, late]) {
      expect(peer.frames.some((f) => Buffer.from(f).includes('alien'))).toBe(false)
      expect(readRecord(peer.doc, 'shape:bad')).toBeNull()
    }
    await waitFor(() => readRecord(early.doc, 'shape:first') !== null, 5000, 'the valid first write')
    for (const c of [early, late]) c.close()
  })

  it('[S6][L9] an invalid edit built on a note someone is about to write waits, and only its sender is refused when the note arrives', async () => {
    const board = await createTestBoard(server.url)
    const honest = await RawClient.connect(server.url, board.id, board.tokens.participant)
    const hostile = await RawClient.connect(server.url, board.id, board.tokens.participant)
    await Promise.all([honest.waitSynced(), hostile.waitSynced()])
    // The hostile client predicts the honest one's next write (its client id and clock are no
    // secret) and sends an invalid edit inside that note before the note exists on the server.
    const predicted = new Y.Doc()
    predicted.clientID = honest.doc.clientID
    Y.applyUpdate(predicted, Y.encodeStateAsUpdate(honest.doc))
    predicted.transact(() => writeRecord(getRecordsMap(predicted), noteRecord('shape:honest')))
    const rogue = new Y.Doc()
    rogue.clientID = hostile.doc.clientID
    Y.applyUpdate(rogue, Y.encodeStateAsUpdate(predicted))
    const before = Y.encodeStateVector(rogue)
    const note = getRecordsMap(rogue).get('shape:honest') as Y.Map<unknown>
    rogue.transact(() => note.set('type', 'alien'))
    hostile.sendUpdate(Y.encodeStateAsUpdate(rogue, before))
    await new Promise((r) => setTimeout(r, 100))

    // The honest client writes exactly that note: it is kept, and the edit waiting on it is
    // refused as its sender's write.
    honest.write((doc) => writeRecord(getRecordsMap(doc), noteRecord('shape:honest')))
    expect((await hostile.waitClosed()).code).toBe(CloseEvents.SchemaRejected.code)
    const reader = await RawClient.connect(server.url, board.id, board.tokens.viewer)
    await reader.waitSynced()
    await waitFor(() => readRecord(reader.doc, 'shape:honest') !== null, 5000, 'the honest note')
    expect(readRecord(reader.doc, 'shape:honest')?.type).toBe('note')
    expect(honest.closed).toBeNull()
    expectOnlyValidRecords(reader.doc)
    for (const c of [honest, reader]) c.close()
  })

  it('[S6] an edit sent before the sync step 2 that carries earlier offline edits is applied, not refused', async () => {
    const board = await createTestBoard(server.url)
    const observer = await RawClient.connect(server.url, board.id, board.tokens.viewer)
    const writer = await RawClient.connect(server.url, board.id, board.tokens.participant)
    await Promise.all([observer.waitSynced(), writer.waitSynced()])
    writer.write((doc) => writeRecord(getRecordsMap(doc), noteRecord('shape:a', { x: 1 })))
    await waitFor(() => readRecord(observer.doc, 'shape:a') !== null, 5000, 'the first note')
    // The same client, offline: it adds a note (E1), then moves the first one (E2). Back online,
    // a stock provider sends E2 at once and E1 only in its step 2, a round trip later. E2 deletes
    // the stored position of shape:a and inserts a new one that follows E1's clocks.
    const offline = new Y.Doc()
    offline.clientID = writer.doc.clientID
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(writer.doc))
    const sv0 = Y.encodeStateVector(offline)
    offline.transact(() => writeRecord(getRecordsMap(offline), noteRecord('shape:b', { text: 'offline' })))
    const e1 = Y.encodeStateAsUpdate(offline, sv0)
    const sv1 = Y.encodeStateVector(offline)
    offline.transact(() => writeRecord(getRecordsMap(offline), noteRecord('shape:a', { x: 500 })))
    const e2 = Y.encodeStateAsUpdate(offline, sv1)
    writer.sendUpdate(e2)
    await new Promise((r) => setTimeout(r, 100))
    writer.sendUpdate(e1)
    await waitFor(() => (readRecord(observer.doc, 'shape:a')?.x as number) === 500 && readRecord(observer.doc, 'shape:b') !== null, 5000, 'both offline edits')
    expect(writer.closed).toBeNull()
    expectOnlyValidRecords(observer.doc)
    for (const c of [observer, writer]) c.close()
  })
})

function sorted(records: JsonRecord[]): JsonRecord[] {
  return [...records].sort((a, b) => a.id.localeCompare(b.id))
}

function expectOnlyValidRecords(doc: Y.Doc): void {
  const schema = getBoardSchema()
  for (const [id, value] of getRecordsMap(doc).entries()) {
    expect(value).toBeInstanceOf(Y.Map)
    const record = readRecord(doc, id)
    expect(record?.id).toBe(id)
    expect(validateRecord(schema, record).ok).toBe(true)
  }
}
