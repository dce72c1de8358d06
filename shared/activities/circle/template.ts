/**
 * Dialogue circles (dialogue and relationship building): the talking circle and the fishbowl.
 * Seats come from the participant list, in that order; rounds each have a prompt, a notes
 * zone and a summary zone; the talking piece is a token shape that sits on its holder's seat.
 */
import { err, ok, type Result } from '../../result.js'
import { FRAME_PADDING, HEADER_HEIGHT, ZONE_GAP, headerLabel, readChoice, readInteger, readStringList } from '../layout.js'
import type { ActivityTemplate, LabelSpec, TokenSpec, ZoneSpec } from '../types.js'
import { en } from '../../i18n/catalogue.js'

export const SEAT_DIAMETER = 200
export const TALKING_PIECE_SIZE = 60
const SEAT_SPACING = SEAT_DIAMETER + 40
const DEFAULT_PLACEHOLDER_SEATS = 8
const ROUND_H = 260
const PROMPT_W = 360
const NOTES_W = 520
const SUMMARY_W = 360
const ROUNDS_W = PROMPT_W + NOTES_W + SUMMARY_W + 2 * ZONE_GAP

/** What a circle stores in its frame's `meta.activity.settings`. */
export interface CircleSettings {
  variant: 'talkingCircle' | 'fishbowlOpen' | 'fishbowlClosed'
  /** Soft per-speaker timer (talking circle) or rotation period (closed fishbowl); 0 = none. */
  timerSeconds: number
}

interface SeatPlan {
  participant: string | null
  emptyChair: boolean
}

/** Reads `prompts` (one round each) or else `rounds` (count, prompts left empty). */
function readRounds(options: Readonly<Record<string, unknown>>): Result<string[]> {
  if (options.prompts !== undefined) return readStringList(options, 'prompts', [])
  const count = readInteger(options, 'rounds', 3, 1, 10)
  if (!count.ok) return count
  return ok(Array.from({ length: count.value }, () => ''))
}

function ringRadius(seats: number, minimum: number): number {
  return Math.max(minimum, Math.round((seats * SEAT_SPACING) / (2 * Math.PI)))
}

/** Seats on a ring centred on (cx, cy), seat 1 at the top, then clockwise. */
function ringSeats(
  plans: readonly SeatPlan[],
  ring: 'circle' | 'inner' | 'outer',
  firstSeat: number,
  cx: number,
  cy: number,
  radius: number,
): ZoneSpec[] {
  return plans.map((plan, i): ZoneSpec => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / plans.length
    const seat = firstSeat + i
    return {
      key: `seat-${seat}`,
      label: plan.emptyChair ? en('fishbowl.empty-chair') : (plan.participant ?? en('circle.seat', { seat })),
      x: Math.round(cx + radius * Math.cos(angle) - SEAT_DIAMETER / 2),
      y: Math.round(cy + radius * Math.sin(angle) - SEAT_DIAMETER / 2),
      w: SEAT_DIAMETER,
      h: SEAT_DIAMETER,
      shape: 'ellipse',
      color: plan.emptyChair ? 'grey' : ring === 'outer' ? 'light-blue' : 'light-violet',
      fill: plan.emptyChair ? 'none' : 'semi',
      meaning: { kind: 'seat', seat, ring, participant: plan.participant, emptyChair: plan.emptyChair },
      target: true,
    }
  })
}

