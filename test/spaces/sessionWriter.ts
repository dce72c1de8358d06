/**
 * Writes a session of a space through the HTTP API and raw clients: a board created in the space
 * with a change-readiness check-in, a session evaluation and a risk matrix (and, when `extra` is
 * given, a retrospective, commitments and a recognition wall), and notes placed in their zones.
 */
import { getRecordsMap, readAllRecords, writeRecord, type JsonRecord } from '../../shared/docLayout.js'
import { positionInZone, readActivities, type Activity, type ActivityZone } from '../../shared/activities/index.js'
import { noteRecord } from '../helpers/records.js'
import { connectProvider, waitFor, waitForSync } from '../helpers/server.js'
import { api, createSpaceBoard, type At, type SpaceBoard, type TestSpace } from './support.js'

const NOTE_HALF = (zone: ActivityZone) => zone.center.x - positionInZone(zone).x

/** A note whose centre sits on score `score` of a 1…`steps` horizontal scale zone. */
function onScale(zone: ActivityZone, steps: number, score: number, id: string): JsonRecord {
  const x = zone.bounds.x + ((score - 0.5) / steps) * zone.bounds.w - NOTE_HALF(zone)
  return noteRecord(id, `score ${score}`, x, positionInZone(zone).y)
}

export function zoneOf(activity: Activity, test: (z: ActivityZone) => boolean): ActivityZone {
  const zone = activity.zones.find(test)
  if (!zone) throw new Error(`no such zone in ${activity.templateId}`)
  return zone
}

export type SessionData = {
  date: string
  readiness: number[]
  evaluation: number[]
  risks: Array<{ text: string; l: number; i: number; mitigation?: string }>
  extra?: (activities: Activity[], notes: JsonRecord[]) => void
}

export async function writeSession(server: At, space: TestSpace, n: number, data: SessionData): Promise<SpaceBoard> {
  const board = await createSpaceBoard(server, space, { title: `Session ${n}`, template: 'change-readiness-check-in', date: data.date })
  const add = (template: string) => api(server, `/api/boards/${board.id}/activities`, space.tokens.facilitator, { method: 'POST', json: { template } })
  for (const template of ['session-evaluation', 'risk-matrix', ...(data.extra ? ['retro-start-stop-continue', 'commitments', 'recognition-wall'] : [])]) {
    const res = await add(template)
    if (res.status !== 201) throw new Error(`adding ${template}: ${res.status} ${await res.text()}`)
  }
  const control = connectProvider(server.url, `${board.id}/control`, space.tokens.viewer)
  await waitForSync(control)
  const expected = data.extra ? 6 : 3
  await waitFor(() => readActivities(readAllRecords(control.doc)).length === expected, 5000, 'activities')
  const activities = readActivities(readAllRecords(control.doc))
  control.destroy()
  const byTemplate = (id: string) => activities.find((a) => a.templateId === id)!
  const spectrum = (id: string) => zoneOf(byTemplate(id), (z) => z.meaning.kind === 'scale')
  const notes: JsonRecord[] = [
    ...data.readiness.map((s, k) => onScale(spectrum('change-readiness-check-in'), 10, s, `shape:r${n}-${k}`)),
    ...data.evaluation.map((s, k) => onScale(spectrum('session-evaluation'), 5, s, `shape:e${n}-${k}`)),
    ...data.risks.map((r, k) => {
      const cell = zoneOf(byTemplate('risk-matrix'), (z) => z.meaning.kind === 'riskCell' && z.meaning.likelihood === r.l && z.meaning.impact === r.i)
      const at = positionInZone(cell)
      return noteRecord(`shape:k${n}-${k}`, r.text, at.x, at.y, { meta: r.mitigation ? { mitigation: r.mitigation } : {} })
    }),
  ]
  data.extra?.(activities, notes)
  const writer = connectProvider(server.url, board.id, space.tokens.member)
  await waitForSync(writer)
  writer.doc.transact(() => {
    for (const note of notes) writeRecord(getRecordsMap(writer.doc), note)
  })
  await waitFor(() => writer.synced && !writer.ws?.bufferedAmount, 5000, 'writes sent')
  await new Promise((r) => setTimeout(r, 150))
  writer.destroy()
  return board
}

/** The sessions of the space tests (hand-computed expectations in test/spaces/spaceFollowUp.test.ts). */
const FIRST_SESSION: SessionData = {
  date: '2026-09-01',
  readiness: [3, 4, 5, 6, 7],
  evaluation: [4, 4, 5, 3, 4],
  risks: [
    { text: 'Budget cut', l: 4, i: 5 },
    { text: 'Staff turnover', l: 3, i: 3 },
  ],
  extra(activities, notes) {
    const retro = activities.find((a) => a.templateId === 'retro-start-stop-continue')!
    const actions = zoneOf(retro, (z) => z.meaning.kind === 'actions')
    const a = positionInZone(actions, undefined, 0)
    const b = positionInZone(actions, undefined, 1)
    notes.push(noteRecord('shape:act1', 'Fix the build', a.x, a.y, { meta: { owner: 'Ana', due: '2026-01-10' } }))
    notes.push(noteRecord('shape:act2', 'Write the docs', b.x, b.y, { meta: { owner: 'Bo', status: 'done' } }))
    const commitments = activities.find((x) => x.templateId === 'commitments')!
    const online = zoneOf(commitments, (z) => z.meaning.kind === 'cell' && z.meaning.column === 'online')
    const c = positionInZone(online)
    notes.push(noteRecord('shape:com1', 'Pair weekly', c.x, c.y))
    const wall = activities.find((x) => x.templateId === 'recognition-wall')!
    const thanks = zoneOf(wall, (z) => z.meaning.kind === 'section' && z.meaning.section === 'thank-you')
    const t = positionInZone(thanks)
    notes.push(noteRecord('shape:kudo1', 'Thanks for the demo', t.x, t.y, { meta: { to: 'Bo' } }))
  },
}

export const THREE_SESSIONS: readonly SessionData[] = [
  FIRST_SESSION,
  {
    date: '2026-10-01',
    readiness: [8, 8, 9, 9],
    evaluation: [5, 5, 5, 5, 4],
    risks: [
      { text: 'Budget cut', l: 3, i: 4 },
      { text: 'Staff turnover', l: 4, i: 4, mitigation: 'Cross-train the team' },
    ],
  },
  { date: '2026-11-01', readiness: [2, 4, 6, 8, 10, 6], evaluation: [1, 2, 3, 4], risks: [{ text: 'budget cut.', l: 2, i: 2 }] },
]
