/**
 * Frames for the protocol fuzz: a deterministic corpus of valid y-websocket frames (sync step
 * 1/2 and updates through the doc layout, awareness, awareness queries, auth), their mutations,
 * and random bytes. `frameAt(seed, i)` depends on nothing but its arguments.
 */
import * as encoding from 'lib0/encoding'
import * as authProtocol from 'y-protocols/auth'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { getRecordsMap, readRecord, writeRecord } from '../../../shared/docLayout.js'
import {
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  SYNC_STEP_1,
  SYNC_STEP_2,
  SYNC_UPDATE,
} from '../../../shared/protocol.js'
import { noteRecord, richText } from '../../hardening/support/records.js'
import { Random } from './random.js'

const COLORS = ['yellow', 'blue', 'green', 'red', 'violet', 'orange'] as const

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

const syncFrame = (sub: number, payload: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC)
    encoding.writeVarUint(e, sub)
    encoding.writeVarUint8Array(e, payload)
  })

/** Valid frames a real client could send, built from the seed alone. */
export function buildCorpus(seed: number, size = 400): Uint8Array[] {
  const rng = new Random(seed ^ 0x5eed)
  const doc = new Y.Doc()
  doc.clientID = 1_000_000 + (seed % 1_000_000)
  const awarenessDoc = new Y.Doc()
  awarenessDoc.clientID = 2_000_000 + (seed % 1_000_000)
  const awareness = new awarenessProtocol.Awareness(awarenessDoc)
  const corpus: Uint8Array[] = []
  const ids: string[] = []
  let n = 0
  const edit = (change: () => void) => {
    const before = Y.encodeStateVector(doc)
    doc.transact(change)
    corpus.push(syncFrame(rng.chance(0.8) ? SYNC_UPDATE : SYNC_STEP_2, Y.encodeStateAsUpdate(doc, before)))
  }
  while (corpus.length < size) {
    const kind = rng.weighted({ create: 3, move: 4, text: 2, color: 2, del: 1, step1: 1, step2: 1, awareness: 4, query: 1, auth: 1 })
    const records = getRecordsMap(doc)
    const id = ids.length > 0 ? rng.pick(ids) : null
    const current = id ? readRecord(doc, id) : null
    switch (kind) {
      case 'create': {
        const newId = `shape:fz${seed}-${n++}`
        ids.push(newId)
        edit(() => writeRecord(records, noteRecord(newId, { x: rng.int(-500, 500), y: rng.int(-500, 500), text: `n${n}` })))
        break
      }
      case 'move':
        if (current) edit(() => writeRecord(records, { ...current, x: rng.int(-900, 900), y: rng.int(-900, 900) }))
        break
      case 'text':
        if (current) edit(() => writeRecord(records, { ...current, props: { ...(current.props as object), richText: richText(`t${rng.int(0, 1e6)}`) } }))
        break
      case 'color':
        if (current) edit(() => writeRecord(records, { ...current, props: { ...(current.props as object), color: rng.pick(COLORS) } }))
        break
      case 'del':
        if (id && current) {
          edit(() => records.delete(id))
          ids.splice(ids.indexOf(id), 1)
        }
        break
      case 'step1':
        corpus.push(syncFrame(SYNC_STEP_1, Y.encodeStateVector(doc)))
        break
      case 'step2':
        corpus.push(syncFrame(SYNC_STEP_2, Y.encodeStateAsUpdate(doc)))
        break
      case 'awareness':
        awareness.setLocalState({
          user: { name: `fuzz ${rng.int(0, 99)}`, color: rng.pick(COLORS) },
          cursor: rng.chance(0.8) ? { x: rng.int(-2000, 2000), y: rng.int(-2000, 2000) } : null,
        })
        corpus.push(frame((e) => {
          encoding.writeVarUint(e, MESSAGE_AWARENESS)
          encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [awarenessDoc.clientID]))
        }))
        break
      case 'query':
        corpus.push(frame((e) => encoding.writeVarUint(e, MESSAGE_QUERY_AWARENESS)))
        break
      case 'auth':
        corpus.push(frame((e) => {
          encoding.writeVarUint(e, MESSAGE_AUTH)
          authProtocol.writePermissionDenied(e, 'fuzz')
        }))
        break
    }
  }
  awareness.destroy()
  return corpus
}

const MUTATIONS = {
  flipBit: 3,
  setByte: 3,
  insert: 2,
  remove: 2,
  truncate: 2,
  duplicate: 1,
  hugeVarint: 2,
  retype: 2,
  splice: 1,
} as const

/** Applies one random mutation. */
export function mutate(rng: Random, input: Uint8Array, corpus: readonly Uint8Array[]): Uint8Array {
  const bytes = Array.from(input)
  const at = () => rng.int(0, Math.max(0, bytes.length - 1))
  switch (rng.weighted(MUTATIONS)) {
    case 'flipBit':
      if (bytes.length) bytes[at()]! ^= 1 << rng.int(0, 7)
      break
    case 'setByte':
      if (bytes.length) bytes[at()] = rng.int(0, 255)
      break
    case 'insert':
      bytes.splice(at(), 0, ...rng.bytes(rng.int(1, 8)))
      break
    case 'remove':
      bytes.splice(at(), rng.int(1, 8))
      break
    case 'truncate':
      bytes.length = rng.int(0, bytes.length)
      break
    case 'duplicate': {
      const start = at()
      bytes.splice(at(), 0, ...bytes.slice(start, start + rng.int(1, 32)))
      break
    }
    case 'hugeVarint':
      // A length or count field claiming gigabytes.
      bytes.splice(rng.int(0, Math.min(bytes.length, 6)), rng.int(0, 2), 0xff, 0xff, 0xff, 0xff, 0x0f)
      break
    case 'retype':
      if (bytes.length) bytes[0] = rng.int(0, 6)
      if (bytes.length > 1 && rng.chance(0.5)) bytes[1] = rng.int(0, 4)
      break
    case 'splice':
      bytes.push(...rng.pick(corpus))
      break
  }
  return Uint8Array.from(bytes)
}

export type FuzzFrame = { kind: 'valid' | 'mutated' | 'random'; bytes: Uint8Array }

/** Frame number `i` of a run: reproducible from (seed, i) and the corpus. */
export function frameAt(seed: number, i: number, corpus: readonly Uint8Array[]): FuzzFrame {
  const rng = new Random((seed * 7919 + i * 104729) >>> 0)
  const kind = rng.weighted({ valid: 15, mutated: 70, random: 15 })
  if (kind === 'random') {
    const bytes = rng.bytes(rng.int(1, 96))
    if (rng.chance(0.6)) bytes[0] = rng.int(0, 3)
    return { kind, bytes }
  }
  let bytes = rng.pick(corpus)
  if (kind === 'mutated') for (let k = rng.int(1, 4); k > 0; k--) bytes = mutate(rng, bytes, corpus)
  return { kind, bytes }
}
