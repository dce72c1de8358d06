import type { MyBoard } from '../../lib/myBoards'
import { tokenOfLink } from '../../api/boards'

export type CarryOverCandidate = { id: string; title: string; token: string }

/**
 * Earlier boards this browser knows a link of, in "my boards" order (newest first): the
 * boards open actions can be carried from. The most capable known link is used.
 */
export function earlierBoards(boards: readonly MyBoard[], currentId: string): CarryOverCandidate[] {
  const out: CarryOverCandidate[] = []
  for (const board of boards) {
    if (board.id === currentId) continue
    const link = board.links.facilitator ?? board.links.participant ?? board.links.viewer
    if (link) out.push({ id: board.id, title: board.title, token: tokenOfLink(link) })
  }
  return out
}
