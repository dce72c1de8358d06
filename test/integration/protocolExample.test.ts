/**
 * docs/PROTOCOL.md promises that plain Yjs and a stock provider are enough to read and write a
 * board. This runs the document's example (section 5) as written, against a real server, and
 * reads the result back with the project's codec and tldraw's validators.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getBoardSchema, validateRecord } from '../../shared/boardSchema.js'
import { readRecord } from '../../shared/docLayout.js'
import { connectProvider, createTestBoard, startTestServer, waitFor, waitForSync } from '../helpers/server.js'
import { noteRecord, storedDoc } from './fixtures.js'

describe('PROTOCOL.md example', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('[S3] a note written and edited with plain Y.Map calls is accepted, stored and read back as a valid record', async () => {
    const { id: boardId, tokens } = await createTestBoard(server.url)
    const provider = connectProvider(server.url, boardId, tokens.participant)
    const doc = provider.doc
    const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()))
    const reader = connectProvider(server.url, boardId, tokens.viewer)
    await waitForSync(reader)
    const socket = () => provider.ws

    // ---- the example, verbatim apart from the provider's construction ----
    await synced // the example's provider.once('sync', …)
    const records = doc.getMap('records')
    doc.transact(() => {
      const props = new Y.Map()
      const text = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] }] }
      for (const [key, value] of Object.entries({
        color: 'yellow', labelColor: 'black', size: 'm', font: 'draw', fontSizeAdjustment: 0,
        align: 'middle', verticalAlign: 'middle', growY: 0, url: '', scale: 1, richText: text,
      })) props.set(key, value)
      const note = new Y.Map()
      for (const [key, value] of Object.entries({
        id: 'shape:hello', typeName: 'shape', type: 'note', index: 'a1',
        isLocked: false, opacity: 1, meta: {},
        xf: { parentId: 'page:page', x: 100, y: 50, rotation: 0 },
      })) note.set(key, value)
      note.set('props', props)
      records.set('shape:hello', note)
    })
    const first = socket()
    await waitFor(() => readRecord(reader.doc, 'shape:hello') !== null, 5000, 'note at the reader')
    expect(readRecord(reader.doc, 'shape:hello')).toEqual(noteRecord('shape:hello', 100, 50, 'Hello'))

    const note = records.get('shape:hello') as Y.Map<unknown>
    note.set('xf', { ...(note.get('xf') as object), x: 300 })
    ;(note.get('props') as Y.Map<unknown>).set('richText', {
      type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello again' }] }],
    })
    // ---- end of the example ----

    const expected = noteRecord('shape:hello', 300, 50, 'Hello again')
    await waitFor(() => readRecord(reader.doc, 'shape:hello')?.x === 300, 5000, 'move at the reader')
    await waitFor(() => JSON.stringify(readRecord(reader.doc, 'shape:hello')) === JSON.stringify(readRecord(doc as Y.Doc, 'shape:hello')))
    expect(readRecord(reader.doc, 'shape:hello')).toEqual(expected)
    expect(validateRecord(getBoardSchema(), expected).ok).toBe(true)
    // Accepted by the schema guard: the writer was never closed.
    expect(socket()).toBe(first)
    await server.rooms.getLoaded(boardId)?.flushed()
    expect(readRecord(await storedDoc(server.storage, boardId), 'shape:hello')).toEqual(expected)
    provider.destroy()
    reader.destroy()
  })
})
