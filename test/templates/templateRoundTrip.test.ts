/**
 * Custom templates end to end over two real servers (port 0, real SQLite files) and stock
 * y-websocket clients: save an activity of a board as a template on A, download it, import it
 * on B, create a board from it on B, and read the same zones and texts (issue 15).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readActivities, type Activity } from '../../shared/activities/index.js'
import { relabelZone } from '../../shared/activities/relabel.js'
import { getRecordsMap, readAllRecords, readRecord, writeRecord } from '../../shared/docLayout.js'
import { builtInTemplateFile } from '../../shared/templates/convert.js'
import { STATE_KEYS, STATE_MAP } from '../../shared/facilitation.js'
import { connectProvider, createTestBoard, startTestServer, waitFor, waitForSync, type TestBoard } from '../helpers/server.js'

type Server = Awaited<ReturnType<typeof startTestServer>>
type Created = { template: { id: string; name: string; author: string; locale: string }; manageToken: string; manageLink: string }

let a: Server
let b: Server

beforeAll(async () => {
  a = await startTestServer()
  b = await startTestServer()
})
afterAll(async () => {
  await a?.close()
  await b?.close()
})

const json = { 'content-type': 'application/json' }
const bearer = (token: string) => ({ ...json, authorization: `Bearer ${token}` })

/** A stock y-websocket client on a board's control doc, synced. */
async function openControl(url: string, boardId: string, token: string) {
  const doc = new Y.Doc()
  const provider = connectProvider(url, `${boardId}/control`, token, doc)
  await waitForSync(provider)
  return { doc, close: () => (provider.destroy(), doc.destroy()) }
}

/** What must travel with a template: every zone (key, label, meaning, size), label text and the instructions. */
function shapeOf(doc: Y.Doc, activity: Activity) {
  const records = readAllRecords(doc)
  const labels = records
    .filter((r) => r.parentId === activity.frameId && String(r.id).includes('.label.'))
    .map((r) => JSON.stringify((r.props as { richText: unknown }).richText))
    .sort()
  const instructions = (doc.getMap(STATE_MAP).get(STATE_KEYS.instructions) as Record<string, string> | undefined)?.[activity.instanceId]
  return {
    name: activity.name,
    results: activity.results,
    zones: activity.zones.map((z) => ({ key: z.key, label: z.label, meaning: z.meaning, w: Math.round(z.bounds.w), h: Math.round(z.bounds.h) })),
    labels,
    instructions,
  }
}

async function customTemplates(url: string): Promise<string[]> {
  const res = await fetch(`${url}/api/templates/custom`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { templates: Array<{ id: string }> }).templates.map((t) => t.id)
}

async function saveActivity(board: TestBoard, instanceId: string, token = board.tokens.facilitator): Promise<Response> {
  return fetch(`${a.url}/api/boards/${board.id}/templates`, {
    method: 'POST',
    headers: bearer(token),
    body: JSON.stringify({ scope: 'activity', instanceId, name: 'Our risk review', author: 'Ann Facilitator', locale: 'en' }),
  })
}

