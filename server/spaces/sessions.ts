/**
 * A space's sessions as its services read them: each board of the space with its results
 * (extracted the one way every export does, server/boards/results.ts) and its attendance.
 */
import type { ActivityResult } from '../../shared/activities/index.js'
import type { BoardDocsDeps } from '../boards/boardDocs.js'
import { boardResults } from '../boards/results.js'
import type { AttendanceRecord, BoardRecord } from '../storage/Storage.js'

/** The board setting holding the day a session takes place (`YYYY-MM-DD`), when not its creation day. */
export const SESSION_DATE_SETTING = 'sessionDate'

export type SpaceSession = {
  board: BoardRecord
  /** The day the session took place: its `sessionDate` setting, else the board's creation time. */
  date: string | number
  activities: ActivityResult[]
  attendance: AttendanceRecord[]
}

/** Every board of the space (or only `onlyBoard`), oldest first, with its results and attendance. */
export async function readSpaceSessions(deps: BoardDocsDeps, spaceId: string, onlyBoard?: string): Promise<SpaceSession[]> {
  const boards = (await deps.storage.listSpaceBoards(spaceId)).filter((b) => onlyBoard === undefined || b.id === onlyBoard)
  const attendance = await deps.storage.listSpaceAttendance(spaceId)
  const sessions: SpaceSession[] = []
  for (const board of boards) {
    const { results } = await boardResults(deps, board.id)
    const settings = await deps.storage.getBoardSettings(board.id)
    const sessionDate = settings[SESSION_DATE_SETTING]
    const date = typeof sessionDate === 'string' ? sessionDate : board.createdAt
    sessions.push({ board, date, activities: results.activities, attendance: attendance.filter((a) => a.boardId === board.id) })
  }
  return sessions
}

/** The activities of one result kind in a session, with their kind narrowed. */
export function activitiesOfKind<K extends ActivityResult['kind']>(session: SpaceSession, kind: K): Array<Extract<ActivityResult, { kind: K }>> {
  return session.activities.filter((a): a is Extract<ActivityResult, { kind: K }> => a.kind === kind)
}
