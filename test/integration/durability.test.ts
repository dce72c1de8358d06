/**
 * Issue 2, test 4 and the room lifecycle: what another client has received survives SIGKILL
 * and SIGTERM of the server process; a clean shutdown and a room unload flush and compact.
 */
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { readAllRecords, readRecord } from '../../shared/docLayout.js'
import { CloseEvents } from '../../shared/protocol.js'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'
import {
  connectProvider,
  createTestBoard,
  spawnServerProcess,
  startTestServer,
  waitFor,
  waitForSync,
  type ServerProcess,
} from '../helpers/server.js'
import { noteIds, noteRecord, putRecord, rawClient, storedDoc, wsUrl } from './fixtures.js'

const BURST = 300
/** No cluster services in these runs; the burst is above the default per-connection rate on purpose. */
const PROCESS_ENV = { DATABASE_URL: '', REDIS_URL: '', MAX_MESSAGES_PER_SECOND: '10000' }

function sortedRecords(doc: Y.Doc) {
  return readAllRecords(doc).sort((a, b) => a.id.localeCompare(b.id))
}

describe('durability across process death', () => {
  const processes: ServerProcess[] = []
  const providers: WebsocketProvider[] = []
  afterEach(async () => {
    for (const p of providers.splice(0)) p.destroy()
    for (const proc of processes.splice(0)) {
      if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGKILL')
      await proc.exited
    }
  })

  async function start(dataDir?: string): Promise<ServerProcess> {
    const proc = await spawnServerProcess(dataDir ? { ...PROCESS_ENV, DATA_DIR: dataDir } : PROCESS_ENV)
    processes.push(proc)
    return proc
  }

  function provider(url: string, room: string, token: string): WebsocketProvider {
    const p = connectProvider(url, room, token)
    providers.push(p)
    return p
  }

  /**
   * A burst of BURST updates (new notes, then moves and edits of the first) from one client;
   * `onAllReceived` runs synchronously in the update handler of the other client at the very
   * moment it has received the last one.
   */
  async function burstThen(url: string, boardId: string, tokens: { participant: string; facilitator: string }, onAllReceived: () => void) {
    const writer = provider(url, boardId, tokens.participant)
    const watcher = provider(url, boardId, tokens.facilitator)
    await Promise.all([waitForSync(writer, 30_000), waitForSync(watcher, 30_000)])
    const last = () => readRecord(watcher.doc, 'shape:burst-0')
    let fired = false
    const done = new Promise<void>((resolve) => {
      watcher.doc.on('update', () => {
        const first = last()
        if (fired || noteIds(watcher.doc).length < BURST - 50 || !first || first.x !== 999) return
        fired = true
        onAllReceived()
        resolve()
      })
    })
    for (let i = 0; i < BURST - 50; i++) putRecord(writer.doc, noteRecord(`shape:burst-${i}`, i, i, `note ${i}`))
    for (let i = 0; i < 50; i++) putRecord(writer.doc, noteRecord('shape:burst-0', i === 49 ? 999 : i * 3, 7, `edit ${i}`))
    await done
    return { writer, watcher, expected: sortedRecords(watcher.doc) }
  }

  it('[D1] SIGKILL right after a burst another client received: after restart a fresh client sees every update', async () => {
    const first = await start()
    const board = await createTestBoard(first.url)
    const { expected } = await burstThen(first.url, board.id, board.tokens, () => first.child.kill('SIGKILL'))
    await first.exited
    expect(first.child.signalCode).toBe('SIGKILL')
    expect(expected.filter((r) => r.typeName === 'shape')).toHaveLength(BURST - 50)

    const second = await start(first.dataDir)
    const fresh = provider(second.url, board.id, board.tokens.viewer)
    await waitForSync(fresh, 30_000)
    expect(sortedRecords(fresh.doc)).toEqual(expected)
    expect(readRecord(fresh.doc, 'shape:burst-0')).toMatchObject({ x: 999, y: 7 })
  }, 240_000)

  it('[D1][D6] SIGTERM right after a burst: sessions get 4009, the process exits 0 after a final flush and compaction, nothing is lost', async () => {
    const first = await start()
    const board = await createTestBoard(first.url)
    const bystander = rawClient(wsUrl(first.url, board.id, board.tokens.viewer))
    await bystander.opened
    const { expected } = await burstThen(first.url, board.id, board.tokens, () => first.child.kill('SIGTERM'))
    expect(await first.exited).toBe(0)
    expect(await bystander.closed).toEqual(CloseEvents.ServerShutdown)

    // Clean shutdown compacted the board: one snapshot row, no log rows.
    const storage = new SqliteStorage(path.join(first.dataDir, 'boards.sqlite'))
    try {
      const stored = await storage.loadDoc(board.id)
      expect(stored.snapshot).not.toBeNull()
      expect(stored.updates).toHaveLength(0)
      expect(sortedRecords(await storedDoc(storage, board.id))).toEqual(expected)
    } finally {
      await storage.close()
    }

    const second = await start(first.dataDir)
    const fresh = provider(second.url, board.id, board.tokens.viewer)
    await waitForSync(fresh, 30_000)
    expect(sortedRecords(fresh.doc)).toEqual(expected)
  }, 240_000)

  it('[D6][S8] SIGINT shuts down the same way (4009, compacted, exit 0); writes in flight at the signal are not lost', async () => {
    const proc = await start()
    const board = await createTestBoard(proc.url)
    const writer = provider(proc.url, board.id, board.tokens.participant)
    await waitForSync(writer, 30_000)
    const closed = new Promise<number>((resolve) => writer.once('connection-close', (event) => resolve(event?.code ?? 0)))
    for (let i = 0; i < 20; i++) putRecord(writer.doc, noteRecord(`shape:int-${i}`, i, 0))
    // Signal in the same turn as the writes: they are in flight or queued, not yet broadcast.
    proc.child.kill('SIGINT')
    expect(await proc.exited).toBe(0)
    expect(await closed).toBe(CloseEvents.ServerShutdown.code)
    const storage = new SqliteStorage(path.join(proc.dataDir, 'boards.sqlite'))
    try {
      const stored = await storage.loadDoc(board.id)
      expect(stored.updates).toHaveLength(0)
      expect(stored.snapshot).not.toBeNull()
      // What reached the server before the signal is stored; the rest the client still holds
      // and sends on its next connection (S8). Either way the doc stays a valid board.
      const ids = noteIds(await storedDoc(storage, board.id))
      expect(ids.every((id) => id.startsWith('shape:int-'))).toBe(true)
    } finally {
      await storage.close()
    }
    // Back on the same port: the writer reconnects by itself and its step 2 completes the board.
    const again = await spawnServerProcess({ ...PROCESS_ENV, DATA_DIR: proc.dataDir, PORT: new URL(proc.url).port })
    processes.push(again)
    const fresh = provider(again.url, board.id, board.tokens.viewer)
    await waitFor(() => noteIds(fresh.doc).length === 20, 60_000, 'all 20 notes after restart')
  }, 240_000)
})

