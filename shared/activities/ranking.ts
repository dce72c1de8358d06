/**
 * The ranked list of the top notes after a vote (issue 13): every note of the board with at
 * least one vote, most votes first; ties share a rank ("1, 2, 2, 4") and keep the order the
 * results list them in (activities in board order, each kind's own order). Results and every
 * export show the same list.
 */
import type { BoardResults } from './extract.js'
import type { NoteResult } from './extraction.js'
import { kindRows } from './kinds.js'
import { clusterNotesText, type ReportContext } from './reporting.js'

export const TOP_NOTES_LIMIT = 10

export interface RankedNote {
  rank: number
  id: string
  text: string
  votes: number
  /** The activity's name and the zone the note sits in ('' outside any). */
  activity: string
  zone: string
  /** A cluster's notes on one line (issue 15); absent for a plain note. */
  notes?: string
}

/** The top `limit` voted notes of a board's results (ties at the limit are all kept). */
export function topNotes(ctx: ReportContext, results: BoardResults, limit = TOP_NOTES_LIMIT): RankedNote[] {
  const seen = new Set<string>()
  const all: Array<Omit<RankedNote, 'rank'>> = []
  const push = (activity: string, zone: string, note: NoteResult) => {
    if (note.votes <= 0 || seen.has(note.id)) return
    seen.add(note.id)
    all.push({ id: note.id, text: note.text, votes: note.votes, activity, zone, ...(note.notes ? { notes: clusterNotesText(note) } : {}) })
  }
  for (const a of results.activities) {
    kindRows(ctx, a, (zone, note) => push(a.name, zone, note))
    for (const note of a.unzoned) push(a.name, '', note)
  }
  for (const note of results.unplaced) push('', '', note)
  const sorted = all.map((n, order) => ({ n, order })).sort((a, b) => b.n.votes - a.n.votes || a.order - b.order)
  const ranked: RankedNote[] = []
  sorted.forEach(({ n }, i) => {
    const previous = ranked[i - 1]
    const rank = previous && previous.votes === n.votes ? previous.rank : i + 1
    if (rank <= limit) ranked.push({ rank, ...n })
  })
  return ranked
}
