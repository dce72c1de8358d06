/**
 * Facilitator actions on an activity's headings (issue 13, SPEC F-rules): renaming a heading in
 * place and adding a row to a commitments activity. Both write the control doc as the server
 * (participants cannot write it); the route allows them to the facilitator link only.
 */
import { getRecordsMap, readAllRecords, writeRecord } from '../../shared/docLayout.js'
import { addCommitmentRow } from '../../shared/activities/commitmentsRows.js'
import { renameHeading } from '../../shared/activities/headings.js'
import type { Result } from '../../shared/result.js'
import type { JsonRecord } from '../../shared/docLayout.js'
import { SERVER_ORIGIN, withBoardDocs, type BoardDocsDeps } from './boardDocs.js'
import { BoardError, type BoardErrorStatus } from './errors.js'

async function writeControl(deps: BoardDocsDeps, boardId: string, change: (records: JsonRecord[]) => Result<JsonRecord[]>, status: BoardErrorStatus): Promise<JsonRecord[]> {
  return withBoardDocs(deps.rooms, boardId, ['control'], ({ control }) => {
    const result = change(readAllRecords(control))
    if (!result.ok) throw new BoardError(status, result.error)
    const map = getRecordsMap(control)
    control.transact(() => {
      for (const record of result.value) writeRecord(map, record)
    }, SERVER_ORIGIN)
    return result.value
  })
}

/** Renames a zone heading, a stakeholder group's column or a commitments row. */
export async function renameActivityHeading(deps: BoardDocsDeps, boardId: string, request: { headingId: string; label: string }): Promise<{ headingId: string; label: string }> {
  await writeControl(deps, boardId, (records) => renameHeading(records, request.headingId, request.label), 404)
  return { headingId: request.headingId, label: request.label.trim() }
}

/** Adds a person's row to a commitments activity. */
export async function addRowToCommitments(deps: BoardDocsDeps, boardId: string, request: { activityId: string; name: string }): Promise<{ rowId: string }> {
  const written = await writeControl(deps, boardId, (records) => addCommitmentRow(records, request.activityId, request.name), 404)
  return { rowId: written[1]!.id }
}
