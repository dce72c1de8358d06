/**
 * Activities added to a live board, and open actions carried over from an earlier board into
 * this board's retrospective Actions zone.
 */
import { noteRecord } from '../../shared/notes.js'
import { positionInZone, readActivities } from '../../shared/activities/index.js'
import { buildActivityRecords, type TemplateLocale } from '../../shared/activities/index.js'
import { hashToken } from '../auth/tokens.js'
import { readBoardRecords, SERVER_ORIGIN, withBoardDocs, type BoardDocsDeps } from './boardDocs.js'
import { addRecords } from './boardState.js'
import { BoardError } from './errors.js'
import { boardResults } from './results.js'
import { isUnderAdmission } from '../people/admission.js'
import { spaceLocale } from '../spaces/spaces.js'

export type NewActivity = {
  template: string
  title?: string
  participants?: string[]
  options?: Record<string, unknown>
  locale?: TemplateLocale
}

/** The language of the board's space, as a board created in that space gets (undefined outside a space: English). */
async function spaceLanguage(deps: BoardDocsDeps, boardId: string): Promise<TemplateLocale | undefined> {
  const spaceId = await deps.storage.getBoardSpace(boardId)
  const space = spaceId ? await deps.storage.getSpace(spaceId) : null
  return space ? spaceLocale(space) : undefined
}

/** Adds another activity beside the existing ones (template shapes → control doc); without a `locale`, in the language of the board's space. */
export async function addActivity(
  deps: BoardDocsDeps,
  boardId: string,
  input: NewActivity,
) {
  const current = await readBoardRecords(deps, boardId)
  const locale = input.locale ?? (await spaceLanguage(deps, boardId))
  const built = buildActivityRecords(input.template, {
    existing: [...current.board, ...current.control],
    participants: input.participants,
    options: input.options,
    title: input.title,
    locale,
  })
  if (!built.ok) throw new BoardError(400, built.error)
  await withBoardDocs(deps.rooms, boardId, ['control'], ({ control }) => addRecords(control, built.value.records, SERVER_ORIGIN))
  return { instanceId: built.value.instanceId, bounds: built.value.bounds }
}

/** Copies the earlier board's open retrospective actions into this board's Actions zone. */
export async function carryOverActions(deps: BoardDocsDeps, boardId: string, from: { boardId: string; token: string }): Promise<{ carried: number }> {
  const source = await deps.storage.findToken(hashToken(from.token))
  if (!source || source.boardId !== from.boardId) throw new BoardError(403, 'that link is not valid for the earlier board')
  // A bare participant link of a board under admission opens only its lobby (SPEC R12).
  if (source.role === 'participant' && (await isUnderAdmission(deps.storage, from.boardId))) throw new BoardError(403, 'that link is not valid for the earlier board')
  const earlier = await boardResults(deps, from.boardId)
  const open = earlier.results.activities.flatMap((a) => (a.kind === 'retro' ? a.actions.filter((x) => x.status !== 'done') : []))
  const current = await readBoardRecords(deps, boardId)
  const retro = readActivities(current.control).find((a) => a.zones.some((z) => z.meaning.kind === 'actions'))
  const actionsZone = retro?.zones.find((z) => z.meaning.kind === 'actions')
  if (!actionsZone) throw new BoardError(409, 'this board has no retrospective with an Actions zone')
  const notes = open.map((action, i) => {
    const at = positionInZone(actionsZone, undefined, i)
    return noteRecord({
      id: `shape:carried-${Date.now().toString(36)}-${i}`,
      text: action.text,
      x: at.x,
      y: at.y,
      color: 'orange',
      meta: { ...(action.owner ? { owner: action.owner } : {}), ...(action.due ? { due: action.due } : {}), status: action.status, carriedFrom: from.boardId },
    })
  })
  await withBoardDocs(deps.rooms, boardId, ['board'], ({ board }) => addRecords(board, notes, SERVER_ORIGIN))
  return { carried: notes.length }
}
