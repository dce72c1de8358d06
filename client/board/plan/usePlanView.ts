/**
 * What every page shows of the plan: "Step 3 of 7 · Vote · 1:40 left · Next: …", recomputed
 * every second on server time while it runs, and the people this page is grouped with.
 */
import { useEffect, useState } from 'react'
import { groupmatesOf, type GroupMember, type GroupsState } from '../../../shared/groups'
import { planStatus, type PlanState, type PlanStatus } from '../../../shared/plan'

export type PlanView = { state: PlanState; status: PlanStatus }

export function usePlanView(state: PlanState | null, serverNow: () => number): PlanView | null {
  const [now, setNow] = useState(serverNow)
  const running = state?.run.status === 'running'
  useEffect(() => {
    setNow(serverNow())
    if (!running) return
    const timer = setInterval(() => setNow(serverNow()), 1000)
    return () => clearInterval(timer)
  }, [running, serverNow, state])
  return state ? { state, status: planStatus(state.plan, state.run, now) } : null
}

/** The public participant id of a private doc (as the server computes it): SHA-256, base64url, 12 characters. */
async function publicIdOf(privateDocKey: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(privateDocKey)))
  let binary = ''
  for (const byte of digest) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '').slice(0, 12)
}

/** This page's group in the current plan phase: its number and the others in it. */
export function useMyGroup(groups: GroupsState | null, boardId: string, participantId: string | null): { index: number; others: GroupMember[] } | null {
  const [publicId, setPublicId] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    if (participantId) void publicIdOf(`${boardId}/private/${participantId}`).then((id) => live && setPublicId(id))
    return () => {
      live = false
    }
  }, [boardId, participantId])
  const mine = publicId ? groupmatesOf(groups, publicId) : null
  return mine ? { index: mine.index, others: mine.others } : null
}
