/**
 * A board's docs as server tasks see them: read once from a live room (so it includes what
 * sessions wrote) or from storage, and held together while a task writes to them (SPEC S10).
 * Every server read and write of a board's docs goes through these functions.
 */
import type * as Y from 'yjs'
import type { JsonRecord } from '../../shared/docLayout.js'
import { docKey, type DocName } from '../../shared/roles.js'
import type { Storage } from '../storage/Storage.js'
import { mergeStoredDoc } from '../sync/LiveDoc.js'
import type { RoomManager } from '../sync/RoomManager.js'
import { recordsOfState, type BoardState, type SharedDocKind } from './boardState.js'

/** What every board service works with. */
export type BoardDocsDeps = { rooms: RoomManager; storage: Storage }

/** Origin of server-made changes in room docs: persisted and broadcast like any other. */
export const SERVER_ORIGIN = 'server'

/**
 * One doc's state, read once: from its room when loaded (after the room's pending writes are
 * stored; a sleeping doc is read without waking it), else merged from storage.
 */
export async function readDoc({ rooms, storage }: BoardDocsDeps, boardId: string, name: DocName): Promise<Uint8Array> {
  const key = docKey(boardId, name)
  const room = rooms.getLoaded(key)
  if (room) {
    await room.flushed()
    return room.encodeState()
  }
  return mergeStoredDoc(await storage.loadDoc(key))
}

export async function readBoardState(deps: BoardDocsDeps, boardId: string): Promise<BoardState> {
  return {
    board: await readDoc(deps, boardId, { kind: 'board' }),
    control: await readDoc(deps, boardId, { kind: 'control' }),
  }
}

/** The records of both shared docs. */
export async function readBoardRecords(deps: BoardDocsDeps, boardId: string): Promise<Record<SharedDocKind, JsonRecord[]>> {
  const state = await readBoardState(deps, boardId)
  return { board: recordsOfState(state.board), control: recordsOfState(state.control) }
}

/**
 * Holds the given shared docs of a board (loading their rooms if needed) for as long as `task`
 * runs, and returns once what it wrote is stored (SPEC S10: a held room is never unloaded).
 */
export async function withBoardDocs<K extends SharedDocKind, T>(
  rooms: RoomManager,
  boardId: string,
  kinds: readonly K[],
  task: (docs: Record<K, Y.Doc>) => T | Promise<T>,
): Promise<T> {
  const held: Partial<Record<K, Y.Doc>> = {}
  const hold = async (i: number): Promise<T> => {
    const kind = kinds[i]
    if (kind === undefined) return task(held as Record<K, Y.Doc>)
    return rooms.withRoom(docKey(boardId, { kind }), kind, (room) => {
      held[kind] = room.doc
      return hold(i + 1)
    })
  }
  return hold(0)
}
