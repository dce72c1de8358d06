/**
 * SPEC D4 under real storage faults: the SQLite database of a running server is made read-only
 * (`PRAGMA query_only`, SQLite answers SQLITE_READONLY) or full (`PRAGMA max_page_count`,
 * SQLITE_FULL) in the middle of a session. The server stops acknowledging (nothing unstored is
 * relayed), tells subscribed clients the board is not being saved, logs it, and recovers when
 * storage comes back; nothing acknowledged is lost, and clients keep their edits.
 */
import type Database from 'better-sqlite3'
import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { getRecordsMap, readRecord, writeRecord } from '../../shared/docLayout.js'
import { BoardStatus, MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_BOARD_STATUS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC } from '../../shared/protocol.js'
import { startServer, type CanvasServer } from '../../server/server.js'
import { connectProvider, createTestBoard, tempDir, waitFor, waitForSync } from '../helpers/server.js'
import { captureLogs } from './support/logCapture.js'
import { RawClient } from './support/rawClient.js'
import { noteRecord } from './support/records.js'

type Fault = { name: string; code: string; inject: (db: Database.Database) => void; lift: (db: Database.Database) => void }

const FAULTS: Fault[] = [
  {
    name: 'read-only',
    code: 'SQLITE_READONLY',
    inject: (db) => db.pragma('query_only = ON'),
    lift: (db) => db.pragma('query_only = OFF'),
  },
  {
    name: 'full',
    code: 'SQLITE_FULL',
    inject: (db) => {
      // Cap the file at its size, then fill the free space left in it, as a full disk would.
      db.exec('CREATE TABLE IF NOT EXISTS test_filler (b BLOB)')
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`)
      const insert = db.prepare('INSERT INTO test_filler (b) VALUES (?)')
      for (const size of [4096, 256, 16]) {
        try {
          for (;;) insert.run(Buffer.alloc(size))
        } catch (error) {
          if ((error as { code?: string }).code !== 'SQLITE_FULL') throw error
        }
      }
    },
    lift: (db) => {
      db.pragma('max_page_count = 1073741823')
      db.exec('DROP TABLE test_filler')
    },
  },
]

/** The server's own SQLite connection (test-only reach-in: faults must hit the real engine). */
function sqliteOf(server: CanvasServer): Database.Database {
  return (server.storage as unknown as { db: Database.Database }).db
}

const STATUS_SUBSCRIBE = Uint8Array.of(MESSAGE_BOARD_STATUS)

/** A stock provider that also subscribes to board status, as the app's client does. */
function statusAwareProvider(url: string, boardId: string, token: string): { provider: WebsocketProvider; statuses: number[] } {
  const provider = connectProvider(url, boardId, token)
  const statuses: number[] = []
  provider.messageHandlers[MESSAGE_BOARD_STATUS] = (_encoder, decoder) => {
    statuses.push(decoding.readVarUint(decoder))
    decoding.readVarString(decoder)
  }
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connected') provider.ws?.send(STATUS_SUBSCRIBE)
  })
  return { provider, statuses }
}

const TWO_TEXT = 'while failing '.repeat(1500)
const last = (xs: number[]) => xs[xs.length - 1]
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('storage faults', () => {
  const cleanup: Array<() => Promise<void> | void> = []
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f()
  })

  async function start(dataDir: string, logs = captureLogs('info'), port = 0) {
    const server = await startServer({ HOST: '127.0.0.1', PORT: port, DATA_DIR: dataDir }, { logger: logs.logger, env: {} })
    cleanup.push(() => server.close())
    return { server, logs }
  }

  for (const fault of FAULTS) {
    it(`[D4] storage becomes ${fault.name} mid-session: no relay of unstored edits, clients told, logged, recovered, nothing lost`, async () => {
      const dataDir = tempDir()
      const { server, logs } = await start(dataDir)
      const board = await createTestBoard(server.url)
      const { provider: alice, statuses } = statusAwareProvider(server.url, board.id, board.tokens.participant)
      cleanup.push(() => alice.destroy())
      const bob = await RawClient.connect(server.url, board.id, board.tokens.participant)
      cleanup.push(() => bob.close())
      await Promise.all([waitForSync(alice), bob.waitSynced()])
      await waitFor(() => statuses.length > 0, 5000, 'the first status')
      expect(last(statuses)).toBe(BoardStatus.Saving)

      alice.doc.transact(() => writeRecord(getRecordsMap(alice.doc), noteRecord('shape:one', { text: 'stored' })))
      await waitFor(() => readRecord(bob.doc, 'shape:one') !== null, 5000, 'the stored note at bob')

      fault.inject(sqliteOf(server))
      // Large enough to need new pages: a full database still takes rows that fit its free space.
      alice.doc.transact(() => writeRecord(getRecordsMap(alice.doc), noteRecord('shape:two', { text: TWO_TEXT })))
      await waitFor(() => last(statuses) === BoardStatus.NotSaving, 5000, 'the not-saving status')
      // A client joining now is told at once, and gets nothing unstored.
      const carol = await RawClient.connect(server.url, board.id, board.tokens.viewer)
      cleanup.push(() => carol.close())
      carol.send(STATUS_SUBSCRIBE)
      await waitFor(() => carol.frames.some((f) => f[0] === MESSAGE_BOARD_STATUS && f[1] === BoardStatus.NotSaving), 5000, 'carol told')
      await sleep(1500)
      expect(readRecord(bob.doc, 'shape:two')).toBeNull()
      expect(readRecord(carol.doc, 'shape:two')).toBeNull()
      expect(readRecord(alice.doc, 'shape:two')).not.toBeNull()
      const failure = logs.entries().find((e) => e.msg === 'storage write failed: not saving, retrying')
      expect(failure?.level).toBe(50)
      expect(String(failure?.err)).toContain(fault.code === 'SQLITE_FULL' ? 'full' : 'readonly')
      // Logged once, not once per retry.
      expect(logs.entries().filter((e) => e.msg === failure?.msg)).toHaveLength(1)

      fault.lift(sqliteOf(server))
      await waitFor(() => last(statuses) === BoardStatus.Saving, 5000, 'the saving status')
      await waitFor(() => readRecord(bob.doc, 'shape:two') !== null, 5000, 'the held note at bob once stored')
      await waitFor(() => readRecord(carol.doc, 'shape:two') !== null, 5000, 'the held note at carol once stored')
      expect(logs.entries().some((e) => e.msg === 'storage recovered')).toBe(true)
      // A stock client that never subscribed never receives a message type it does not know.
      const known = new Set([MESSAGE_SYNC, MESSAGE_AWARENESS, MESSAGE_AUTH, MESSAGE_QUERY_AWARENESS])
      expect(bob.frames.every((f) => known.has(f[0]!))).toBe(true)

      await server.close()
      const { server: restarted } = await start(dataDir)
      const fresh = await RawClient.connect(restarted.url, board.id, board.tokens.viewer)
      cleanup.push(() => fresh.close())
      await fresh.waitSynced()
      expect(readRecord(fresh.doc, 'shape:one')).toEqual(noteRecord('shape:one', { text: 'stored' }))
      expect(readRecord(fresh.doc, 'shape:two')).toEqual(noteRecord('shape:two', { text: TWO_TEXT }))
    })
  }

  it('[D4] a server stopped while storage fails loses no edit: the client keeps it and resends after the restart', async () => {
    const dataDir = tempDir()
    const { server } = await start(dataDir)
    const port = server.port
    const board = await createTestBoard(server.url)
    const { provider: alice, statuses } = statusAwareProvider(server.url, board.id, board.tokens.participant)
    cleanup.push(() => alice.destroy())
    await waitForSync(alice)
    FAULTS[0]!.inject(sqliteOf(server))
    alice.doc.transact(() => writeRecord(getRecordsMap(alice.doc), noteRecord('shape:unsaved', { text: 'kept by the client' })))
    await waitFor(() => last(statuses) === BoardStatus.NotSaving, 5000, 'the not-saving status')
    await server.close()

    const { server: restarted } = await start(dataDir, captureLogs('info'), port)
    await waitFor(() => alice.wsconnected && alice.synced, 10_000, 'alice reconnected')
    const fresh = await RawClient.connect(restarted.url, board.id, board.tokens.viewer)
    cleanup.push(() => fresh.close())
    await fresh.waitSynced()
    await waitFor(() => readRecord(fresh.doc, 'shape:unsaved') !== null, 5000, 'the resent note')
    expect(readRecord(fresh.doc, 'shape:unsaved')).toEqual(noteRecord('shape:unsaved', { text: 'kept by the client' }))
  })
})
