/**
 * The ordering rules of durability, checked at the Room with real SQLite storage whose
 * appends can be held back (the slowness of a remote database) or made to fail (a full disk):
 * no session ever receives state that is not stored yet, including one that joins mid-flush.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getBoardSchema } from '../../shared/boardSchema.js'
import { readRecord } from '../../shared/docLayout.js'
import { createBoard } from '../../server/boards/lifecycle.js'
import { createLogger } from '../../server/logger.js'
import { createMetrics } from '../../server/metrics.js'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'
import type { Storage } from '../../server/storage/Storage.js'
import { Room } from '../../server/sync/Room.js'
import { Session } from '../../server/sync/Session.js'
import type { SyncSocket } from '../../server/sync/SyncSocket.js'
import { waitFor } from '../helpers/server.js'
import { docFromFrames, noteIds, noteRecord, putRecord, sleep, syncStep1Frame, updateFrame } from './fixtures.js'

/** Real SQLite storage; appends wait while `hold` is set and throw while `failing` is. */
class ControlledStorage {
  hold: Promise<void> | null = null
  failing = false
  /** Every batch, once durable. */
  readonly batches: Uint8Array[][] = []
  /** What is durable, kept as a doc so that sends can be checked synchronously. */
  readonly durable = new Y.Doc()

  constructor(readonly inner: SqliteStorage) {}

  asStorage(): Storage {
    return new Proxy(this.inner, {
      get: (target, prop) => {
        if (prop === 'appendUpdates') {
          return async (docKey: string, updates: Uint8Array[]) => {
            if (this.hold) await this.hold
            if (this.failing) throw new Error('disk full')
            await target.appendUpdates(docKey, updates)
            this.batches.push(updates)
            for (const u of updates) Y.applyUpdate(this.durable, u)
          }
        }
        const value = Reflect.get(target, prop, target) as unknown
        return typeof value === 'function' ? value.bind(target) : value
      },
    }) as Storage
  }
}

type Peer = { session: Session; frames: Uint8Array[]; violations: string[] }

describe('persist before broadcast', () => {
  let inner: SqliteStorage
  let storage: ControlledStorage
  let room: Room
  let boardId: string

  beforeEach(async () => {
    inner = new SqliteStorage(':memory:')
    const created = await createBoard(inner, { title: 'flush' })
    boardId = created.board.id
    storage = new ControlledStorage(inner)
    for (const u of (await inner.loadDoc(boardId)).updates) Y.applyUpdate(storage.durable, u)
    room = new Room(boardId, 'board', {
      storage: storage.asStorage(),
      schema: getBoardSchema(),
      logger: createLogger('silent'),
      metrics: createMetrics(),
      limits: { MAX_MESSAGE_BYTES: 1 << 20, MAX_MESSAGES_PER_SECOND: 10_000, MAX_BOARD_BYTES: 1 << 26, COMPACT_AFTER_UPDATES: 10_000 },
    })
    await room.load()
  })
  afterEach(async () => {
    storage.hold = null
    storage.failing = false
    await room.close()
    await inner.close()
  })

  /** A session whose socket checks, at every send, that each note it carries is durable. */
  function join(): Peer {
    const frames: Uint8Array[] = []
    const violations: string[] = []
    const socket: SyncSocket = {
      isOpen: true,
      send(data) {
        frames.push(data)
        for (const id of noteIds(docFromFrames([data]))) {
          if (readRecord(storage.durable, id) === null) violations.push(id)
        }
      },
      close() {},
    }
    const session = new Session(socket, { boardId, role: 'participant', tokenHash: 'x', ip: '127.0.0.1' }, 'write')
    session.state = { name: 'open' }
    room.join(session)
    return { session, frames, violations }
  }

  function noteUpdate(id: string, x = 0): Uint8Array {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc))
    const sv = Y.encodeStateVector(doc)
    putRecord(doc, noteRecord(id, x, 0))
    return Y.encodeStateAsUpdate(doc, sv)
  }

  it('[D1][D7] while an append is in flight nobody receives the update; a client joining mid-flush gets only stored state', async () => {
    const writer = join()
    const watcher = join()
    let release!: () => void
    storage.hold = new Promise<void>((resolve) => (release = resolve))

    room.receive(writer.session, updateFrame(noteUpdate('shape:held')))
    await sleep(50)
    const late = join()
    room.receive(late.session, syncStep1Frame(new Y.Doc()))
    await sleep(100)
    expect(noteIds(docFromFrames(watcher.frames))).toEqual([])
    expect(noteIds(docFromFrames(late.frames))).toEqual([])
    expect(noteIds(await storedFromInner())).toEqual([])

    storage.hold = null
    release()
    await room.flushed()
    await waitFor(() => noteIds(docFromFrames(late.frames)).includes('shape:held'), 2000, 'late joiner')
    expect(noteIds(docFromFrames(watcher.frames))).toEqual(['shape:held'])
    expect(noteIds(await storedFromInner())).toEqual(['shape:held'])
    for (const peer of [writer, watcher, late]) expect(peer.violations).toEqual([])
  })

  it('[D2] updates received in one event-loop turn are appended as one batch, in order', async () => {
    const writer = join()
    const watcher = join()
    // One client's 20 successive edits, each building on the previous one.
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room.doc))
    const updates = Array.from({ length: 20 }, (_, i) => {
      const sv = Y.encodeStateVector(client)
      putRecord(client, noteRecord(`shape:b${String(i).padStart(2, '0')}`, i, 0))
      return Y.encodeStateAsUpdate(client, sv)
    })
    const before = storage.batches.length
    for (const u of updates) room.receive(writer.session, updateFrame(u))
    await room.flushed()
    expect(storage.batches.length - before).toBe(1)
    expect(storage.batches.at(-1)).toEqual(updates)
    expect(noteIds(await storedFromInner())).toHaveLength(20)
    expect(noteIds(docFromFrames(watcher.frames))).toHaveLength(20)
    expect(watcher.violations).toEqual([])
  })

  it('[D4] when storage fails nothing is broadcast; the batch is retried and delivered once stored', async () => {
    const writer = join()
    const watcher = join()
    storage.failing = true
    room.receive(writer.session, updateFrame(noteUpdate('shape:retry')))
    await sleep(300)
    expect(noteIds(docFromFrames(watcher.frames))).toEqual([])
    expect(noteIds(await storedFromInner())).toEqual([])
    storage.failing = false
    await waitFor(() => noteIds(docFromFrames(watcher.frames)).includes('shape:retry'), 5000, 'retried broadcast')
    expect(noteIds(await storedFromInner())).toEqual(['shape:retry'])
    expect(watcher.violations).toEqual([])
  })

  async function storedFromInner(): Promise<Y.Doc> {
    const stored = await inner.loadDoc(boardId)
    const doc = new Y.Doc()
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const u of stored.updates) Y.applyUpdate(doc, u)
    return doc
  }
})
