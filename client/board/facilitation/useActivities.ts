import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { getRecordsMap, readAllRecords } from '../../../shared/docLayout'
import { readActivities, type Activity } from '../../../shared/activities'

/** The activities on the board, read from the control doc's template shapes. */
export function useActivities(controlDoc: Y.Doc): Activity[] {
  const [activities, setActivities] = useState<Activity[]>(() => readActivities(readAllRecords(controlDoc)))
  useEffect(() => {
    const records = getRecordsMap(controlDoc)
    let scheduled: ReturnType<typeof setTimeout> | null = null
    const update = () => {
      scheduled = null
      setActivities(readActivities(readAllRecords(controlDoc)))
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
  return activities
}