describe('room lifecycle', () => {
  it('[D5] the room unloads after its last session leaves, with a final flush and compaction', async () => {
    const server = await startTestServer()
    try {
      const board = await createTestBoard(server.url)
      const client = connectProvider(server.url, board.id, board.tokens.participant)
      await waitForSync(client)
      for (let i = 0; i < 5; i++) putRecord(client.doc, noteRecord(`shape:n${i}`, i * 10, 0))
      await waitFor(() => noteIds(server.rooms.getLoaded(board.id)?.doc ?? new Y.Doc()).length === 5, 5000, 'notes at the server')
      await server.rooms.getLoaded(board.id)!.flushed()
      expect((await server.storage.loadDoc(board.id)).updates.length).toBeGreaterThan(1)

      client.destroy()
      await waitFor(() => server.rooms.getLoaded(board.id) === undefined, 5000, 'room unload')
      await waitFor(() => server.rooms.loadedRooms === 0)
      let stored = await server.storage.loadDoc(board.id)
      const deadline = Date.now() + 5000
      while (stored.updates.length > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20))
        stored = await server.storage.loadDoc(board.id)
      }
      expect(stored.snapshot).not.toBeNull()
      expect(stored.updates).toHaveLength(0)
      expect(noteIds(await storedDoc(server.storage, board.id))).toEqual(['shape:n0', 'shape:n1', 'shape:n2', 'shape:n3', 'shape:n4'])

      // The next session loads the room again from the snapshot.
      const again = connectProvider(server.url, board.id, board.tokens.viewer)
      await waitForSync(again)
      expect(noteIds(again.doc)).toHaveLength(5)
      again.destroy()
    } finally {
      await server.close()
    }
  })

  it('[D5] a client that connects while the room is unloading waits for the final flush and gets everything', async () => {
    const server = await startTestServer()
    try {
      const board = await createTestBoard(server.url)
      for (let round = 0; round < 8; round++) {
        const writer = connectProvider(server.url, board.id, board.tokens.participant)
        await waitForSync(writer)
        putRecord(writer.doc, noteRecord(`shape:r${round}`, round * 10, 0))
        // The last session leaves as soon as its write has reached the server (not necessarily stored),
        // and the next client connects in the same turn, while the room unloads.
        await waitFor(() => readRecord(server.rooms.getLoaded(board.id)?.doc ?? new Y.Doc(), `shape:r${round}`) !== null, 5000, 'write at the server')
        writer.destroy()
        const next = connectProvider(server.url, board.id, board.tokens.viewer)
        await waitForSync(next)
        expect(noteIds(next.doc)).toHaveLength(round + 1)
        next.destroy()
      }
    } finally {
      await server.close()
    }
  })

  it('[D3] past COMPACT_AFTER_UPDATES the log is merged into the snapshot while sessions stay connected', async () => {
    const server = await startTestServer({ COMPACT_AFTER_UPDATES: 10 })
    try {
      const board = await createTestBoard(server.url)
      const a = connectProvider(server.url, board.id, board.tokens.participant)
      const b = connectProvider(server.url, board.id, board.tokens.facilitator)
      await Promise.all([waitForSync(a), waitForSync(b)])
      for (let i = 0; i < 25; i++) {
        putRecord(a.doc, noteRecord(`shape:c${i}`, i, 0))
        await new Promise((r) => setTimeout(r, 2))
      }
      await waitFor(() => noteIds(b.doc).length === 25)
      await server.rooms.getLoaded(board.id)!.flushed()
      const stored = await server.storage.loadDoc(board.id)
      expect(stored.snapshot).not.toBeNull()
      expect(stored.updates.length).toBeLessThan(10)
      expect(noteIds(await storedDoc(server.storage, board.id))).toHaveLength(25)
      a.destroy()
      b.destroy()
    } finally {
      await server.close()
    }
  })
})
