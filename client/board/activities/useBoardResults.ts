import { useEffect, useState } from 'react'
import type { Editor } from 'tldraw'
import type * as Y from 'yjs'
import { parseState, STATE_KEYS, STATE_MAP, VoteTotals } from '../../../shared/facilitation'
import { extractResults, type BoardResults } from '../../../shared/activities/index'
import { splitRecords } from './boardRecords'

/** Results are recomputed at most this often while notes move (a drag changes the store every frame). */
const RESULTS_THROTTLE_MS = 200

function readVotes(controlDoc: Y.Doc | null): Record<string, number> | undefined {
  if (!controlDoc) return undefined
  return parseState(VoteTotals, controlDoc.getMap(STATE_MAP).get(STATE_KEYS.voteTotals)) ?? undefined
}

function compute(editor: Editor, controlDoc: Y.Doc | null): BoardResults {
  const { templateRecords, boardRecords } = splitRecords(editor)
  return extractResults({ templateRecords, boardRecords, votes: readVotes(controlDoc), pageId: editor.getCurrentPageId() })
}

/**
 * The board's results, live: extracted from the store's records (template shapes from the
 * control doc, notes from the board doc) and the vote totals once the server published them.
 */
export function useBoardResults(editor: Editor, controlDoc: Y.Doc | null, enabled: boolean): BoardResults | null {
  const [results, setResults] = useState<BoardResults | null>(null)

  useEffect(() => {
    if (!enabled) return
    let timer: ReturnType<typeof setTimeout> | null = null
    const refresh = () => {
      timer = null
      setResults(compute(editor, controlDoc))
    }
    const schedule = () => {
      timer ??= setTimeout(refresh, RESULTS_THROTTLE_MS)
    }
    refresh()
    const stopStore = editor.store.listen(schedule, { scope: 'document' })
    const state = controlDoc?.getMap(STATE_MAP)
    state?.observe(schedule)
    const stopPage = editor.sideEffects.registerAfterChangeHandler('instance', schedule)
    return () => {
      stopStore()
      stopPage()
      state?.unobserve(schedule)
      if (timer) clearTimeout(timer)
    }
  }, [editor, controlDoc, enabled])

  return enabled ? results : null
}
