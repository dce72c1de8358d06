/**
 * Fan-out across server instances through Redis pub/sub (DESIGN "Scale-out", docs/SCALE-OUT.md).
 *
 * The relay is a RoomExtension (server/sync/RoomExtension.ts), registered in server/server.ts.
 * - Persist, then publish: `onStored` is called once a batch is durable; only then is it
 *   published, so whatever another instance broadcasts is already stored.
 * - Subscribe, then load: `onLoad` runs before the room reads storage and resolves once Redis has
 *   acknowledged the subscription. An update is either stored before the load reads (then the
 *   load has it) or published after the subscription (then the relay delivers it), or both:
 *   Yjs updates are idempotent and commutative, so applying one twice is harmless. Updates that
 *   arrive before the load finishes are applied at once; Yjs keeps any whose dependencies are
 *   still missing pending until the stored state supplies them.
 * - Relayed updates carry RELAY_ORIGIN: broadcast to local sessions, never persisted or
 *   published again. Every message names its sender instance, which drops its own.
 * - After Redis comes back from an outage, every loaded room is caught up from storage (what
 *   was published meanwhile was lost by pub/sub, but it is stored).
 */
import crypto from 'node:crypto'
import os from 'node:os'
import { Redis } from 'ioredis'
import { Counter, Gauge } from '../promClient.js'
import type { CloseEvent } from '../../shared/protocol.js'
import type { Logger } from '../logger.js'
import type { Metrics } from '../metrics.js'
import { redactUrl } from '../storage/PostgresStorage.js'
import type { Storage } from '../storage/Storage.js'
import { mergeStoredDoc } from '../sync/LiveDoc.js'
import type { Room } from '../sync/Room.js'
import type { Revocation, RoomExtension } from '../sync/RoomExtension.js'
import {
  controlChannel,
  decodePersonRevoke,
  decodeRevoke,
  docChannel,
  encodePersonRevoke,
  encodeRevoke,
  readRelayMessage,
  RELAY_AWARENESS,
  RELAY_QUERY_AWARENESS,
  RELAY_REVOKE,
  RELAY_REVOKE_PERSON,
  RELAY_UPDATE,
  writeRelayMessage,
  type RelayType,
} from './relayProtocol.js'

/** How long start-up waits for Redis before refusing to start. */
const REDIS_CONNECT_TIMEOUT_MS = 5000
/** Longest pause between reconnection attempts after start-up. */
const REDIS_MAX_RETRY_DELAY_MS = 2000

export type RelayDeps = {
  storage: Storage
  logger: Logger
  metrics: Metrics
  /** Closes, on this instance, the sessions a revocation from another instance names. */
  closeBoardSessions(revocation: Revocation, event: CloseEvent): number
  /** Closes, on this instance, the sockets of the person a hash names (credential revoked elsewhere). */
  closePersonSessions?(personHash: string, event: CloseEvent): number
}

export type RelayState = {
  kind: 'redis'
  instanceId: string
  connected: boolean
  publisher: string
  subscriber: string
  channels: number
}

export class RedisRelay implements RoomExtension {
  readonly name = 'redis-relay'
  private readonly rooms = new Map<string, Room>()
  private readonly counts = { published: 0, received: 0, publishFailures: 0, dropped: 0, resyncs: 0 }
  private started = false
  private closed = false

  private constructor(
    /** Unique per process; stamped on every message so an instance ignores its own. */
    readonly instanceId: string,
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly prefix: string,
    private readonly deps: RelayDeps,
  ) {}

  /**
   * Connects both Redis connections (publish and subscribe). Throws a clear error naming the
   * (redacted) URL when Redis does not answer within REDIS_CONNECT_TIMEOUT_MS.
   */
  static async connect(url: string, prefix: string, deps: RelayDeps): Promise<RedisRelay> {
    let relay: RedisRelay | null = null
    const options = {
      lazyConnect: true,
      connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
      // No retries until start-up succeeded: an unreachable Redis must fail fast and loudly.
      retryStrategy: (times: number) => (relay?.started ? Math.min(times * 100, REDIS_MAX_RETRY_DELAY_MS) : null),
      maxRetriesPerRequest: null,
    }
    const instanceId = `${os.hostname()}-${process.pid}-${crypto.randomBytes(4).toString('hex')}`
    // Named connections: `CLIENT LIST` on Redis shows which instance each belongs to.
    const publisher = new Redis(url, { ...options, connectionName: `canvas-pub-${instanceId}` })
    const subscriber = new Redis(url, { ...options, connectionName: `canvas-sub-${instanceId}` })
    relay = new RedisRelay(instanceId, publisher, subscriber, prefix, deps)
    for (const [name, client] of [['publisher', publisher], ['subscriber', subscriber]] as const) {
      client.on('error', (error: Error) => {
        if (relay?.started && !relay.closed) deps.logger.warn({ connection: name, err: error.message }, 'redis relay error')
      })
    }
    try {
      await Promise.all([publisher.connect(), subscriber.connect()])
      await publisher.ping()
      await subscriber.subscribe(controlChannel(prefix))
    } catch (error) {
      publisher.disconnect()
      subscriber.disconnect()
      const why = error instanceof Error ? error.message : String(error)
      throw new Error(`REDIS_URL is set but Redis at ${redactUrl(url)} is unreachable: ${why}`)
    }
    relay.started = true
    subscriber.on('messageBuffer', relay.onMessage)
    subscriber.on('ready', relay.onReconnected)
    publisher.on('close', () => relay?.logDisconnect('publisher'))
    subscriber.on('close', () => relay?.logDisconnect('subscriber'))
    relay.registerMetrics()
    return relay
  }

