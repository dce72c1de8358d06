/**
 * Admission (SPEC R12–R14): with it on, a participant link opens only the lobby; a person gives
 * a name, gets a personal credential (128 random bits, only its hash stored) and waits until a
 * facilitator admits them. An admitted credential is a participant token bound to one person:
 * one name, one private doc (`<board>/private/<personId>`), one ballot.
 */
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { hashToken, newToken } from '../auth/tokens.js'
import { BoardError } from '../boards/errors.js'
import type { PersonRecord, Settings, Storage } from '../storage/Storage.js'

/** The board settings this module reads and writes. Unknown keys are kept. */
export const AdmissionSettings = z.object({ admission: z.boolean().optional() })

/** A person id: 22 base64url characters, like a private-doc id (SPEC R15). Not secret. */
export function newPersonId(): string {
  return randomBytes(16).toString('base64url')
}

function admissionOn(settings: Settings): boolean {
  return AdmissionSettings.safeParse(settings).data?.admission === true
}

/** Whether a board is under admission: its own setting or its space's (either is enough). */
export async function isUnderAdmission(storage: Storage, boardId: string): Promise<boolean> {
  if (admissionOn(await storage.getBoardSettings(boardId))) return true
  const spaceId = await storage.getBoardSpace(boardId)
  if (!spaceId) return false
  const space = await storage.getSpace(spaceId)
  return space !== null && admissionOn(space.settings)
}

/** The board's own admission setting (what its facilitator can change). */
export async function boardAdmissionSetting(storage: Storage, boardId: string): Promise<boolean> {
  return admissionOn(await storage.getBoardSettings(boardId))
}

export async function setBoardAdmission(storage: Storage, boardId: string, on: boolean): Promise<void> {
  const settings = await storage.getBoardSettings(boardId)
  await storage.setBoardSettings(boardId, { ...settings, admission: on })
}

/** The scopes whose people may open a board: the board itself and its space. */
export async function personScopes(storage: Storage, boardId: string): Promise<string[]> {
  const spaceId = await storage.getBoardSpace(boardId)
  return spaceId ? [boardId, spaceId] : [boardId]
}

/** The person a credential names on a board (their scope is the board or its space), or null. */
export async function personForCredential(storage: Storage, boardId: string, credential: string): Promise<PersonRecord | null> {
  const person = await storage.findPersonByCredentialHash(hashToken(credential))
  if (!person) return null
  return (await personScopes(storage, boardId)).includes(person.scopeId) ? person : null
}

export type IssuedPerson = { person: PersonRecord; credential: string }

/** Creates a person with a fresh credential: `waiting` from the lobby, `admitted` when pre-listed. */
export async function addPerson(storage: Storage, boardId: string, name: string, status: 'waiting' | 'admitted'): Promise<IssuedPerson> {
  const person: PersonRecord = { id: newPersonId(), scopeId: boardId, name, status, createdAt: Date.now() }
  const credential = newToken()
  await storage.createPerson(person, hashToken(credential))
  return { person, credential }
}

/** The people of a board (and of its space), oldest first. */
export async function listBoardPeople(storage: Storage, boardId: string): Promise<PersonRecord[]> {
  const lists = await Promise.all((await personScopes(storage, boardId)).map((scope) => storage.listPeople(scope)))
  return lists.flat().sort((a, b) => a.createdAt - b.createdAt)
}

/** A person of this board (or its space), or 404. */
export async function boardPerson(storage: Storage, boardId: string, personId: string): Promise<PersonRecord> {
  const person = await storage.getPerson(personId)
  if (!person || !(await personScopes(storage, boardId)).includes(person.scopeId)) throw new BoardError(404, 'no such person on this board')
  return person
}

/** What a facilitator sees of a person (never a credential or its hash). */
export function personView(person: PersonRecord): { id: string; name: string; status: string; createdAt: number } {
  return { id: person.id, name: person.name, status: person.status, createdAt: person.createdAt }
}
