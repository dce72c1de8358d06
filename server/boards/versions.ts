/**
 * Saved versions of a board (SPEC H-rules): both shared docs' states in one blob. A restore
 * writes the old records on top as new changes, after saving the current state.
 */
import type { JsonRecord } from '../../shared/docLayout.js'
import type { VersionRecord } from '../storage/Storage.js'
import { readBoardState, SERVER_ORIGIN, withBoardDocs, type BoardDocsDeps } from './boardDocs.js'
import { decodeBoardState, encodeBoardState, recordsOfState, replaceRecords, SHARED_DOC_KINDS, type BoardState } from './boardState.js'
import { BoardError } from './errors.js'
import { restoredVersionLabel, SYSTEM_VERSION_LABELS } from '../../shared/versionLabels.js'

/** Saves the board's current state as a version. */
export async function saveVersion(deps: BoardDocsDeps, boardId: string, label: string): Promise<VersionRecord> {
  const state = await readBoardState(deps, boardId)
  return deps.storage.saveVersion(boardId, label, encodeBoardState(state), Date.now())
}

export async function listVersions(deps: BoardDocsDeps, boardId: string): Promise<VersionRecord[]> {
  return deps.storage.listVersions(boardId)
}

async function loadVersion(deps: BoardDocsDeps, boardId: string, versionId: number): Promise<BoardState> {
  const bytes = await deps.storage.loadVersion(boardId, versionId)
  if (!bytes) throw new BoardError(404, 'no such version')
  return decodeBoardState(bytes)
}

/** A version's records, for a preview. */
export async function versionRecords(deps: BoardDocsDeps, boardId: string, versionId: number): Promise<{ board: JsonRecord[]; control: JsonRecord[] }> {
  const state = await loadVersion(deps, boardId, versionId)
  return { board: recordsOfState(state.board), control: recordsOfState(state.control) }
}

/** Restores a version on top of the current state, which is saved first. */
export async function restoreVersion(deps: BoardDocsDeps, boardId: string, versionId: number): Promise<{ savedBefore: VersionRecord }> {
  const target = await loadVersion(deps, boardId, versionId)
  const savedBefore = await saveVersion(deps, boardId, SYSTEM_VERSION_LABELS.beforeRestore)
  await withBoardDocs(deps.rooms, boardId, SHARED_DOC_KINDS, (docs) => {
    for (const kind of SHARED_DOC_KINDS) replaceRecords(docs[kind], recordsOfState(target[kind]), SERVER_ORIGIN)
  })
  await saveVersion(deps, boardId, restoredVersionLabel(versionId))
  return { savedBefore }
}
