/**
 * The headings a facilitator renames (issue 13): read from the control doc, renamed through the
 * server (`renameHeading`, SPEC F7), and whether they are being renamed in place on the board.
 */
import { atom } from 'tldraw'
import type * as Y from 'yjs'
import { renamableHeadings, type Heading } from '../../../shared/activities/headings'
import { useControlRecords } from './useActivities'

/** True while the facilitator renames headings on the canvas itself (one board per page). */
export const renamingInPlace = atom('renaming headings in place', false)

/** The renamable headings of the board's activities, live. */
export function useHeadings(controlDoc: Y.Doc): Heading[] {
  return useControlRecords(controlDoc, renamableHeadings)
}
