/**
 * The client side of issue 4 without a browser: the ballot in the private doc (limits shown to
 * the voter match the server's tally), the countdown text, and the binding's private doc
 * (new notes routed there while private writing is on, edits stay home, unbinding removes them).
 */
import type { TLShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initializeBoardDoc } from '../../shared/boardSchema.js'
import { getRecordsMap, readRecord } from '../../shared/docLayout.js'
import { tallyVotes, VOTES_MAP, type VoteState } from '../../shared/facilitation.js'
import { canAddVote, changeVote, readBallot, remainingVotes } from '../../client/board/facilitation/ballot.js'
import { formatRemaining } from '../../client/board/facilitation/useTimerView.js'
import { StoreYjsBinding } from '../../client/sync/StoreYjsBinding.js'
import { createTestStore, noteRecord } from '../helpers/tldrawStore.js'

const vote: VoteState = { id: 'v1', status: 'open', settings: { votesPerPerson: 3, maxPerNote: 2, anonymous: true, hideTotals: true } }
const notes = new Set(['shape:a', 'shape:b', 'shape:c'])

describe('ballot (private doc votes)', () => {
  it('[F3] adds and removes votes within the limits the server applies', () => {
    const doc = new Y.Doc()
    expect(remainingVotes(readBallot(doc, 'v1'), vote, notes)).toBe(3)
    changeVote(doc, 'v1', 'shape:a', 1)
    changeVote(doc, 'v1', 'shape:a', 1)
    let ballot = readBallot(doc, 'v1')
    expect(ballot).toEqual({ 'shape:a': 2 })
    expect(canAddVote(ballot, vote, notes, 'shape:a')).toBe(false) // max 2 per note
    expect(canAddVote(ballot, vote, notes, 'shape:b')).toBe(true)
    expect(canAddVote(ballot, vote, notes, 'shape:gone')).toBe(false) // not a note on the board
    changeVote(doc, 'v1', 'shape:b', 1)
    ballot = readBallot(doc, 'v1')
    expect(remainingVotes(ballot, vote, notes)).toBe(0)
    expect(canAddVote(ballot, vote, notes, 'shape:c')).toBe(false)
    // What the voter sees left is what the server counts.
    const { used } = tallyVotes([{ voter: 'me', votes: ballot }], vote.settings, notes)
    expect(used.me).toBe(3)
    changeVote(doc, 'v1', 'shape:a', -1)
    changeVote(doc, 'v1', 'shape:a', -1)
    expect(readBallot(doc, 'v1')).toEqual({ 'shape:b': 1 })
    expect((doc.getMap(VOTES_MAP).get('v1') as Y.Map<number>).has('shape:a')).toBe(false)
    expect(canAddVote(readBallot(doc, 'v1'), { ...vote, status: 'closed' }, notes, 'shape:c')).toBe(false)
  })

  it('a vote on a note that was deleted gives the vote back, as the server tally does', () => {
    const doc = new Y.Doc()
    changeVote(doc, 'v1', 'shape:a', 1)
    changeVote(doc, 'v1', 'shape:b', 1)
    expect(remainingVotes(readBallot(doc, 'v1'), vote, new Set(['shape:b']))).toBe(2)
  })
})

describe('countdown text', () => {
  it.each([
    [120_000, '2:00'],
    [119_001, '2:00'],
    [61_000, '1:01'],
    [999, '0:01'],
    [0, '0:00'],
    [3_600_000 + 65_000, '1:01:05'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatRemaining(ms)).toBe(text)
  })
})

describe('binding with a private doc attached later', () => {
  it('[F2] routes new notes to the private doc while asked, keeps edits home, and unbinding removes them from the store', () => {
    const board = new Y.Doc()
    initializeBoardDoc(board)
    const privateDoc = new Y.Doc()
    const store = createTestStore()
    const binding = new StoreYjsBinding(store, { board }, { canWriteBoard: true, canWriteControl: false })
    const detach = binding.attachPrivateDoc(privateDoc, true)

    binding.setNewRecordsHome('private')
    store.put([noteRecord('shape:secret', { text: 'only mine' })])
    binding.setNewRecordsHome('board')
    store.put([noteRecord('shape:shared', { text: 'for all' })])
    expect(readRecord(privateDoc, 'shape:secret')).not.toBeNull()
    expect(readRecord(board, 'shape:secret')).toBeNull()
    expect(readRecord(board, 'shape:shared')).not.toBeNull()
    expect(binding.isPrivateRecord('shape:secret')).toBe(true)
    expect(binding.isPrivateRecord('shape:shared')).toBe(false)

    // Editing the private note after private writing ended keeps it in the private doc.
    store.update('shape:secret' as TLShapeId, (r) => ({ ...r, x: 300 }) as never)
    expect(readRecord(privateDoc, 'shape:secret')?.x).toBe(300)
    expect(readRecord(board, 'shape:secret')).toBeNull()

    // The server's reveal moves it to the board doc: the store keeps it, now shared.
    const revealed = readRecord(privateDoc, 'shape:secret')!
    const server = new Y.Doc()
    Y.applyUpdate(server, Y.encodeStateAsUpdate(board))
    server.transact(() => getRecordsMap(server).set('shape:secret', getRecordsMap(privateDoc).get('shape:secret')!.clone()))
    Y.applyUpdate(board, Y.encodeStateAsUpdate(server, Y.encodeStateVector(board)))
    privateDoc.transact(() => getRecordsMap(privateDoc).delete('shape:secret'))
    expect(store.get('shape:secret' as TLShapeId)).toMatchObject({ x: revealed.x })
    expect(binding.isPrivateRecord('shape:secret')).toBe(false)

    store.put([noteRecord('shape:draft', { x: 1 })])
    binding.setNewRecordsHome('private')
    store.put([noteRecord('shape:draft2')])
    detach()
    expect(store.get('shape:draft2' as TLShapeId)).toBeUndefined()
    expect(store.get('shape:draft' as TLShapeId)).toBeDefined()
    // After unbinding, new records go to the board again.
    store.put([noteRecord('shape:after')])
    expect(readRecord(board, 'shape:after')).not.toBeNull()
    binding.dispose()
  })
})

describe('instructions panel default text', () => {
  it('shows the activity instructions in the facilitator’s language until they are edited', async () => {
    const { defaultInstructions } = await import('../../client/board/facilitation/InstructionsSection.js')
    const { getTemplate } = await import('../../shared/activities/index.js')
    const english = getTemplate('risk-matrix')!.instructions
    expect(defaultInstructions({ templateId: 'risk-matrix' }, 'en')).toBe(english)
    const french = defaultInstructions({ templateId: 'risk-matrix' }, 'fr')
    expect(french).not.toBe(english)
    expect(french).toMatch(/Écrivez un risque par note/)
    expect(defaultInstructions({ templateId: 'no-such-template' }, 'fr')).toBe('')
  })
})
