/** Seats of the dialogue activities (talking circle, fishbowl) and who holds the piece. */
import type { TalkingPieceState } from '../../../shared/facilitation'
import type { Activity, ActivityZone } from '../../../shared/activities'

export type Seat = { seat: number; participant: string | null; zone: ActivityZone }
export type Circle = { activity: Activity; seats: Seat[]; holder: Seat | null; round: number }

export function circlesOf(activities: readonly Activity[], pieces: TalkingPieceState): Circle[] {
  const circles: Circle[] = []
  for (const activity of activities) {
    const seats: Seat[] = []
    for (const zone of activity.zones) {
      if (zone.meaning.kind === 'seat') seats.push({ seat: zone.meaning.seat, participant: zone.meaning.participant, zone })
    }
    if (seats.length === 0) continue
    seats.sort((a, b) => a.seat - b.seat)
    const piece = pieces[activity.instanceId]
    circles.push({ activity, seats, holder: seats.find((s) => s.seat === piece?.seat) ?? null, round: piece?.round ?? 1 })
  }
  return circles
}

/** The seat `name` sits on in a circle, if any. */
export function seatOf(circle: Circle, name: string): Seat | null {
  return circle.seats.find((s) => s.participant !== null && s.participant === name) ?? null
}

/** Seats nobody sits on (a fishbowl's empty chair is taken through its queue, not here). */
export function freeSeats(circle: Circle): Seat[] {
  return circle.seats.filter((s) => !s.participant && !(s.zone.meaning.kind === 'seat' && s.zone.meaning.emptyChair))
}
