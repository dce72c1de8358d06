/**
 * Server-enforced facilitation (issue 4, SPEC F-rules): the timer runs on server time, vote
 * totals are tallied here from the participants' private docs within the limits and published
 * into the control doc, and reveal moves private notes into the board doc. Before a reveal,
 * nothing of a private doc reaches anyone but its owner.
 */
import { createHash } from 'node:crypto'
import * as Y from 'yjs'
import { jsonEqual, readAllRecords, getMetaMap, getRecordsMap, writeRecord, type JsonRecord } from '../../shared/docLayout.js'
import {
  BringState,
  Instructions,
  nextTimer,
  parseState,
  PrivateWritingState,
  PROFILE_MAP,
  STATE_KEYS,
  STATE_MAP,
  tallyVotes,
  TalkingPieceState,
  TimerState,
  VOTES_MAP,
  VoteState,
  type Ballot,
  type TimerAction,
  type VoteSettings,
  type VoteProgress as VoteProgressValue,
} from '../../shared/facilitation.js'
import { docKey } from '../../shared/roles.js'
import { readDoc, withBoardDocs, type BoardDocsDeps } from '../boards/boardDocs.js'
import { BoardError } from '../boards/errors.js'
import type { Logger } from '../logger.js'
import { isUnderAdmission, listBoardPeople } from '../people/admission.js'
import type { Storage } from '../storage/Storage.js'
import type { Room } from '../sync/Room.js'
import type { RoomExtension } from '../sync/RoomExtension.js'
import type { RoomManager } from '../sync/RoomManager.js'
import { SYSTEM_VERSION_LABELS } from '../../shared/versionLabels.js'

export const FACILITATION_ORIGIN = 'facilitation'

/** Public, non-secret id of a participant: their private doc id is a capability, this is not. */
export function publicParticipantId(privateDocKey: string): string {
  return createHash('sha256').update(privateDocKey).digest('base64url').slice(0, 12)
}

/**
 * Key of a private doc's server-only `meta` map (clients may not write `meta`) set once a
 * facilitator's session has written that doc: their notes are counted apart from the
 * participants' during private writing (docs/DECISIONS.md).
 */
export const FACILITATOR_OWNED_KEY = 'facilitatorOwned'

type PrivateSnapshot = {
  key: string
  publicId: string
  name: string
  facilitator: boolean
  notes: JsonRecord[]
  votes: Record<string, Record<string, number>>
}

function readPrivateDoc(key: string, state: Uint8Array): PrivateSnapshot {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  const name = doc.getMap(PROFILE_MAP).get('name')
  const votes: Record<string, Record<string, number>> = {}
  for (const [voteId, value] of doc.getMap(VOTES_MAP).entries()) {
    if (value instanceof Y.Map) votes[voteId] = Object.fromEntries(value.entries()) as Record<string, number>
  }
  const notes = readAllRecords(doc).filter((r) => r.typeName === 'shape')
  const facilitator = getMetaMap(doc).get(FACILITATOR_OWNED_KEY) === true
  doc.destroy()
  return {
    key,
    publicId: publicParticipantId(key),
    name: typeof name === 'string' && name.trim() ? name.trim().slice(0, 60) : 'Participant',
    facilitator,
    notes,
    votes,
  }
}

/** Distinct people whose presence on the board doc says they are participants (any instance). */
function participantsOnBoard(room: Room): number {
  const ids = new Set<string>()
  for (const state of room.awareness.getStates().values()) {
    const user: unknown = typeof state === 'object' && state !== null ? Reflect.get(state, 'user') : null
    if (typeof user !== 'object' || user === null || Reflect.get(user, 'role') !== 'participant') continue
    const id: unknown = Reflect.get(user, 'id')
    if (typeof id === 'string' && id !== '') ids.add(id)
  }
  return ids.size
}

export class FacilitationService implements RoomExtension {
  readonly name = 'facilitation'
  private readonly scheduled = new Map<string, NodeJS.Timeout>()
  /** Participants last counted in each loaded board doc's presence (see onPresence). */
  private readonly participantsSeen = new Map<string, number>()

  constructor(
    private readonly rooms: RoomManager,
    private readonly storage: Storage,
    private readonly logger: Logger,
    private readonly saveVersion: (boardId: string, label: string) => Promise<unknown>,
  ) {}

