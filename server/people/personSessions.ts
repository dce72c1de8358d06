/**
 * The open sockets of each admitted person on this instance, so that revoking a credential
 * closes them at once (SPEC R14), without touching anyone else's — here and, through the
 * cluster relay, on every other instance (SPEC R18). Across instances a person is named by a
 * short hash of their id (`personHash`), never by the id itself: the id is also the name of
 * their private doc.
 */
import { createHash } from 'node:crypto'
import type { CloseEvent } from '../../shared/protocol.js'
import type { Connection } from '../sync/RoomManager.js'
import type { Session } from '../sync/Session.js'

/** A short, one-way name for a person id (96 bits): safe on the relay and in logs. */
export function personHash(personId: string): string {
  return createHash('sha256').update(`person ${personId}`, 'utf8').digest('base64url').slice(0, 16)
}

/** Whether a person may still be connected (read from storage, after the socket is tracked). */
export type StillAdmitted = () => Promise<boolean>

export class PersonSessions {
  /** Sessions by person hash. */
  private readonly byPerson = new Map<string, Set<Session>>()
  /** Told of every revocation made here (the relay repeats it on the other instances). */
  onRevoke: ((hash: string, event: CloseEvent) => void) | null = null

  /**
   * Remembers a person's connection until it closes; returns it with `closed` wrapped. Then
   * asks `stillAdmitted`: an upgrade that raced a revocation (here or on another instance,
   * whose relay message found nothing to close yet) is closed on arrival with `revokedEvent`.
   */
  track(personId: string, connection: Connection, stillAdmitted: StillAdmitted, revokedEvent: CloseEvent): Connection {
    const hash = personHash(personId)
    let sessions = this.byPerson.get(hash)
    if (!sessions) this.byPerson.set(hash, (sessions = new Set()))
    sessions.add(connection.session)
    stillAdmitted().then(
      (admitted) => {
        if (!admitted) connection.session.close(revokedEvent.code, revokedEvent.reason)
      },
      () => connection.session.close(revokedEvent.code, revokedEvent.reason),
    )
    return {
      ...connection,
      closed: () => {
        const set = this.byPerson.get(hash)
        set?.delete(connection.session)
        if (set?.size === 0) this.byPerson.delete(hash)
        connection.closed()
      },
    }
  }

  /** Closes every socket of one person, here and (through `onRevoke`) everywhere; returns how many here. */
  revoke(personId: string, event: CloseEvent): number {
    const hash = personHash(personId)
    this.onRevoke?.(hash, event)
    return this.closeByHash(hash, event)
  }

  /** Closes this instance's sockets of the person `hash` names (a revocation relayed from another instance). */
  closeByHash(hash: string, event: CloseEvent): number {
    const sessions = this.byPerson.get(hash)
    if (!sessions) return 0
    const list = Array.from(sessions)
    for (const session of list) session.close(event.code, event.reason)
    return list.length
  }
}
