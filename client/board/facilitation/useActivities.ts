import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { getRecordsMap, readAllRecords, type JsonRecord } from '../../../shared/docLayout'
import { readActivities, type Activity } from '../../../shared/activities'

/**
 * A value derived from the control doc's template records, kept live: recomputed at most every
 * 100 ms while the records change. `read` must be a stable (module-level) function.
 */
export function useControlRecords<T>(controlDoc: Y.Doc, read: (records: JsonRecord[]) => T): T {
  const [value, setValue] = useState<T>(() => read(readAllRecords(controlDoc)))
  useEffect(() => {
    const records = getRecordsMap(controlDoc)
    let scheduled: ReturnType<typeof setTimeout> | null = null
    const update = () => {
      scheduled = null
      setValue(read(readAllRecords(controlDoc)))
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
  }, [controlDoc, read])
  return value
}

/** The activities on the board, read from the control doc's template shapes. */
export function useActivities(controlDoc: Y.Doc): Activity[] {
  return useControlRecords(controlDoc, readActivities)
}
