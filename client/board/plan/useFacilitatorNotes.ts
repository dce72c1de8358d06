/**
 * The plan's facilitator notes, read from the facilitator doc (`/sync/<board>/facilitator`,
 * SPEC R10). Only a facilitator's page opens it; any other link would be refused at the upgrade.
 */
import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { STATE_MAP } from '../../../shared/facilitation'
import { LocalText, PLAN_NOTES_KEY } from '../../../shared/plan'
import { z } from 'zod'
import { syncUrl } from '../connection/useBoardConnection'

const Notes = z.record(z.string(), LocalText)
export type PlanNotes = z.infer<typeof Notes>

export function useFacilitatorNotes(boardId: string, token: string, isFacilitator: boolean): PlanNotes {
  const [notes, setNotes] = useState<PlanNotes>({})
  useEffect(() => {
    if (!isFacilitator) return
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(syncUrl(), `${boardId}/facilitator`, doc, { params: { token }, maxBackoffTime: 5000 })
    const state = doc.getMap(STATE_MAP)
    const read = () => {
      const parsed = Notes.safeParse(state.get(PLAN_NOTES_KEY))
      setNotes(parsed.success ? parsed.data : {})
    }
    state.observe(read)
    return () => {
      state.unobserve(read)
      provider.destroy()
      doc.destroy()
    }
  }, [boardId, token, isFacilitator])
  return notes
}
