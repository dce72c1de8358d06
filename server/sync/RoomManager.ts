/**
 * Loads a room on its first session and unloads it (final flush and compaction) after its
 * last session leaves. Connections that arrive while their room loads or unloads wait.
 */
import type { TLSchema } from '@tldraw/tlschema'
import { CloseEvents, type CloseEvent } from '../../shared/protocol.js'
import type { Access, DocKind } from '../../shared/roles.js'
import type { Room, RoomDeps } from './Room.js'
import { Extensions, type Revocation, type RoomExtension } from './RoomExtension.js'
import { Session, type SessionGrant } from './Session.js'
import type { SyncSocket } from './SyncSocket.js'

export type Connection = {
  /** Feeds one received frame. */
  receive(data: Uint8Array): void
  /** Tells the manager the socket closed. */
  closed(): void
  session: Session
}

export type { Revocation } from './RoomExtension.js'

/** A room's deps; without `schema`, tldraw's default board schema (shared/boardSchema.ts). */
export type RoomManagerDeps = Omit<RoomDeps, 'schema'> & { schema?: TLSchema }

export type ConnectLimits = { MAX_CONNECTIONS_PER_BOARD: number; MAX_CONNECTIONS_PER_IP: number }

export class RoomManager {
  private readonly rooms = new Map<string, Room>()
  private readonly loading = new Map<string, Promise<Room>>()
  private readonly unloading = new Map<string, Promise<void>>()
  /** Rooms held by connections about to join and by server tasks (see holdRoom). */
  private readonly holds = new Map<Room, number>()
  /**
   * Sessions whose room is still loading (not yet in any room's sessions): a revocation
   * (link rotated, admission turned on, board deleted) must close them too.
   */
  private readonly joining = new Set<Session>()
  private readonly connectionsPerBoard = new Map<string, number>()
  private readonly connectionsPerIp = new Map<string, number>()
  /** Everything that reacts to rooms (see RoomExtension), in registration order. */
  private readonly extensions: Extensions

  private readonly sleepTimer: NodeJS.Timeout | null
  /**
   * The Room code (with the write guard and tldraw's schema package) and the schema, imported
   * and built with the first room this process loads: an empty server holds neither (issue 18).
   */
  private roomCode: Promise<{ Room: typeof Room; deps: RoomDeps }> | null = null

  constructor(
    private readonly deps: RoomManagerDeps,
    private readonly connectLimits: ConnectLimits,
  ) {
    this.extensions = new Extensions(deps.logger)
    const idleMs = deps.limits.ROOM_SLEEP_AFTER_MS ?? 0
    this.sleepTimer = idleMs > 0 ? setInterval(() => this.sweep(idleMs), Math.max(50, Math.min(idleMs / 2, 10_000))) : null
    this.sleepTimer?.unref()
  }

  private sweeping = false

  /** Registers an extension; its hooks run after those registered before it. */
  use(extension: RoomExtension): this {
    this.extensions.add(extension)
    return this
  }

  /**
   * Puts the docs nobody has used for `idleMs` to sleep (Room.sleepIfIdle), in slices of at
   * most ROOM_SLEEP_SLICE_MS of work (encoding a big board takes a while; the event loop is not
   * held for long). Each slice goes on where the last one stopped, a few ms later, so that after
   * a busy spell a thousand idle docs sleep within seconds, not one slice per timer tick.
   */
  private sweep(idleMs: number): void {
    if (this.sweeping) return
    this.sweeping = true
    const rooms = this.rooms.values()
    const budgetMs = this.deps.limits.ROOM_SLEEP_SLICE_MS ?? 20
    const slice = () => {
      const now = Date.now()
      const started = performance.now()
      for (let next = rooms.next(); !next.done; next = rooms.next()) {
        next.value.sleepIfIdle(now, idleMs)
        if (performance.now() - started >= budgetMs) {
          setTimeout(slice, 5).unref()
          return
        }
      }
      this.sweeping = false
    }
    slice()
  }

  /** Whether another connection from this board and address is allowed. */
  admit(boardId: string, ip: string): CloseEvent | null {
    if ((this.connectionsPerBoard.get(boardId) ?? 0) >= this.connectLimits.MAX_CONNECTIONS_PER_BOARD) return CloseEvents.BoardFull
    if ((this.connectionsPerIp.get(ip) ?? 0) >= this.connectLimits.MAX_CONNECTIONS_PER_IP) return CloseEvents.TooManyConnections
    return null
  }

  connect(socket: SyncSocket, grant: SessionGrant, docKey: string, kind: DocKind, access: Access): Connection {
    const session = new Session(socket, grant, access)
    bump(this.connectionsPerBoard, grant.boardId, 1)
    bump(this.connectionsPerIp, grant.ip, 1)
    let room: Room | null = null
    let counted = true
    this.joining.add(session)
    const release = () => {
      if (!counted) return
      counted = false
      bump(this.connectionsPerBoard, grant.boardId, -1)
      bump(this.connectionsPerIp, grant.ip, -1)
    }
    this.holdRoom(docKey, kind).then(
      (loaded) => {
        this.joining.delete(session)
        try {
          if (session.state.name !== 'closed') {
            room = loaded
            const buffered = session.state.name === 'loading' ? session.state.buffered : []
            session.state = { name: 'open' }
            loaded.join(session)
            for (const frame of buffered) loaded.receive(session, frame)
          }
        } finally {
          this.releaseRoom(loaded)
        }
      },
      (error: unknown) => {
        this.joining.delete(session)
        this.deps.logger.error({ docKey, err: String(error) }, 'room failed to load')
        session.close(CloseEvents.StorageUnavailable.code, CloseEvents.StorageUnavailable.reason)
        release()
      },
    )
    return {
      session,
      receive: (data) => {
        switch (session.state.name) {
          case 'loading':
            session.state.buffered.push(data)
            return
          case 'open':
            room?.receive(session, data)
            return
          case 'closed':
            return
        }
      },
      closed: () => {
        session.state = { name: 'closed' }
        this.joining.delete(session)
        release()
        if (room) {
          room.leave(session)
          this.maybeUnload(room)
        }
      },
    }
  }

