/**
 * The one contract every `Storage` implementation meets (DESIGN "Storage"). Registered by
 * sqlite.test.ts and postgres.test.ts with their own factory. Tests share one store per file,
 * so every test works on its own ids.
 */
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { mergeStoredDoc } from '../../server/sync/Room.js'
import type { BoardRecord, Storage, StoredDoc } from '../../server/storage/Storage.js'
import { signInSessionContract } from './signInSessionsContract.js'
import { teamStorageContract } from './teamsContract.js'

export type StorageFactory = () => Promise<{ storage: Storage; dispose(): Promise<void> }>

const uid = (prefix = 'b') => `${prefix}${crypto.randomBytes(6).toString('hex')}`

function board(overrides: Partial<BoardRecord> = {}): BoardRecord {
  const now = Date.now()
  return { id: uid(), title: 'Retro', template: null, createdAt: now, updatedAt: now, archived: false, ...overrides }
}

/** An update that sets `key` to `value` in map `m`, from a fresh client. */
function setUpdate(key: string, value: unknown): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('m').set(key, value)
  const u = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return u
}

function mapOf(stored: StoredDoc): Record<string, unknown> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, mergeStoredDoc(stored))
  const json = doc.getMap('m').toJSON()
  doc.destroy()
  return json
}

export function storageContract(name: string, factory: StorageFactory): void {
  describe(`Storage contract: ${name}`, () => {
    let storage: Storage
    let dispose: () => Promise<void>
    beforeAll(async () => {
      ;({ storage, dispose } = await factory())
    })
    afterAll(async () => {
      await dispose()
    })

    it('creates a board with its tokens and reads it back', async () => {
      const b = board({ title: 'Needs map', template: 'needs-map', archived: false })
      await storage.createBoard(b, [
        { hash: `${b.id}-f`, role: 'facilitator' },
        { hash: `${b.id}-p`, role: 'participant' },
        { hash: `${b.id}-v`, role: 'viewer' },
      ])
      expect(await storage.getBoard(b.id)).toEqual(b)
      expect(await storage.findToken(`${b.id}-p`)).toEqual({ boardId: b.id, role: 'participant' })
      expect(await storage.findToken('nope')).toBeNull()
      expect(await storage.getBoard(uid())).toBeNull()
    })

    it('a board creation that fails leaves nothing behind (one transaction)', async () => {
      const b = board()
      const dup = `${b.id}-dup`
      await expect(
        storage.createBoard(b, [
          { hash: dup, role: 'facilitator' },
          { hash: dup, role: 'participant' },
        ]),
      ).rejects.toThrow()
      expect(await storage.getBoard(b.id)).toBeNull()
      expect(await storage.findToken(dup)).toBeNull()
    })

    it('updates title, archived and updatedAt independently', async () => {
      const b = board({ createdAt: 1000, updatedAt: 1000 })
      await storage.createBoard(b, [])
      await storage.updateBoard(b.id, { title: 'Renamed' })
      await storage.updateBoard(b.id, { archived: true, updatedAt: 2000 })
      expect(await storage.getBoard(b.id)).toEqual({ ...b, title: 'Renamed', archived: true, updatedAt: 2000 })
      await storage.updateBoard(uid(), { title: 'ghost' }) // a missing board is not an error
    })

    it('lists boards newest first, with a literal search and a limit', async () => {
      const marker = uid('m')
      const titles = [`${marker} one`, `${marker} two`, `${marker}%_ three`]
      const boards = titles.map((title, i) => board({ title, updatedAt: 10_000 + i }))
      for (const b of boards) await storage.createBoard(b, [])
      const found = await storage.listBoards({ search: marker })
      expect(found.map((b) => b.title)).toEqual([titles[2], titles[1], titles[0]])
      expect((await storage.listBoards({ search: `${marker}%_` })).map((b) => b.title)).toEqual([titles[2]])
      expect(await storage.listBoards({ search: marker.toUpperCase() })).toHaveLength(3) // case-insensitive
      expect(await storage.listBoards({ search: marker, limit: 2 })).toHaveLength(2)
      expect((await storage.listBoards()).length).toBeGreaterThanOrEqual(3)
    })

    it('replaces the token of one role only', async () => {
      const b = board()
      await storage.createBoard(b, [
        { hash: `${b.id}-p1`, role: 'participant' },
        { hash: `${b.id}-v`, role: 'viewer' },
      ])
      await storage.replaceToken(b.id, 'participant', `${b.id}-p2`)
      expect(await storage.findToken(`${b.id}-p1`)).toBeNull()
      expect(await storage.findToken(`${b.id}-p2`)).toEqual({ boardId: b.id, role: 'participant' })
      expect(await storage.findToken(`${b.id}-v`)).toEqual({ boardId: b.id, role: 'viewer' })
    })

    it('an unknown doc loads empty', async () => {
      expect(await storage.loadDoc(uid())).toEqual({ snapshot: null, updates: [] })
      expect(await storage.countUpdates(uid())).toBe(0)
    })

    it('appends updates in order, byte for byte, per doc key', async () => {
      const key = uid()
      const backing = new Uint8Array([9, 9, 1, 2, 3, 9])
      const a = backing.subarray(2, 5) // a view with an offset must be stored as its own bytes
      const b = new Uint8Array([4, 5])
      const c = new Uint8Array(0)
      await storage.appendUpdates(key, [a, b])
      await storage.appendUpdates(key, [c])
      await storage.appendUpdates(`${key}/control`, [new Uint8Array([7])])
      const stored = await storage.loadDoc(key)
      expect(stored.snapshot).toBeNull()
      expect(stored.updates.map((u) => Array.from(u))).toEqual([[1, 2, 3], [4, 5], []])
      expect(await storage.countUpdates(key)).toBe(3)
      expect((await storage.loadDoc(`${key}/control`)).updates.map((u) => Array.from(u))).toEqual([[7]])
    })

    it('[D3] compaction merges snapshot and log into one snapshot and deletes the merged rows', async () => {
      const key = uid()
      await storage.appendUpdates(key, [setUpdate('a', 1), setUpdate('b', 2)])
      let seen: StoredDoc | null = null
      await storage.compact(key, (doc) => {
        seen = doc
        return mergeStoredDoc(doc)
      })
      expect(seen!.snapshot).toBeNull()
      expect(seen!.updates).toHaveLength(2)
      const after = await storage.loadDoc(key)
      expect(after.snapshot).not.toBeNull()
      expect(after.updates).toEqual([])
      expect(await storage.countUpdates(key)).toBe(0)
      expect(mapOf(after)).toEqual({ a: 1, b: 2 })

      // A second round merges the previous snapshot too.
      await storage.appendUpdates(key, [setUpdate('c', 3)])
      await storage.compact(key, mergeStoredDoc)
      expect(mapOf(await storage.loadDoc(key))).toEqual({ a: 1, b: 2, c: 3 })
      expect(await storage.countUpdates(key)).toBe(0)
    })

    it('compaction stores the schema tag and state vector its merge returns beside the snapshot, and replaces them on the next one', async () => {
      const key = uid()
      await storage.appendUpdates(key, [setUpdate('a', 1)])
      const stateVector = new Uint8Array([1, 2, 3, 250])
      await storage.compact(key, (doc) => ({ state: mergeStoredDoc(doc), schemaTag: 'schema-one', stateVector }))
      const tagged = await storage.loadDoc(key)
      expect(tagged.snapshotSchema).toBe('schema-one')
      expect(Array.from(tagged.snapshotStateVector!)).toEqual([1, 2, 3, 250])
      expect(mapOf(tagged)).toEqual({ a: 1 })

      // Appending keeps the tag of the snapshot; the log beside it is what a loader must apply.
      await storage.appendUpdates(key, [setUpdate('b', 2)])
      const appended = await storage.loadDoc(key)
      expect(appended.snapshotSchema).toBe('schema-one')
      expect(appended.updates).toHaveLength(1)

      // A merge that returns bare bytes (schema unknown) clears the tag.
      await storage.compact(key, mergeStoredDoc)
      const untagged = await storage.loadDoc(key)
      expect(untagged.snapshotSchema).toBeNull()
      expect(untagged.snapshotStateVector).toBeNull()
      expect(mapOf(untagged)).toEqual({ a: 1, b: 2 })
    })

    it('compaction with an empty log does not call merge and changes nothing', async () => {
      const key = uid()
      let called = false
      await storage.compact(key, () => {
        called = true
        return new Uint8Array()
      })
      expect(called).toBe(false)
      expect(await storage.loadDoc(key)).toEqual({ snapshot: null, updates: [] })
    })

    it('a failing merge rolls compaction back and keeps every row', async () => {
      const key = uid()
      await storage.appendUpdates(key, [setUpdate('a', 1)])
      await expect(
        storage.compact(key, () => {
          throw new Error('merge failed')
        }),
      ).rejects.toThrow('merge failed')
      const stored = await storage.loadDoc(key)
      expect(stored.snapshot).toBeNull()
      expect(stored.updates).toHaveLength(1)
    })

    it('[D3] appends racing a compaction are never lost', async () => {
      const key = uid()
      await storage.appendUpdates(key, [setUpdate('seed', 0)])
      const writes: Array<Promise<void>> = []
      for (let i = 0; i < 40; i++) {
        writes.push(storage.appendUpdates(key, [setUpdate(`k${i}`, i)]))
        if (i % 10 === 5) writes.push(storage.compact(key, mergeStoredDoc))
      }
      await Promise.all(writes)
      const expected: Record<string, number> = { seed: 0 }
      for (let i = 0; i < 40; i++) expected[`k${i}`] = i
      expect(mapOf(await storage.loadDoc(key))).toEqual(expected)
      await storage.compact(key, mergeStoredDoc)
      expect(mapOf(await storage.loadDoc(key))).toEqual(expected)
    })

    it('deleting a board removes its docs, sub-docs and tokens, and nothing of a board whose id extends it', async () => {
      const b = board()
      const other = board({ id: `${b.id}x` })
      await storage.createBoard(b, [{ hash: `${b.id}-f`, role: 'facilitator' }])
      await storage.createBoard(other, [])
      await storage.appendUpdates(b.id, [setUpdate('a', 1)])
      await storage.appendUpdates(`${b.id}/control`, [setUpdate('a', 1)])
      await storage.compact(`${b.id}/control`, mergeStoredDoc)
      await storage.appendUpdates(`${b.id}/private/p1-private-doc-id-0000000`, [setUpdate('a', 1)])
      await storage.appendUpdates(other.id, [setUpdate('o', 1)])
      await storage.deleteBoard(b.id)
      expect(await storage.getBoard(b.id)).toBeNull()
      expect(await storage.findToken(`${b.id}-f`)).toBeNull()
      for (const key of [b.id, `${b.id}/control`, `${b.id}/private/p1-private-doc-id-0000000`]) {
        expect(await storage.loadDoc(key)).toEqual({ snapshot: null, updates: [] })
      }
      expect(await storage.getBoard(other.id)).toEqual(other)
      expect(mapOf(await storage.loadDoc(other.id))).toEqual({ o: 1 })
    })

    it('lists stored doc keys by literal prefix, whether logged or only snapshotted', async () => {
      const id = uid()
      await storage.appendUpdates(id, [setUpdate('a', 1)])
      await storage.appendUpdates(`${id}/control`, [setUpdate('a', 1)])
      await storage.appendUpdates(`${id}/private/p1-private-doc-id-0000000`, [setUpdate('a', 1)])
      await storage.compact(`${id}/private/p1-private-doc-id-0000000`, mergeStoredDoc) // snapshot only, no log rows
      await storage.appendUpdates(`${id}/private/p2-private-doc-id-0000000`, [setUpdate('a', 1), setUpdate('b', 2)])
      await storage.appendUpdates(`${id}x/private/p3`, [setUpdate('a', 1)])
      expect(await storage.listDocKeys(`${id}/private/`)).toEqual([`${id}/private/p1-private-doc-id-0000000`, `${id}/private/p2-private-doc-id-0000000`])
      expect(await storage.listDocKeys(`${id}/`)).toEqual([`${id}/control`, `${id}/private/p1-private-doc-id-0000000`, `${id}/private/p2-private-doc-id-0000000`])
      expect(await storage.listDocKeys(`${id.slice(0, 3)}%_/`)).toEqual([]) // wildcards are literal
    })

    it('saves, lists (newest first) and loads versions per board', async () => {
      const b = board()
      const other = board()
      await storage.createBoard(b, [])
      await storage.createBoard(other, [])
      const v1 = await storage.saveVersion(b.id, 'before vote', new Uint8Array([1, 2]), 111)
      const v2 = await storage.saveVersion(b.id, 'after vote', new Uint8Array([3]), 222)
      await storage.saveVersion(other.id, 'other', new Uint8Array([4]), 333)
      expect(v1).toEqual({ id: expect.any(Number), boardId: b.id, label: 'before vote', createdAt: 111 })
      expect(await storage.listVersions(b.id)).toEqual([v2, v1])
      expect(Array.from((await storage.loadVersion(b.id, v1.id))!)).toEqual([1, 2])
      expect(await storage.loadVersion(other.id, v1.id)).toBeNull() // bound to its board
      expect(await storage.loadVersion(b.id, 987_654_321)).toBeNull()
    })

    it('stores one board image per board, replaced on put, gone with the board', async () => {
      const b = board()
      await storage.createBoard(b, [])
      expect(await storage.getBoardImage(b.id)).toBeNull()
      await storage.putBoardImage(b.id, 'data:image/png;base64,AAAA')
      await storage.putBoardImage(b.id, 'data:image/svg+xml;base64,BBBB')
      expect(await storage.getBoardImage(b.id)).toBe('data:image/svg+xml;base64,BBBB')
      await storage.deleteBoard(b.id)
      expect(await storage.getBoardImage(b.id)).toBeNull()
    })

    teamStorageContract(() => storage)
    signInSessionContract(() => storage)

    it('answers ping', async () => {
      await expect(storage.ping()).resolves.toBeUndefined()
      expect(typeof storage.kind).toBe('string')
    })
  })
}
