/**
 * Admission routes (SPEC R12–R14): the board's admission setting, the lobby (a person gives a
 * name, gets a credential, polls their status) and the facilitator's people list (pre-list,
 * admit, revoke). Credentials are answered once and never logged.
 */
import type { Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { CloseEvents } from '../../shared/protocol.js'
import type { Config } from '../config.js'
import {
  addPerson,
  checksPeople,
  boardIdentitySettings,
  boardPerson,
  identityRules,
  listBoardPeople,
  personView,
  setBoardIdentitySettings,
  setSpaceIdentitySettings,
  signedInPerson,
  spaceIdentitySettings,
} from '../people/admission.js'
import { getBoard } from '../boards/lifecycle.js'
import type { PersonSessions } from '../people/personSessions.js'
import type { RoomManager } from '../sync/RoomManager.js'
import type { Storage } from '../storage/Storage.js'
import { admissionGate, type BoardAccess } from './access.js'
import type { SignInGate } from './authRoutes.js'
import type { SpaceAccess } from './spaceAccess.js'
import { clientIp, type AppEnv } from './env.js'
import { rateLimiter } from './rateLimit.js'
import { parseJsonBody, parseValue } from './validate.js'

export type PeopleRouteDeps = {
  config: Config
  /** To close, on every instance, the sessions a newly turned-on admission no longer lets in. */
  rooms: RoomManager
  storage: Storage
  boardAccess: BoardAccess
  spaceAccess: SpaceAccess
  personSessions: PersonSessions
  signIn: SignInGate
}

const SettingsPatch = z
  .object({
    admission: z.boolean({ message: 'admission must be true or false' }).optional(),
    signIn: z.boolean({ message: 'signIn must be true or false' }).optional(),
  })
  .refine((b) => b.admission !== undefined || b.signIn !== undefined, { message: 'give admission or signIn' })
const PersonName = z.object({ name: z.string().trim().min(1, 'name must not be empty').max(60, 'name is at most 60 characters') })
const PersonId = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, 'not a person id')
const PersonAction = z.enum(['admit', 'revoke'], { message: 'action must be admit or revoke' })

/** Lobby joins per client address and minute: each one is a row in storage. */
const LOBBY_JOINS_PER_MINUTE = 30

const FACILITATOR = { role: 'facilitator' } as const
const LOBBY = { role: 'participant', lobby: true, message: 'the viewer link cannot join the lobby' } as const
/** Reading the lobby state: every link (a viewer's page learns it goes straight to the board). */
const LOBBY_STATE = { lobby: true } as const

function originOf(config: Config, url: string): string {
  return config.PUBLIC_URL?.replace(/\/$/, '') ?? new URL(url).origin
}

/**
 * The lobby's answer. When the caller's token opens the board itself (as `admissionGate`
 * decides for every other route), it also holds the board (what `GET /api/boards/:id`
 * answers): the page opens it without asking again, one round trip sooner on a phone network
 * (issue 18). A person still in the lobby learns nothing of it.
 */
async function lobbyState(deps: PeopleRouteDeps, c: Context<AppEnv>) {
  const { storage } = deps
  const person = c.var.person
  const rules = await identityRules(storage, c.var.board)
  const user = await deps.signIn.user(c)
  const opens = (await admissionGate(storage, { boardId: c.var.board, role: c.var.role, person }, rules)) === 'open'
  return {
    role: c.var.role,
    admission: checksPeople(rules),
    signIn: rules.signIn,
    signedInAs: user ? user.name : null,
    person: person ? personView(person) : null,
    ...(opens ? { board: await getBoard(storage, c.var.board) } : {}),
  }
}

