/**
 * A raw y-websocket peer for hostile-input tests: it speaks the protocol by hand, records
 * every frame the server sends, and exposes the close code and reason it was given.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { MESSAGE_SYNC, SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE } from '../../../shared/protocol.js'
import { waitFor } from '../../helpers/server.js'

export type Closed = { code: number; reason: string }

export class RawClient {
  readonly frames: Uint8Array[] = []
  /** Every Yjs update the server sent (sync step 2 and update payloads), in order. */
  readonly receivedUpdates: Uint8Array[] = []
  readonly doc = new Y.Doc()
  closed: Closed | null = null
  /** True once the server answered our step 1. */
  synced = false

  private constructor(readonly ws: WebSocket, options: { autoSync: boolean }) {
    ws.binaryType = 'nodebuffer'
    ws.on('message', (data: Buffer) => {
      const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice()
      this.frames.push(frame)
      if (options.autoSync) this.handleFrame(frame)
    })
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() }
    })
  }

  /** Opens `/sync/<room>?token=`; resolves when open (or rejects with the HTTP refusal). */
  static connect(baseUrl: string, room: string, token: string, options: { autoSync?: boolean } = {}): Promise<RawClient> {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/sync/${room}?token=${encodeURIComponent(token)}`)
    const client = new RawClient(ws, { autoSync: options.autoSync ?? true })
    return new Promise((resolve, reject) => {
      ws.once('open', () => {
        if (options.autoSync ?? true) client.sendStep1()
        resolve(client)
      })
      ws.once('unexpected-response', (_req, res) => reject(new HttpRefusal(res.statusCode ?? 0)))
      ws.once('error', reject)
    })
  }

  private handleFrame(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return
    const sub = decoding.readVarUint(decoder)
    if (sub === SYNC_STEP_1) {
      const sv = decoding.readVarUint8Array(decoder)
      this.send(encode((e) => {
        encoding.writeVarUint(e, MESSAGE_SYNC)
        encoding.writeVarUint(e, SYNC_STEP_2)
        encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(this.doc, sv))
      }))
    } else if (sub === SYNC_STEP_2 || sub === SYNC_UPDATE) {
      const update = decoding.readVarUint8Array(decoder)
      this.receivedUpdates.push(update)
      Y.applyUpdate(this.doc, update, 'remote')
      if (sub === SYNC_STEP_2) this.synced = true
    }
  }

  sendStep1(): void {
    this.send(encode((e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC)
      syncProtocol.writeSyncStep1(e, this.doc)
    }))
  }

  /** Sends a Yjs update as a sync `update` message. */
  sendUpdate(update: Uint8Array): void {
    this.send(encode((e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC)
      syncProtocol.writeUpdate(e, update)
    }))
  }

  /** Makes a change on the local doc and sends exactly that change. */
  write(change: (doc: Y.Doc) => void): Uint8Array {
    const before = Y.encodeStateVector(this.doc)
    this.doc.transact(() => change(this.doc), 'local')
    const update = Y.encodeStateAsUpdate(this.doc, before)
    this.sendUpdate(update)
    return update
  }

  send(data: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(data)
  }

  async waitSynced(timeoutMs = 5000): Promise<void> {
    await waitFor(() => this.synced, timeoutMs, 'raw client sync')
  }

  async waitClosed(timeoutMs = 5000): Promise<Closed> {
    await waitFor(() => this.closed !== null, timeoutMs, 'socket close')
    return this.closed!
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.terminate()
  }

  /** Whether any received update contains structs or deletions written by `clientId`. */
  receivedFromClient(clientId: number): boolean {
    return this.receivedUpdates.some((u) => updateTouchesClient(u, clientId))
  }
}

export class HttpRefusal extends Error {
  constructor(readonly status: number) {
    super(`websocket upgrade refused with HTTP ${status}`)
  }
}

export function encode(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

export function updateTouchesClient(update: Uint8Array, clientId: number): boolean {
  const { structs, ds } = Y.decodeUpdate(update)
  return structs.some((s) => s.id.client === clientId) || ds.clients.has(clientId)
}
