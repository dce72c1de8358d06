import type { Access, Role } from '../../shared/roles.js'
import type { SyncSocket } from './SyncSocket.js'

/** Who is on the other end of a socket, as established by the route before the upgrade. */
export type SessionGrant = {
  boardId: string
  role: Role
  /** Hash of the token used, so that rotating a link can close its sessions. */
  tokenHash: string
  /** Remote address, for per-IP limits. */
  ip: string
  /** The kind of link used: a board's own, or a link of the board's space (SPEC R7). */
  via?: LinkKind
  /** The admitted person behind a personal credential (SPEC R12): their name is the one attendance records. */
  person?: { id: string; name: string } | null
}

export type LinkKind = 'board' | 'space'

/**
 * Lifecycle of a session: `loading` while its room loads (frames are buffered), `open`
 * while joined, `closed` after. Switched over exhaustively in RoomManager.
 */
export type SessionState =
  | { name: 'loading'; buffered: Uint8Array[] }
  | { name: 'open' }
  | { name: 'closed' }

let nextSessionId = 1

export class Session {
  readonly id = nextSessionId++
  state: SessionState = { name: 'loading', buffered: [] }
  /** Awareness client ids this session has announced; removed when it leaves. */
  readonly awarenessClientIds = new Set<number>()
  /** Timestamps (ms) of recent messages for the per-connection rate limit. */
  messageWindowStart = 0
  messagesInWindow = 0

  constructor(
    readonly socket: SyncSocket,
    readonly grant: SessionGrant,
    readonly access: Access,
  ) {}

  get canWrite(): boolean {
    return this.access === 'write'
  }

  close(code: number, reason: string): void {
    if (this.state.name === 'closed') return
    this.state = { name: 'closed' }
    if (this.socket.isOpen) this.socket.close(code, reason)
  }
}
