/**
 * The talking piece of a dialogue activity (talking circle, fishbowl): its seats are zones of
 * the activity in the control doc, its piece a token (a star) there too. A facilitator passes
 * it at any time, a participant only while holding it; participants take a free seat
 * themselves, one seat each. Passing moves the star onto the new holder's seat, so every page
 * draws it there and the results read the holder from it.
 *
 * Who a participant is: with a personal credential, the name the facilitator admitted (SPEC R13;
 * the private doc is not read); without one (admission off), {@link identifyByPrivateDoc}, the
 * name in the private doc whose (secret) id they send — self-declared.
 */
import * as Y from 'yjs'
import { getRecordsMap, readAllRecords, readRecord, writeRecord, type JsonRecord } from '../../shared/docLayout.js'
import { PROFILE_MAP, STATE_KEYS, STATE_MAP, parseState, TalkingPieceState } from '../../shared/facilitation.js'
import { relabelZone } from '../../shared/activities/relabel.js'
import { TALKING_PIECE_INSET } from '../../shared/activities/circle/template.js'
import type { Role } from '../../shared/roles.js'
import type { FacilitationService } from '../facilitation/FacilitationService.js'
import type { PersonRecord } from '../storage/Storage.js'
import { readDoc, SERVER_ORIGIN, withBoardDocs, type BoardDocsDeps } from './boardDocs.js'
import { BoardError } from './errors.js'

type SeatZone = { id: string; seat: number; participant: string | null; emptyChair: boolean }
type ZoneMeta = {
  activity?: { role?: string; instanceId?: string; meaning?: { kind?: string; seat?: number; participant?: string | null; emptyChair?: boolean } }
}

/** What a participant sends to say who they are. */
export type IdentityClaim = { participantId?: string }

/** The name of the person making a request, or null when they cannot be identified. */
export type Identify = (deps: BoardDocsDeps, boardId: string, claim: IdentityClaim) => Promise<string | null>

/** Today's identity: the name a participant gave in their private doc (its id is a capability). */
export const identifyByPrivateDoc: Identify = async (deps, boardId, { participantId }) => {
  if (!participantId) return null
  const doc = new Y.Doc()
  Y.applyUpdate(doc, await readDoc(deps, boardId, { kind: 'private', participantId }))
  const name = doc.getMap(PROFILE_MAP).get('name')
  doc.destroy()
  return typeof name === 'string' && name.trim() ? name.trim().slice(0, 60) : null
}

function seatsIn(records: readonly JsonRecord[], activityId: string): SeatZone[] {
  const seats: SeatZone[] = []
  for (const r of records) {
    const activity = (r.meta as ZoneMeta | undefined)?.activity
    if (activity?.role === 'zone' && activity.instanceId === activityId && activity.meaning?.kind === 'seat' && typeof activity.meaning.seat === 'number') {
      const participant = typeof activity.meaning.participant === 'string' && activity.meaning.participant ? activity.meaning.participant : null
      seats.push({ id: r.id, seat: activity.meaning.seat, participant, emptyChair: activity.meaning.emptyChair === true })
    }
  }
  return seats.sort((a, b) => a.seat - b.seat)
}

/** The seats of one dialogue activity and the seat holding its talking piece (0: nobody yet). */
function talkingPieceOf(controlState: Uint8Array, activityId: string): { seats: SeatZone[]; holder: number } {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, controlState)
  const seats = seatsIn(readAllRecords(doc), activityId)
  const pieces = parseState(TalkingPieceState, doc.getMap(STATE_MAP).get(STATE_KEYS.talkingPiece))
  doc.destroy()
  return { seats, holder: pieces?.[activityId]?.seat ?? 0 }
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0)