/** One row per round: prompt, notes, summary. */
function roundZones(prompts: readonly string[], x0: number): ZoneSpec[] {
  const zones: ZoneSpec[] = []
  prompts.forEach((prompt, i) => {
    const round = i + 1
    const y = HEADER_HEIGHT + i * (ROUND_H + ZONE_GAP)
    const part = (key: 'prompt' | 'notes' | 'summary', label: string, x: number, w: number, color: ZoneSpec['color']): ZoneSpec => ({
      key: `round-${round}-${key}`,
      label,
      x,
      y,
      w,
      h: ROUND_H,
      shape: 'rectangle',
      color,
      fill: 'semi',
      meaning: { kind: 'round', round, part: key, prompt, startSeat: 1 },
      target: true,
    })
    zones.push(
      part('prompt', prompt ? en('circle.round-prompt-text', { round, prompt }) : en('circle.round-prompt', { round }), x0, PROMPT_W, 'violet'),
      part('notes', en('circle.round-notes', { round }), x0 + PROMPT_W + ZONE_GAP, NOTES_W, 'light-blue'),
      part('summary', en('circle.round-summary', { round }), x0 + PROMPT_W + NOTES_W + 2 * ZONE_GAP, SUMMARY_W, 'light-green'),
    )
  })
  return zones
}

/**
 * How far below the seat's top the talking piece's centre sits. The seat's label is centred in
 * the seat (at least 56 px high, so it starts at 72 px and grows by a line each way), so the
 * piece sits on the seat's top rim like a badge: its centre stays inside the seat (results read
 * the holder from it), its bottom (36 px) stays clear of labels up to four lines, and the part
 * above the rim lies in the header band (seat 1 of a ring is at the header's bottom) or in the
 * 80 px between a fishbowl's rings.
 */
export const TALKING_PIECE_INSET = 6

function talkingPiece(seat: ZoneSpec | undefined): TokenSpec[] {
  if (!seat) return []
  return [
    {
      key: 'talking-piece',
      label: en('circle.talking-piece'),
      role: 'talkingPiece',
      x: seat.x + (SEAT_DIAMETER - TALKING_PIECE_SIZE) / 2,
      y: seat.y + TALKING_PIECE_INSET - TALKING_PIECE_SIZE / 2,
      w: TALKING_PIECE_SIZE,
      h: TALKING_PIECE_SIZE,
    },
  ]
}

/**
 * Options: `prompts` (one per round) or `rounds` (1–10, default 3); `speakerSeconds` (soft
 * per-speaker timer, 0–600, default 0). Seats: one per participant, in the given order, or
 * eight placeholder seats when the list is empty.
 */
export const TALKING_CIRCLE: ActivityTemplate = {
  id: 'talking-circle',
  name: en('talking-circle.name'),
  family: 'dialogue',
  description: en('talking-circle.description'),
  instructions:
    `${en('talking-circle.the-keeper-reads-the')}\n\n${en('talking-circle.after-each-round-the')}`,
  results: 'circle',
  layout({ participants, options }) {
    const prompts = readRounds(options)
    if (!prompts.ok) return prompts
    const timer = readInteger(options, 'speakerSeconds', 0, 0, 600)
    if (!timer.ok) return timer
    const plans: SeatPlan[] =
      participants.length > 0
        ? participants.map((p) => ({ participant: p, emptyChair: false }))
        : Array.from({ length: DEFAULT_PLACEHOLDER_SEATS }, () => ({ participant: null, emptyChair: false }))
    const radius = ringRadius(plans.length, 300)
    const ringSize = 2 * radius + SEAT_DIAMETER
    const cx = FRAME_PADDING + ringSize / 2
    const cy = HEADER_HEIGHT + ringSize / 2
    const seats = ringSeats(plans, 'circle', 1, cx, cy, radius)
    const roundsX = FRAME_PADDING + ringSize + 80
    const zones = [...seats, ...roundZones(prompts.value, roundsX)]
    const width = roundsX + ROUNDS_W + FRAME_PADDING
    const height = HEADER_HEIGHT + Math.max(ringSize, prompts.value.length * (ROUND_H + ZONE_GAP) - ZONE_GAP) + FRAME_PADDING
    const settings: CircleSettings = { variant: 'talkingCircle', timerSeconds: timer.value }
    return ok({ width, height, zones, labels: [headerLabel(TALKING_CIRCLE.instructions, width)], tokens: talkingPiece(seats[0]), settings: { ...settings } })
  },
}

const QUEUE_H = 260

