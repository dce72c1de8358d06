/**
 * The floor under an empty server built on DESIGN's pinned stack (issue 18, bench/emptyRss.ts):
 * Hono on its Node adapter with its websocket helper, zod validating a route's body,
 * better-sqlite3 with a WAL database open and a statement prepared, and Yjs with y-protocols
 * answering the sync protocol, and nothing of ours. Bundled and started the way `npm start` runs
 * our server (scripts/buildServer.mjs; V8's memory-saving mode while starting, server/main.ts),
 * so that what it measures is what the stack itself costs. It works, minimally: a board is a
 * row, a websocket on /<room> holds a Y.Doc per room, answers sync and stores every update (it
 * does not fan out).
 *
 * Env: HOST, PORT, DATA_DIR.
 */
import fs from 'node:fs'
import path from 'node:path'
import v8 from 'node:v8'

v8.setFlagsFromString('--optimize-for-size --no-turbofan')

const { serve } = await import('@hono/node-server')
const { createNodeWebSocket } = await import('@hono/node-ws')
const { Hono } = await import('hono')
const { z } = await import('zod')
const { default: Database } = await import('better-sqlite3')
const Y = await import('yjs')
const syncProtocol = await import('y-protocols/sync')
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

const docs = new Map<string, InstanceType<typeof Y.Doc>>()
app.get(
  '/:room',
  upgradeWebSocket((c) => {
    const room = c.req.param('room') ?? ''
    let doc = docs.get(room)
    if (!doc) {
      const created = new Y.Doc()
      created.on('update', (update: Uint8Array) => insertUpdate.run(room, update))
      docs.set(room, (doc = created))
    }
    const roomDoc = doc
    return {
      onMessage(event, ws) {
        if (!(event.data instanceof ArrayBuffer)) return
        const decoder = decoding.createDecoder(new Uint8Array(event.data))
        const encoder = encoding.createEncoder()
        encoding.writeVarUint(encoder, 0)
        try {
          if (decoding.readVarUint(decoder) !== 0) return
          syncProtocol.readSyncMessage(decoder, encoder, roomDoc, null)
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
