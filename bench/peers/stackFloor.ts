/**
 * The floor under an empty server built on DESIGN's pinned stack (issue 18, bench/emptyRss.ts):
 * Hono on its Node adapter with its websocket helper, zod validating a route's body,
 * better-sqlite3 with a WAL database open and a statement prepared, and Yjs with y-protocols
 * answering the sync protocol, and nothing of ours. Bundled and started the way `npm start` runs
 * our server (scripts/buildServer.mjs; V8's memory-saving mode while starting, server/main.ts),
 * so that what it measures is what the stack itself costs. It works, minimally: a board is a
 * row, a websocket on /<room> holds a Y.Doc and an awareness per room, answers sync, stores
 * every update and sends it on to the room's other sockets, and relays presence. It has no
 * schema guard, no permissions, no history and no dependency queue: as the floor under server
 * CPU per move (bench/cpuPerMove.ts, target `stack-floor-batched`), it is what persisting and
 * fanning out cost on this stack before any rule of ours.
 *
 * Env: HOST, PORT, DATA_DIR; FLUSH_MS and PRESENCE_MS (default 0: each message as it comes).
 */
import fs from 'node:fs'
import path from 'node:path'
import v8 from 'node:v8'
import type { WSContext } from 'hono/ws'
import type { WebSocket } from 'ws'

v8.setFlagsFromString('--optimize-for-size --no-turbofan')

const { serve } = await import('@hono/node-server')
const { createNodeWebSocket } = await import('@hono/node-ws')
const { Hono } = await import('hono')
const { z } = await import('zod')
const { default: Database } = await import('better-sqlite3')
const Y = await import('yjs')
const syncProtocol = await import('y-protocols/sync')
const awarenessProtocol = await import('y-protocols/awareness')
const encoding = await import('lib0/encoding')
const decoding = await import('lib0/decoding')

const dataDir = process.env.DATA_DIR ?? '.'
fs.mkdirSync(dataDir, { recursive: true })
const db = new Database(path.join(dataDir, 'floor.sqlite'))
db.pragma('journal_mode = WAL')
db.exec('CREATE TABLE IF NOT EXISTS boards (id TEXT PRIMARY KEY, title TEXT NOT NULL); CREATE TABLE IF NOT EXISTS updates (room TEXT NOT NULL, data BLOB NOT NULL)')
const insertBoard = db.prepare('INSERT INTO boards (id, title) VALUES (?, ?)')
const insertUpdate = db.prepare('INSERT INTO updates (room, data) VALUES (?, ?)')

const app = new Hono()
const { injectWebSocket, upgradeWebSocket } = createNodeWebSocket({ app })
const newBoard = z.object({ title: z.string().min(1).max(200) })

app.post('/api/boards', async (c) => {
  const parsed = newBoard.safeParse(await c.req.json().catch(() => null))
  if (!parsed.success) return c.json({ error: parsed.error.issues[0]?.message ?? 'invalid body' }, 400)
  const id = crypto.randomUUID()
  insertBoard.run(id, parsed.data.title)
  return c.json({ board: { id } }, 201)
})

/** Sent through the `ws` socket itself, as our server sends (server/sync/WsSocketAdapter.ts). */
type Socket = WSContext<WebSocket>

/**
 * A room: its doc, its sockets and, when batching, what waits for the next flush. Every update
 * is stored before it is sent on (persist-before-broadcast, one row per update received).
 * FLUSH_MS=0 stores and sends each update as it comes, and presence changes once per
 * event-loop turn; FLUSH_MS>0 stores a batch in one transaction and sends it as one merged
 * update, and sends presence changes at most every PRESENCE_MS, as our server does.
 */
