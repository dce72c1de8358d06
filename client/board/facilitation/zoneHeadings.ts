/**
 * The headings a facilitator renames (issue 13): read from the control doc, renamed through the
 * server (`renameHeading`, SPEC F7), and whether they are being renamed in place on the board.
 */
import { useEffect, useState } from 'react'
import { atom } from 'tldraw'
import type * as Y from 'yjs'
import { getRecordsMap, readAllRecords } from '../../../shared/docLayout'
import { renamableHeadings, type Heading } from '../../../shared/activities/headings'

/** True while the facilitator renames headings on the canvas itself (one board per page). */
export const renamingInPlace = atom('renaming headings in place', false)

/** The renamable headings of the board's activities, live. */
export function useHeadings(controlDoc: Y.Doc): Heading[] {
  const [headings, setHeadings] = useState<Heading[]>(() => renamableHeadings(readAllRecords(controlDoc)))
  useEffect(() => {
    const records = getRecordsMap(controlDoc)
    let scheduled: ReturnType<typeof setTimeout> | null = null
    const update = () => {
      scheduled = null
      setHeadings(renamableHeadings(readAllRecords(controlDoc)))
    }
    const onChange = () => {
      scheduled ??= setTimeout(update, 100)
    }
    update()
    records.observeDeep(onChange)
    return () => {
      records.unobserveDeep(onChange)
      if (scheduled) clearTimeout(scheduled)
    }
  }, [controlDoc])
  return headings
}
