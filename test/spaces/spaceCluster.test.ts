/**
 * Spaces on two instances sharing PostgreSQL and Redis (issue 16: "works with several
 * instances"): a space made on one instance opens its boards on the other; rotating a space link
 * on one closes the sockets opened with it on the other, and only those.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseEvents } from '../../shared/protocol.js'
import { connectProvider, startTestServer, waitFor, waitForSync } from '../helpers/server.js'
import { clusterServicesAvailable } from '../cluster/clusterHelpers.js'
import { createTestDatabase, TEST_REDIS_URL, type TestDatabase } from '../storage/pgDatabase.js'
import { api, createSpace, createSpaceBoard } from './support.js'

const available = await clusterServicesAvailable()

describe.runIf(available)('spaces on two instances (PostgreSQL + Redis)', () => {
  let db: TestDatabase
  let a: Awaited<ReturnType<typeof startTestServer>>
  let b: Awaited<ReturnType<typeof startTestServer>>

  beforeAll(async () => {
    db = await createTestDatabase()
    const shared = { DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: `canvas-test-${crypto.randomBytes(5).toString('hex')}:` }
    a = await startTestServer(shared)
    b = await startTestServer(shared)
  })
  afterAll(async () => {
    await a?.close()
    await b?.close()
    for (const s of [a, b]) if (s) fs.rmSync(s.dataDir, { recursive: true, force: true })
    await db?.drop()
  })

  it('[R9] a space link rotated on A closes its sockets on B within a second; the board link on B stays', async () => {
    const space = await createSpace(a, 'Two instances')
    const board = await createSpaceBoard(a, space, { title: 'Session 1' })
    expect((await api(b, `/api/spaces/${space.id}`, space.tokens.member)).status).toBe(200)
    const member = connectProvider(b.url, board.id, space.tokens.member)
    const own = connectProvider(b.url, board.id, board.tokens.participant)
    await Promise.all([waitForSync(member), waitForSync(own)])
    const memberCloses: number[] = []
    const ownCloses: number[] = []
    member.on('connection-close', (event: { code: number } | null) => event && memberCloses.push(event.code))
    own.on('connection-close', (event: { code: number } | null) => event && ownCloses.push(event.code))
    const started = Date.now()
    expect((await api(a, `/api/spaces/${space.id}/links/member/rotate`, space.tokens.facilitator, { method: 'POST' })).status).toBe(200)
    await waitFor(() => memberCloses.includes(CloseEvents.LinkRevoked.code), 5000, 'member socket on B closed')
    expect(Date.now() - started).toBeLessThan(1000)
    member.destroy()
    await new Promise((r) => setTimeout(r, 200))
    expect(ownCloses).toEqual([])
    expect((await api(b, `/api/spaces/${space.id}`, space.tokens.member)).status).toBe(403)
    own.destroy()
  })
})
