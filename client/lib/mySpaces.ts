/**
 * "My spaces": the team spaces this browser has opened or created, with the links it knows, in
 * localStorage only (like "my boards"; the links are the keys, the space itself lives on the server).
 */
import type { SpaceLinks, SpaceRole } from '../api/spaces'

const STORAGE_KEY = 'canvas.mySpaces'

export type MySpace = { id: string; title: string; links: Partial<SpaceLinks>; openedAt: number }

export function loadMySpaces(): MySpace[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as unknown
    if (!Array.isArray(parsed)) return []
    return (parsed as MySpace[]).filter((s) => typeof s?.id === 'string' && typeof s.title === 'string' && typeof s.links === 'object' && s.links !== null).sort((a, b) => b.openedAt - a.openedAt)
  } catch {
    return []
  }
}

/** Adds or updates a space, keeping the links already known for other roles. */
export function rememberSpace(entry: { id: string; title: string; links: Partial<Record<SpaceRole, string>> }): void {
  const spaces = loadMySpaces()
  const existing = spaces.find((s) => s.id === entry.id)
  const merged: MySpace = { id: entry.id, title: entry.title, links: { ...existing?.links, ...entry.links }, openedAt: Date.now() }
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify([merged, ...spaces.filter((s) => s.id !== entry.id)].slice(0, 50)))
  } catch {
    // storage full or disabled: the space still works from its link
  }
}

export function forgetSpace(id: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(loadMySpaces().filter((s) => s.id !== id)))
  } catch {
    // nothing to forget
  }
}
