/**
 * Attendance (SPEC T1): who was present on a board, from the names people give in their presence
 * (awareness `user.name` on the board doc, set by every page that has a name). Recorded per
 * board and person: the name, the role of the link they came with, first and last seen. Nothing
 * else: the person key is a hash of the presence id, never an address, agent or token. A page
 * without a name (a viewer who never gave one) is not recorded. Under admission, the name is the
 * one the facilitator admitted (the credential's), not the one the page declares.
 */
import { createHash } from 'node:crypto'
import type { Role } from '../../shared/roles.js'
import type { Logger } from '../logger.js'
import type { Storage } from '../storage/Storage.js'
import type { Room } from '../sync/Room.js'
import type { RoomExtension } from '../sync/RoomExtension.js'
import { Session } from '../sync/Session.js'

/** A person seen in a presence state. */
export type PresentPerson = { personKey: string; name: string; role: Role }

/** The same person is written again at most this often while present (last seen advances). */
export const ATTENDANCE_REFRESH_MS = 30_000
const MAX_NAME = 80

/**
 * The person a presence state names, or null (no name given). Under admission (SPEC R12) the
 * session's credential names the person: its admitted name wins over any name the page declares.
 */
export function personOfPresence(state: unknown, role: Role, admitted?: { id: string; name: string } | null): PresentPerson | null {
  if (typeof state !== 'object' || state === null) return null
  if (admitted) {
    const key = createHash('sha256').update(`person:${admitted.id}`).digest('hex').slice(0, 32)
    return { personKey: key, name: admitted.name.trim().slice(0, MAX_NAME), role }
  }
  const user: unknown = Reflect.get(state, 'user')
  if (typeof user !== 'object' || user === null) return null
  const name: unknown = Reflect.get(user, 'name')
  const id: unknown = Reflect.get(user, 'id')
  if (typeof name !== 'string' || name.trim() === '') return null
  const key = typeof id === 'string' && id !== '' ? `id:${id}` : `name:${name.trim().toLowerCase()}`
  return { personKey: createHash('sha256').update(key).digest('hex').slice(0, 32), name: name.trim().slice(0, MAX_NAME), role }
}

type Seen = { name: string; role: Role; writtenAt: number }

/**
 * Records the people present on boards, writing each at most every ATTENDANCE_REFRESH_MS. A room
 * extension (server/server.ts registers it): it listens to the presence of every board-doc room,
 * whose awareness updates carry the session that made them, hence the role.
 */
export class AttendanceRecorder implements RoomExtension {
  readonly name = 'attendance'
  private readonly seen = new Map<string, Seen>()

  constructor(
    private readonly storage: Storage,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** People present on a board now (or leaving it, `leaving`: their last seen is written at once). */
  recordPresence(boardId: string, people: readonly PresentPerson[], leaving = false): void {
    const at = this.now()
    for (const person of people) {
      const key = `${boardId}\u0000${person.personKey}`
      const last = this.seen.get(key)
      const changed = !last || last.name !== person.name || last.role !== person.role
      if (!changed && !leaving && at - last.writtenAt < ATTENDANCE_REFRESH_MS) continue
      if (leaving) this.seen.delete(key)
      else this.seen.set(key, { name: person.name, role: person.role, writtenAt: at })
      this.storage
        .recordAttendance({ boardId, personKey: person.personKey, name: person.name, role: person.role, at })
        .catch((error: unknown) => this.logger.warn({ boardId, err: String(error) }, 'attendance not recorded'))
    }
  }

  /** Forgets a board's people (its room unloaded). */
  forgetBoard(boardId: string): void {
    for (const key of this.seen.keys()) if (key.startsWith(`${boardId}\u0000`)) this.seen.delete(key)
  }

  onUnload(room: Room): void {
    if (room.kind === 'board') this.forgetBoard(boardOfRoom(room))
  }

  /** A room is created: its presence is watched from its first session on. */
  onLoad(room: Room): void {
    if (room.kind !== 'board') return
    const boardId = boardOfRoom(room)
    const byClient = new Map<number, PresentPerson>()
    room.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (!(origin instanceof Session)) return // relayed: the instance holding the session records it
      const present: PresentPerson[] = []
      for (const id of added.concat(updated)) {
        const person = personOfPresence(room.awareness.getStates().get(id), origin.grant.role, origin.grant.person)
        if (!person) continue
        byClient.set(id, person)
        present.push(person)
      }
      if (present.length > 0) this.recordPresence(boardId, present)
      const left = removed.flatMap((id) => byClient.get(id) ?? [])
      for (const id of removed) byClient.delete(id)
      if (left.length > 0) this.recordPresence(boardId, left, true)
    })
  }
}

function boardOfRoom(room: Room): string {
  return room.docKey.split('/')[0] ?? room.docKey
}
