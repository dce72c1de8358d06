/**
 * Template texts in the facilitator's language: `locale` on POST /api/boards and on
 * POST /api/boards/:id/activities (optional, default `en`) picks the texts written into the control doc.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readAllRecords, type JsonRecord } from '../../shared/docLayout.js'
import { readActivities } from '../../shared/activities/index.js'
import { shapeText } from '../../shared/activities/richText.js'
import { connectProvider, createTestBoard, startTestServer, waitFor, waitForSync } from '../helpers/server.js'

type Server = Awaited<ReturnType<typeof startTestServer>>

async function post(url: string, body: unknown, token?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
}

async function controlRecords(server: Server, boardId: string, token: string, activities: number): Promise<JsonRecord[]> {
  const control = connectProvider(server.url, `${boardId}/control`, token)
  try {
    await waitForSync(control)
    await waitFor(() => readActivities(readAllRecords(control.doc)).length === activities)
    return readAllRecords(control.doc)
  } finally {
    control.destroy()
  }
}

describe('template locale over HTTP', () => {
  let server: Server

  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('POST /api/boards with locale fr and a template: the control doc holds French labels, same ids as en', async () => {
    const res = await post(`${server.url}/api/boards`, { title: 'Risques', template: 'risk-matrix', locale: 'fr' })
    expect(res.status).toBe(201)
    const { board, links } = (await res.json()) as { board: { id: string }; links: { viewer: string } }
    const records = await controlRecords(server, board.id, links.viewer.slice(links.viewer.indexOf('#') + 1), 1)
    const texts = records.map(shapeText)
    expect(texts).toContain('Probabilité ↑')
    expect(texts).toContain('4 × 5 = 20 (Critique)')
    expect(texts.some((t) => t.startsWith('5 Quasi certain\u00a0: '))).toBe(true)
    expect(texts).not.toContain('Likelihood ↑')
    const [activity] = readActivities(records)
    expect(activity!.name).toBe('Matrice des risques')
    expect(activity!.templateId).toBe('risk-matrix')
    expect(activity!.zones.find((z) => z.key === 'l4-i5')?.meaning).toEqual({ kind: 'riskCell', likelihood: 4, impact: 5 })

    // Without a locale the board stays English (backwards compatible).
    const en = await createTestBoard(server.url, 'Risks', 'risk-matrix')
    const enRecords = await controlRecords(server, en.id, en.tokens.viewer, 1)
    expect(enRecords.map(shapeText)).toContain('Likelihood ↑')
    const shapeIds = (rs: JsonRecord[]) => rs.filter((r) => r.typeName === 'shape').map((r) => String(r.id).replace(/^shape:[^.]+/, '')).sort()
    expect(shapeIds(records)).toEqual(shapeIds(enRecords))
  })

  it('an invalid locale is refused with 400 and a message, on both routes', async () => {
    const res = await post(`${server.url}/api/boards`, { title: 'Risks', template: 'risk-matrix', locale: 'de' })
    expect(res.status).toBe(400)
    expect(JSON.stringify(await res.json())).toContain('locale must be one of en, fr')

    const board = await createTestBoard(server.url, 'Retro')
    const add = await post(`${server.url}/api/boards/${board.id}/activities`, { template: 'retro-start-stop-continue', locale: 'xx' }, board.tokens.facilitator)
    expect(add.status).toBe(400)
    expect(JSON.stringify(await add.json())).toContain('locale must be one of en, fr')
  })

  it('POST /api/boards/:id/activities with locale fr adds French zones', async () => {
    const board = await createTestBoard(server.url, 'Rétro')
    const add = await post(`${server.url}/api/boards/${board.id}/activities`, { template: 'retro-start-stop-continue', locale: 'fr' }, board.tokens.facilitator)
    expect(add.status).toBe(201)
    const records = await controlRecords(server, board.id, board.tokens.viewer, 1)
    const [activity] = readActivities(records)
    expect(activity!.name).toBe('Commencer / Arrêter / Continuer')
    expect(activity!.zones.map((z) => [z.key, z.label])).toEqual([
      ['start', 'Commencer'],
      ['stop', 'Arrêter'],
      ['continue', 'Continuer'],
      ['actions', 'Actions'],
    ])
  })
})
