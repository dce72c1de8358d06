/**
 * The open sockets of each admitted person on this instance, so that revoking a credential
 * closes them at once (SPEC R14), without touching anyone else's.
 */
import type { CloseEvent } from '../../shared/protocol.js'
import type { Connection } from '../sync/RoomManager.js'
import type { Session } from '../sync/Session.js'

export class PersonSessions {
  private readonly byPerson = new Map<string, Set<Session>>()
  /** People revoked since start: a socket whose upgrade raced the revocation is closed on arrival. */
  private readonly revoked = new Map<string, CloseEvent>()

  /** Remembers a person's connection until it closes; returns it with `closed` wrapped. */
  track(personId: string, connection: Connection): Connection {
    let sessions = this.byPerson.get(personId)
    if (!sessions) this.byPerson.set(personId, (sessions = new Set()))
    sessions.add(connection.session)
    const revokedBy = this.revoked.get(personId)
    if (revokedBy) queueMicrotask(() => connection.session.close(revokedBy.code, revokedBy.reason))
    return {
      ...connection,
      closed: () => {
        const set = this.byPerson.get(personId)
        set?.delete(connection.session)
        if (set?.size === 0) this.byPerson.delete(personId)
        connection.closed()
      },
    }
  }

  /** Closes every socket of one person here, and any that arrives later; returns how many. */
  revoke(personId: string, event: CloseEvent): number {
    this.revoked.set(personId, event)
    const sessions = this.byPerson.get(personId)
    if (!sessions) return 0
    for (const session of sessions) session.close(event.code, event.reason)
    return sessions.size
  }

  /** A person admitted again may connect again. */
  readmit(personId: string): void {
    this.revoked.delete(personId)
  }
}
