import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getBoardSchema } from '../../shared/boardSchema.js'
import { getMetaMap, getRecordsMap, META_SCHEMA_KEY, readRecord, writeRecord } from '../../shared/docLayout.js'
import { richTextToPlainText } from '../../shared/activities/index.js'
import { mergeStoredDoc } from '../../server/sync/Room.js'
import { connectProvider, createTestBoard, startTestServer, waitFor, waitForSync } from '../helpers/server.js'
import { noteRecord } from '../helpers/records.js'

describe('[S4] schema stored and migrated on load', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('a board written with an older tldraw schema (note v8, plain text) is migrated when loaded', async () => {
    const board = await createTestBoard(server.url)
    // Write an old-format note straight into storage, as a tldraw 3.12-era client would have.
    const old = getBoardSchema().serialize()
    const olderSchema = { ...old, sequences: { ...old.sequences, 'com.tldraw.shape.note': 8 } }
    const legacy = noteRecord('shape:legacy', 'ignored', 10, 20) as unknown as Record<string, unknown> & { props: Record<string, unknown> }
    delete legacy.props.richText
    legacy.props.text = 'written before rich text'
    // Written on top of the stored board, so that the older schema replaces the current one
    // (two unrelated writes of meta.schema would be ordered by random client ids).
    const doc = new Y.Doc()
    Y.applyUpdate(doc, mergeStoredDoc(await server.storage.loadDoc(board.id)))
    const before = Y.encodeStateVector(doc)
    doc.transact(() => {
      writeRecord(getRecordsMap(doc), legacy as never)
      getMetaMap(doc).set(META_SCHEMA_KEY, olderSchema)
    })
    await server.storage.appendUpdates(board.id, [Y.encodeStateAsUpdate(doc, before)])

    const client = connectProvider(server.url, board.id, board.tokens.viewer)
    await waitForSync(client)
    await waitFor(() => (readRecord(client.doc, 'shape:legacy')?.props as { richText?: unknown } | undefined)?.richText !== undefined, 30_000)
    const note = readRecord(client.doc, 'shape:legacy')!
    expect(richTextToPlainText((note.props as { richText: unknown }).richText)).toBe('written before rich text')
    expect((note.props as { text?: unknown }).text).toBeUndefined()
    expect(getMetaMap(client.doc).get(META_SCHEMA_KEY)).toEqual(getBoardSchema().serialize())
    client.destroy()
  })
})
