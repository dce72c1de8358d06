/**
 * The talking piece of a dialogue activity: its seats are zones of the activity in the
 * control doc; a facilitator passes it at any time, a participant only while holding it.
 */
import * as Y from 'yjs'
import { readAllRecords } from '../../shared/docLayout.js'
import { PROFILE_MAP, STATE_KEYS, STATE_MAP, parseState, TalkingPieceState } from '../../shared/facilitation.js'
import type { Role } from '../../shared/roles.js'
import type { FacilitationService } from '../facilitation/FacilitationService.js'
import type { PersonRecord } from '../storage/Storage.js'
import { readDoc, type BoardDocsDeps } from './boardDocs.js'
import { BoardError } from './errors.js'

type SeatZone = { seat: number; participant: string | null }
type ZoneMeta = { activity?: { role?: string; instanceId?: string; meaning?: { kind?: string; seat?: number; participant?: string | null } } }

/** The seats of one dialogue activity and the seat holding its talking piece (0: nobody yet). */
function talkingPieceOf(controlState: Uint8Array, activityId: string): { seats: SeatZone[]; holder: number } {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, controlState)
  const seats: SeatZone[] = []
  for (const r of readAllRecords(doc)) {
    const activity = (r.meta as ZoneMeta | undefined)?.activity
    if (activity?.role === 'zone' && activity.instanceId === activityId && activity.meaning?.kind === 'seat' && typeof activity.meaning.seat === 'number') {
      seats.push({ seat: activity.meaning.seat, participant: activity.meaning.participant ?? null })
    }
  }
  const pieces = parseState(TalkingPieceState, doc.getMap(STATE_MAP).get(STATE_KEYS.talkingPiece))
  doc.destroy()
  return { seats: seats.sort((a, b) => a.seat - b.seat), holder: pieces?.[activityId]?.seat ?? 0 }
}

/** The name a participant gave in their private doc. */
async function participantName(deps: BoardDocsDeps, boardId: string, participantId: string): Promise<unknown> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, await readDoc(deps, boardId, { kind: 'private', participantId }))
  const name = doc.getMap(PROFILE_MAP).get('name')
  doc.destroy()
  return name
}

/** Who asks to pass the piece: their link's role and, for a personal credential, the person. */
export type PieceCaller = { role: Role; person: PersonRecord | null }

/**
 * Passes the piece to the next seat. A participant proves they hold it: with a personal
 * credential, by the name the facilitator admitted (SPEC R13; the private doc is not read);
 * without one (admission off), by the name in their private doc, self-declared.
 */
export async function passTalkingPiece(
  deps: BoardDocsDeps & { facilitation: FacilitationService },
  boardId: string,
  caller: PieceCaller,
  request: { activityId: string; participantId?: string },
): Promise<{ seat: number; round: number }> {
  const { seats, holder: holderSeat } = talkingPieceOf(await readDoc(deps, boardId, { kind: 'control' }), request.activityId)
  if (seats.length === 0) throw new BoardError(404, 'that activity has no seats')
  if (caller.role === 'participant') {
    const holder = seats.find((s) => s.seat === holderSeat)
    const refused = new BoardError(403, 'only the holder of the talking piece can pass it')
    if (!holder?.participant) throw refused
    if (caller.person) {
      if (caller.person.name !== holder.participant) throw refused
    } else {
      if (!request.participantId) throw refused
      if ((await participantName(deps, boardId, request.participantId)) !== holder.participant) throw refused
    }
  }
  return deps.facilitation.passTalkingPiece(boardId, request.activityId, seats.length)
}
