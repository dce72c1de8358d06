import { useCallback, useEffect, useMemo, useState } from 'react'
import { useEditor, useValue, type TLShapeId } from 'tldraw'
import { VOTES_MAP } from '../../../shared/facilitation'
import { canAddVote, changeVote, readBallot, remainingVotes, type Ballot } from './ballot'
import type { Facilitation } from './useFacilitationState'

export type Voting = {
  /** Notes that can receive votes: shared board notes (not private drafts), by id. */
  noteIds: ReadonlySet<string>
  ballot: Ballot
  remaining: number
  /** True while a vote is open and this person has a ballot (private doc). */
  canVote: boolean
  canAdd: (noteId: string) => boolean
  add: (noteId: string) => void
  remove: (noteId: string) => void
}

/** This person's side of the current dot vote. */
export function useVoting(fac: Facilitation): Voting {
  const editor = useEditor()
  const { vote } = fac.control
  const privateDoc = fac.privateDoc?.doc ?? null
  const noteKey = useValue(
    'votable note ids',
    () =>
      editor
        .getCurrentPageShapes()
        .filter((shape) => shape.type === 'note' && !fac.binding.isPrivateRecord(shape.id))
        .map((shape) => shape.id)
        .sort()
        .join(' '),
    [editor, fac.binding],
  )
  const noteIds = useMemo(() => new Set(noteKey ? noteKey.split(' ') : []), [noteKey])

  const [ballot, setBallot] = useState<Ballot>({})
  useEffect(() => {
    if (!privateDoc || !vote) return setBallot({})
    const votes = privateDoc.getMap(VOTES_MAP)
    const update = () => setBallot(readBallot(privateDoc, vote.id))
    update()
    votes.observeDeep(update)
    return () => votes.unobserveDeep(update)
  }, [privateDoc, vote])

  const canVote = vote?.status === 'open' && privateDoc !== null && fac.role !== 'viewer'
  const remaining = vote ? remainingVotes(ballot, vote, noteIds) : 0
  const canAdd = useCallback((noteId: string) => canVote && !!vote && canAddVote(ballot, vote, noteIds, noteId), [canVote, vote, ballot, noteIds])
  const add = useCallback(
    (noteId: string) => {
      if (privateDoc && vote && canAdd(noteId)) changeVote(privateDoc, vote.id, noteId, 1)
    },
    [privateDoc, vote, canAdd],
  )
  const remove = useCallback(
    (noteId: string) => {
      if (privateDoc && vote && canVote && (ballot[noteId] ?? 0) > 0) changeVote(privateDoc, vote.id, noteId, -1)
    },
    [privateDoc, vote, canVote, ballot],
  )
  return { noteIds, ballot, remaining, canVote, canAdd, add, remove }
}

/** The single selected note, if the selection is exactly one votable note. */
export function useSelectedNote(noteIds: ReadonlySet<string>): TLShapeId | null {
  const editor = useEditor()
  const selected = useValue('selected ids', () => editor.getSelectedShapeIds(), [editor])
  return selected.length === 1 && noteIds.has(selected[0]!) ? selected[0]! : null
}
