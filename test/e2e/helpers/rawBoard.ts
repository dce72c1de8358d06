/**
 * A stock y-websocket client on a board's two shared docs (board and control), for browser tests
 * that check what really reached the server: notes, the zones holding them, published totals.
 */
import * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { readActivities, shapeText, zonesOf, zoneContains, type Activity, type ActivityZone } from '../../../shared/activities/index.js'
import { getRecordsMap, readAllRecords, writeRecord } from '../../../shared/docLayout.js'
import { STATE_KEYS, STATE_MAP } from '../../../shared/facilitation.js'
import { noteRecord } from '../../../shared/notes.js'
import { connectProvider, waitForSync, type TestBoard } from '../../helpers/server.js'

export type RawNote = { id: string; text: string; center: { x: number; y: number } }

export type RawBoard = {
  activities(): Activity[]
  notes(): RawNote[]
  /** The target zone (of any activity) holding the note's centre, by shared geometry. */
  zoneOf(note: RawNote): ActivityZone | null
  voteTotals(): Record<string, number>
  addNote(id: string, text: string, zone: ActivityZone): void
  close(): void
}

export async function rawBoard(url: string, board: TestBoard, timeoutMs = 20_000): Promise<RawBoard> {
  const providers: WebsocketProvider[] = [
    connectProvider(url, board.id, board.tokens.facilitator),
    connectProvider(url, `${board.id}/control`, board.tokens.facilitator),
  ]
  await Promise.all(providers.map((p) => waitForSync(p, timeoutMs)))
  const [boardDoc, controlDoc] = providers.map((p) => p.doc) as [Y.Doc, Y.Doc]
  const activities = () => readActivities(readAllRecords(controlDoc))
  return {
    activities,
    notes: () =>
      readAllRecords(boardDoc)
        .filter((r) => r.typeName === 'shape' && r.type === 'note')
        .map((r) => {
          const scale = Number((r.props as { scale?: number }).scale ?? 1)
          return { id: String(r.id), text: shapeText(r), center: { x: Number(r.x) + 100 * scale, y: Number(r.y) + 100 * scale } }
        }),
    zoneOf: (note) => activities().flatMap((a) => zonesOf(a)).find((z) => zoneContains(z, note.center)) ?? null,
    voteTotals: () => (controlDoc.getMap(STATE_MAP).get(STATE_KEYS.voteTotals) as Record<string, number> | undefined) ?? {},
    addNote: (id, text, zone) => {
      boardDoc.transact(() => writeRecord(getRecordsMap(boardDoc), noteRecord({ id, text, x: zone.center.x - 100, y: zone.center.y - 100 })))
    },
    close: () => providers.forEach((p) => p.destroy()),
  }
}