describe('custom templates: save on A, download, import on B, create a board [R11] [L10]', () => {
  it('a board created on B from a template saved on A has the same zones and texts, as a stock y-websocket client sees them', async () => {
    const board = await createTestBoard(a.url, 'Risk workshop', 'risk-matrix')
    const control = await openControl(a.url, board.id, board.tokens.facilitator)
    const [activity] = readActivities(readAllRecords(control.doc))
    expect(activity).toBeDefined()
    // The facilitator customises it: a zone renamed and the instructions rewritten.
    const zone = activity!.zones.find((z) => z.meaning.kind === 'riskCell')!
    control.doc.transact(() => {
      writeRecord(getRecordsMap(control.doc), relabelZone(readRecord(control.doc, zone.id)!, 'Our worst nightmare'))
      control.doc.getMap(STATE_MAP).set(STATE_KEYS.instructions, { [activity!.instanceId]: 'Put each risk where the team rates it.' })
    })
    // Once another client receives it, the server has stored it (persist before broadcast, D1).
    const watcher = await openControl(a.url, board.id, board.tokens.viewer)
    await waitFor(() => {
      const state = watcher.doc.getMap(STATE_MAP).get(STATE_KEYS.instructions) as Record<string, string> | undefined
      return readActivities(readAllRecords(watcher.doc))[0]!.zones.some((z) => z.label === 'Our worst nightmare') && state !== undefined
    })
    watcher.close()
    const customised = readActivities(readAllRecords(control.doc))[0]!
    const expected = shapeOf(control.doc, customised)
    control.close()

    // A participant cannot save it.
    expect((await saveActivity(board, customised.instanceId, board.tokens.participant)).status).toBe(403)
    const saved = await saveActivity(board, customised.instanceId)
    expect(saved.status).toBe(201)
    const created = (await saved.json()) as Created
    expect(created.template).toMatchObject({ name: 'Our risk review', author: 'Ann Facilitator', locale: 'en' })
    expect(created.template.id).toMatch(/^custom-[A-Za-z0-9_-]{22}$/)
    expect(created.manageLink).toBe(`${a.url}/templates/${created.template.id}#${created.manageToken}`)
    expect(JSON.stringify(await a.storage.getTemplate(created.template.id))).not.toContain(created.manageToken)

    const download = await fetch(`${a.url}/api/templates/${created.template.id}/file`)
    expect(download.status).toBe(200)
    expect(download.headers.get('content-disposition')).toContain('attachment')
    const fileText = await download.text()
    expect(fileText).toContain('Our worst nightmare')

    const imported = await fetch(`${b.url}/api/templates/import`, { method: 'POST', headers: json, body: fileText })
    expect(imported.status).toBe(201)
    const onB = (await imported.json()) as Created
    expect(onB.template.id).not.toBe(created.template.id) // ids are the server's own (R11)
    expect(onB.template).toMatchObject({ name: 'Our risk review', author: 'Ann Facilitator', locale: 'en' })
    expect(await customTemplates(b.url)).toContain(onB.template.id)

    const res = await fetch(`${b.url}/api/templates/${onB.template.id}/boards`, { method: 'POST', headers: json, body: JSON.stringify({ title: 'From a template' }) })
    expect(res.status).toBe(201)
    const made = (await res.json()) as { board: { id: string; title: string; template: string }; links: { participant: string } }
    expect(made.board).toMatchObject({ title: 'From a template', template: onB.template.id })
    const participant = made.links.participant.slice(made.links.participant.indexOf('#') + 1)
    const copy = await openControl(b.url, made.board.id, participant)
    const [rebuilt] = readActivities(readAllRecords(copy.doc))
    expect(rebuilt).toBeDefined()
    expect(shapeOf(copy.doc, rebuilt!)).toEqual({ ...expected, instructions: 'Put each risk where the team rates it.' })
    expect(expected.zones.some((z) => z.label === 'Our worst nightmare')).toBe(true)
    copy.close()
  })

  it('adds a custom template\'s activity to an existing board, beside what it holds (facilitator only)', async () => {
    const board = await createTestBoard(a.url, 'Retro', 'retro-start-stop-continue')
    const source = await createTestBoard(a.url, 'Source', 'risk-matrix')
    const control = await openControl(a.url, source.id, source.tokens.facilitator)
    const instanceId = readActivities(readAllRecords(control.doc))[0]!.instanceId
    control.close()
    const { template } = (await (await saveActivity(source, instanceId)).json()) as Created
    const denied = await fetch(`${a.url}/api/boards/${board.id}/template-activities`, { method: 'POST', headers: bearer(board.tokens.participant), body: JSON.stringify({ template: template.id }) })
    expect(denied.status).toBe(403)
    const added = await fetch(`${a.url}/api/boards/${board.id}/template-activities`, { method: 'POST', headers: bearer(board.tokens.facilitator), body: JSON.stringify({ template: template.id }) })
    expect(added.status).toBe(201)
    const view = await openControl(a.url, board.id, board.tokens.viewer)
    const activities = readActivities(readAllRecords(view.doc))
    expect(activities.map((x) => x.results).sort()).toEqual(['retro', 'riskRegister'])
    const [retro, risk] = [activities.find((x) => x.results === 'retro')!, activities.find((x) => x.results === 'riskRegister')!]
    const apart = risk.area.bounds.x >= retro.area.bounds.x + retro.area.bounds.w || risk.area.bounds.y >= retro.area.bounds.y + retro.area.bounds.h
    expect(apart).toBe(true)
    view.close()
  })

  it('refuses a corrupt file and a 10 MB file with messages, and stores nothing', async () => {
    const before = await customTemplates(b.url)
    const corrupt = await fetch(`${b.url}/api/templates/import`, { method: 'POST', headers: json, body: '{"format":"workshop-canvas/template","version":1,"name":' })
    expect(corrupt.status).toBe(400)
    expect(((await corrupt.json()) as { error: string }).error).toMatch(/not a valid template file: the template file is not JSON/)
    const wrongShape = await fetch(`${b.url}/api/templates/import`, { method: 'POST', headers: json, body: JSON.stringify({ format: 'workshop-canvas/template', version: 1, name: 'X', author: '', locale: 'en', description: '', activities: [], plan: null }) })
    expect(wrongShape.status).toBe(400)
    expect(((await wrongShape.json()) as { error: string }).error).toMatch(/activities: a template holds at least one activity/)
    const huge = JSON.stringify({ format: 'workshop-canvas/template', version: 1, name: 'Huge', description: 'x'.repeat(10 * 1024 * 1024) })
    const tooBig = await fetch(`${b.url}/api/templates/import`, { method: 'POST', headers: json, body: huge })
    expect(tooBig.status).toBe(413)
    expect(((await tooBig.json()) as { error: string }).error).toMatch(/larger than \d+ bytes/)
    expect(await customTemplates(b.url)).toEqual(before)
    expect(await b.storage.listTemplates()).toHaveLength(before.length)
  })

  it('the manage link renames and deletes; a wrong token gets 403, none 401, a built-in 403', async () => {
    const board = await createTestBoard(a.url, 'Manage', 'empathy-map')
    const control = await openControl(a.url, board.id, board.tokens.facilitator)
    const instanceId = readActivities(readAllRecords(control.doc))[0]!.instanceId
    control.close()
    const { template, manageToken } = (await (await saveActivity(board, instanceId)).json()) as Created
    const patch = (token: string | null, body: unknown, id = template.id) =>
      fetch(`${a.url}/api/templates/${id}`, { method: 'PATCH', headers: token ? bearer(token) : json, body: JSON.stringify(body) })

    expect((await patch(null, { name: 'Nope' })).status).toBe(401)
    const wrong = await patch('A'.repeat(22), { name: 'Nope' })
    expect(wrong.status).toBe(403)
    expect(((await wrong.json()) as { error: string }).error).toMatch(/manage link is not valid/)
    expect((await patch(board.tokens.facilitator, { name: 'Nope' })).status).toBe(403) // a board's link is not a template's
    expect((await patch(manageToken, { name: 'Nope' }, 'empathy-map')).status).toBe(403) // built-ins are never changed
    expect((await patch(manageToken, {})).status).toBe(400)

    const renamed = await patch(manageToken, { name: 'Empathy, our way', author: 'Bo' })
    expect(renamed.status).toBe(200)
    expect(((await renamed.json()) as Created).template).toMatchObject({ name: 'Empathy, our way', author: 'Bo' })
    const file = (await (await fetch(`${a.url}/api/templates/${template.id}/file`)).json()) as { name: string; author: string }
    expect(file).toMatchObject({ name: 'Empathy, our way', author: 'Bo' })

    expect((await fetch(`${a.url}/api/templates/${template.id}`, { method: 'DELETE', headers: bearer('B'.repeat(22)) })).status).toBe(403)
    expect((await fetch(`${a.url}/api/templates/empathy-map`, { method: 'DELETE', headers: bearer(manageToken) })).status).toBe(403)
    expect(await customTemplates(a.url)).toContain(template.id)
    const deleted = await fetch(`${a.url}/api/templates/${template.id}`, { method: 'DELETE', headers: bearer(manageToken) })
    expect(deleted.status).toBe(200)
    expect(await customTemplates(a.url)).not.toContain(template.id)
    expect((await fetch(`${a.url}/api/templates/${template.id}`)).status).toBe(404)
  })

  it('a built-in downloads in the same format and imports as a new custom template, never over the built-in', async () => {
    const res = await fetch(`${a.url}/api/templates/retro-4ls/file?locale=fr`)
    expect(res.status).toBe(200)
    const text = await res.text()
    const file = JSON.parse(text) as { id: string; builtIn: boolean; locale: string; activities: Array<{ base: string }> }
    expect(file).toMatchObject({ id: 'retro-4ls', builtIn: true, locale: 'fr' })
    const imported = await fetch(`${b.url}/api/templates/import`, { method: 'POST', headers: json, body: text })
    expect(imported.status).toBe(201)
    const { template } = (await imported.json()) as Created
    expect(template.id).not.toBe('retro-4ls')
    expect(template.locale).toBe('fr')
    const builtInName = async (url: string) => ((await (await fetch(`${url}/api/templates`)).json()) as { templates: Array<{ id: string; name: string }> }).templates.find((t) => t.id === 'retro-4ls')?.name
    expect(await builtInName(b.url)).toBe(await builtInName(a.url))
    expect(await builtInName(b.url)).toBeTruthy()
  })

  it('a board created from a built-in through the template route is written in the language asked for (English by default)', async () => {
    const made = async (body: object) => {
      const res = await fetch(`${a.url}/api/templates/retro-4ls/boards`, { method: 'POST', headers: json, body: JSON.stringify(body) })
      return { status: res.status, body: (await res.json()) as { board: { id: string; title: string }; links: { facilitator: string }; error?: string } }
    }
    const zonesOf = async (boardId: string, link: string) => {
      const control = await openControl(a.url, boardId, link.slice(link.indexOf('#') + 1))
      try {
        return readActivities(readAllRecords(control.doc)).flatMap((activity) => activity.zones.map((z) => z.label))
      } finally {
        control.close()
      }
    }
    const fr = await made({ locale: 'fr' })
    const en = await made({})
    expect(fr.status).toBe(201)
    expect(en.status).toBe(201)
    const expected = (locale: 'en' | 'fr') => builtInTemplateFile('retro-4ls', locale)!
    expect(fr.body.board.title).toBe(expected('fr').name)
    expect(en.body.board.title).toBe(expected('en').name)
    expect(fr.body.board.title).not.toBe(en.body.board.title)
    const frZones = await zonesOf(fr.body.board.id, fr.body.links.facilitator)
    const enZones = await zonesOf(en.body.board.id, en.body.links.facilitator)
    expect(frZones.length).toBeGreaterThan(0)
    expect(frZones).toEqual(expected('fr').activities.flatMap((activity) => activity.zones.map((z) => z.label)))
    expect(enZones).toEqual(expected('en').activities.flatMap((activity) => activity.zones.map((z) => z.label)))
    expect(frZones).not.toEqual(enZones)
    const refused = await made({ locale: 'de' })
    expect(refused.status).toBe(400)
    expect(refused.body.error).toMatch(/locale must be one of/)
  })

  it('a whole board saved with its plan gives a new board with the same activities and plan, without the facilitator notes', async () => {
    const res = await fetch(`${a.url}/api/boards`, { method: 'POST', headers: json, body: JSON.stringify({ title: 'Retro 60', plan: 'retrospective-60' }) })
    expect(res.status).toBe(201)
    const { board, links } = (await res.json()) as { board: { id: string }; links: TestBoard['links'] }
    const token = links.facilitator.slice(links.facilitator.indexOf('#') + 1)
    type PlanAnswer = { plan: { plan: { title: { en: string }; steps: Array<{ id: string; title: { en: string }; phases: unknown[]; activity: { instanceId: string } | null }> } } }
    const planOf = async (url: string, id: string, t: string) => ((await (await fetch(`${url}/api/boards/${id}/plan`, { headers: bearer(t) })).json()) as PlanAnswer).plan.plan
    const original = await planOf(a.url, board.id, token)
    expect(original.steps.length).toBeGreaterThan(1)
    const notesDoc = await (async () => {
      const doc = new Y.Doc()
      const p = connectProvider(a.url, `${board.id}/facilitator`, token, doc)
      await waitForSync(p)
      const notes = JSON.stringify(doc.getMap(STATE_MAP).toJSON())
      p.destroy()
      return notes
    })()

    const saved = await fetch(`${a.url}/api/boards/${board.id}/templates`, { method: 'POST', headers: bearer(token), body: JSON.stringify({ scope: 'board', name: 'Our retro', author: 'Ann' }) })
    expect(saved.status).toBe(201)
    const { template } = (await saved.json()) as Created
    const fileText = await (await fetch(`${a.url}/api/templates/${template.id}/file`)).text()
    // Facilitator notes never leave the facilitator doc (R10): a template is readable without a token.
    const noteTexts = Object.values((JSON.parse(notesDoc) as { planNotes?: Record<string, { en: string }> }).planNotes ?? {}).map((n) => n.en)
    expect(noteTexts.length).toBeGreaterThan(0)
    for (const note of noteTexts) expect(fileText).not.toContain(note)

    const made = await fetch(`${b.url}/api/templates/import`, { method: 'POST', headers: json, body: fileText })
    const onB = ((await made.json()) as Created).template
    const createdRes = await fetch(`${b.url}/api/templates/${onB.id}/boards`, { method: 'POST', headers: json, body: '{}' })
    expect(createdRes.status).toBe(201)
    const created = (await createdRes.json()) as { board: { id: string; title: string }; links: TestBoard['links'] }
    expect(created.board.title).toBe('Our retro')
    const newToken = created.links.facilitator.slice(created.links.facilitator.indexOf('#') + 1)
    const copied = await planOf(b.url, created.board.id, newToken)
    expect(copied.steps.map((s) => [s.id, s.title.en, s.phases])).toEqual(original.steps.map((s) => [s.id, s.title.en, s.phases]))
    const control = await openControl(b.url, created.board.id, newToken)
    const ids = new Set(readActivities(readAllRecords(control.doc)).map((x) => x.instanceId))
    control.close()
    for (const step of copied.steps) if (step.activity) expect(ids.has(step.activity.instanceId)).toBe(true)
  })
})
