/**
 * A throw-away PostgreSQL database per test file: `canvas_test_<random>` created on the server
 * of TEST_DATABASE_URL and dropped afterwards.
 */
import crypto from 'node:crypto'
import pg from 'pg'
import { serviceUnavailable } from '../helpers/server.js'

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

export type TestDatabase = { url: string; name: string; drop(): Promise<void> }

function withDatabase(url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** Whether PostgreSQL answers; a missing service skips loudly (fails under REQUIRE_SERVICES=1). */
export async function postgresAvailable(): Promise<boolean> {
  try {
    await admin((c) => c.query('SELECT 1'))
    return true
  } catch (error) {
    return serviceUnavailable('PostgreSQL (TEST_DATABASE_URL)', error)
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `canvas_test_${crypto.randomBytes(6).toString('hex')}`
  await admin((c) => c.query(`CREATE DATABASE ${name}`))
  return {
    name,
    url: withDatabase(TEST_DATABASE_URL, name),
    async drop() {
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
    },
  }
}
