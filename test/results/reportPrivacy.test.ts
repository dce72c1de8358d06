/**
 * Small-group privacy in the BOARD report (issue 16): a check-in's or session evaluation's
 * average from fewer than 5 respondents is withheld in the md / html / json exports; from 5 it
 * is shown. Notes placed on the spectrum by a stock y-websocket client; averages by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getRecordsMap, readAllRecords, writeRecord } from '../../shared/docLayout.js'
import { readActivities } from '../../shared/activities/index.js'
import { noteRecord } from '../../shared/notes.js'
import { connectProvider, createTestBoard, startTestServer, waitFor, waitForSync } from '../helpers/server.js'
import { api, type Server } from '../spaces/support.js'

/**
 * Fractions along the spectrum. Readiness 1–10: score = 1 + floor(f × 10) → 1, 4, 7, 10 (mean of
 * four 5.5) then 5 (mean of five 27 / 5 = 5.4). Evaluation 1–5: score = 1 + floor(f × 5) → 1, 2,
 * 3, 4 (mean 2.5) then 5 (mean 15 / 5 = 3.0).
 */
const READINESS = [0.05, 0.35, 0.65, 0.95, 0.45]
const EVALUATION = [0.1, 0.3, 0.5, 0.7, 0.9]

describe('board report: averages under the 5-respondent rule (issue 16)', () => {
  let server: Server
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  /** A board of `template` with one note per fraction (the first `count`), and its exports. */
  async function boardWith(template: string, fractions: number[], count: number) {
    const board = await createTestBoard(server.url, `${template} ${count}`, template)
    const participant = connectProvider(server.url, board.id, board.tokens.participant)
    const control = connectProvider(server.url, `${board.id}/control`, board.tokens.participant)
    await Promise.all([waitForSync(participant), waitForSync(control)])
    await waitFor(() => readActivities(readAllRecords(control.doc)).length === 1)
    const spectrum = readActivities(readAllRecords(control.doc))[0]!.zones.find((z) => z.meaning.kind === 'scale')!.bounds
    control.destroy()
    participant.doc.transact(() => {
      fractions.slice(0, count).forEach((f, i) => {
        const x = spectrum.x + spectrum.w * f - 100
        writeRecord(getRecordsMap(participant.doc), noteRecord({ id: `n${i}`, text: `answer ${i}`, x, y: spectrum.y + spectrum.h / 2 - 100 }))
      })
    })
    await new Promise((r) => setTimeout(r, 300))
    participant.destroy()
    const get = async (format: string) => (await api(server, `/api/boards/${board.id}/export?format=${format}`, board.tokens.viewer)).text()
    return { md: await get('md'), html: await get('html'), json: JSON.parse(await get('json')) as { results: { activities: Array<{ averageScore: number | null; averageWithheld?: boolean; spectrum: unknown[] }> } } }
  }

  it('readiness: 4 respondents withheld, 5 shown (5.4 / 10)', async () => {
    const four = await boardWith('change-readiness-check-in', READINESS, 4)
    expect(four.json.results.activities[0]!.spectrum).toHaveLength(4)
    expect(four.md).toContain('Average readiness: withheld (fewer than 5 respondents)')
    expect(four.md).not.toContain('5.5')
    expect(four.html).toContain('Average readiness: withheld (fewer than 5 respondents)')
    expect(four.json.results.activities[0]).toMatchObject({ averageScore: null, averageWithheld: true })
    const five = await boardWith('change-readiness-check-in', READINESS, 5)
    expect(five.md).toContain('Average readiness: 5.4 / 10')
    expect(five.json.results.activities[0]!.averageScore).toBe(5.4)
    expect(five.json.results.activities[0]!.averageWithheld).toBeUndefined()
  })

  it('session evaluation: 4 respondents withheld, 5 shown (3.0 / 5)', async () => {
    const four = await boardWith('session-evaluation', EVALUATION, 4)
    expect(four.md).toContain('Average return on time invested: withheld (fewer than 5 respondents)')
    expect(four.md).not.toContain('2.5')
    const five = await boardWith('session-evaluation', EVALUATION, 5)
    expect(five.md).toContain('Average return on time invested: 3.0 / 5')
  })
})
