/**
 * StoreYjsBinding through the real server: tldraw stores bound to stock y-websocket clients.
 */
import type { TLShapeId, TLStore } from '@tldraw/tlschema'
import type { WebsocketProvider } from 'y-websocket'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecord } from '../../shared/docLayout.js'
import { StoreYjsBinding } from '../../client/sync/StoreYjsBinding.js'
import { connectProvider, createTestBoard, startTestServer, waitFor, waitForSync } from '../helpers/server.js'
import { createTestStore, noteRecord, rectangleRecord, richText, shapeOf } from '../helpers/tldrawStore.js'

type Client = { provider: WebsocketProvider; store: TLStore; binding: StoreYjsBinding; invalid: string[] }

describe('StoreYjsBinding over the server', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  const open: Client[] = []

  beforeAll(async () => {
    // 20,000 drag frames are sent as fast as the loop runs; the per-socket rate limit is not under test here.
    server = await startTestServer({ MAX_MESSAGES_PER_SECOND: 1_000_000 })
  })
  afterAll(async () => {
    for (const c of open) {
      c.binding.dispose()
      c.provider.destroy()
    }
    await server.close()
  })

  async function connect(boardId: string, token: string, roles: { board: boolean; control: boolean }, control?: WebsocketProvider): Promise<Client> {
    const provider = connectProvider(server.url, boardId, token)
    await waitForSync(provider)
    if (control) await waitForSync(control)
    const store = createTestStore()
    const invalid: string[] = []
    const binding = new StoreYjsBinding(
      store,
      { board: provider.doc, control: control?.doc },
      { canWriteBoard: roles.board, canWriteControl: roles.control, onInvalidRecord: (id) => invalid.push(id) },
    )
    const client = { provider, store, binding, invalid }
    open.push(client)
    return client
  }

  it('[S1] a move and a text edit of the same note, made concurrently by two clients, both survive', async () => {
    const board = await createTestBoard(server.url)
    const a = await connect(board.id, board.tokens.participant, { board: true, control: false })
    const b = await connect(board.id, board.tokens.facilitator, { board: true, control: true })
    a.store.put([noteRecord('shape:note', { x: 0, y: 0, text: 'draft' })])
    await waitFor(() => shapeOf(b.store, 'shape:note') !== undefined, 5000, 'note reaches B')

    // Same tick: neither client has seen the other's edit when making its own.
    a.store.update('shape:note' as TLShapeId, (r) => ({ ...r, x: 300, y: 150 }))
    b.store.update('shape:note' as TLShapeId, (r) => ({ ...r, props: { ...r.props, richText: richText('final words') } }) as never)

    const merged = (store: TLStore) => {
      const note = shapeOf(store, 'shape:note')
      return note?.x === 300 && note.y === 150 && JSON.stringify(note.props.richText) === JSON.stringify(richText('final words'))
    }
    await waitFor(() => merged(a.store) && merged(b.store), 5000, 'both edits on both clients')

    // What the server kept: a fresh client sees both edits too.
    const late = connectProvider(server.url, board.id, board.tokens.viewer)
    await waitForSync(late)
    expect(readRecord(late.doc, 'shape:note')).toMatchObject({ x: 300, y: 150, props: { richText: richText('final words') } })
    late.destroy()
    expect([...a.invalid, ...b.invalid]).toEqual([])
  })

  it('[S2] 20,000 drag frames on one shape grow the encoded doc by less than 1 KB', async () => {
    const board = await createTestBoard(server.url)
    const dragger = await connect(board.id, board.tokens.participant, { board: true, control: false })
    const watcher = await connect(board.id, board.tokens.viewer, { board: false, control: false })
    dragger.store.put([noteRecord('shape:dragged', { x: 0, y: 0, text: 'drag me' })])
    await waitFor(() => shapeOf(watcher.store, 'shape:dragged') !== undefined, 5000, 'note reaches the watcher')
    const before = Y.encodeStateAsUpdate(dragger.provider.doc).byteLength

    const FRAMES = 20_000
    for (let frame = 1; frame <= FRAMES; frame++) {
      dragger.store.update('shape:dragged' as TLShapeId, (r) => ({ ...r, x: frame, y: frame / 2 }))
    }
    await waitFor(() => shapeOf(watcher.store, 'shape:dragged')?.x === FRAMES, 60_000, 'last frame reaches the watcher')

    const afterLocal = Y.encodeStateAsUpdate(dragger.provider.doc).byteLength
    const fresh = connectProvider(server.url, board.id, board.tokens.viewer)
    await waitForSync(fresh)
    await waitFor(() => readRecord(fresh.doc, 'shape:dragged')?.x === FRAMES, 10_000, 'fresh client has the last frame')
    const afterServed = Y.encodeStateAsUpdate(fresh.doc).byteLength
    fresh.destroy()

    console.log(`[S2] ${FRAMES} drag frames: encoded doc ${before} B → ${afterLocal} B (dragger), ${afterServed} B (served to a fresh client); growth ${afterLocal - before} B / ${afterServed - before} B`)
    expect(afterLocal - before).toBeLessThan(1024)
    expect(afterServed - before).toBeLessThan(1024)
  })

  it('[R3] a template shape written to the control doc reaches participants, who cannot move it', async () => {
    const board = await createTestBoard(server.url)
    const facilitatorControl = connectProvider(server.url, `${board.id}/control`, board.tokens.facilitator)
    const facilitator = await connect(board.id, board.tokens.facilitator, { board: true, control: true }, facilitatorControl)
    const participantControl = connectProvider(server.url, `${board.id}/control`, board.tokens.participant)
    const participant = await connect(board.id, board.tokens.participant, { board: true, control: false }, participantControl)
    try {
      expect(facilitator.binding.writeToControl([rectangleRecord('shape:zone', 10, 10)]).ok).toBe(true)
      await waitFor(() => shapeOf(participant.store, 'shape:zone') !== undefined, 5000, 'template reaches the participant')

      participant.store.update('shape:zone' as TLShapeId, (r) => ({ ...r, x: 900 }))
      expect(shapeOf(participant.store, 'shape:zone')?.x).toBe(10)
      facilitator.store.update('shape:zone' as TLShapeId, (r) => ({ ...r, x: 20 }))
      await waitFor(() => shapeOf(participant.store, 'shape:zone')?.x === 20, 5000, 'facilitator move reaches the participant')

      const late = connectProvider(server.url, `${board.id}/control`, board.tokens.viewer)
      await waitForSync(late)
      expect(readRecord(late.doc, 'shape:zone')).toMatchObject({ x: 20, y: 10 })
      late.destroy()
      // The participant was never refused by the server (its client never wrote the control doc).
      expect(participantControl.wsconnected).toBe(true)
    } finally {
      facilitatorControl.destroy()
      participantControl.destroy()
    }
  })
})
