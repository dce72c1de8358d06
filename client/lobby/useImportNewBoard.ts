import { useState } from 'react'
import { rememberBoard } from '../lib/myBoards'
import { importIntoNewBoard, type CreatedBoardLinks } from '../api/boards'
import { readImportFile } from '../board/tools/readImportFile'
import { errorMessage } from '../api/http'

export type ImportNewState = { state: 'idle' } | { state: 'busy' } | { state: 'done'; created: CreatedBoardLinks; count: number } | { state: 'failed'; reason: string }

/** A .tldr file as a new board (lobby): on success the board joins "my boards" with its three links. */
export function useImportNewBoard() {
  const [status, setStatus] = useState<ImportNewState>({ state: 'idle' })
  const importFile = async (file: File, title?: string) => {
    setStatus({ state: 'busy' })
    try {
      const result = await importIntoNewBoard(await readImportFile(file), title?.trim() || file.name.replace(/\.tldr$/i, '') || undefined)
      rememberBoard({ id: result.board.id, title: result.board.title, links: result.links, lastRole: 'facilitator' })
      setStatus({ state: 'done', created: { board: result.board, links: result.links }, count: result.imported })
      // The lobby's list listens for storage events; same-tab writes do not fire one by themselves.
      window.dispatchEvent(new StorageEvent('storage'))
    } catch (error) {
      setStatus({ state: 'failed', reason: errorMessage(error) })
    }
  }
  return { status, importFile }
}