  /** Subscribe, then load. */
  async onLoad(room: Room): Promise<void> {
    this.rooms.set(room.docKey, room)
    // While Redis is down the subscription cannot be confirmed; `onReconnected` resubscribes
    // and catches every room up from storage, so the room may load meanwhile.
    const channel = docChannel(this.prefix, room.docKey)
    if (this.subscriber.status !== 'ready') {
      void this.subscriber.subscribe(channel).catch(() => {})
    } else {
      try {
        await this.subscriber.subscribe(channel)
      } catch (error) {
        this.rooms.delete(room.docKey) // the room will not load; the next connection retries
        throw error
      }
    }
    this.publish(room.docKey, RELAY_QUERY_AWARENESS, new Uint8Array())
  }

  /** Persist, then publish: the batch is stored. */
  onStored(room: Room, update: Uint8Array): void {
    this.publish(room.docKey, RELAY_UPDATE, update)
  }

  /** Presence changed here (relayed presence is never handed back to the relay). */
  onPresence(room: Room, awarenessUpdate: Uint8Array): void {
    this.publish(room.docKey, RELAY_AWARENESS, awarenessUpdate)
  }

  /** Link rotation, board deletion: repeated on every instance. */
  onRevoke({ boardId, role, via }: Revocation, event: CloseEvent): void {
    this.publishTo(controlChannel(this.prefix), RELAY_REVOKE, encodeRevoke({ boardId, role, ...(via ? { via } : {}), code: event.code, reason: event.reason }))
  }

  /** A person's credential was revoked here: every instance closes their sockets (SPEC R18). */
  revokePerson(personHash: string, event: CloseEvent): void {
    this.publishTo(controlChannel(this.prefix), RELAY_REVOKE_PERSON, encodePersonRevoke({ person: personHash, code: event.code, reason: event.reason }))
  }

  /** Unsubscribe after unload. */
  onUnload(room: Room): void {
    if (this.rooms.get(room.docKey) !== room) return
    this.rooms.delete(room.docKey)
    if (this.closed) return
    this.subscriber.unsubscribe(docChannel(this.prefix, room.docKey)).catch((error: unknown) => {
      this.deps.logger.warn({ docKey: room.docKey, err: String(error) }, 'redis unsubscribe failed')
    })
  }

  private publish(docKey: string, type: RelayType, payload: Uint8Array): void {
    this.publishTo(docChannel(this.prefix, docKey), type, payload)
  }

  private publishTo(channel: string, type: RelayType, payload: Uint8Array): void {
    if (this.closed) return
    const message = writeRelayMessage({ sender: this.instanceId, type, payload })
    this.publisher
      .publish(channel, Buffer.from(message.buffer, message.byteOffset, message.byteLength))
      .then(
        () => this.counts.published++,
        (error: unknown) => {
          // Peers catch up from storage when they next load or reconnect; the update is stored.
          this.counts.publishFailures++
          this.deps.logger.warn({ channel, err: String(error) }, 'redis publish failed')
        },
      )
  }

  private onMessage = (channel: Buffer, data: Buffer): void => {
    const name = channel.toString()
    if (name === controlChannel(this.prefix)) {
      this.onControlMessage(data)
      return
    }
    const channelPrefix = docChannel(this.prefix, '')
    if (!name.startsWith(channelPrefix)) return
    const room = this.rooms.get(name.slice(channelPrefix.length))
    if (!room || room.closed) return
    const message = readRelayMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    if (!message) {
      this.counts.dropped++
      return
    }
    if (message.sender === this.instanceId) return
    this.counts.received++
    try {
      switch (message.type) {
        case RELAY_UPDATE:
          room.applyRelayUpdate(message.payload)
          return
        case RELAY_AWARENESS:
          room.applyRelayPresence(message.payload)
          return
        case RELAY_QUERY_AWARENESS:
          this.publishLocalAwareness(room)
          return
        case RELAY_REVOKE:
        case RELAY_REVOKE_PERSON:
          this.counts.dropped++ // only valid on the control channel
          return
      }
    } catch (error) {
      this.counts.dropped++
      this.deps.logger.warn({ docKey: room.docKey, err: String(error) }, 'dropped a relay message')
    }
  }

