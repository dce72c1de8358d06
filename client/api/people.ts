/**
 * Admission and sign-in routes (docs/PROTOCOL.md, "Admission"; SPEC R12–R17), through the one
 * client in `./http`.
 */
import type { Role } from '../../shared/roles'
import type { BoardInfo } from './boards'
import { apiJson, boardPath } from './http'

export type PersonStatus = 'waiting' | 'admitted' | 'revoked'
export type Person = { id: string; name: string; status: PersonStatus; createdAt: number }
/** `board`: only when the token opens the board itself (what `GET /api/boards/:id` answers). */
export type LobbyState = { role: Role; admission: boolean; signIn: boolean; signedInAs: string | null; person: Person | null; board?: BoardInfo }
export type IdentityRules = { admission: boolean; signIn: boolean }
export type BoardIdentitySettings = { settings: IdentityRules; effective: IdentityRules; signInAvailable: boolean }
export type Me = { signIn: boolean; user: { name: string; email: string | null } | null }

export function fetchLobby(boardId: string, token: string): Promise<LobbyState> {
  return apiJson(`${boardPath(boardId)}/lobby`, { token, cache: 'no-store' })
}

/** Joins the lobby with a name (or, on a sign-in board, as the signed-in account). */
export function joinLobby(boardId: string, token: string, name: string): Promise<{ person: Person; credential: string }> {
  return apiJson(`${boardPath(boardId)}/lobby`, { method: 'POST', token, body: { name } })
}

export function fetchIdentitySettings(boardId: string, token: string): Promise<BoardIdentitySettings> {
  return apiJson(`${boardPath(boardId)}/settings`, { token, cache: 'no-store' })
}

export function patchIdentitySettings(boardId: string, token: string, patch: Partial<IdentityRules>): Promise<BoardIdentitySettings> {
  return apiJson(`${boardPath(boardId)}/settings`, { method: 'PATCH', token, body: patch })
}

export async function fetchPeople(boardId: string, token: string): Promise<Person[]> {
  return (await apiJson<{ people: Person[] }>(`${boardPath(boardId)}/people`, { token, cache: 'no-store' })).people
}

/** Pre-lists a person (admitted at once); the answer's link is their personal link. */
export function addPerson(boardId: string, token: string, name: string): Promise<{ person: Person; link: string }> {
  return apiJson(`${boardPath(boardId)}/people`, { method: 'POST', token, body: { name } })
}

export async function setPersonStatus(boardId: string, token: string, personId: string, action: 'admit' | 'revoke'): Promise<Person> {
  const path = `${boardPath(boardId)}/people/${encodeURIComponent(personId)}/${action}`
  return (await apiJson<{ person: Person }>(path, { method: 'POST', token })).person
}

export function fetchMe(): Promise<Me> {
  return apiJson('/api/me', { cache: 'no-store' })
}

/** Where the browser goes to sign in, coming back to `returnTo` (a path of this site). */
export function signInUrl(returnTo: string): string {
  return `/auth/login?returnTo=${encodeURIComponent(returnTo)}`
}

export async function signOut(): Promise<void> {
  await apiJson('/auth/logout', { method: 'POST' })
}
