// Hocuspocus as a team would deploy it: its Server, and (with DB_FILE) the Database extension
// storing each document's state in SQLite (better-sqlite3, the same engine our server uses).
// Env: HOST, PORT, DB_FILE (optional).
import { Database } from '@hocuspocus/extension-database'
import { Server } from '@hocuspocus/server'
import BetterSqlite from 'better-sqlite3'

const host = process.env.HOST ?? '127.0.0.1'
const port = Number(process.env.PORT ?? 1234)
const extensions = []
if (process.env.DB_FILE) {
  const db = new BetterSqlite(process.env.DB_FILE)
  db.pragma('journal_mode = WAL')
  db.exec('CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB NOT NULL)')
  const select = db.prepare('SELECT data FROM documents WHERE name = ?')
  const upsert = db.prepare('INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data')
  extensions.push(
    new Database({
      fetch: async ({ documentName }) => select.get(documentName)?.data ?? null,
      store: async ({ documentName, state }) => {
        upsert.run(documentName, state)
      },
    }),
  )
}
const server = new Server({ address: host, port, quiet: true, extensions })
await server.listen()
console.log(`hocuspocus listening on ${host}:${port}`)
