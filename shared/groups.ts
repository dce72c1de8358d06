/**
 * Pairs and small groups formed by the server when a plan enters a `pairs` or `groups` phase
 * (issue 15), kept in the control doc's `state.groups`. A member is named by their public
 * participant id (a hash of their private doc key, never the key itself) and their name.
 */
import { z } from 'zod'

export const GROUPS_STATE_KEY = 'groups'

export const GroupMember = z.object({ id: z.string().max(64), name: z.string().max(100) })
export type GroupMember = z.infer<typeof GroupMember>

export const Group = z.object({
  id: z.string().max(64),
  members: z.array(GroupMember).max(100),
  /** The space on the board laid out for this group (page coordinates). */
  bounds: z.object({ x: z.number(), y: z.number(), w: z.number().positive(), h: z.number().positive() }),
  pageId: z.string().max(100),
})
export type Group = z.infer<typeof Group>

export const GroupsState = z.object({
  /** The plan step and phase the groups were formed for. */
  step: z.string().max(64),
  phase: z.number().int().min(0),
  size: z.number().int().min(2),
  groups: z.array(Group).max(200),
})
export type GroupsState = z.infer<typeof GroupsState>

export function readGroupsState(value: unknown): GroupsState | null {
  const parsed = GroupsState.safeParse(value)
  return parsed.success ? parsed.data : null
}

/**
 * Splits the people present into groups of about `size`: as many groups as `count / size`
 * rounds to, but never a group of one (so at most `count / 2` groups), the first groups one
 * larger when the count does not divide. People keep their order, so groups formed from a
 * list ordered by the previous groups merge whole groups (two pairs make a foursome).
 */
export function splitIntoGroups<T>(people: readonly T[], size: number): T[][] {
  if (people.length === 0) return []
  const count = Math.max(1, Math.min(Math.round(people.length / size), Math.floor(people.length / 2)))
  const base = Math.floor(people.length / count)
  const extra = people.length % count
  const groups: T[][] = []
  let at = 0
  for (let g = 0; g < count; g++) {
    const n = base + (g < extra ? 1 : 0)
    groups.push(people.slice(at, at + n))
    at += n
  }
  return groups
}

/**
 * Orders people for grouping: those who were in earlier groups first, group by group, then
 * the newcomers by id (a hash, so in no meaningful order).
 */
export function groupingOrder(people: readonly GroupMember[], previous: GroupsState | null): GroupMember[] {
  const rank = new Map<string, number>()
  previous?.groups.forEach((g, gi) => g.members.forEach((m, mi) => rank.set(m.id, gi * 1000 + mi)))
  return [...people].sort((a, b) => {
    const ra = rank.get(a.id) ?? Number.MAX_SAFE_INTEGER
    const rb = rank.get(b.id) ?? Number.MAX_SAFE_INTEGER
    return ra - rb || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  })
}

/** The other members of the group holding `memberId`, or null when not in a group. */
export function groupmatesOf(state: GroupsState | null, memberId: string): { group: Group; index: number; others: GroupMember[] } | null {
  if (!state) return null
  const index = state.groups.findIndex((g) => g.members.some((m) => m.id === memberId))
  if (index === -1) return null
  const group = state.groups[index]!
  return { group, index, others: group.members.filter((m) => m.id !== memberId) }
}
