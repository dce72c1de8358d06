/**
 * Results extraction, the public API: {@link extractResults} for the results panel and every
 * export; {@link readActivities}, {@link zoneAt}, {@link zonesOf} and {@link positionInZone}
 * for the "Move to…" keyboard command; {@link richTextToPlainText} for note text.
 */
export {
  activityAt,
  MOVE_CASCADE_STEP,
  positionInZone,
  readActivities,
  readActivityMeta,
  zoneAt,
  zoneContains,
  zonesContaining,
  zonesOf,
  type Activity,
  type ActivityToken,
  type ActivityZone,
} from './activities.js'
export {
  axisScore,
  EDITABLE_NOTE_META,
  extractResults,
  openActions,
  type ActionItem,
  type ActivityResult,
  type BoardResults,
  type ExtractInput,
  type GridEntry,
  type KudosNote,
  type NoteResult,
  type RiskEntry,
  type RoundResult,
  type ScoredNote,
  type SeatResult,
  type SectionResult,
} from './extract.js'
export { richTextToPlainText, shapeText } from './richText.js'
