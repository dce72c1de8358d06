/**
 * A client for the convergence fuzz: a real tldraw store bound to a Y.Doc through the real
 * StoreYjsBinding, on a hand-driven y-websocket connection whose incoming updates wait in an
 * inbox (delivered later, in any order) and whose outgoing updates wait in an outbox (sent
 * later, in order). Edits go through the store, as a user's would.
 */
import type { TLRecord, TLStore } from '@tldraw/tlschema'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { StoreYjsBinding } from '../../../client/sync/StoreYjsBinding.js'
import { readAllRecords, type JsonRecord } from '../../../shared/docLayout.js'
import { MESSAGE_AUTH, MESSAGE_SYNC, SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE } from '../../../shared/protocol.js'
import { createTestStore } from '../../helpers/tldrawStore.js'
import type { Random } from './random.js'

const REMOTE = Symbol('remote')

export class FuzzPeer {
  readonly doc = new Y.Doc()
  readonly store: TLStore = createTestStore()
  readonly binding: StoreYjsBinding
  readonly invalid: Array<[string, string]> = []
  readonly closes: Array<{ code: number; reason: string }> = []
  permissionDenied = 0
  /** Previous versions of records this peer changed, for undo. */
  readonly history: TLRecord[] = []
  private ws: WebSocket | null = null
  private inbox: Uint8Array[] = []
  private outbox: Uint8Array[] = []
  private counter = 0
  /** Set once the server's answer to our step 1 was applied on the current connection. */
  synced = false

  constructor(
    readonly name: string,
    private readonly syncUrl: string,
    readonly canWrite: boolean,
  ) {
    this.binding = new StoreYjsBinding(this.store, { board: this.doc }, {
      canWriteBoard: canWrite,
      canWriteControl: false,
      onInvalidRecord: (id, error) => this.invalid.push([id, error]),
    })
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) this.outbox.push(update)
    })
  }

  get connected(): boolean {
    return this.ws?.readyState === WebSocket.OPEN
  }

  nextId(prefix = 'shape'): string {
    return `${prefix}:${this.name}-${this.counter++}`
  }

  /** Opens a connection; resolves false when the server cannot be reached. */
  connect(): Promise<boolean> {
    if (this.ws && this.ws.readyState !== WebSocket.CLOSED) return Promise.resolve(this.connected)
    this.synced = false
    this.inbox = []
    this.outbox = [] // the handshake's step 2 carries everything the server lacks
    const ws = new WebSocket(this.syncUrl)
    ws.binaryType = 'nodebuffer'
    this.ws = ws
    ws.on('message', (data: Buffer) => this.onFrame(ws, new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice()))
    ws.on('close', (code, reason) => {
      if (code !== 1005 && code !== 1006) this.closes.push({ code, reason: reason.toString() })
    })
    return new Promise((resolve) => {
      ws.once('open', () => {
        this.send(encode((e) => {
          encoding.writeVarUint(e, MESSAGE_SYNC)
          syncProtocol.writeSyncStep1(e, this.doc)
        }))
        resolve(true)
      })
      ws.once('error', () => resolve(false))
      ws.once('unexpected-response', () => {
        ws.terminate()
        resolve(false)
      })
    })
  }

  disconnect(): void {
    this.ws?.terminate()
    this.inbox = []
  }

  private onFrame(ws: WebSocket, frame: Uint8Array): void {
    if (ws !== this.ws) return
    const decoder = decoding.createDecoder(frame)
    const type = decoding.readVarUint(decoder)
    if (type === MESSAGE_AUTH) {
      this.permissionDenied++
      return
    }
    if (type !== MESSAGE_SYNC) return
    const sub = decoding.readVarUint(decoder)
    const payload = decoding.readVarUint8Array(decoder)
    if (sub === SYNC_STEP_1) {
      // Answered at once: it is the handshake, not an edit in flight.
      this.send(encode((e) => {
        encoding.writeVarUint(e, MESSAGE_SYNC)
        encoding.writeVarUint(e, SYNC_STEP_2)
        encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(this.doc, payload))
      }))
    } else if (sub === SYNC_STEP_2) {
      // The state we asked for is applied at once, like a provider's first sync.
      Y.applyUpdate(this.doc, payload, REMOTE)
      this.synced = true
    } else if (sub === SYNC_UPDATE) this.inbox.push(payload)
  }

  private send(frame: Uint8Array): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(frame)
  }

  /** Applies some (or all) received updates, in random order. */
  deliver(rng: Random, all = false): void {
    if (this.inbox.length === 0) return
    const take = all ? this.inbox.length : rng.int(1, this.inbox.length)
    for (let i = 0; i < take; i++) {
      const update = this.inbox.splice(rng.int(0, this.inbox.length - 1), 1)[0]!
      Y.applyUpdate(this.doc, update, REMOTE)
    }
  }

  /** Sends queued local updates, oldest first (some or all). */
  flush(rng: Random, all = false): void {
    if (!this.connected) return
    const take = all ? this.outbox.length : rng.int(0, this.outbox.length)
    for (const update of this.outbox.splice(0, take)) {
      this.send(encode((e) => {
        encoding.writeVarUint(e, MESSAGE_SYNC)
        syncProtocol.writeUpdate(e, update)
      }))
    }
  }

  get idle(): boolean {
    return this.inbox.length === 0 && this.outbox.length === 0
  }

  /** The store's document records, sorted. */
  storeRecords(): JsonRecord[] {
    return sortRecords(
      this.store
        .allRecords()
        .filter((r) => this.store.scopedTypes.document.has(r.typeName)) as unknown as JsonRecord[],
    )
  }

  docRecords(): JsonRecord[] {
    return sortRecords(readAllRecords(this.doc))
  }

  close(): void {
    this.binding.dispose()
    this.ws?.terminate()
  }
}

export function sortRecords(records: JsonRecord[]): JsonRecord[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

function encode(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}
