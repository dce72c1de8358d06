/**
 * Issue 13, projector view under scale-out (SPEC C2): two server processes on one PostgreSQL
 * database and one Redis. The projector page opens on instance B; people join on instance A and
 * on B; the projector's "N here" counts them all, one per person (two windows of one person count
 * once), and drops someone who leaves on the other instance. Needs both services; without them
 * the file skips loudly (fails under REQUIRE_SERVICES=1).
 */
import fs from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { connectProvider, createTestBoard, waitForSync } from '../helpers/server.js'
import { clusterServicesAvailable, startCluster, type Cluster } from '../cluster/clusterHelpers.js'
import { launchBrowser, screenshotPath, snapshotClientDist } from './helpers/browser.js'

const available = await clusterServicesAvailable()

describe.runIf(available)('the projector counts the people on every instance', () => {
  let cluster: Cluster
  let browser: Browser
  let clientDir: string
  const providers: WebsocketProvider[] = []

  beforeAll(async () => {
    clientDir = snapshotClientDist()
    cluster = await startCluster(2, { CLIENT_DIST_DIR: clientDir })
    browser = await launchBrowser()
  }, 240_000)
  afterAll(async () => {
    for (const p of providers) p.destroy()
    await browser?.close()
    await cluster?.close()
    if (clientDir) fs.rmSync(clientDir, { recursive: true, force: true })
  }, 60_000)

  /** A stock y-websocket client that says who it is, as the app's pages do (awareness `user`). */
  async function person(url: string, boardId: string, token: string, user: { id: string; name: string; role: string }) {
    const p = connectProvider(url, boardId, token)
    providers.push(p)
    await waitForSync(p, 15_000)
    p.awareness.setLocalStateField('user', { ...user, color: '#1e5fbf' })
    return p
  }

  it('[C2] people on instance A and on instance B are all counted on a projector served by B; a person who leaves A is no longer counted', async () => {
    const [a, b] = [cluster.servers[0]!.url, cluster.servers[1]!.url]
    const board = await createTestBoard(a, 'Onsite across instances', 'retro-start-stop-continue')
    const grace = await person(b, board.id, board.tokens.facilitator, { id: 'grace', name: 'Grace', role: 'facilitator' })
    // Two people on A before the projector's instance has even heard of them.
    const ada = await person(a, board.id, board.tokens.participant, { id: 'ada', name: 'Ada', role: 'participant' })
    await person(a, board.id, board.tokens.participant, { id: 'bo', name: 'Bo', role: 'participant' })

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    try {
      const projector = await context.newPage()
      const errors: string[] = []
      projector.on('pageerror', (error) => errors.push(String(error)))
      await projector.goto(`${b}/b/${board.id}?present=grace#${board.tokens.viewer}`)
      const count = projector.getByTestId('present-people')
      await count.waitFor({ timeout: 60_000 })
      await expect.poll(() => count.textContent(), { timeout: 20_000 }).toMatch(/^3 here\b/)

      // Ada opens a second window, on B: still three people.
      await person(b, board.id, board.tokens.participant, { id: 'ada', name: 'Ada', role: 'participant' })
      // Cy joins on A.
      await person(a, board.id, board.tokens.participant, { id: 'cy', name: 'Cy', role: 'participant' })
      await expect.poll(() => count.textContent(), { timeout: 20_000 }).toMatch(/^4 here\b/)
      await projector.waitForTimeout(1000)
      expect(await count.textContent()).toMatch(/^4 here\b/)
      await projector.screenshot({ path: screenshotPath('room-projector-cluster-1440.png') })

      // Bo leaves A: three people.
      providers.find((p) => (p.awareness.getLocalState() as { user?: { id?: string } } | null)?.user?.id === 'bo')!.destroy()
      await expect.poll(() => count.textContent(), { timeout: 20_000 }).toMatch(/^3 here\b/)
      expect(grace.wsconnected && ada.wsconnected).toBe(true)
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  }, 300_000)
})
