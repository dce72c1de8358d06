/**
 * Clusters (issue 15, the group phase): participants gather similar notes in a titled tldraw
 * frame on the board doc. Results, votes and exports treat a cluster as ONE item: its text is
 * the frame's title, its votes are the votes cast on the frame plus those on its notes, and it
 * holds its notes (each with its own votes), listed under it. A cluster is placed like a note,
 * by its centre (activity, zone, score on a scale).
 *
 * A note belongs to the nearest titled frame among its parents (tldraw re-parents a note dropped
 * into a frame); a note left on the page whose centre lies inside a titled frame belongs to the
 * smallest such frame. A titled frame with no note is no cluster (a frame around a drawing is
 * not an item). Template frames (the activities, in the control doc) are never clusters.
 */
import type { JsonRecord } from '../docLayout.js'
import { byVotes, type NoteResult, type PlacedNote } from './extraction.js'
import { localBounds, pageCenter, pageTransform, transformBox, type Box, type Point } from './geometry.js'
import { ACTIVITY_META_KEY } from './types.js'

/** The longest cluster title kept (a frame name is free text). */
const MAX_TITLE = 200

/** What {@link clusterTitle} reads of a record (a stored record or an editor's shape). */
type ShapeLike = { typeName: string; type?: unknown; props?: unknown; meta?: unknown }

/** The title of a board frame that can be a cluster, or null. */
export function clusterTitle(record: ShapeLike): string | null {
  if (record.typeName !== 'shape' || record.type !== 'frame') return null
  if (typeof record.meta === 'object' && record.meta !== null && ACTIVITY_META_KEY in record.meta) return null
  const props = record.props
  const name: unknown = typeof props === 'object' && props !== null ? Reflect.get(props, 'name') : undefined
  if (typeof name !== 'string' || name.trim() === '') return null
  return name.trim().slice(0, MAX_TITLE)
}

type Frame = { record: JsonRecord; title: string; box: Box; center: Point }

/** The titled frames of the board doc on `pageId`, with their page boxes. */
export function clusterFrames(boardRecords: readonly JsonRecord[], byId: ReadonlyMap<string, JsonRecord>, pageOf: (r: JsonRecord) => string | null, pageId: string): Map<string, Frame> {
  const frames = new Map<string, Frame>()
  for (const record of boardRecords) {
    const title = clusterTitle(record)
    if (title === null || pageOf(record) !== pageId) continue
    const m = pageTransform(record, byId)
    const center = pageCenter(record, byId)
    if (!m || !center) continue
    frames.set(record.id, { record, title, box: transformBox(m, localBounds(record)), center })
  }
  return frames
}

/** The cluster (frame id) a note belongs to, or null. */
export function clusterOfNote(note: JsonRecord, center: Point, frames: ReadonlyMap<string, Frame>, byId: ReadonlyMap<string, JsonRecord>): string | null {
  let parentId = note.parentId
  for (let depth = 0; typeof parentId === 'string' && parentId.startsWith('shape:') && depth < 64; depth++) {
    if (frames.has(parentId)) return parentId
    parentId = byId.get(parentId)?.parentId
  }
  let best: Frame | null = null
  for (const frame of frames.values()) {
    const { x, y, w, h } = frame.box
    if (center.x < x || center.x > x + w || center.y < y || center.y > y + h) continue
    if (!best || w * h < best.box.w * best.box.h) best = frame
  }
  return best ? best.record.id : null
}

/**
 * The clusters as placed items: one per frame holding at least one note, its notes sorted like
 * any zone's (votes, then reading order). `votes` holds the totals by shape id.
 */
export function clusterItems(frames: ReadonlyMap<string, Frame>, members: ReadonlyMap<string, PlacedNote[]>, votes: Readonly<Record<string, number>> | undefined): Array<{ record: JsonRecord; note: NoteResult; center: Point }> {
  const items: Array<{ record: JsonRecord; note: NoteResult; center: Point }> = []
  for (const [id, notes] of members) {
    const frame = frames.get(id)
    if (!frame || notes.length === 0) continue
    const held = [...notes].sort(byVotes).map((p) => p.note)
    const total = (votes?.[id] ?? 0) + held.reduce((sum, n) => sum + n.votes, 0)
    items.push({ record: frame.record, note: { id, text: frame.title, votes: total, notes: held }, center: frame.center })
  }
  return items
}