  /** RoomExtension (registered in server/server.ts): a change in any private doc may change the published counts and totals. */
  onChange(room: Room): void {
    if (room.kind !== 'private') return
    this.markIfFacilitatorOwned(room)
    this.scheduleRecompute(room.docKey.split('/')[0]!)
  }

  /**
   * RoomExtension: people arriving and leaving change how many could vote. On a board doc only a
   * change in how many participants are here counts (cursor moves are presence changes too).
   */
  onPresence(room: Room): void {
    if (room.kind === 'private') this.scheduleRecompute(room.docKey.split('/')[0]!)
    if (room.kind !== 'board') return
    const here = participantsOnBoard(room)
    if (this.participantsSeen.get(room.docKey) === here) return
    this.participantsSeen.set(room.docKey, here)
    this.scheduleRecompute(room.docKey)
  }

  onUnload(room: Room): void {
    if (room.kind === 'private') this.scheduleRecompute(room.docKey.split('/')[0]!)
    if (room.kind === 'board') this.participantsSeen.delete(room.docKey)
  }

  /** Whether someone has this private doc open right now (on this instance). */
  private isPresent(key: string): boolean {
    return (this.rooms.getLoaded(key)?.sessions.size ?? 0) > 0
  }

  /**
   * Marks a private doc as a facilitator's when a facilitator's session is on it as it changes.
   * The mark is in the server-only `meta` map, so no participant can hide from the counts.
   */
  private markIfFacilitatorOwned(room: Room): void {
    if (getMetaMap(room.doc).get(FACILITATOR_OWNED_KEY) === true) return
    if (![...room.sessions].some((s) => s.grant.role === 'facilitator')) return
    this.rooms
      .withRoom(room.docKey, 'private', (r) => {
        const meta = getMetaMap(r.doc)
        if (meta.get(FACILITATOR_OWNED_KEY) !== true) r.doc.transact(() => meta.set(FACILITATOR_OWNED_KEY, true), FACILITATION_ORIGIN)
      })
      .catch((error: unknown) => this.logger.error({ docKey: room.docKey, err: String(error) }, 'marking a facilitator private doc failed'))
  }

  private get docs(): BoardDocsDeps {
    return { rooms: this.rooms, storage: this.storage }
  }

  private async withState<T>(boardId: string, fn: (state: Y.Map<unknown>, doc: Y.Doc) => T): Promise<T> {
    return withBoardDocs(this.rooms, boardId, ['control'], ({ control }) => {
      let result!: T
      control.transact(() => {
        result = fn(control.getMap(STATE_MAP), control)
      }, FACILITATION_ORIGIN)
      return result
    })
  }

  private static setIfChanged(state: Y.Map<unknown>, key: string, value: unknown): void {
    if (value === undefined) {
      if (state.has(key)) state.delete(key)
    } else if (!jsonEqual(state.get(key), value)) state.set(key, value)
  }

  async timer(boardId: string, action: TimerAction, now = Date.now()): Promise<TimerState> {
    return this.withState(boardId, (state) => {
      const next = nextTimer(parseState(TimerState, state.get(STATE_KEYS.timer)), action, now)
      state.set(STATE_KEYS.timer, next)
      return next
    })
  }

  async openVote(boardId: string, settings: VoteSettings): Promise<VoteState> {
    const vote: VoteState = { id: `v${Date.now().toString(36)}`, status: 'open', settings }
    await this.withState(boardId, (state) => {
      state.set(STATE_KEYS.vote, vote)
      state.delete(STATE_KEYS.voteTotals)
      state.delete(STATE_KEYS.voteVoters)
    })
    await this.recompute(boardId)
    return vote
  }

  async setVoteStatus(boardId: string, status: 'closed' | 'revealed'): Promise<VoteState> {
    const vote = await this.withState(boardId, (state) => {
      const current = parseState(VoteState, state.get(STATE_KEYS.vote))
      if (!current) return null
      const next = { ...current, status }
      state.set(STATE_KEYS.vote, next)
      return next
    })
    if (!vote) throw new FacilitationError('no vote has been opened on this board')
    await this.recompute(boardId)
    if (status === 'revealed') await this.saveVersion(boardId, SYSTEM_VERSION_LABELS.votesRevealed)
    return vote
  }

