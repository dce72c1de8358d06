/**
 * Admission (SPEC R12–R14): with it on, a participant link opens only the lobby; a person gives
 * a name, gets a personal credential (128 random bits, only its hash stored) and waits until a
 * facilitator admits them. An admitted credential is a participant token bound to one person:
 * one name, one private doc (`<board>/private/<personId>`), one ballot.
 */
import { createHash, randomBytes } from 'node:crypto'
import { z } from 'zod'
import { hashToken, newToken } from '../auth/tokens.js'
import { BoardError } from '../boards/errors.js'
import type { PersonRecord, Settings, Storage } from '../storage/Storage.js'

/** The board settings this module reads and writes. Unknown keys are kept. */
export const AdmissionSettings = z.object({ admission: z.boolean().optional(), signIn: z.boolean().optional() })
export type IdentityRules = { admission: boolean; signIn: boolean }

/** A person id: 22 base64url characters, like a private-doc id (SPEC R15). Not secret. */
export function newPersonId(): string {
  return randomBytes(16).toString('base64url')
}

function rulesOf(settings: Settings): IdentityRules {
  const parsed = AdmissionSettings.safeParse(settings).data
  return { admission: parsed?.admission === true, signIn: parsed?.signIn === true }
}

/** The rules a board is under: its own settings or its space's (either one is enough). */
export async function identityRules(storage: Storage, boardId: string): Promise<IdentityRules> {
  const own = rulesOf(await storage.getBoardSettings(boardId))
  const spaceId = await storage.getBoardSpace(boardId)
  const space = spaceId ? await storage.getSpace(spaceId) : null
  const inherited = space ? rulesOf(space.settings) : { admission: false, signIn: false }
  return { admission: own.admission || inherited.admission, signIn: own.signIn || inherited.signIn }
}

/**
 * Whether participants of a board are people (SPEC R12, R17): under admission or sign-in, a
 * participant link alone opens only the lobby, and names come from credentials.
 */
export function checksPeople(rules: IdentityRules): boolean {
  return rules.admission || rules.signIn
}

/** `checksPeople` for a board, its rules read from storage. */
export async function isUnderAdmission(storage: Storage, boardId: string): Promise<boolean> {
  return checksPeople(await identityRules(storage, boardId))
}

/** The board's own settings (what its facilitator can change). */
export async function boardIdentitySettings(storage: Storage, boardId: string): Promise<IdentityRules> {
  return rulesOf(await storage.getBoardSettings(boardId))
}

export async function setBoardIdentitySettings(storage: Storage, boardId: string, patch: Partial<IdentityRules>): Promise<IdentityRules> {
  const settings = await storage.getBoardSettings(boardId)
  const next = { ...settings, ...patch }
  await storage.setBoardSettings(boardId, next)
  return rulesOf(next)
}

/** A space's own settings (what its facilitator can change; its boards inherit them). */
export async function spaceIdentitySettings(storage: Storage, spaceId: string): Promise<IdentityRules> {
  const space = await storage.getSpace(spaceId)
  return rulesOf(space ? space.settings : {})
}

export async function setSpaceIdentitySettings(storage: Storage, spaceId: string, patch: Partial<IdentityRules>): Promise<IdentityRules> {
  const space = await storage.getSpace(spaceId)
  if (!space) throw new BoardError(404, 'no such space')
  const next = { ...space.settings, ...patch }
  await storage.updateSpace(spaceId, { settings: next })
  return rulesOf(next)
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

/**
 * The person a signed-in account is on a board (SPEC R17): their id is derived from the board
 * and the account, so one account is one person (one ballot) however many times it signs in.
 * Each sign-in issues a new credential (the previous one stops working) and takes the ID
 * token's name. A new person is admitted at once, or waits when the board is under admission.
 */
export async function signedInPerson(storage: Storage, boardId: string, account: { subject: string; name: string }, admission: boolean): Promise<IssuedPerson> {
  const id = createHash('sha256').update(`${boardId} ${account.subject}`).digest('base64url').slice(0, 22)
  const credential = newToken()
  const existing = await storage.getPerson(id)
  if (existing) {
    await storage.replacePersonCredential(id, hashToken(credential))
    if (existing.name !== account.name) await storage.renamePerson(id, account.name)
    return { person: { ...existing, name: account.name }, credential }
  }
  const person: PersonRecord = { id, scopeId: boardId, name: account.name, status: admission ? 'waiting' : 'admitted', createdAt: Date.now() }
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
