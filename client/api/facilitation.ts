/** The facilitation HTTP actions (server/http/facilitationRoutes.ts) and the server clock. */
import type { TimerAction, VoteSettings } from '../../shared/facilitation'
import { apiJson, boardPath } from './http'

export type FacilitationAction =
  | { action: 'timer'; timer: TimerAction }
  | { action: 'openVote'; settings: VoteSettings }
  | { action: 'closeVote' }
  | { action: 'revealVote' }
  | { action: 'privateWriting'; on: boolean; anonymousReveal?: boolean }
  | { action: 'revealPrivate'; anonymous: boolean }
  | { action: 'passTalkingPiece'; activityId: string; participantId?: string }
  | { action: 'takeSeat'; activityId: string; seat: number; participantId: string }
  | { action: 'renameHeading'; headingId: string; label: string }
  | { action: 'addCommitmentRow'; activityId: string; name: string }

/** Sends one action; resolves to the server's JSON answer or throws an `ApiError` with its message. */
export function postFacilitation(boardId: string, token: string, body: FacilitationAction): Promise<Record<string, unknown>> {
  return apiJson(`${boardPath(boardId)}/facilitation`, { method: 'POST', token, body })
}

/** One clock sample: server time minus local time, and the round trip it was measured over. */
export type ClockSample = { offsetMs: number; rttMs: number }

/**
 * Server time minus local time, in ms: the server's `now` is taken to be the time at the
 * midpoint of the request (the usual NTP-style estimate; its error is at most half the RTT).
 */
export async function measureClockOffset(): Promise<ClockSample> {
  const sentAt = performance.now()
  const { now } = await apiJson<{ now: number }>('/api/time', { cache: 'no-store' })
  const receivedAt = performance.now()
  const localMidpoint = Date.now() - (receivedAt - sentAt) / 2
  return { offsetMs: now - localMidpoint, rttMs: receivedAt - sentAt }
}
