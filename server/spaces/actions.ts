/**
 * Actions and commitments followed up from a space (SPEC T2, T3). An action's owner, due date and
 * status live only in its note's `meta` on its board doc: the space reads them through the
 * results extraction and writes them back into that doc (checked, stored and broadcast like any
 * write), so the board's results, its exports and the space page always agree.
 */
import { getRecordsMap, readRecord, writeRecord } from '../../shared/docLayout.js'
import { SERVER_ORIGIN, withBoardDocs, type BoardDocsDeps } from '../boards/boardDocs.js'
import { BoardError } from '../boards/errors.js'
import { isOverdue } from '../reports/summary.js'
import type { CheckInRecord, CheckInStatus } from '../storage/Storage.js'
import { activitiesOfKind, readSpaceSessions, type SpaceSession } from './sessions.js'

export type SpaceAction = {
  boardId: string
  boardTitle: string
  noteId: string
  text: string
  owner: string | null
  due: string | null
  status: string
  votes: number
  overdue: boolean
}

export type SpaceCommitment = {
  boardId: string
  boardTitle: string
  noteId: string
  text: string
  person: string
  mode: string
  modeLabel: string
  /** The latest check-in's status, null before the first. */
  status: CheckInStatus | null
  checkIns: CheckInRecord[]
}

export function today(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10)
}

/** The actions of every retrospective of the sessions, session by session. */
export function actionsOf(sessions: readonly SpaceSession[], asOf: string): SpaceAction[] {
  return sessions.flatMap((s) =>
    activitiesOfKind(s, 'retro').flatMap((retro) =>
      retro.actions.map((a): SpaceAction => ({
        boardId: s.board.id,
        boardTitle: s.board.title,
        noteId: a.id,
        text: a.text,
        owner: a.owner,
        due: a.due,
        status: a.status,
        votes: a.votes,
        overdue: isOverdue(a, asOf),
      })),
    ),
  )
}

/** The commitment notes of the sessions with their check-ins (oldest first; the latest is the status). */
export function commitmentsOf(sessions: readonly SpaceSession[], checkIns: readonly CheckInRecord[]): SpaceCommitment[] {
  return sessions.flatMap((s) =>
    activitiesOfKind(s, 'commitments').flatMap((activity) =>
      activity.people.flatMap((person) =>
        person.modes.flatMap((mode) =>
          mode.notes.map((note): SpaceCommitment => {
            const mine = checkIns.filter((c) => c.boardId === s.board.id && c.noteId === note.id)
            return {
              boardId: s.board.id,
              boardTitle: s.board.title,
              noteId: note.id,
              text: note.text,
              person: person.label,
              mode: mode.key,
              modeLabel: mode.label,
              status: mine[mine.length - 1]?.status ?? null,
              checkIns: mine,
            }
          }),
        ),
      ),
    ),
  )
}

export async function listSpaceActions(deps: BoardDocsDeps, spaceId: string): Promise<SpaceAction[]> {
  return actionsOf(await readSpaceSessions(deps, spaceId), today())
}

export type ActionChange = { status?: string; owner?: string | null; due?: string | null }

/**
 * Writes an action's new status, owner or due date into its note's meta (T2). The note must be an
 * action of a retrospective on a board of the space; `null` clears a field.
 */
export async function updateSpaceAction(deps: BoardDocsDeps, spaceId: string, boardId: string, noteId: string, change: ActionChange): Promise<SpaceAction> {
  if ((await deps.storage.getBoardSpace(boardId)) !== spaceId) throw new BoardError(404, 'this board is not in this space')
  const isAction = (list: SpaceAction[]) => list.some((a) => a.boardId === boardId && a.noteId === noteId)
  const sessions = await readSpaceSessions(deps, spaceId, boardId)
  if (!isAction(actionsOf(sessions, today()))) throw new BoardError(404, 'no such action on this board')
  await withBoardDocs(deps.rooms, boardId, ['board'], ({ board }) => {
    const record = readRecord(board, noteId)
    if (!record) throw new BoardError(404, 'no such action on this board')
    const meta: Record<string, unknown> = typeof record.meta === 'object' && record.meta !== null ? { ...record.meta } : {}
    for (const [key, value] of Object.entries(change)) {
      if (value === undefined) continue
      if (value === null || value === '') delete meta[key]
      else meta[key] = value
    }
    board.transact(() => writeRecord(getRecordsMap(board), { ...record, meta }), SERVER_ORIGIN)
  })
  const updated = actionsOf(await readSpaceSessions(deps, spaceId, boardId), today())
  const action = updated.find((a) => a.noteId === noteId)
  if (!action) throw new BoardError(404, 'no such action on this board')
  return action
}

/** Records a check-in on a commitment note of a board of the space (T3). */
export async function checkInCommitment(
  deps: BoardDocsDeps,
  spaceId: string,
  target: { boardId: string; noteId: string },
  input: { status: CheckInStatus; note: string },
): Promise<CheckInRecord> {
  if ((await deps.storage.getBoardSpace(target.boardId)) !== spaceId) throw new BoardError(404, 'this board is not in this space')
  const sessions = await readSpaceSessions(deps, spaceId, target.boardId)
  if (!commitmentsOf(sessions, []).some((c) => c.noteId === target.noteId)) throw new BoardError(404, 'no such commitment on this board')
  return deps.storage.addCheckIn({ scopeId: spaceId, boardId: target.boardId, noteId: target.noteId, status: input.status, note: input.note, at: Date.now() })
}