  /**
   * A loaded room, held open for the caller until `releaseRoom`: a room is only unloaded when
   * no session is in it and nobody holds it. Between loading and joining, a connection holds
   * its room, so that another connection that closed while the room loaded (and finds it
   * empty) cannot unload it under the one that is about to join; a server task holds the room
   * it writes to for as long as it runs.
   */
  private async holdRoom(docKey: string, kind: DocKind): Promise<Room> {
    for (;;) {
      const room = await this.getRoomOnce(docKey, kind)
      if (room.closed) continue
      this.holds.set(room, (this.holds.get(room) ?? 0) + 1)
      return room
    }
  }

  private releaseRoom(room: Room): void {
    const left = (this.holds.get(room) ?? 1) - 1
    if (left > 0) this.holds.set(room, left)
    else this.holds.delete(room)
    this.maybeUnload(room)
  }

  private async getRoomOnce(docKey: string, kind: DocKind): Promise<Room> {
    const pendingUnload = this.unloading.get(docKey)
    if (pendingUnload) await pendingUnload
    const existing = this.rooms.get(docKey)
    if (existing) return existing
    const inFlight = this.loading.get(docKey)
    if (inFlight) return inFlight
    const load = (async () => {
      const { Room, deps } = await this.loadRoomCode()
      const room = new Room(docKey, kind, deps, this.extensions)
      await this.extensions.load(room)
      await room.load()
      this.rooms.set(docKey, room)
      this.deps.metrics.rooms.inc()
      return room
    })()
    this.loading.set(docKey, load)
    try {
      return await load
    } finally {
      this.loading.delete(docKey)
    }
  }

  private loadRoomCode(): Promise<{ Room: typeof Room; deps: RoomDeps }> {
    this.roomCode ??= (async () => {
      const [{ Room }, schema] = await Promise.all([
        import('./Room.js'),
        this.deps.schema ?? import('../../shared/boardSchema.js').then((m) => m.getBoardSchema()),
      ])
      return { Room, deps: { ...this.deps, schema } }
    })().catch((error: unknown) => {
      this.roomCode = null
      throw error
    })
    return this.roomCode
  }

  private maybeUnload(room: Room): void {
    if (room.sessions.size > 0 || this.holds.has(room) || this.rooms.get(room.docKey) !== room) return
    this.rooms.delete(room.docKey)
    this.deps.metrics.rooms.dec()
    const unload = room
      .close()
      .catch((error: unknown) => this.deps.logger.error({ docKey: room.docKey, err: String(error) }, 'unload failed'))
      .finally(() => {
        this.unloading.delete(room.docKey)
        this.extensions.unload(room)
      })
    this.unloading.set(room.docKey, unload)
  }

  /** The loaded room of a doc, if any. */
  getLoaded(docKey: string): Room | undefined {
    return this.rooms.get(docKey)
  }

  /** Runs `fn` on a room, loading it for the duration if no session holds it. */
  async withRoom<T>(docKey: string, kind: DocKind, fn: (room: Room) => Promise<T> | T): Promise<T> {
    const room = await this.holdRoom(docKey, kind)
    try {
      const result = await fn(room)
      await room.flushed()
      return result
    } finally {
      this.releaseRoom(room)
    }
  }

  /** Closes every session matching `predicate` (link rotation, board deletion). */
  closeSessions(predicate: (session: Session) => boolean, event: CloseEvent): number {
    let n = 0
    const close = (s: Session) => {
      if (s.state.name === 'closed' || !predicate(s)) return
      s.close(event.code, event.reason)
      n++
    }
    for (const room of this.rooms.values()) for (const s of room.sessions) close(s)
    // Also those whose room is still loading: they would join after the revocation otherwise.
    for (const s of this.joining) close(s)
    return n
  }

  /** Closes, on this instance only, the sessions of a board (of one role, or of every role). */
  closeBoardSessions({ boardId, role, via }: Revocation, event: CloseEvent): number {
    return this.closeSessions(
      (s) => s.grant.boardId === boardId && (role === null || s.grant.role === role) && (via === undefined || (s.grant.via ?? 'board') === via),
      event,
    )
  }

  /**
   * Link rotation, board deletion: closes the board's sessions here and, through the relay,
   * on every other instance. Returns the number closed here.
   */
  revokeSessions(revocation: Revocation, event: CloseEvent): number {
    const closed = this.closeBoardSessions(revocation, event)
    this.extensions.revoke(revocation, event)
    return closed
  }

  get loadedRooms(): number {
    return this.rooms.size
  }

  /** Flushes and unloads every room (shutdown). */
  async closeAll(event: CloseEvent = CloseEvents.ServerShutdown): Promise<void> {
    if (this.sleepTimer) clearInterval(this.sleepTimer)
    const rooms = Array.from(this.rooms.values())
    this.rooms.clear()
    await Promise.all(rooms.map((r) => r.close(event)))
    await Promise.all(this.unloading.values())
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const next = (map.get(key) ?? 0) + by
  if (next <= 0) map.delete(key)
  else map.set(key, next)
}