  async setPrivateWriting(boardId: string, value: PrivateWritingState): Promise<void> {
    await this.withState(boardId, (state) => state.set(STATE_KEYS.privateWriting, value))
    await this.recompute(boardId)
  }

  /** Moves every private note into the board doc (SPEC F2), with or without author names. */
  async revealPrivateNotes(boardId: string, options: { anonymous: boolean }): Promise<number> {
    const snapshots = await this.readPrivateDocs(boardId)
    const revealed: JsonRecord[] = []
    for (const snap of snapshots) {
      for (const note of snap.notes) {
        const meta = { ...((note.meta as Record<string, unknown>) ?? {}) }
        delete meta.author
        if (!options.anonymous) meta.author = snap.name
        revealed.push({ ...note, meta })
      }
    }
    await withBoardDocs(this.rooms, boardId, ['board'], ({ board }) => {
      const records = getRecordsMap(board)
      board.transact(() => {
        for (const note of revealed) writeRecord(records, note)
      }, FACILITATION_ORIGIN)
    })
    for (const snap of snapshots) {
      if (snap.notes.length === 0) continue
      await this.rooms.withRoom(snap.key, 'private', (room) => {
        const records = getRecordsMap(room.doc)
        room.doc.transact(() => {
          for (const note of snap.notes) records.delete(note.id)
        }, FACILITATION_ORIGIN)
      })
    }
    await this.withState(boardId, (state) => {
      const current = parseState(PrivateWritingState, state.get(STATE_KEYS.privateWriting))
      state.set(STATE_KEYS.privateWriting, { on: false, anonymousReveal: current?.anonymousReveal ?? options.anonymous })
      state.delete(STATE_KEYS.privateCounts)
    })
    await this.saveVersion(boardId, SYSTEM_VERSION_LABELS.privateRevealed)
    this.logger.info({ boardId, notes: revealed.length }, 'private notes revealed')
    return revealed.length
  }

  /** "Bring everyone here": every page jumps to these bounds (a plan entering a step). */
  async bring(boardId: string, bring: BringState): Promise<void> {
    await this.withState(boardId, (state) => state.set(STATE_KEYS.bring, bring))
  }

  /** Sets the instructions every page shows for one activity. */
  async setInstructions(boardId: string, activityId: string, text: string): Promise<void> {
    await this.withState(boardId, (state) => {
      const current = parseState(Instructions, state.get(STATE_KEYS.instructions)) ?? {}
      FacilitationService.setIfChanged(state, STATE_KEYS.instructions, { ...current, [activityId]: text.slice(0, 5000) })
    })
  }

  /** Passes the talking piece of one activity to the next seat (wrapping around). */
  async passTalkingPiece(boardId: string, activityId: string, seatCount: number): Promise<{ seat: number; round: number }> {
    return this.withState(boardId, (state) => {
      const pieces = parseState(TalkingPieceState, state.get(STATE_KEYS.talkingPiece)) ?? {}
      const current = pieces[activityId] ?? { seat: 0, round: 1 }
      const seat = current.seat >= seatCount ? 1 : current.seat + 1
      const round = current.seat >= seatCount ? current.round + 1 : current.round
      state.set(STATE_KEYS.talkingPiece, { ...pieces, [activityId]: { seat, round } })
      return { seat, round }
    })
  }

  /**
   * Under admission (SPEC R13), the names of the admitted people by person id (their private
   * doc's id); null when names are self-declared.
   */
  private async admittedNames(boardId: string): Promise<Map<string, string> | null> {
    if (!(await isUnderAdmission(this.storage, boardId))) return null
    const people = await listBoardPeople(this.storage, boardId)
    return new Map(people.filter((p) => p.status === 'admitted').map((p) => [p.id, p.name]))
  }

  /**
   * Every private doc of the board. Under admission only an admitted person's doc (named by the
   * credential, never by its `profile`) or a facilitator's counts: a private doc no credential
   * owns casts no ballot and reveals no note.
   */
  private async readPrivateDocs(boardId: string): Promise<PrivateSnapshot[]> {
    // Every private doc's key starts with this (the key of a private doc with an empty id).
    const prefix = docKey(boardId, { kind: 'private', participantId: '' })
    const keys = await this.storage.listDocKeys(prefix)
    const admitted = await this.admittedNames(boardId)
    const out: PrivateSnapshot[] = []
    for (const key of keys) {
      const participantId = key.slice(prefix.length)
      const snap = readPrivateDoc(key, await readDoc(this.docs, boardId, { kind: 'private', participantId }))
      if (!admitted) out.push(snap)
      else if (admitted.has(participantId)) out.push({ ...snap, name: admitted.get(participantId)!, facilitator: false })
      else if (snap.facilitator) out.push(snap)
    }
    return out
  }

