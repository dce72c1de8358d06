/** Renaming a zone heading from the facilitator's client (issue 13): written to the control doc. */
import type * as Y from 'yjs'
import { getRecordsMap, readRecord, writeRecord } from '../../../shared/docLayout'
import type { ActivityZone } from '../../../shared/activities'
import { MAX_ZONE_LABEL, relabelZone } from '../../../shared/activities/relabel'

/** Renames a zone; a seat's new heading is also who sits there. Returns false when nothing changed. */
export function renameZone(controlDoc: Y.Doc, zone: ActivityZone, label: string): boolean {
  const text = label.trim().slice(0, MAX_ZONE_LABEL)
  const record = readRecord(controlDoc, zone.id)
  if (!text || !record || text === zone.label) return false
  const participant = zone.meaning.kind === 'seat' ? text : undefined
  controlDoc.transact(() => writeRecord(getRecordsMap(controlDoc), relabelZone(record, text, participant)))
  return true
}

/** Zones whose heading a facilitator may rename: all but grid cells (their headings are the grid's). */
export function renamableZones(zones: readonly ActivityZone[]): ActivityZone[] {
  return zones.filter((z) => z.meaning.kind !== 'cell' && z.meaning.kind !== 'riskCell')
}
