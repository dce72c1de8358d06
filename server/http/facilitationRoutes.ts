/**
 * Facilitation actions (issue 4). The facilitator's own controls that need no server logic
 * (instructions, follow me) are written by the facilitator's client into the control doc;
 * these routes are the ones the server must enforce or time.
 */
import type { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import * as Y from 'yjs'
import { z } from 'zod'
import { readAllRecords } from '../../shared/docLayout.js'
import { PROFILE_MAP, STATE_KEYS, STATE_MAP, parseState, TalkingPieceState, VoteSettings } from '../../shared/facilitation.js'
import { docKey } from '../../shared/roles.js'
import { BOARD_ID_PATTERN } from '../auth/tokens.js'
import { readDocState } from '../boardState.js'
import { FacilitationError, type FacilitationService } from '../facilitation/FacilitationService.js'
import type { Storage } from '../storage/Storage.js'
import { mergeStoredDoc } from '../sync/Room.js'
import type { RoomManager } from '../sync/RoomManager.js'
import { requireGrant } from './auth.js'
import { parseJsonBody } from './validate.js'

const MAX_TIMER_MS = 24 * 60 * 60 * 1000

const Action = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('timer'),
    timer: z.discriminatedUnion('action', [
      z.object({ action: z.literal('start'), durationMs: z.number().int().min(1000).max(MAX_TIMER_MS) }),
      z.object({ action: z.literal('pause') }),
      z.object({ action: z.literal('resume') }),
      z.object({ action: z.literal('addMinute') }),
      z.object({ action: z.literal('reset') }),
    ]),
  }),
  z.object({ action: z.literal('openVote'), settings: VoteSettings }),
  z.object({ action: z.literal('closeVote') }),
  z.object({ action: z.literal('revealVote') }),
  z.object({ action: z.literal('privateWriting'), on: z.boolean(), anonymousReveal: z.boolean().default(false) }),
  z.object({ action: z.literal('revealPrivate'), anonymous: z.boolean().default(false) }),
  z.object({
    action: z.literal('passTalkingPiece'),
    activityId: z.string().min(1).max(100),
    /** A participant passing the piece proves they hold it with their private doc id. */
    participantId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  }),
])

type SeatZone = { seat: number; participant: string | null }

/** The seats of one dialogue activity and the seat holding its talking piece (0: nobody yet). */
function talkingPieceOf(controlState: Uint8Array, activityId: string): { seats: SeatZone[]; holder: number } {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, controlState)
  const seats: SeatZone[] = []
  for (const r of readAllRecords(doc)) {
    const activity = (r.meta as { activity?: { role?: string; instanceId?: string; meaning?: { kind?: string; seat?: number; participant?: string | null } } })?.activity
    if (activity?.role === 'zone' && activity.instanceId === activityId && activity.meaning?.kind === 'seat' && typeof activity.meaning.seat === 'number') {
      seats.push({ seat: activity.meaning.seat, participant: activity.meaning.participant ?? null })
    }
  }
  const pieces = parseState(TalkingPieceState, doc.getMap(STATE_MAP).get(STATE_KEYS.talkingPiece))
  doc.destroy()
  return { seats: seats.sort((a, b) => a.seat - b.seat), holder: pieces?.[activityId]?.seat ?? 0 }
}

export function registerFacilitationRoutes(
  app: Hono<any>,
  deps: { storage: Storage; rooms: RoomManager; facilitation: FacilitationService },
): void {
  const { storage, rooms, facilitation } = deps

  /** Server time, for clients to align timers (offset = now − midpoint of the request). */
  app.get('/api/time', (c) => c.json({ now: Date.now() }))

  app.post('/api/boards/:id/facilitation', async (c) => {
    const id = c.req.param('id')
    if (!BOARD_ID_PATTERN.test(id)) throw new HTTPException(404, { message: 'no such board' })
    const grant = await requireGrant(c, storage, id)
    const body = await parseJsonBody(c, Action)
    const facilitatorOnly = body.action !== 'passTalkingPiece'
    if (facilitatorOnly && grant.role !== 'facilitator') throw new HTTPException(403, { message: 'only the facilitator link can do this' })
    if (grant.role === 'viewer') throw new HTTPException(403, { message: 'the viewer link cannot do this' })
    try {
      switch (body.action) {
        case 'timer':
          return c.json({ timer: await facilitation.timer(id, body.timer), now: Date.now() })
        case 'openVote':
          return c.json({ vote: await facilitation.openVote(id, body.settings) })
        case 'closeVote':
          return c.json({ vote: await facilitation.setVoteStatus(id, 'closed') })
        case 'revealVote':
          return c.json({ vote: await facilitation.setVoteStatus(id, 'revealed') })
        case 'privateWriting':
          await facilitation.setPrivateWriting(id, { on: body.on, anonymousReveal: body.anonymousReveal })
          return c.json({ privateWriting: { on: body.on, anonymousReveal: body.anonymousReveal } })
        case 'revealPrivate':
          return c.json({ revealed: await facilitation.revealPrivateNotes(id, { anonymous: body.anonymous }) })
        case 'passTalkingPiece': {
          const control = await readDocState(rooms, storage, id, 'control')
          const { seats, holder: holderSeat } = talkingPieceOf(control, body.activityId)
          if (seats.length === 0) throw new HTTPException(404, { message: 'that activity has no seats' })
          if (grant.role === 'participant') {
            // Only the holder passes: their private doc's name must be the holder seat's name.
            const holder = seats.find((s) => s.seat === holderSeat)
            if (!body.participantId || !holder?.participant) throw new HTTPException(403, { message: 'only the holder of the talking piece can pass it' })
            const key = docKey(id, { kind: 'private', participantId: body.participantId })
            const loaded = rooms.getLoaded(key)
            const privateState = loaded ? loaded.encodeState() : mergeStoredDoc(await storage.loadDoc(key))
            const doc = new Y.Doc()
            Y.applyUpdate(doc, privateState)
            const name = doc.getMap(PROFILE_MAP).get('name')
            doc.destroy()
            if (name !== holder.participant) throw new HTTPException(403, { message: 'only the holder of the talking piece can pass it' })
          }
          return c.json({ talkingPiece: await facilitation.passTalkingPiece(id, body.activityId, seats.length) })
        }
      }
    } catch (error) {
      if (error instanceof FacilitationError) throw new HTTPException(409, { message: error.message })
      throw error
    }
  })
}
