/**
 * Live facilitation state (issue 4), kept in the control doc's `state` map, which only the
 * facilitator and the server write. Private data (a participant's private notes and votes)
 * lives in their private doc; the server derives the public parts (counts, totals) from it.
 *
 * Every reader parses with these functions: the `state` map is JSON written by a client, so
 * nothing in it is trusted as typed.
 */
import { z } from 'zod'

export const STATE_MAP = 'state'
export const VOTES_MAP = 'votes'
export const PROFILE_MAP = 'profile'

export const STATE_KEYS = {
  timer: 'timer',
  vote: 'vote',
  voteTotals: 'voteTotals',
  voteVoters: 'voteVoters',
  voteRemaining: 'voteRemaining',
  voteProgress: 'voteProgress',
  privateWriting: 'privateWriting',
  privateCounts: 'privateCounts',
  follow: 'follow',
  talkingPiece: 'talkingPiece',
  instructions: 'instructions',
  bring: 'bring',
} as const

export const TimerState = z.discriminatedUnion('status', [
  z.object({ status: z.literal('idle'), durationMs: z.number().nonnegative() }),
  z.object({ status: z.literal('running'), durationMs: z.number().nonnegative(), endsAt: z.number() }),
  z.object({ status: z.literal('paused'), durationMs: z.number().nonnegative(), remainingMs: z.number() }),
])
export type TimerState = z.infer<typeof TimerState>

/** Remaining time of a timer at server time `now`, never below zero. */
export function timerRemainingMs(timer: TimerState, now: number): number {
  switch (timer.status) {
    case 'idle':
      return timer.durationMs
    case 'running':
      return Math.max(0, timer.endsAt - now)
    case 'paused':
      return Math.max(0, timer.remainingMs)
  }
}

export type TimerAction =
  | { action: 'start'; durationMs: number }
  | { action: 'pause' }
  | { action: 'resume' }
  | { action: 'addMinute' }
  | { action: 'reset' }

/** The next timer state; pure so that server and tests agree on it. */
export function nextTimer(current: TimerState | null, action: TimerAction, now: number): TimerState {
  const timer = current ?? { status: 'idle', durationMs: 0 }
  switch (action.action) {
    case 'start':
      return { status: 'running', durationMs: action.durationMs, endsAt: now + action.durationMs }
    case 'pause':
      return timer.status === 'running' ? { status: 'paused', durationMs: timer.durationMs, remainingMs: timerRemainingMs(timer, now) } : timer
    case 'resume':
      return timer.status === 'paused' ? { status: 'running', durationMs: timer.durationMs, endsAt: now + timer.remainingMs } : timer
    case 'addMinute':
      switch (timer.status) {
        case 'running':
          return { ...timer, durationMs: timer.durationMs + 60_000, endsAt: Math.max(timer.endsAt, now) + 60_000 }
        case 'paused':
          return { ...timer, durationMs: timer.durationMs + 60_000, remainingMs: timer.remainingMs + 60_000 }
        case 'idle':
          return { status: 'idle', durationMs: timer.durationMs + 60_000 }
      }
      break
    case 'reset':
      return { status: 'idle', durationMs: timer.durationMs }
  }
}

export const VoteSettings = z.object({
  votesPerPerson: z.number().int().min(1).max(100),
  maxPerNote: z.number().int().min(1).max(100),
  anonymous: z.boolean(),
  /** Totals hidden until reveal; otherwise published live. */
  hideTotals: z.boolean(),
})
export type VoteSettings = z.infer<typeof VoteSettings>

export const VoteState = z.object({
  id: z.string().min(1).max(64),
  status: z.enum(['open', 'closed', 'revealed']),
  settings: VoteSettings,
})
export type VoteState = z.infer<typeof VoteState>

export const PrivateWritingState = z.object({ on: z.boolean(), anonymousReveal: z.boolean() })
export type PrivateWritingState = z.infer<typeof PrivateWritingState>

export const FollowState = z.object({
  on: z.boolean(),
  /** Awareness client id of the leader's board connection. */
  leaderClientId: z.number().int().nullable(),
  leaderName: z.string().max(100),
})
export type FollowState = z.infer<typeof FollowState>

/** "Bring everyone to me": a one-off jump to the facilitator's view, written by the facilitator. */
export const BringState = z.object({
  at: z.number(),
  bounds: z.object({ x: z.number(), y: z.number(), w: z.number().positive(), h: z.number().positive() }),
  pageId: z.string(),
  /** Made by the plan entering a step: the facilitator's own page goes too (and the projector following it). */
  plan: z.literal(true).optional(),
})
export type BringState = z.infer<typeof BringState>

/** Talking piece per dialogue activity: which seat holds it. */
export const TalkingPieceState = z.record(z.string(), z.object({ seat: z.number().int().min(1), round: z.number().int().min(1) }))
export type TalkingPieceState = z.infer<typeof TalkingPieceState>

export const Instructions = z.record(z.string(), z.string().max(5000))

/**
 * How many people have voted in the open vote, out of how many could: never who
 * (docs/DECISIONS.md: "N of M have voted"). Published by the server while a vote is open.
 */
export const VoteProgress = z.object({ voted: z.number().int().nonnegative(), present: z.number().int().nonnegative() })
export type VoteProgress = z.infer<typeof VoteProgress>

export const VoteTotals = z.record(z.string(), z.number().int().nonnegative())
export const VoteVoters = z.record(z.string(), z.array(z.string()))
/** Private notes per person during private writing; `facilitator` marks a facilitator's own doc. */
export const PrivateCounts = z.record(
  z.string(),
  z.object({ name: z.string(), count: z.number().int().nonnegative(), facilitator: z.literal(true).optional() }),
)

/** Parses one state value, or returns null when absent or malformed. */
export function parseState<T>(schema: z.ZodType<T>, value: unknown): T | null {
  const parsed = schema.safeParse(value)
  return parsed.success ? parsed.data : null
}

/** One participant's ballot as read from their private doc: note id → votes. */
export type Ballot = { voter: string; votes: Record<string, number> }

/**
 * Totals within the limits (SPEC F3): per note at most `maxPerNote`, per person at most
 * `votesPerPerson` in note-id order; non-integer or negative counts count as zero; votes for
 * notes that do not exist are ignored. A modified client can ask for more; it gets no more.
 */
export function tallyVotes(
  ballots: Ballot[],
  settings: VoteSettings,
  noteIds: ReadonlySet<string>,
): { totals: Record<string, number>; voters: Record<string, string[]>; used: Record<string, number> } {
  const totals: Record<string, number> = {}
  const voters: Record<string, string[]> = {}
  const used: Record<string, number> = {}
  for (const ballot of ballots) {
    let budget = settings.votesPerPerson
    for (const noteId of Object.keys(ballot.votes).sort()) {
      if (!noteIds.has(noteId) || budget <= 0) continue
      const raw = ballot.votes[noteId]
      const asked = typeof raw === 'number' && Number.isInteger(raw) && raw > 0 ? raw : 0
      const counted = Math.min(asked, settings.maxPerNote, budget)
      if (counted === 0) continue
      budget -= counted
      totals[noteId] = (totals[noteId] ?? 0) + counted
      ;(voters[noteId] ??= []).push(ballot.voter)
    }
    used[ballot.voter] = settings.votesPerPerson - budget
  }
  return { totals, voters, used }
}