type FloorRoom = {
  doc: InstanceType<typeof Y.Doc>
  awareness: InstanceType<typeof awarenessProtocol.Awareness>
  sockets: Set<Socket>
  pending: Uint8Array[]
  writers: Set<unknown>
  changed: Set<number>
  flushAt: number
  presenceAt: number
}
const flushMs = Number(process.env.FLUSH_MS ?? 0)
const presenceMs = Number(process.env.PRESENCE_MS ?? 0)
const rooms = new Map<string, FloorRoom>()
const storeBatch = db.transaction((room: string, updates: Uint8Array[]) => {
  for (const update of updates) insertUpdate.run(room, update)
})

function message(kind: number, write: (encoder: ReturnType<typeof encoding.createEncoder>) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, kind)
  write(encoder)
  return encoding.toUint8Array(encoder)
}
function sendAll(r: FloorRoom, data: Uint8Array, except?: unknown): void {
  for (const s of r.sockets) if (s !== except) s.raw?.send(data)
}
function flush(name: string, r: FloorRoom): void {
  const updates = r.pending
  const only = r.writers.size === 1 ? [...r.writers][0] : undefined
  r.pending = []
  r.writers.clear()
  r.flushAt = performance.now()
  storeBatch(name, updates)
  const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)
  sendAll(r, message(0, (e) => syncProtocol.writeUpdate(e, merged)), only)
}
function sendPresence(r: FloorRoom): void {
  const clients = [...r.changed]
  r.changed.clear()
  r.presenceAt = performance.now()
  sendAll(r, message(1, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(r.awareness, clients))))
}
function later(at: number, gap: number, run: () => void): void {
  const wait = at + gap - performance.now()
  if (wait <= 0) setImmediate(run)
  else setTimeout(run, wait)
}

function openRoom(name: string): FloorRoom {
  const doc = new Y.Doc()
  const awareness = new awarenessProtocol.Awareness(doc)
  awareness.setLocalState(null)
  const r: FloorRoom = { doc, awareness, sockets: new Set(), pending: [], writers: new Set(), changed: new Set(), flushAt: 0, presenceAt: 0 }
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (flushMs <= 0) {
      insertUpdate.run(name, update)
      sendAll(r, message(0, (e) => syncProtocol.writeUpdate(e, update)), origin)
      return
    }
    if (r.pending.push(update) === 1) later(r.flushAt, flushMs, () => flush(name, r))
    r.writers.add(origin)
  })
  awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    const first = r.changed.size === 0
    for (const id of [...added, ...updated, ...removed]) r.changed.add(id)
    if (first && r.changed.size > 0) later(r.presenceAt, presenceMs, () => sendPresence(r))
  })
  rooms.set(name, r)
  return r
}

app.get(
  '/:room',
  upgradeWebSocket((c) => {
    const name = c.req.param('room') ?? ''
    const r = rooms.get(name) ?? openRoom(name)
    return {
      onOpen(_event, ws) {
        r.sockets.add(ws)
        ws.raw?.send(message(0, (e) => syncProtocol.writeSyncStep1(e, r.doc)))
      },
      onClose(_event, ws) {
        r.sockets.delete(ws)
      },
      onMessage(event, ws) {
        if (!(event.data instanceof ArrayBuffer)) return
        const decoder = decoding.createDecoder(new Uint8Array(event.data))
        const encoder = encoding.createEncoder()
        encoding.writeVarUint(encoder, 0)
        try {
          const kind = decoding.readVarUint(decoder)
          if (kind === 1) {
            awarenessProtocol.applyAwarenessUpdate(r.awareness, decoding.readVarUint8Array(decoder), ws)
            return
          }
          if (kind !== 0) return
          syncProtocol.readSyncMessage(decoder, encoder, r.doc, ws)
        } catch {
          ws.close(1003, 'invalid message')
          return
        }
        if (encoding.length(encoder) > 1) ws.send(encoding.toUint8Array(encoder))
      },
    }
  }),
)

const server = serve({ fetch: app.fetch, hostname: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 0) }, (info) => {
  v8.setFlagsFromString('--no-optimize-for-size --turbofan')
  console.log(`stack floor listening on ${info.port}`)
})
injectWebSocket(server)
