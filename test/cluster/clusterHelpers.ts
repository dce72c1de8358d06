/**
 * A cluster for tests: N server processes (`server/main.ts`, as `npm start` runs it) sharing a
 * fresh PostgreSQL database and a unique Redis channel prefix.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import { Redis } from 'ioredis'
import type { WebsocketProvider } from 'y-websocket'
import { getRecordsMap, readRecord, writeRecord } from '../../shared/docLayout.js'
import { serviceUnavailable, spawnServerProcess, type ServerProcess } from '../helpers/server.js'
import { createTestDatabase, postgresAvailable, TEST_REDIS_URL, type TestDatabase } from '../storage/pgDatabase.js'
import { noteRecord } from '../../shared/notes.js'

export { TEST_REDIS_URL }

export async function redisAvailable(): Promise<boolean> {
  const client = new Redis(TEST_REDIS_URL, { lazyConnect: true, connectTimeout: 2000, retryStrategy: () => null, maxRetriesPerRequest: 0 })
  client.on('error', () => {})
  try {
    await client.connect()
    await client.ping()
    return true
  } catch (error) {
    return serviceUnavailable('Redis (TEST_REDIS_URL)', error)
  } finally {
    client.disconnect()
  }
}

/** Both services, probed once per file (each probe skips loudly on its own). */
export async function clusterServicesAvailable(): Promise<boolean> {
  const pg = await postgresAvailable()
  const redis = await redisAvailable()
  return pg && redis
}

export type Cluster = {
  db: TestDatabase
  prefix: string
  env: Record<string, string>
  servers: ServerProcess[]
  /** Starts one more instance on the same database and Redis namespace. */
  spawn(): Promise<ServerProcess>
  close(): Promise<void>
}

export async function startCluster(size: number, extraEnv: Record<string, string> = {}): Promise<Cluster> {
  const db = await createTestDatabase()
  const prefix = `canvas-test-${crypto.randomBytes(5).toString('hex')}:`
  const env = {
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: prefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    // Compact often, so instances compact the same boards while others append (advisory lock).
    COMPACT_AFTER_UPDATES: '25',
    ...extraEnv,
  }
  const servers: ServerProcess[] = []
  const spawn = async () => {
    const server = await spawnServerProcess(env)
    servers.push(server)
    return server
  }
  const cluster: Cluster = {
    db,
    prefix,
    env,
    servers,
    spawn,
    async close() {
      await Promise.all(
        servers.map(async (s) => {
          if (s.child.exitCode === null && s.child.signalCode === null) {
            s.child.kill('SIGTERM')
            const timer = setTimeout(() => s.child.kill('SIGKILL'), 10_000)
            await s.exited
            clearTimeout(timer)
          }
          fs.rmSync(s.dataDir, { recursive: true, force: true })
        }),
      )
      await db.drop()
    },
  }
  // Together, as a deployment starts: the migration lock lets exactly one migrate the schema.
  const started = await Promise.allSettled(Array.from({ length: size }, () => spawn()))
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (failed) {
    await cluster.close()
    throw failed.reason
  }
  return cluster
}

/** A valid tldraw note record (the server's schema guard refuses anything else). */
export function note(id: string, x: number, y = 0) {
  return { ...noteRecord({ id, text: '', x, y }), id }
}

export function writeNote(provider: WebsocketProvider, id: string, x: number, y = 0): void {
  provider.doc.transact(() => writeRecord(getRecordsMap(provider.doc), note(id, x, y)))
}

/** Ids of the note shapes a client currently holds. */
export function noteIds(provider: WebsocketProvider): Set<string> {
  const ids = new Set<string>()
  for (const id of getRecordsMap(provider.doc).keys()) if (id.startsWith('shape:')) ids.add(id)
  return ids
}

export { readRecord }
