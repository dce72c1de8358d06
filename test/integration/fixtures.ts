/**
 * Helpers shared by the integration suites: valid tldraw records written through the doc
 * layout, raw `ws` clients that speak (or mangle) the wire protocol byte by byte, and readers
 * of what storage holds.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { getRecordsMap, readAllRecords, writeRecord, type JsonRecord } from '../../shared/docLayout.js'
import { MESSAGE_AUTH, MESSAGE_SYNC, SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE } from '../../shared/protocol.js'
import type { Storage } from '../../server/storage/Storage.js'
import { noteRecord as sharedNoteRecord } from '../../shared/notes.js'

/** A valid tldraw 3.15 note shape on the default page. */
export function noteRecord(id: string, x = 0, y = 0, text = ''): JsonRecord {
  return { ...sharedNoteRecord({ id, x, y, text }), id }
}

/** Writes one record into a doc through the layout codec, in its own transaction. */
export function putRecord(doc: Y.Doc, record: JsonRecord): void {
  doc.transact(() => writeRecord(getRecordsMap(doc), record))
}

/** The ids of the note shapes of a doc, sorted. */
export function noteIds(doc: Y.Doc): string[] {
  return readAllRecords(doc)
    .filter((r) => r.typeName === 'shape')
    .map((r) => r.id)
    .sort()
}

/** Rebuilds a doc from what storage holds (snapshot + log) for a doc key. */
export async function storedDoc(storage: Storage, docKey: string): Promise<Y.Doc> {
  const stored = await storage.loadDoc(docKey)
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdate(doc, u)
  return doc
}

export function wsUrl(httpUrl: string, docPath: string, token?: string): string {
  const base = httpUrl.replace(/^http/, 'ws') + '/sync/' + docPath
  return token === undefined ? base : `${base}?token=${encodeURIComponent(token)}`
}

export type CloseInfo = { code: number; reason: string }

/** A raw websocket client: records every frame and how the socket ended. */
export type RawClient = {
  ws: WebSocket
  frames: Uint8Array[]
  /** Resolves once open; rejects with the HTTP status when the upgrade is refused. */
  opened: Promise<void>
  closed: Promise<CloseInfo>
  send(frame: Uint8Array | string): void
}

export class UpgradeRefused extends Error {
  constructor(readonly status: number) {
    super(`upgrade refused with HTTP ${status}`)
  }
}

export function rawClient(url: string, options: WebSocket.ClientOptions = {}): RawClient {
  const ws = new WebSocket(url, { maxPayload: 64 * 1024 * 1024, ...options })
  const frames: Uint8Array[] = []
  ws.binaryType = 'nodebuffer'
  ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)))
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('unexpected-response', (_req, res) => {
      reject(new UpgradeRefused(res.statusCode ?? 0))
      res.resume()
      ws.terminate()
    })
    ws.once('error', (error) => reject(error))
  })
  opened.catch(() => undefined)
  const closed = new Promise<CloseInfo>((resolve) => {
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  })
  return {
    ws,
    frames,
    opened,
    closed,
    send(frame) {
      ws.send(frame, { binary: typeof frame !== 'string' })
    },
  }
}

/** The HTTP status a websocket upgrade to `docPath` gets: 101 when it opens (then closed at once). */
export async function upgradeStatus(httpUrl: string, docPath: string, token: string): Promise<number> {
  const raw = rawClient(wsUrl(httpUrl, docPath, token))
  try {
    await raw.opened
    raw.ws.close()
    return 101
  } catch (error) {
    if (error instanceof UpgradeRefused) return error.status
    throw error
  }
}

export function encodeFrame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** `[0 sync][2 update][varUint8Array update]` */
export function updateFrame(update: Uint8Array): Uint8Array {
  return encodeFrame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC)
    encoding.writeVarUint(e, SYNC_UPDATE)
    encoding.writeVarUint8Array(e, update)
  })
}

/** `[0 sync][1 step 2][varUint8Array update]` */
export function syncStep2Frame(update: Uint8Array): Uint8Array {
  return encodeFrame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC)
    encoding.writeVarUint(e, SYNC_STEP_2)
    encoding.writeVarUint8Array(e, update)
  })
}

/** `[0 sync][0 step 1][varUint8Array state vector]` */
export function syncStep1Frame(doc: Y.Doc): Uint8Array {
  return encodeFrame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC)
    encoding.writeVarUint(e, SYNC_STEP_1)
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc))
  })
}

export type DecodedFrame =
  | { type: 'sync'; step: number; payload: Uint8Array }
  | { type: 'awareness'; payload: Uint8Array }
  | { type: 'auth'; denied: boolean; reason: string }
  | { type: 'other'; messageType: number }

export function decodeFrame(frame: Uint8Array): DecodedFrame {
  const d = decoding.createDecoder(frame)
  const type = decoding.readVarUint(d)
  if (type === MESSAGE_SYNC) return { type: 'sync', step: decoding.readVarUint(d), payload: decoding.readVarUint8Array(d) }
  if (type === 1) return { type: 'awareness', payload: decoding.readVarUint8Array(d) }
  if (type === MESSAGE_AUTH) {
    const denied = decoding.readVarUint(d) === 0
    return { type: 'auth', denied, reason: denied ? decoding.readVarString(d) : '' }
  }
  return { type: 'other', messageType: type }
}

/** Applies every sync step 2 / update frame received so far to a fresh doc. */
export function docFromFrames(frames: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  for (const frame of frames) {
    const decoded = decodeFrame(frame)
    if (decoded.type === 'sync' && (decoded.step === SYNC_STEP_2 || decoded.step === SYNC_UPDATE)) {
      Y.applyUpdate(doc, decoded.payload)
    }
  }
  return doc
}

/** mulberry32: a small seeded PRNG, so random-input tests replay exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function randomBytes(random: () => number, length: number): Uint8Array {
  const out = new Uint8Array(length)
  for (let i = 0; i < length; i++) out[i] = Math.floor(random() * 256)
  return out
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/** A doc's state vector as sorted [client, clock] pairs (the encoding's order is not canonical). */
export function stateVector(doc: Y.Doc): Array<[number, number]> {
  return Array.from(Y.decodeStateVector(Y.encodeStateVector(doc)).entries()).sort((a, b) => a[0] - b[0])
}