  private onControlMessage(data: Buffer): void {
    const message = readRelayMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    if (!message || message.sender === this.instanceId) return
    if (message.type === RELAY_REVOKE_PERSON) {
      this.onPersonRevoke(message.payload)
      return
    }
    const revoke = message.type === RELAY_REVOKE ? decodeRevoke(message.payload) : null
    if (!revoke) {
      this.counts.dropped++
      return
    }
    this.counts.received++
    const closed = this.deps.closeBoardSessions(revoke, { code: revoke.code, reason: revoke.reason })
    if (closed > 0) this.deps.logger.info({ boardId: revoke.boardId, role: revoke.role, closed }, 'closed sessions revoked on another instance')
  }

  private onPersonRevoke(payload: Uint8Array): void {
    const revoke = decodePersonRevoke(payload)
    if (!revoke) {
      this.counts.dropped++
      return
    }
    this.counts.received++
    const closed = this.deps.closePersonSessions?.(revoke.person, { code: revoke.code, reason: revoke.reason }) ?? 0
    if (closed > 0) this.deps.logger.info({ person: revoke.person, closed }, 'closed the sockets of a credential revoked on another instance')
  }

  /** Answers an awareness query with the states of this instance's own sessions. */
  private publishLocalAwareness(room: Room): void {
    const update = room.localPresence()
    if (update) this.publish(room.docKey, RELAY_AWARENESS, update)
  }

  /** After an outage: whatever was published meanwhile is lost to pub/sub but stored. */
  private onReconnected = (): void => {
    if (this.closed) return
    this.deps.logger.info({ rooms: this.rooms.size }, 'redis relay reconnected: catching rooms up from storage')
    // ioredis re-sends SUBSCRIBE for every channel before 'ready'; a PING answered on the same
    // connection proves Redis has processed them, so storage is read only after that point
    // (subscribe, then load — as for a first load).
    this.subscriber.ping().then(
      () => {
        for (const room of this.rooms.values()) void this.catchUp(room)
      },
      (error: unknown) => this.deps.logger.warn({ err: String(error) }, 'redis relay not ready after reconnect'),
    )
  }

  private async catchUp(room: Room): Promise<void> {
    try {
      const stored = await this.deps.storage.loadDoc(room.docKey)
      if (room.closed) return
      room.applyRelayUpdate(mergeStoredDoc(stored))
      this.counts.resyncs++
      this.publish(room.docKey, RELAY_QUERY_AWARENESS, new Uint8Array())
    } catch (error) {
      this.deps.logger.error({ docKey: room.docKey, err: String(error) }, 'catch-up after redis reconnect failed')
    }
  }

  private logDisconnect(connection: string): void {
    if (!this.closed) this.deps.logger.warn({ connection }, 'redis relay disconnected; reconnecting')
  }

  /** For /healthz. */
  state(): RelayState {
    return {
      kind: 'redis',
      instanceId: this.instanceId,
      connected: this.publisher.status === 'ready' && this.subscriber.status === 'ready',
      publisher: this.publisher.status,
      subscriber: this.subscriber.status,
      channels: this.rooms.size,
    }
  }

  /** Relay figures on /metrics, read when scraped. */
  private registerMetrics(): void {
    const registers = [this.deps.metrics.registry]
    const gauge = (name: string, help: string, read: () => number) =>
      new Gauge({ name, help, registers, collect() { this.set(read()) } })
    const counter = (name: string, help: string, read: () => number) =>
      new Counter({ name, help, registers, collect() { this.reset(); this.inc(read()) } })
    gauge('canvas_relay_connected', 'Whether both Redis relay connections are ready (1) or not (0)', () => (this.state().connected ? 1 : 0))
    gauge('canvas_relay_channels', 'Documents this instance is subscribed to', () => this.rooms.size)
    counter('canvas_relay_published_total', 'Relay messages published', () => this.counts.published)
    counter('canvas_relay_received_total', 'Relay messages received from other instances', () => this.counts.received)
    counter('canvas_relay_publish_failures_total', 'Relay publishes that failed', () => this.counts.publishFailures)
    counter('canvas_relay_dropped_total', 'Relay messages that could not be applied', () => this.counts.dropped)
    counter('canvas_relay_resyncs_total', 'Rooms caught up from storage after a Redis reconnect', () => this.counts.resyncs)
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()])
    this.publisher.disconnect()
    this.subscriber.disconnect()
  }
}
