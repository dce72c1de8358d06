/** A dialogue circle's seats, talking piece, rounds and queue. */
import { byReading, joinText, notesOf, take, zonesOfKind, type Extraction, type NoteResult } from '../extraction.js'
import { zoneContains } from '../board.js'

export interface SeatResult {
  seat: number
  ring: 'circle' | 'inner' | 'outer'
  participant: string | null
  emptyChair: boolean
  notes: NoteResult[]
}

export interface RoundResult {
  round: number
  /** The prompt set on the template, else the text of the notes in the prompt zone. */
  prompt: string
  /** Speakers in order: the speaking ring from the round's start seat, empty seats skipped. */
  speakers: string[]
  /** The text of the notes in the summary zone, in reading order. */
  summary: string
  notes: NoteResult[]
}

function rotateFrom<T>(items: readonly T[], start: number): T[] {
  return [...items.slice(start), ...items.slice(0, start)]
}

export interface CircleResult {
  kind: 'circle'
  variant: string
  seats: SeatResult[]
  talkingPiece: { seat: number; participant: string | null } | null
  rounds: RoundResult[]
  /** Fishbowl queue for the empty chair, top first. */
  queue: NoteResult[]
}

export function extractCircle(x: Extraction): CircleResult {
  const tokens = x.activity.tokens
  const seatZones = zonesOfKind(x.activity, 'seat').sort((a, b) => a.meaning.seat - b.meaning.seat)
  const seats: SeatResult[] = seatZones.map((z) => ({
    seat: z.meaning.seat,
    ring: z.meaning.ring,
    participant: z.meaning.participant,
    emptyChair: z.meaning.emptyChair,
    notes: notesOf(take(x, z)),
  }))
  const piece = tokens.find((t) => t.token === 'talkingPiece')
  const holder = piece ? seatZones.find((z) => zoneContains(z, piece.center)) : undefined
  const speaking = seatZones.filter((z) => z.meaning.ring !== 'outer')
  const roundZones = zonesOfKind(x.activity, 'round')
  const roundNumbers = [...new Set(roundZones.map((z) => z.meaning.round))].sort((a, b) => a - b)
  const rounds = roundNumbers.map((round): RoundResult => {
    const part = (name: 'prompt' | 'notes' | 'summary') => roundZones.find((z) => z.meaning.round === round && z.meaning.part === name)
    const promptZone = part('prompt')
    const notesZone = part('notes')
    const summaryZone = part('summary')
    const promptNotes = promptZone ? take(x, promptZone) : []
    const startSeat = promptZone?.meaning.startSeat ?? 1
    const startAt = Math.max(0, speaking.findIndex((z) => z.meaning.seat === startSeat))
    return {
      round,
      prompt: promptZone?.meaning.prompt || joinText(promptNotes),
      speakers: rotateFrom(speaking, startAt).flatMap((z) => (z.meaning.participant && !z.meaning.emptyChair ? [z.meaning.participant] : [])),
      summary: summaryZone ? joinText(take(x, summaryZone)) : '',
      notes: notesZone ? notesOf(take(x, notesZone)) : [],
    }
  })
  const queueZone = zonesOfKind(x.activity, 'queue')[0]
  return {
    kind: 'circle',
    variant: typeof x.activity.settings.variant === 'string' ? x.activity.settings.variant : 'talkingCircle',
    seats,
    talkingPiece: holder ? { seat: holder.meaning.seat, participant: holder.meaning.participant } : null,
    rounds,
    queue: queueZone ? notesOf(take(x, queueZone), byReading) : [],
  }
}
