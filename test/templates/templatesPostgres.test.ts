/**
 * Custom templates between a SQLite server (A) and a PostgreSQL server (B), both real, on port
 * 0: a template saved on A is imported on B, a board made from it on B has the same zones and
 * texts for a stock y-websocket client, B's manage link renames and deletes it, and no manage
 * token reaches either server's log (SPEC R11, L10, R16).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readActivities } from '../../shared/activities/index.js'
import { readAllRecords } from '../../shared/docLayout.js'
import { startServer, type CanvasServer } from '../../server/server.js'
import { captureLogs } from '../hardening/support/logCapture.js'
import { connectProvider, tempDir, waitForSync } from '../helpers/server.js'
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../storage/pgDatabase.js'

const available = await postgresAvailable()
const json = { 'content-type': 'application/json' }

async function zonesOf(url: string, boardId: string, token: string) {
  const doc = new Y.Doc()
  const provider = connectProvider(url, `${boardId}/control`, token, doc)
  await waitForSync(provider)
  const activities = readActivities(readAllRecords(doc))
  provider.destroy()
  doc.destroy()
  return activities.map((a) => ({ name: a.name, results: a.results, zones: a.zones.map((z) => [z.key, z.label, z.meaning]) }))
}

describe.runIf(available)('custom templates from a SQLite server to a PostgreSQL server [R11] [L10] [R16]', () => {
  const logsA = captureLogs('debug')
  const logsB = captureLogs('debug')
  let a: CanvasServer
  let b: CanvasServer
  let db: TestDatabase

  beforeAll(async () => {
    db = await createTestDatabase()
    a = await startServer({ HOST: '127.0.0.1', PORT: 0, DATA_DIR: tempDir() }, { logger: logsA.logger, env: {} })
    b = await startServer({ HOST: '127.0.0.1', PORT: 0, DATA_DIR: tempDir(), DATABASE_URL: db.url }, { logger: logsB.logger, env: {} })
  })
  afterAll(async () => {
    await a?.close()
    await b?.close()
    await db?.drop()
  })

  it('imports, builds the same board, renames and deletes on PostgreSQL; refused files store nothing; no manage token is logged', async () => {
    expect(b.storage.kind).toBe('postgres')
    const created = await fetch(`${a.url}/api/boards`, { method: 'POST', headers: json, body: JSON.stringify({ title: 'Voilier', template: 'retro-sailboat', locale: 'fr' }) })
    const { board: made0, links: links0 } = (await created.json()) as { board: { id: string }; links: Record<'facilitator' | 'participant' | 'viewer', string> }
    const tokenOf = (link: string) => link.slice(link.indexOf('#') + 1)
    const board = { id: made0.id, tokens: { facilitator: tokenOf(links0.facilitator), viewer: tokenOf(links0.viewer) } }
    const [activity] = await zonesOf(a.url, board.id, board.tokens.viewer)
    const doc = new Y.Doc()
    const p = connectProvider(a.url, `${board.id}/control`, board.tokens.viewer, doc)
    await waitForSync(p)
    const instanceId = readActivities(readAllRecords(doc))[0]!.instanceId
    p.destroy()
    const saved = await fetch(`${a.url}/api/boards/${board.id}/templates?token=${board.tokens.facilitator}`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ scope: 'activity', instanceId, name: 'Voilier', author: 'Chloé', locale: 'en' }), // the page is in English; the board's texts are French
    })
    expect(saved.status).toBe(201)
    const onA = (await saved.json()) as { template: { id: string }; manageToken: string }
    const file = await (await fetch(`${a.url}/api/templates/${onA.template.id}/file`)).text()

    const before = await b.storage.listTemplates()
    for (const bad of ['', 'null', '{"format":"workshop-canvas/template"}', JSON.stringify({ ...JSON.parse(file), name: 'x\u0000y' })]) {
      const refused = await fetch(`${b.url}/api/templates/import`, { method: 'POST', headers: json, body: bad })
      expect(refused.status, bad.slice(0, 40)).toBe(400)
      expect(((await refused.json()) as { error: string }).error.length).toBeGreaterThan(10)
    }
    expect(await b.storage.listTemplates()).toEqual(before)

    const imported = await fetch(`${b.url}/api/templates/import`, { method: 'POST', headers: json, body: file })
    expect(imported.status).toBe(201)
    const onB = (await imported.json()) as { template: { id: string; name: string; author: string; locale: string }; manageToken: string }
    expect(onB.template).toMatchObject({ name: 'Voilier', author: 'Chloé', locale: 'fr' })
    const listed = (await (await fetch(`${b.url}/api/templates/custom?locale=fr`)).json()) as { templates: Array<{ id: string }> }
    expect(listed.templates.map((t) => t.id)).toContain(onB.template.id)

    const made = await fetch(`${b.url}/api/templates/${onB.template.id}/boards`, { method: 'POST', headers: json, body: '{}' })
    expect(made.status).toBe(201)
    const { board: copy, links } = (await made.json()) as { board: { id: string }; links: { viewer: string } }
    expect(await zonesOf(b.url, copy.id, links.viewer.slice(links.viewer.indexOf('#') + 1))).toEqual([activity])

    const wrong = await fetch(`${b.url}/api/templates/${onB.template.id}?token=${onA.manageToken}`, { method: 'PATCH', headers: json, body: '{"name":"Hijack"}' })
    expect(wrong.status).toBe(403) // A's token is not B's
    const renamed = await fetch(`${b.url}/api/templates/${onB.template.id}?token=${onB.manageToken}`, { method: 'PATCH', headers: json, body: '{"name":"Notre voilier"}' })
    expect(renamed.status).toBe(200)
    expect((await b.storage.getTemplate(onB.template.id))?.name).toBe('Notre voilier')
    const deleted = await fetch(`${b.url}/api/templates/${onB.template.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${onB.manageToken}` } })
    expect(deleted.status).toBe(200)
    expect(await b.storage.getTemplate(onB.template.id)).toBeNull()

    await new Promise((r) => setTimeout(r, 100))
    const logged = logsA.text() + logsB.text()
    expect(logged).toContain('template stored')
    for (const secret of [onA.manageToken, onB.manageToken]) expect(logged).not.toContain(secret)
  })
})
