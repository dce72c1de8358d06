/**
 * The `ws` library adapted to the sync core: a websocket opened by @hono/node-ws becomes a
 * `SyncSocket`, its binary frames are fed to the connection, a text frame closes it, and a
 * keep-alive ping closes a socket whose peer stopped answering.
 */
import type { WSEvents } from 'hono/ws'
import type { WebSocket as WsSocket } from 'ws'
import { CloseEvents } from '../../shared/protocol.js'
import type { Logger } from '../logger.js'
import type { SyncSocket } from './SyncSocket.js'

/** What the adapter needs of a connection (RoomManager.connect returns one). */
export type SocketConnection = {
  receive(data: Uint8Array): void
  closed(): void
  session: { close(code: number, reason: string): void }
}

export type WsAdapterOptions = { keepAliveIntervalMs: number; logger: Logger }

function syncSocketOf(raw: WsSocket): SyncSocket {
  return {
    get isOpen() {
      return raw.readyState === raw.OPEN
    },
    send(data) {
      if (raw.readyState === raw.OPEN) raw.send(data, { binary: true })
    },
    close(code, reason) {
      raw.close(code, reason)
    },
  }
}

/** Pings every interval; a socket that did not answer the last ping is closed. */
function keepAlive(raw: WsSocket, intervalMs: number): NodeJS.Timeout {
  let alive = true
  raw.on('pong', () => {
    alive = true
  })
  const timer = setInterval(() => {
    if (!alive) {
      raw.close(CloseEvents.KeepAliveTimeout.code, CloseEvents.KeepAliveTimeout.reason)
      setTimeout(() => raw.terminate(), 1000).unref()
      return
    }
    alive = false
    raw.ping()
  }, intervalMs)
  timer.unref()
  return timer
}

/** The websocket events of one sync connection; `connect` is called once the socket is open. */
export function wsSocketEvents(connect: (socket: SyncSocket) => SocketConnection, options: WsAdapterOptions): WSEvents<WsSocket> {
  let connection: SocketConnection | null = null
  let pinger: NodeJS.Timeout | null = null
  return {
    onOpen(_event, ws) {
      const raw = ws.raw
      if (!raw) return
      const open = connect(syncSocketOf(raw))
      connection = open
      // Frames are read from the ws socket itself: the adapter's onMessage wraps each one in
      // a DOM MessageEvent and copies it, a cost paid per frame on a busy board. Nothing can
      // arrive before this point (onOpen runs in the turn that completes the upgrade).
      raw.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
        if (!isBinary) open.session.close(CloseEvents.MalformedMessage.code, 'text frames are not part of the protocol')
        else if (Array.isArray(data)) open.receive(new Uint8Array(Buffer.concat(data)))
        else open.receive(data instanceof ArrayBuffer ? new Uint8Array(data) : data)
      })
      pinger = keepAlive(raw, options.keepAliveIntervalMs)
    },
    onClose() {
      if (pinger) clearInterval(pinger)
      connection?.closed()
    },
    onError(event) {
      options.logger.debug({ err: String('error' in event ? event.error : event) }, 'socket error')
    },
  }
}
