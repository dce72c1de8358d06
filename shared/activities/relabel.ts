/**
 * Renaming a template zone (issue 13): its heading on the canvas (`props.richText`) and the
 * label results read (`meta.activity.label`) change together. Seats also carry the name of the
 * person sitting there in their meaning. Pure: the caller writes the record back.
 */
import { plainTextToRichText } from './richText.js'
import type { JsonRecord } from '../docLayout.js'
import { ACTIVITY_META_KEY } from './types.js'

export const MAX_ZONE_LABEL = 120

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The zone record with a new heading; for a seat, `participant` (when given) is who sits there. */
export function relabelZone(record: JsonRecord, label: string, participant?: string | null): JsonRecord {
  const meta = isObject(record.meta) ? record.meta : {}
  const activity = isObject(meta[ACTIVITY_META_KEY]) ? meta[ACTIVITY_META_KEY] : {}
  const meaning = isObject(activity.meaning) ? activity.meaning : {}
  const nextMeaning = participant === undefined ? meaning : { ...meaning, participant }
  const props = isObject(record.props) ? record.props : {}
  return {
    ...record,
    meta: { ...meta, [ACTIVITY_META_KEY]: { ...activity, label, meaning: nextMeaning } },
    props: { ...props, richText: plainTextToRichText(label) },
  }
}
