/**
 * A cluster in the facilitator's live Results (issue 15, SPEC F9): notes a participant gathered
 * in a titled frame show as one item, "Group: <title>", with its total and its notes under it.
 * Its SVG export draws the cluster's total on its frame. Written by a stock y-websocket client;
 * read in Chromium.
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getRecordsMap, readAllRecords, writeRecord, type JsonRecord } from '../../shared/docLayout.js'
import { PROFILE_MAP, VOTES_MAP } from '../../shared/facilitation.js'
import { readActivities, type ActivityZone } from '../../shared/activities/index.js'
import { noteRecord } from '../../shared/notes.js'
import { connectProvider, createTestBoard, waitFor, waitForSync } from '../helpers/server.js'
import { api } from '../spaces/support.js'
import { browserSuite, screenshotPath } from './helpers/browser.js'

const frame = (id: string, name: string, x: number, y: number): JsonRecord => ({
  id, typeName: 'shape', type: 'frame', x, y, rotation: 0, index: 'a0', parentId: 'page:page', isLocked: false, opacity: 1, meta: {}, props: { w: 420, h: 460, name, color: 'black' },
})

describe('clusters in the Results panel', () => {
  const suite = browserSuite({ snapshotClient: true, setupTimeoutMs: 60_000 })

  it('a titled frame is one item with its notes under it, its votes counted once', async () => {
    const server = { url: suite.url }
    const board = await createTestBoard(suite.url, 'Sprint retro', 'retro-start-stop-continue')
    const participant = connectProvider(suite.url, board.id, board.tokens.participant)
    const control = connectProvider(suite.url, `${board.id}/control`, board.tokens.participant)
    await Promise.all([waitForSync(participant), waitForSync(control)])
    await waitFor(() => readActivities(readAllRecords(control.doc)).length === 1)
    const start = readActivities(readAllRecords(control.doc))[0]!.zones.find((z): z is ActivityZone => z.key === 'start')!.bounds
    control.destroy()
    participant.doc.transact(() => {
      const records = getRecordsMap(participant.doc)
      writeRecord(records, frame('shape:tooling', 'Tooling', start.x + 20, start.y + 20))
      writeRecord(records, noteRecord({ id: 'slow-ci', text: 'Slow CI', x: 10, y: 40, parentId: 'shape:tooling' }))
      writeRecord(records, noteRecord({ id: 'flaky', text: 'Flaky tests', x: 210, y: 40, parentId: 'shape:tooling' }))
      writeRecord(records, noteRecord({ id: 'pair-more', text: 'Pair more', x: start.x + 20, y: start.y + 500 }))
    })
    const act = (body: unknown) => api(server, `/api/boards/${board.id}/facilitation`, board.tokens.facilitator, { method: 'POST', json: body })
    const opened = (await (await act({ action: 'openVote', settings: { votesPerPerson: 10, maxPerNote: 3, anonymous: true, hideTotals: false } })).json()) as { vote: { id: string } }
    const ballot = connectProvider(suite.url, `${board.id}/private/ann-0123456789abcdefgh`, board.tokens.participant)
    await waitForSync(ballot)
    ballot.doc.transact(() => {
      ballot.doc.getMap(PROFILE_MAP).set('name', 'Ann')
      const votes = new Y.Map<number>()
      for (const [id, n] of Object.entries({ 'shape:tooling': 2, 'shape:slow-ci': 1, 'shape:pair-more': 1 })) votes.set(id, n)
      ballot.doc.getMap(VOTES_MAP).set(opened.vote.id, votes)
    })
    expect((await act({ action: 'revealVote' })).status).toBe(200)

    const { page } = await suite.open(board.links.facilitator, 'Grace')
    await page.getByRole('button', { name: 'Results', exact: true }).click()
    const cluster = page.locator('li.results-cluster', { hasText: 'Group: Tooling' })
    await cluster.waitFor({ timeout: 15_000 })
    // Hand-computed: 2 on the frame + 1 on Slow CI = 3; Flaky tests 0; Pair more stands alone with 1.
    await expect.poll(() => cluster.locator(':scope > .results-votes').textContent()).toBe('3 votes')
    expect(await cluster.locator('li').allTextContents()).toEqual(['Slow CI 1 vote', 'Flaky tests '])
    expect(await page.locator('li:not(.results-cluster) li, li:not(.results-cluster)', { hasText: 'Pair more' }).count()).toBeGreaterThan(0)
    await page.screenshot({ path: screenshotPath('results-cluster.png') })
    await page.keyboard.press('Escape')

    // The SVG export draws the cluster's whole total on its frame, and each voted note's own.
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Export the board' })
    const [svg] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download SVG' }).click()])
    const text = fs.readFileSync((await svg.path())!, 'utf8')
    const badges = [...text.matchAll(/data-vote-total="(\d+)"/g)].map((m) => Number(m[1])).sort()
    expect(badges).toEqual([1, 1, 3])
    participant.destroy()
    ballot.destroy()
  })
})
