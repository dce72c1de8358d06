/**
 * The control doc's `state` map, parsed (shared/facilitation.ts): everything a page shows about
 * the live facilitation. Unknown or malformed values read as absent.
 */
import * as Y from 'yjs'
import {
  BringState,
  FollowState,
  Instructions,
  parseState,
  PrivateCounts,
  PrivateWritingState,
  STATE_KEYS,
  STATE_MAP,
  TalkingPieceState,
  TimerState,
  VoteState,
  VoteProgress,
  VoteTotals,
  VoteVoters,
} from '../../../shared/facilitation'
import { z } from 'zod'
import { GROUPS_STATE_KEY, readGroupsState, type GroupsState } from '../../../shared/groups'
import { PLAN_STATE_KEY, readPlanState, type PlanState } from '../../../shared/plan'

export const BRING_KEY = STATE_KEYS.bring

export type ControlState = {
  timer: TimerState | null
  vote: VoteState | null
  voteTotals: Record<string, number>
  voteVoters: Record<string, string[]> | null
  voteProgress: VoteProgress | null
  privateWriting: PrivateWritingState | null
  privateCounts: z.infer<typeof PrivateCounts>
  follow: FollowState | null
  bring: BringState | null
  talkingPiece: TalkingPieceState
  instructions: Record<string, string>
  /** The workshop plan and its run (issue 15), written by the server. */
  plan: PlanState | null
  /** Pairs or small groups of the current plan phase. */
  groups: GroupsState | null
}

export function readControlState(doc: Y.Doc): ControlState {
  const state = doc.getMap(STATE_MAP)
  const get = (key: string) => state.get(key)
  return {
    timer: parseState(TimerState, get(STATE_KEYS.timer)),
    vote: parseState(VoteState, get(STATE_KEYS.vote)),
    voteTotals: parseState(VoteTotals, get(STATE_KEYS.voteTotals)) ?? {},
    voteVoters: parseState(VoteVoters, get(STATE_KEYS.voteVoters)),
    voteProgress: parseState(VoteProgress, get(STATE_KEYS.voteProgress)),
    privateWriting: parseState(PrivateWritingState, get(STATE_KEYS.privateWriting)),
    privateCounts: parseState(PrivateCounts, get(STATE_KEYS.privateCounts)) ?? {},
    follow: parseState(FollowState, get(STATE_KEYS.follow)),
    bring: parseState(BringState, get(BRING_KEY)),
    talkingPiece: parseState(TalkingPieceState, get(STATE_KEYS.talkingPiece)) ?? {},
    instructions: parseState(Instructions, get(STATE_KEYS.instructions)) ?? {},
    plan: readPlanState(get(PLAN_STATE_KEY)),
    groups: readGroupsState(get(GROUPS_STATE_KEY)),
  }
}

/** Writes one key of the control doc's state (facilitator only: the server drops anyone else's). */
export function writeControlState(doc: Y.Doc, key: string, value: unknown): void {
  doc.getMap(STATE_MAP).set(key, value)
}