export function registerPeopleRoutes(app: Hono<AppEnv>, deps: PeopleRouteDeps): void {
  registerSpaceIdentityRoutes(app, deps)
  const { storage, boardAccess, personSessions } = deps
  const allowJoin = rateLimiter(LOBBY_JOINS_PER_MINUTE)
  const settingsAnswer = async (boardId: string) => ({
    settings: await boardIdentitySettings(storage, boardId),
    effective: await identityRules(storage, boardId),
    signInAvailable: deps.signIn.configured,
  })

  app.get('/api/boards/:id/settings', boardAccess(FACILITATOR), async (c) => c.json(await settingsAnswer(c.var.board)))

  app.patch('/api/boards/:id/settings', boardAccess(FACILITATOR), async (c) => {
    const body = await parseJsonBody(c, SettingsPatch)
    if (body.signIn && !deps.signIn.configured) throw new HTTPException(409, { message: 'sign-in is not configured on this server' })
    const before = await identityRules(storage, c.var.board)
    await setBoardIdentitySettings(storage, c.var.board, body)
    await closeBareLinksIfNowChecked(deps, [c.var.board], before)
    return c.json(await settingsAnswer(c.var.board))
  })

  // The lobby: what a participant link or a credential may do before admission.
  app.get('/api/boards/:id/lobby', boardAccess(LOBBY_STATE), async (c) => c.json(await lobbyState(deps, c)))

  app.post('/api/boards/:id/lobby', boardAccess(LOBBY), async (c) => {
    if (c.var.person) throw new HTTPException(409, { message: 'this personal link already has a name' })
    const rules = await identityRules(storage, c.var.board)
    if (!allowJoin(clientIp(c))) throw new HTTPException(429, { message: 'too many people joined from this address; try again in a minute' })
    if (rules.signIn) {
      // The name is the ID token's: the body is not read.
      const user = await deps.signIn.require(c, 'join this board')
      if (!user) throw new HTTPException(409, { message: 'sign-in is not configured on this server' })
      const { person, credential } = await signedInPerson(storage, c.var.board, user, rules.admission)
      return c.json({ person: personView(person), credential }, 201)
    }
    if (!rules.admission) throw new HTTPException(409, { message: 'this board does not admit people one by one' })
    const { name } = await parseJsonBody(c, PersonName)
    const { person, credential } = await addPerson(storage, c.var.board, name, 'waiting')
    return c.json({ person: personView(person), credential }, 201)
  })

  app.get('/api/boards/:id/people', boardAccess(FACILITATOR), async (c) => {
    return c.json({ people: (await listBoardPeople(storage, c.var.board)).map(personView) })
  })

  // Pre-listing: a person admitted in advance, with a personal link to hand out.
  app.post('/api/boards/:id/people', boardAccess(FACILITATOR), async (c) => {
    const { name } = await parseJsonBody(c, PersonName)
    const { person, credential } = await addPerson(storage, c.var.board, name, 'admitted')
    const link = `${originOf(deps.config, c.req.url)}/b/${c.var.board}#${credential}`
    return c.json({ person: personView(person), credential, link }, 201)
  })

  app.post('/api/boards/:id/people/:pid/:action', boardAccess(FACILITATOR), async (c) => {
    const personId = parseValue(c.req.param('pid'), PersonId)
    const action = parseValue(c.req.param('action'), PersonAction)
    const person = await boardPerson(storage, c.var.board, personId)
    if (action === 'revoke') {
      await storage.setPersonStatus(person.id, 'revoked')
      const closedSessions = personSessions.revoke(person.id, CloseEvents.LinkRevoked)
      return c.json({ person: personView({ ...person, status: 'revoked' }), closedSessions })
    }
    await storage.setPersonStatus(person.id, 'admitted')
    return c.json({ person: personView({ ...person, status: 'admitted' }) })
  })
}

/** A space's identity settings: every board of the space is under them (SPEC R12, R17). */
function registerSpaceIdentityRoutes(app: Hono<AppEnv>, deps: PeopleRouteDeps): void {
  app.get('/api/spaces/:id/settings', deps.spaceAccess(FACILITATOR), async (c) =>
    c.json({ settings: await spaceIdentitySettings(deps.storage, c.var.space), signInAvailable: deps.signIn.configured }),
  )

  app.patch('/api/spaces/:id/settings', deps.spaceAccess(FACILITATOR), async (c) => {
    const body = await parseJsonBody(c, SettingsPatch)
    if (body.signIn && !deps.signIn.configured) throw new HTTPException(409, { message: 'sign-in is not configured on this server' })
    const boards = (await deps.storage.listSpaceBoards(c.var.space)).map((b) => b.id)
    const before = await Promise.all(boards.map((id) => identityRules(deps.storage, id)))
    const settings = await setSpaceIdentitySettings(deps.storage, c.var.space, body)
    for (const [i, boardId] of boards.entries()) await closeBareLinksIfNowChecked(deps, [boardId], before[i]!)
    return c.json({ settings, signInAvailable: deps.signIn.configured })
  })
}

/**
 * Admission or sign-in just turned on (SPEC R12, R17): the participant sessions already open —
 * bare links, and member links of the space — are closed on every instance with
 * `AdmissionRequired`, so their pages reload into the lobby; an admitted person comes straight back.
 */
async function closeBareLinksIfNowChecked(deps: Pick<PeopleRouteDeps, 'rooms' | 'storage'>, boardIds: string[], before: { admission: boolean; signIn: boolean }): Promise<void> {
  for (const boardId of boardIds) {
    const after = await identityRules(deps.storage, boardId)
    const tightened = (after.admission && !before.admission) || (after.signIn && !before.signIn)
    if (tightened) deps.rooms.revokeSessions({ boardId, role: 'participant' }, CloseEvents.AdmissionRequired)
  }
}
