import { useCallback, useEffect, useMemo, useState } from 'react'
import { useEditor, useValue, type TLShapeId } from 'tldraw'
import { VOTES_MAP } from '../../../shared/facilitation'
import { richTextToPlainText } from '../../../shared/activities/richText'
import { clusterTitle } from '../../../shared/activities/clusters'
import { canAddVote, changeVote, readBallot, remainingVotes, type Ballot } from './ballot'
import type { Facilitation } from './useFacilitationState'

export type Voting = {
  /** Notes that can receive votes: shared board notes (not private drafts) and clusters (titled frames), by id. */
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
        .filter((shape) => (shape.type === 'note' || clusterTitle(shape) !== null) && !fac.binding.isPrivateRecord(shape.id))
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

/**
 * The note the vote buttons act on: the single selected votable note, or, once the selection is
 * cleared, the last one selected (WCAG 2.1.1: a keyboard user selects a note on the canvas, then
 * Escape and Tab to leave it, which clears the selection). Selecting anything else forgets it.
 */
export function useSelectedNote(noteIds: ReadonlySet<string>): { id: TLShapeId; text: string } | null {
  const editor = useEditor()
  const selected = useValue('selected ids', () => editor.getSelectedShapeIds(), [editor])
  const [last, setLast] = useState<TLShapeId | null>(null)
  const current = selected.length === 1 && noteIds.has(selected[0]!) ? selected[0]! : null
  useEffect(() => {
    if (current) setLast(current)
    else if (selected.length > 0) setLast(null)
  }, [current, selected.length])
  const id = current ?? (selected.length === 0 && last && noteIds.has(last) ? last : null)
  const text = useValue(
    'voted note text',
    () => {
      const shape = id ? editor.getShape(id) : undefined
      if (shape && 'richText' in shape.props) return richTextToPlainText(shape.props.richText)
      return shape ? (clusterTitle(shape) ?? '') : ''
    },
    [editor, id],
  )
  return id ? { id, text } : null
}
