/**
 * This person's ballot for the open vote, kept in their private doc: `votes` → vote id →
 * Y.Map(note id → count). Limits are checked here for feedback only; the server tallies with
 * the same rules (tallyVotes) whatever a client writes.
 */
import * as Y from 'yjs'
import { tallyVotes, VOTES_MAP, type VoteState } from '../../../shared/facilitation'

export type Ballot = Record<string, number>

export function readBallot(doc: Y.Doc, voteId: string): Ballot {
  const map = doc.getMap(VOTES_MAP).get(voteId)
  if (!(map instanceof Y.Map)) return {}
  const ballot: Ballot = {}
  for (const [noteId, count] of map.entries()) if (typeof count === 'number' && count > 0) ballot[noteId] = count
  return ballot
}

/** Votes this person may still cast, counted exactly as the server counts them. */
export function remainingVotes(ballot: Ballot, vote: VoteState, noteIds: ReadonlySet<string>): number {
  const { used } = tallyVotes([{ voter: 'me', votes: ballot }], vote.settings, noteIds)
  return vote.settings.votesPerPerson - (used.me ?? 0)
}

export function canAddVote(ballot: Ballot, vote: VoteState, noteIds: ReadonlySet<string>, noteId: string): boolean {
  return vote.status === 'open' && noteIds.has(noteId) && remainingVotes(ballot, vote, noteIds) > 0 && (ballot[noteId] ?? 0) < vote.settings.maxPerNote
}

/** Adds (+1) or removes (−1) one vote on a note; removing the last one deletes the key. */
export function changeVote(doc: Y.Doc, voteId: string, noteId: string, delta: 1 | -1): void {
  doc.transact(() => {
    const votes = doc.getMap(VOTES_MAP)
    let map = votes.get(voteId)
    if (!(map instanceof Y.Map)) {
      map = new Y.Map<number>()
      votes.set(voteId, map)
    }
    const ballot = map as Y.Map<number>
    const next = (ballot.get(noteId) ?? 0) + delta
    if (next > 0) ballot.set(noteId, next)
    else ballot.delete(noteId)
  })
}