/** Moves the activity's star onto `seat` (both are children of the activity's frame). */
function moveStar(control: Y.Doc, activityId: string, seatId: string): void {
  const seat = readRecord(control, seatId)
  const star = readRecord(control, `shape:${activityId}.token.talking-piece`)
  if (!seat || !star || seat.parentId !== star.parentId) return
  const seatProps = (seat.props ?? {}) as Record<string, unknown>
  const starProps = (star.props ?? {}) as Record<string, unknown>
  const x = num(seat.x) + (num(seatProps.w) - num(starProps.w)) / 2
  const y = num(seat.y) + TALKING_PIECE_INSET - num(starProps.h) / 2
  writeRecord(getRecordsMap(control), { ...star, x, y })
}

type Deps = BoardDocsDeps & { facilitation: FacilitationService; identify?: Identify }

/** Who asks: their role and, under admission, the person of their credential. */
export type PieceCaller = { role: Role; person: PersonRecord | null }

function callerName(deps: Deps, boardId: string, caller: PieceCaller, claim: IdentityClaim): Promise<string | null> {
  if (caller.person) return Promise.resolve(caller.person.name)
  return (deps.identify ?? identifyByPrivateDoc)(deps, boardId, claim)
}

/**
 * Passes the piece to the next seat and moves the star there. A participant must be the
 * holder: the name they are identified by must be the holder seat's.
 */
export async function passTalkingPiece(deps: Deps, boardId: string, caller: PieceCaller, request: { activityId: string } & IdentityClaim): Promise<{ seat: number; round: number }> {
  const { seats, holder: holderSeat } = talkingPieceOf(await readDoc(deps, boardId, { kind: 'control' }), request.activityId)
  if (seats.length === 0) throw new BoardError(404, 'that activity has no seats')
  if (caller.role !== 'facilitator') {
    const holder = seats.find((s) => s.seat === holderSeat)
    const name = holder?.participant ? await callerName(deps, boardId, caller, request) : null
    if (!name || name !== holder?.participant) throw new BoardError(403, 'only the holder of the talking piece can pass it')
  }
  const next = await deps.facilitation.passTalkingPiece(boardId, request.activityId, seats.length)
  const seat = seats.find((s) => s.seat === next.seat)
  if (seat) await withBoardDocs(deps.rooms, boardId, ['control'], ({ control }) => control.transact(() => moveStar(control, request.activityId, seat.id), SERVER_ORIGIN))
  return next
}

/**
 * A participant takes a free seat: the seat's heading and meaning get their name. One seat per
 * person in an activity; a seat someone else sits on, or the fishbowl's empty chair, is refused.
 */
export async function takeSeat(deps: Deps, boardId: string, caller: PieceCaller, request: { activityId: string; seat: number } & IdentityClaim): Promise<{ seat: number; participant: string }> {
  if (caller.role === 'viewer') throw new BoardError(403, 'the viewer link cannot take a seat')
  const name = await callerName(deps, boardId, caller, request)
  if (!name) throw new BoardError(403, 'say who you are (your name) before taking a seat')
  return withBoardDocs(deps.rooms, boardId, ['control'], ({ control }) => {
    const seats = seatsIn(readAllRecords(control), request.activityId)
    if (seats.length === 0) throw new BoardError(404, 'that activity has no seats')
    const seat = seats.find((s) => s.seat === request.seat)
    if (!seat) throw new BoardError(404, `that activity has no seat ${request.seat}`)
    if (seat.emptyChair) throw new BoardError(409, 'the empty chair is taken through the queue')
    if (seat.participant === name) return { seat: seat.seat, participant: name }
    if (seat.participant) throw new BoardError(409, `seat ${seat.seat} is taken`)
    const own = seats.find((s) => s.participant === name)
    if (own) throw new BoardError(409, `you already sit on seat ${own.seat}`)
    const record = readRecord(control, seat.id)
    if (!record) throw new BoardError(404, `that activity has no seat ${request.seat}`)
    control.transact(() => writeRecord(getRecordsMap(control), relabelZone(record, name, name)), SERVER_ORIGIN)
    return { seat: seat.seat, participant: name }
  })
}
