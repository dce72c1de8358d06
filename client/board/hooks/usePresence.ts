import { useEffect, useMemo, useState } from 'react'
import {
  atom,
  createPresenceStateDerivation,
  InstancePresenceRecordType,
  react,
  type TLInstancePresence,
  type TLStore,
} from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import type { Role } from '../../../shared/roles'
import type { Identity } from '../../lib/identity'

/** What each peer publishes about itself in awareness (never in the doc: SPEC S3). */
export type PeerUser = { id: string; name: string; color: string; role: Role }
export type Person = PeerUser & { clientId: number; isSelf: boolean }

/** Cursor updates are sent at most this often. */
const PRESENCE_THROTTLE_MS = 50

function peerUser(state: Record<string, unknown> | undefined): PeerUser | null {
  const user = state?.user as Partial<PeerUser> | undefined
  if (!user || typeof user.id !== 'string' || typeof user.color !== 'string') return null
  return { id: user.id, name: typeof user.name === 'string' ? user.name : '', color: user.color, role: (user.role ?? 'participant') as Role }
}

/**
 * Presence through Yjs awareness: publishes this user (name, colour, role) and tldraw's presence
 * record (cursor, selection, page) and turns every other peer's into tldraw `instance_presence`
 * records, which tldraw draws as named, coloured cursors. Returns the people on the board.
 * `isHiddenShape` keeps shapes out of the published selection (private notes, issue 4).
 * With no `role` nothing is published (the projector view only watches).
 */
export function usePresence(
  awareness: Awareness | null,
  store: TLStore | null,
  identity: Identity,
  role: Role | null,
  isHiddenShape?: (id: string) => boolean,
): Person[] {
  const [people, setPeople] = useState<Person[]>([])
  const $user = useMemo(() => atom('presence user', { id: identity.id, name: identity.name, color: identity.color }), [identity.id])

  useEffect(() => {
    $user.set({ id: identity.id, name: identity.name, color: identity.color })
    if (awareness && role) awareness.setLocalStateField('user', { ...identity, role } satisfies PeerUser)
  }, [$user, awareness, identity, role])

  // Local presence → awareness, throttled.
  useEffect(() => {
    if (!awareness || !store || !role) return
    const $presence = createPresenceStateDerivation($user)(store)
    let timer: ReturnType<typeof setTimeout> | null = null
    let latest: TLInstancePresence | null = null
    const publish = () => {
      timer = null
      awareness.setLocalStateField('presence', latest)
    }
    const stop = react('publish presence', () => {
      const presence = $presence.get()
      latest = presence && isHiddenShape ? { ...presence, selectedShapeIds: presence.selectedShapeIds.filter((id) => !isHiddenShape(id)) } : presence
      timer ??= setTimeout(publish, PRESENCE_THROTTLE_MS)
    })
    return () => {
      stop()
      if (timer) clearTimeout(timer)
    }
  }, [awareness, store, $user, isHiddenShape, role])

  // Awareness → people list and remote presence records.
  useEffect(() => {
    if (!awareness) return
    const presenceId = (clientId: number) => InstancePresenceRecordType.createId(String(clientId))
    const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const states = awareness.getStates() as Map<number, Record<string, unknown>>
      const list: Person[] = []
      for (const [clientId, state] of states) {
        const user = peerUser(state)
        if (user) list.push({ ...user, clientId, isSelf: clientId === awareness.clientID })
      }
      list.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name))
      setPeople(list)
      if (!store) return
      const put: TLInstancePresence[] = []
      const remove = removed.map(presenceId).filter((id) => store.has(id))
      for (const clientId of [...added, ...updated]) {
        if (clientId === awareness.clientID) continue
        const presence = states.get(clientId)?.presence
        if (!presence || typeof presence !== 'object') continue
        const record = { ...(presence as TLInstancePresence), id: presenceId(clientId) }
        try {
          store.schema.types.instance_presence.validate(record)
          put.push(record)
        } catch {
          // A peer on another version: no cursor for it rather than a broken page.
        }
      }
      if (put.length || remove.length) {
        store.mergeRemoteChanges(() => {
          if (remove.length) store.remove(remove)
          if (put.length) store.put(put)
        })
      }
    }
    const all = Array.from(awareness.getStates().keys())
    onChange({ added: all, updated: [], removed: [] })
    awareness.on('change', onChange)
    return () => awareness.off('change', onChange)
  }, [awareness, store])

  return people
}
