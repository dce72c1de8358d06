/**
 * SPEC S6 for edits of a record the server has already accepted: the guard re-reads only the
 * fields and props a write changes (issue 18), so each kind of bad edit of an existing note is
 * checked here on its own. The writer is closed with SchemaRejected, nobody receives the edit,
 * and a valid edit of the same note afterwards is accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getRecordsMap, readRecord, writeRecord } from '../../shared/docLayout.js'
import { CloseEvents } from '../../shared/protocol.js'
import { createTestBoard, startTestServer, waitFor } from '../helpers/server.js'
import { RawClient } from './support/rawClient.js'
import { noteRecord } from './support/records.js'

type BadEdit = { name: string; edit: (note: Y.Map<unknown>) => void; why: RegExp }

const props = (note: Y.Map<unknown>) => note.get('props') as Y.Map<unknown>

const BAD_EDITS: BadEdit[] = [
  { name: 'a prop set to the wrong type', edit: (note) => props(note).set('color', 42), why: /shape:n.*color/ },
  { name: 'a shared type put into a prop', edit: (note) => props(note).set('text', new Y.Map()), why: /prop text is not a plain value/ },
  { name: 'a shared type put into a field', edit: (note) => note.set('meta', new Y.Text('x')), why: /field meta is not a plain value/ },
  { name: 'the record type deleted', edit: (note) => note.delete('typeName'), why: /no id or type/ },
  { name: 'a position that is not a number', edit: (note) => note.set('xf', { x: 'far', y: 0, rotation: 0 }), why: /shape:n/ },
  { name: 'props replaced by a JSON blob', edit: (note) => note.set('props', { color: 'red' }), why: /props must be a nested map/ },
  { name: 'a required prop deleted', edit: (note) => props(note).delete('color'), why: /shape:n/ },
]

describe('[S6] bad edits of an accepted note', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  for (const bad of BAD_EDITS) {
    it(`[S6] ${bad.name}: refused, never forwarded, and a valid edit of the note still goes through`, async () => {
      const board = await createTestBoard(server.url)
      const observer = await RawClient.connect(server.url, board.id, board.tokens.facilitator)
      const author = await RawClient.connect(server.url, board.id, board.tokens.participant)
      await Promise.all([observer.waitSynced(), author.waitSynced()])
      const id = 'shape:n1'
      author.write((doc) => writeRecord(getRecordsMap(doc), noteRecord(id, { text: 'first' })))
      await waitFor(() => readRecord(observer.doc, id) !== null, 5000, 'the note at the observer')
      // A valid edit first, so that the server holds the note as accepted by an edit too.
      author.write((doc) => writeRecord(getRecordsMap(doc), noteRecord(id, { text: 'first', x: 40 })))
      await waitFor(() => (readRecord(observer.doc, id) as { x?: number } | null)?.x === 40, 5000, 'the valid edit at the observer')

      const editor = await RawClient.connect(server.url, board.id, board.tokens.participant)
      await editor.waitSynced()
      editor.write((doc) => bad.edit(getRecordsMap(doc).get(id) as Y.Map<unknown>))
      const closed = await editor.waitClosed()
      expect(closed.code).toBe(CloseEvents.SchemaRejected.code)
      expect(closed.reason).toMatch(bad.why)

      author.write((doc) => writeRecord(getRecordsMap(doc), noteRecord(id, { text: 'after', x: 80 })))
      await waitFor(() => (readRecord(observer.doc, id) as { x?: number } | null)?.x === 80, 5000, 'a valid edit after the refused one')
      expect(observer.receivedFromClient(editor.doc.clientID)).toBe(false)
      expect(readRecord(observer.doc, id)).toEqual(noteRecord(id, { text: 'after', x: 80 }))
      const fresh = await RawClient.connect(server.url, board.id, board.tokens.viewer)
      await fresh.waitSynced()
      expect(readRecord(fresh.doc, id)).toEqual(noteRecord(id, { text: 'after', x: 80 }))
      expect(fresh.receivedFromClient(editor.doc.clientID)).toBe(false)
      for (const c of [observer, author, editor, fresh]) c.close()
    })
  }
})
