import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectProvider, createTestBoard, startTestServer, waitFor, waitForSync } from '../helpers/server.js'

describe('sync basics', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('[S1] two stock WebsocketProvider clients converge; a late third gets the full state', async () => {
    const board = await createTestBoard(server.url)
    const a = connectProvider(server.url, board.id, board.tokens.participant)
    const b = connectProvider(server.url, board.id, board.tokens.facilitator)
    await Promise.all([waitForSync(a), waitForSync(b)])
    // Writes go through the doc layout (records map of Y.Maps); the guard refuses anything else.
    const { writeRecord, getRecordsMap, readRecord } = await import('../../shared/docLayout.js')
    const note = (id: string, x: number) => ({
      id, typeName: 'shape', type: 'note', x, y: 0, rotation: 0, index: 'a1', parentId: 'page:page',
      isLocked: false, opacity: 1, meta: {},
      props: { color: 'yellow', labelColor: 'black', size: 'm', font: 'draw', fontSizeAdjustment: 0, align: 'middle',
        verticalAlign: 'middle', growY: 0, url: '', richText: { type: 'doc', content: [{ type: 'paragraph' }] }, scale: 1 },
    })
    a.doc.transact(() => writeRecord(getRecordsMap(a.doc), note('shape:a', 10)))
    b.doc.transact(() => writeRecord(getRecordsMap(b.doc), note('shape:b', 20)))
    await waitFor(() => readRecord(a.doc, 'shape:b') !== null && readRecord(b.doc, 'shape:a') !== null)
    const c = connectProvider(server.url, board.id, board.tokens.viewer)
    await waitForSync(c)
    await waitFor(() => readRecord(c.doc, 'shape:a') !== null && readRecord(c.doc, 'shape:b') !== null)
    expect(Y.encodeStateVector(c.doc)).toEqual(Y.encodeStateVector(a.doc))
    expect(readRecord(c.doc, 'shape:a')).toEqual(note('shape:a', 10))
    for (const p of [a, b, c]) p.destroy()
  })
})
