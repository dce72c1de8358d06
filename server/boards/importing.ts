/** .tldr import: into a new board, or beside what a board already holds. */
import { placeBeside } from '../../shared/placement.js'
import type { JsonRecord } from '../../shared/docLayout.js'
import { readBoardRecords, SERVER_ORIGIN, withBoardDocs, type BoardDocsDeps } from './boardDocs.js'
import { addRecords } from './boardState.js'
import { BoardError } from './errors.js'
import { createBoard, type CreatedBoard } from './lifecycle.js'
import { parseTldrFile } from './tldrFile.js'

async function parseOr422(file: string): Promise<JsonRecord[]> {
  const parsed = await parseTldrFile(file)
  if (!parsed.ok) throw new BoardError(422, parsed.error)
  return parsed.value
}

export async function importAsNewBoard(
  deps: BoardDocsDeps,
  input: { title?: string; file: string },
): Promise<CreatedBoard & { imported: number }> {
  const records = await parseOr422(input.file)
  const created = await createBoard(deps.storage, { title: input.title ?? 'Imported board' })
  const placed = placeBeside(records, [])
  await withBoardDocs(deps.rooms, created.board.id, ['board'], ({ board }) => addRecords(board, placed, SERVER_ORIGIN))
  return { ...created, imported: placed.length }
}

export async function importIntoBoard(deps: BoardDocsDeps, boardId: string, file: string): Promise<{ imported: number }> {
  const records = await parseOr422(file)
  const current = await readBoardRecords(deps, boardId)
  const placed = placeBeside(records, [...current.board, ...current.control])
  await withBoardDocs(deps.rooms, boardId, ['board'], ({ board }) => addRecords(board, placed, SERVER_ORIGIN))
  return { imported: placed.length }
}