  private scheduleRecompute(boardId: string): void {
    if (this.scheduled.has(boardId)) return
    const timer = setTimeout(() => {
      this.scheduled.delete(boardId)
      this.recompute(boardId).catch((error: unknown) => this.logger.error({ boardId, err: String(error) }, 'facilitation recompute failed'))
    }, 100)
    timer.unref()
    this.scheduled.set(boardId, timer)
  }

  /**
   * Republishes what the control doc may show of the private docs: note counts per person
   * during private writing, and vote totals (live, or only once revealed) within the limits.
   */
  async recompute(boardId: string): Promise<void> {
    const controlState = await readDoc(this.docs, boardId, { kind: 'control' })
    const control = new Y.Doc()
    Y.applyUpdate(control, controlState)
    const state = control.getMap(STATE_MAP)
    const vote = parseState(VoteState, state.get(STATE_KEYS.vote))
    const writing = parseState(PrivateWritingState, state.get(STATE_KEYS.privateWriting))
    control.destroy()

    const privates = await this.readPrivateDocs(boardId)
    // Who has written, and who is here to write: someone who opened the board in an earlier
    // session, or left, without writing anything is not waited for.
    const counts = writing?.on
      ? Object.fromEntries(
          privates.filter((p) => p.notes.length > 0 || this.isPresent(p.key)).map((p) => [p.publicId, p.facilitator ? { name: p.name, count: p.notes.length, facilitator: true } : { name: p.name, count: p.notes.length }]),
        )
      : undefined

    let totals: Record<string, number> | undefined
    let voters: Record<string, string[]> | undefined
    let progress: VoteProgressValue | undefined
    if (vote?.status === 'open') {
      // N: people with at least one vote cast; M: participants here now, and anyone who voted.
      const hasVoted = (p: PrivateSnapshot) => Object.values(p.votes[vote.id] ?? {}).some((n) => typeof n === 'number' && n > 0)
      const voted = privates.filter(hasVoted).length
      const openHere = privates.filter((p) => hasVoted(p) || (!p.facilitator && this.isPresent(p.key))).length
      // Private docs open on this instance, or the participants in the board's presence, which
      // the relay carries from every instance: whichever is larger, and never fewer than voted.
      const boardRoom = this.rooms.getLoaded(boardId)
      const present = Math.max(openHere, boardRoom ? participantsOnBoard(boardRoom) : 0, voted)
      progress = { voted, present }
    }
    if (vote && (vote.status === 'revealed' || !vote.settings.hideTotals)) {
      const board = await readDoc(this.docs, boardId, { kind: 'board' })
      const boardDoc = new Y.Doc()
      Y.applyUpdate(boardDoc, board)
      const noteIds = new Set(Array.from(getRecordsMap(boardDoc).keys()).filter((id) => id.startsWith('shape:')))
      boardDoc.destroy()
      const ballots: Ballot[] = privates.map((p) => ({ voter: p.name, votes: p.votes[vote.id] ?? {} }))
      const tally = tallyVotes(ballots, vote.settings, noteIds)
      totals = tally.totals
      voters = vote.settings.anonymous ? undefined : tally.voters
    }
    await this.withState(boardId, (s) => {
      FacilitationService.setIfChanged(s, STATE_KEYS.privateCounts, counts)
      FacilitationService.setIfChanged(s, STATE_KEYS.voteTotals, totals)
      FacilitationService.setIfChanged(s, STATE_KEYS.voteVoters, voters)
      FacilitationService.setIfChanged(s, STATE_KEYS.voteProgress, progress)
    })
  }

  close(): void {
    for (const timer of this.scheduled.values()) clearTimeout(timer)
    this.scheduled.clear()
  }
}

/** A facilitation action that the board's state refuses (409). */
export class FacilitationError extends BoardError {
  constructor(message: string) {
    super(409, message)
  }
}
