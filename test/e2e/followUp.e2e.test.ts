/**
 * "Plan a follow-up" in real Chromium (issue 15): on a risk board, the facilitator's plan panel
 * makes a follow-up board with one step per critical or high risk and links to it; a
 * participant has no such button.
 */
import { describe, expect, it } from 'vitest'
import { getRecordsMap, readAllRecords, writeRecord } from '../../shared/docLayout.js'
import { positionInZone, readActivities, type ActivityZone } from '../../shared/activities/index.js'
import { noteRecord } from '../../shared/notes.js'
import { connectProvider, createTestBoard, waitFor, waitForSync } from '../helpers/server.js'
import { browserSuite, screenshotPath } from './helpers/browser.js'

describe('plan a follow-up from the plan panel (issue 15)', () => {
  const suite = browserSuite({ snapshotClient: true, pageTimeoutMs: 60_000, join: { promptMs: 60_000, editorMs: 60_000, onlineMs: 60_000 } })

  it('the facilitator makes a follow-up board of the critical and high risks and gets its link', async () => {
    const board = await createTestBoard(suite.url, 'Launch risks', 'risk-matrix')
    const writer = connectProvider(suite.url, board.id, board.tokens.participant)
    const control = connectProvider(suite.url, `${board.id}/control`, board.tokens.participant)
    await Promise.all([waitForSync(writer), waitForSync(control)])
    await waitFor(() => readActivities(readAllRecords(control.doc)).length === 1)
    const zones = readActivities(readAllRecords(control.doc))[0]!.zones
    const cell = (l: number, i: number) => zones.find((z): z is ActivityZone => z.meaning.kind === 'riskCell' && z.meaning.likelihood === l && z.meaning.impact === i)!
    writer.doc.transact(() => {
      // 20 critical, 12 high, 4 low: two prompts.
      for (const [id, text, l, i] of [['a', 'Vendor outage', 4, 5], ['b', 'Scope creep', 3, 4], ['c', 'Typo in docs', 2, 2]] as const) {
        const at = positionInZone(cell(l, i), undefined, 0)
        writeRecord(getRecordsMap(writer.doc), noteRecord({ id, text, x: at.x, y: at.y }))
      }
    })
    await new Promise((r) => setTimeout(r, 300))
    writer.destroy()
    control.destroy()

    const grace = await suite.open(board.links.facilitator, 'Grace')
    const followUp = grace.page.getByTestId('plan-follow-up')
    await followUp.getByRole('button', { name: 'Plan a follow-up', exact: true }).click()
    await expect.poll(() => followUp.getByRole('status').textContent(), { timeout: 30_000 }).toContain('Follow-up board ready, with 2 steps.')
    const href = await followUp.getByRole('link', { name: 'Open the follow-up board (facilitator link)' }).getAttribute('href')
    expect(href).toMatch(new RegExp(`^${suite.url}/b/[A-Za-z0-9_-]+#[A-Za-z0-9_-]+$`))
    expect(href).not.toContain(board.id)
    await followUp.scrollIntoViewIfNeeded()
    await grace.page.screenshot({ path: screenshotPath('follow-up-made.png') })

    const ann = await suite.open(board.links.participant, 'Ann')
    expect(await ann.page.getByTestId('plan-follow-up').count()).toBe(0)
  })

  it('a board with nothing to follow up says so in the page’s language', async () => {
    const board = await createTestBoard(suite.url, 'Risques à venir', 'risk-matrix')
    const julie = await suite.open(board.links.facilitator, 'Julie', { locale: 'fr-CA' })
    const followUp = julie.page.getByTestId('plan-follow-up')
    await followUp.getByRole('button', { name: 'Planifier une suite', exact: true }).click()
    await expect
      .poll(() => followUp.getByRole('alert').textContent(), { timeout: 30_000 })
      .toBe('Cela n’a pas fonctionné\u00a0: rien à suivre pour l’instant\u00a0: aucun besoin n’a de votes et aucun risque n’est critique ou élevé')
  })
})
