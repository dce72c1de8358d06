/**
 * "My boards": the boards this browser has opened, with the links it knows, kept in
 * localStorage only (there are no accounts; the links are the keys).
 */
import type { Role } from '../../shared/roles'

const STORAGE_KEY = 'canvas.myBoards'

export type MyBoard = {
  id: string
  title: string
  links: Partial<Record<Role, string>>
  /** The role of the last link used to open it (for offline reloads). */
  lastRole?: Role
  openedAt: number
}

export function loadMyBoards(): MyBoard[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as unknown
    if (!Array.isArray(parsed)) return []
    return (parsed as MyBoard[])
      .filter((b) => typeof b?.id === 'string' && typeof b.title === 'string' && typeof b.links === 'object')
      .sort((a, b) => b.openedAt - a.openedAt)
  } catch {
    return []
  }
}

function save(boards: MyBoard[]): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(boards))
}

/** Adds or updates a board, merging the links already known. */
export function rememberBoard(entry: { id: string; title: string; links: Partial<Record<Role, string>>; lastRole?: Role }): void {
  const boards = loadMyBoards()
  const existing = boards.find((b) => b.id === entry.id)
  const merged: MyBoard = {
    id: entry.id,
    title: entry.title,
    links: { ...existing?.links, ...entry.links },
    lastRole: entry.lastRole ?? existing?.lastRole,
    openedAt: Date.now(),
  }
  save([merged, ...boards.filter((b) => b.id !== entry.id)])
}

export function forgetBoard(id: string): void {
  save(loadMyBoards().filter((b) => b.id !== id))
}

export function findMyBoard(id: string): MyBoard | undefined {
  return loadMyBoards().find((b) => b.id === id)
}