/**
 * Options: `variant` (`open`, default: one inner chair stays empty for a listener to take;
 * `closed`: timed rotation), `innerSeats` (speakers, 2–8, default 4), `rotationMinutes`
 * (closed variant, 1–60, default 10), `prompts` or `rounds`. The first `innerSeats`
 * participants sit inside, the others on the outer ring (eight placeholders if none).
 */
export const FISHBOWL: ActivityTemplate = {
  id: 'fishbowl',
  name: en('fishbowl.name'),
  family: 'dialogue',
  description: en('fishbowl.description'),
  instructions:
    `${en('fishbowl.inner-seats-talk-the')}\n\n${en('fishbowl.each-round-starts-from')}`,
  results: 'circle',
  layout({ participants, options }) {
    const variant = readChoice(options, 'variant', ['open', 'closed'] as const, 'open')
    if (!variant.ok) return variant
    const innerCount = readInteger(options, 'innerSeats', 4, 2, 8)
    if (!innerCount.ok) return innerCount
    const rotation = readInteger(options, 'rotationMinutes', 10, 1, 60)
    if (!rotation.ok) return rotation
    const prompts = readRounds(options)
    if (!prompts.ok) return prompts
    if (participants.length > 200) return err('a fishbowl seats at most 200 participants')
    const open = variant.value === 'open'
    const inner: SeatPlan[] = Array.from({ length: innerCount.value }, (_, i) => ({ participant: participants[i] ?? null, emptyChair: false }))
    if (open) inner.push({ participant: null, emptyChair: true })
    const outer: SeatPlan[] =
      participants.length > 0
        ? participants.slice(innerCount.value).map((p) => ({ participant: p, emptyChair: false }))
        : Array.from({ length: DEFAULT_PLACEHOLDER_SEATS }, () => ({ participant: null, emptyChair: false }))
    const innerRadius = ringRadius(inner.length, 220)
    const outerRadius = ringRadius(outer.length, innerRadius + SEAT_DIAMETER + 80)
    const ringSize = 2 * (outer.length > 0 ? outerRadius : innerRadius) + SEAT_DIAMETER
    const cx = FRAME_PADDING + ringSize / 2
    const cy = HEADER_HEIGHT + ringSize / 2
    const innerSeats = ringSeats(inner, 'inner', 1, cx, cy, innerRadius)
    const outerSeats = ringSeats(outer, 'outer', inner.length + 1, cx, cy, outerRadius)
    const roundsX = FRAME_PADDING + ringSize + 80
    const zones = [...innerSeats, ...outerSeats, ...roundZones(prompts.value, roundsX)]
    let roundsBottom = HEADER_HEIGHT + prompts.value.length * (ROUND_H + ZONE_GAP) - ZONE_GAP
    if (open) {
      zones.push({
        key: 'queue',
        label: en('fishbowl.queue-for-the-empty'),
        x: roundsX,
        y: roundsBottom + ZONE_GAP,
        w: ROUNDS_W,
        h: QUEUE_H,
        shape: 'rectangle',
        color: 'yellow',
        fill: 'semi',
        meaning: { kind: 'queue' },
        target: true,
      })
      roundsBottom += ZONE_GAP + QUEUE_H
    }
    const width = roundsX + ROUNDS_W + FRAME_PADDING
    const height = Math.max(HEADER_HEIGHT + ringSize, roundsBottom) + FRAME_PADDING
    const labels: LabelSpec[] = [headerLabel(FISHBOWL.instructions, width)]
    const settings: CircleSettings = {
      variant: open ? 'fishbowlOpen' : 'fishbowlClosed',
      timerSeconds: open ? 0 : rotation.value * 60,
    }
    return ok({ width, height, zones, labels, tokens: talkingPiece(innerSeats[0]), settings: { ...settings } })
  },
}

export const DIALOGUE_TEMPLATES: readonly ActivityTemplate[] = [TALKING_CIRCLE, FISHBOWL]
