/**
 * The one way to extend rooms (the cluster relay, automatic versions, facilitation): an object
 * of optional hooks, registered on the RoomManager with `rooms.use(extension)` (server/server.ts
 * lists them all). Hooks run in registration order; a hook that throws (or rejects) is logged
 * and does not stop the others, except `onLoad`, whose failure fails the load (see below).
 */
import type { CloseEvent } from '../../shared/protocol.js'
import type { Role } from '../../shared/roles.js'
import type { Logger } from '../logger.js'
import type { Room, RoomEvents } from './Room.js'

/** Sessions to close: every session of a board, or those opened with one role's link. */
export type Revocation = { boardId: string; role: Role | null }

export interface RoomExtension {
  /** For logs. */
  readonly name: string
  /**
   * A room is created and is about to read its stored doc; no session has joined. Awaited. The
   * relay subscribes here (subscribe, then load: SPEC C-rules), so a rejection fails the load
   * and the next connection retries.
   */
  onLoad?(room: Room): Promise<void> | void
  /** A batch of session writes is stored (merged into one update), before anything else sees it. */
  onStored?(room: Room, update: Uint8Array): void
  /**
   * The loaded doc changed durably (a stored batch, or an update relayed from another instance,
   * stored there). Features that derive state from a doc listen here.
   */
  onChange?(room: Room): void
  /** Presence changed on this instance (once per event-loop turn; an awareness update). */
  onPresence?(room: Room, awarenessUpdate: Uint8Array): void
  /** A room was unloaded: its last session left and its final flush and compaction are done. */
  onUnload?(room: Room): void
  /** Sessions of a board are revoked here (link rotation, board deletion). */
  onRevoke?(revocation: Revocation, event: CloseEvent): void
}

/** The registered extensions, called in registration order, each hook isolated. */
export class Extensions implements RoomEvents {
  private readonly list: RoomExtension[] = []

  constructor(private readonly logger: Logger) {}

  add(extension: RoomExtension): void {
    this.list.push(extension)
  }

  /** Awaits each onLoad in turn; a failure propagates (the room does not load). */
  async load(room: Room): Promise<void> {
    for (const e of this.list) if (e.onLoad) await e.onLoad(room)
  }

  stored(room: Room, update: Uint8Array): void {
    for (const e of this.list) if (e.onStored) this.isolate(e, 'onStored', room.docKey, () => e.onStored?.(room, update))
  }

  changed(room: Room): void {
    for (const e of this.list) if (e.onChange) this.isolate(e, 'onChange', room.docKey, () => e.onChange?.(room))
  }

  presence(room: Room, awarenessUpdate: Uint8Array): void {
    for (const e of this.list) if (e.onPresence) this.isolate(e, 'onPresence', room.docKey, () => e.onPresence?.(room, awarenessUpdate))
  }

  unload(room: Room): void {
    for (const e of this.list) if (e.onUnload) this.isolate(e, 'onUnload', room.docKey, () => e.onUnload?.(room))
  }

  revoke(revocation: Revocation, event: CloseEvent): void {
    for (const e of this.list) if (e.onRevoke) this.isolate(e, 'onRevoke', revocation.boardId, () => e.onRevoke?.(revocation, event))
  }

  private isolate(extension: RoomExtension, hook: string, key: string, run: () => unknown): void {
    try {
      const result = run()
      if (result instanceof Promise) result.catch((error: unknown) => this.failed(extension, hook, key, error))
    } catch (error) {
      this.failed(extension, hook, key, error)
    }
  }

  private failed(extension: RoomExtension, hook: string, key: string, error: unknown): void {
    this.logger.error({ extension: extension.name, hook, key, err: String(error) }, 'room extension failed')
  }
}
