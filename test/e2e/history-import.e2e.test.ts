/**
 * Issue 5 in a real browser: a .tldr written by tldraw's own serializer imported into a new
 * board round-trips; a corrupt and an oversized file are refused with the server's message and
 * change nothing; a version restored from the history panel shows again and the later state
 * stays in the history; downloads; a rotated link is replaced in the UI and its page is told.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getRecordsMap, readAllRecords, writeRecord } from '../../shared/docLayout.js'
import { noteRecord } from '../../shared/notes.js'
import { positionInZone, readActivities } from '../../shared/activities/index.js'
import { connectProvider, createTestBoard, startTestServer, waitFor, waitForSync, type TestBoard } from '../helpers/server.js'
import { launchBrowser, openPage, screenshotPath, snapshotClientDist, type TestPage } from './helpers/browser.js'

/** Small on purpose, so that an "oversized" file is cheap to make. */
const MAX_HTTP_BODY_BYTES = 1_000_000

type ShapeLike = { type: string; x: number; y: number; rotation: number; props: Record<string, unknown> }

/** Shapes compared without ids, parents or page position: the import places them beside, under new ids. */
function normalize(shapes: ShapeLike[]): unknown[] {
  const minX = Math.min(...shapes.map((s) => s.x))
  const minY = Math.min(...shapes.map((s) => s.y))
  return shapes
    .map((s) => ({ type: s.type, dx: Math.round(s.x - minX), dy: Math.round(s.y - minY), rotation: s.rotation, props: s.props }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
}

function richText(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }
}

async function pageShapes(page: Page): Promise<ShapeLike[]> {
  return page.evaluate(() =>
    window.__editor!.getCurrentPageShapes().map((s) => ({ type: s.type, x: s.x, y: s.y, rotation: s.rotation, props: s.props as Record<string, unknown> })),
  )
}

async function pageShapeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__editor!.getCurrentPageShapes().map((s) => s.id).sort())
}

/** Opens a board link; answers the name prompt if this browser has no name yet; waits until online. */
async function joinBoard(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url)
  const prompt = page.getByLabel(/your name/i)
  await page.waitForFunction(
    () => window.__editor !== undefined || Array.from(document.querySelectorAll('label')).some((l) => /your name/i.test(l.textContent ?? '')),
    undefined,
    { timeout: 30_000 },
  )
  if (await prompt.isVisible()) {
    await prompt.fill(name)
    await prompt.press('Enter')
    await prompt.waitFor({ state: 'detached', timeout: 10_000 })
  }
  await page.waitForFunction(() => window.__editor !== undefined, undefined, { timeout: 30_000 })
  await page.locator('[data-status="online"]').waitFor({ timeout: 20_000 })
}

function tokenOf(link: string): string {
  return link.slice(link.indexOf('#') + 1)
}

describe('history, import and links in a real browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser
  let facilitator: TestPage
  let source: TestBoard
  /** The board made by importing the serialized source board. */
  let imported: { id: string; links: { facilitator: string; participant: string; viewer: string } }
  let sourceShapes: unknown[]

  const api = (p: string, token: string) => fetch(`${server.url}${p}`, { headers: { authorization: `Bearer ${token}` } })
  /** Shapes of a board as the server holds them (its .tldr export). */
  async function serverShapeCount(boardId: string, token: string): Promise<number> {
    const file = (await (await api(`/api/boards/${boardId}/export?format=tldr`, token)).json()) as { records: Array<{ typeName: string }> }
    return file.records.filter((r) => r.typeName === 'shape').length
  }

  beforeAll(async () => {
    server = await startTestServer({ CLIENT_DIST_DIR: process.env.E2E_CLIENT_DIST_DIR ?? snapshotClientDist(), MAX_HTTP_BODY_BYTES })
    browser = await launchBrowser()
    facilitator = await openPage(browser, server.url)
  }, 120_000)
  afterAll(async () => {
    await facilitator?.context.close()
    await browser?.close()
    await server?.close()
  })

  it('a .tldr written by tldraw’s own serializer imports into a new board from the lobby and round-trips', async () => {
    source = await createTestBoard(server.url, 'Sprint 12 retro')
    const { page } = facilitator
    await joinBoard(page, source.links.facilitator, 'Grace')
    await page.evaluate(
      ({ notes }) => {
        const editor = window.__editor!
        editor.createShapes([
          { type: 'note', x: 100, y: 120, props: { richText: notes[0], color: 'yellow' } },
          { type: 'note', x: 340, y: 120, props: { richText: notes[1], color: 'light-blue' } },
          { type: 'geo', x: 80, y: 400, props: { geo: 'rectangle', w: 420, h: 160, color: 'green', fill: 'semi' } },
          { type: 'text', x: 120, y: 60, props: { richText: notes[2] } },
        ] as never)
      },
      { notes: [richText('Ship smaller changes'), richText('Pair on reviews, "always"'), richText('What went well')] },
    )
    const file = await page.evaluate(() => window.__serializeTldraw!())
    const parsed = JSON.parse(file) as { tldrawFileFormatVersion: number; records: Array<ShapeLike & { typeName: string }> }
    expect(parsed.tldrawFileFormatVersion).toBe(1)
    sourceShapes = normalize(parsed.records.filter((r) => r.typeName === 'shape'))
    expect(sourceShapes).toHaveLength(4)

    // Lobby: import the file as a new board through the UI.
    await page.goto(`${server.url}/`)
    await page.getByLabel('.tldr file').setInputFiles({ name: 'sprint-12.tldr', mimeType: 'application/json', buffer: Buffer.from(file) })
    await page.getByLabel(/title of the new board/i).fill('Sprint 12 retro (imported)')
    await page.getByRole('button', { name: 'Import as a new board' }).click()
    const result = page.locator('.lobby-import .board-tools-result')
    await result.waitFor({ timeout: 20_000 })
    await expect.poll(() => result.textContent()).toContain('with 4 items')
    const links = await result.locator('code').allTextContents()
    expect(links).toHaveLength(3)
    // It joined "my boards" with its three links.
    await expect.poll(() => page.locator('.my-boards li').filter({ hasText: 'Sprint 12 retro (imported)' }).count()).toBe(1)
    await page.screenshot({ path: screenshotPath('import-lobby-done.png') })

    const href = await result.getByRole('link', { name: 'Open the board' }).getAttribute('href')
    const id = /\/b\/([^#]+)#/.exec(href!)![1]!
    imported = { id, links: { facilitator: links[0]!, participant: links[1]!, viewer: links[2]! } }
    await joinBoard(page, href!, 'Grace')
    await page.waitForFunction(() => window.__editor!.getCurrentPageShapes().length === 4, undefined, { timeout: 15_000 })
    expect(normalize(await pageShapes(page))).toEqual(sourceShapes)
    await page.screenshot({ path: screenshotPath('import-round-trip-board.png') })
  })

  it('a corrupt or oversized .tldr is refused with the server’s message and the board is unchanged', async () => {
    const { page } = facilitator
    const before = await pageShapeIds(page)
    const token = tokenOf(imported.links.facilitator)
    expect(await serverShapeCount(imported.id, token)).toBe(4)

    await page.getByRole('button', { name: 'Import', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Bring content in' })
    await dialog.waitFor()
    const fixture = path.resolve('test/fixtures/corrupt.tldr')
    await dialog.getByLabel('.tldr file').setInputFiles(fixture)
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
    const alert = dialog.getByRole('alert')
    await alert.waitFor({ timeout: 15_000 })
    expect(await alert.textContent()).toBe('The file was not imported: the file contains records that tldraw rejects')
    await page.screenshot({ path: screenshotPath('import-corrupt-refused.png') })

    // Oversized: past the server's body limit, refused before it is parsed.
    const big = JSON.stringify({ tldrawFileFormatVersion: 1, padding: 'x'.repeat(MAX_HTTP_BODY_BYTES + 10_000) })
    await dialog.getByLabel('.tldr file').setInputFiles({ name: 'huge.tldr', mimeType: 'application/json', buffer: Buffer.from(big) })
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toBe(`The file was not imported: request body is larger than ${MAX_HTTP_BODY_BYTES} bytes`)
    await dialog.getByRole('button', { name: 'Close' }).click()
    await dialog.waitFor({ state: 'detached' })

    // Nothing changed, in this page or on the server.
    await page.waitForTimeout(500)
    expect(await pageShapeIds(page)).toEqual(before)
    expect(await serverShapeCount(imported.id, token)).toBe(4)

    // The lobby refuses it too, and "my boards" does not grow.
    await page.goto(`${server.url}/`)
    const known = await page.locator('.my-boards li').count()
    await page.getByLabel('.tldr file').setInputFiles(fixture)
    await page.getByRole('button', { name: 'Import as a new board' }).click()
    await expect.poll(() => page.locator('.lobby-import [role="alert"]').textContent(), { timeout: 15_000 }).toContain('the file contains records that tldraw rejects')
    expect(await page.locator('.my-boards li').count()).toBe(known)
    await joinBoard(page, imported.links.facilitator, 'Grace')
  })

  it('[H2] restore from the history panel: the board shows the version again and the later state stays in the history', async () => {
    const { page } = facilitator
    const token = tokenOf(imported.links.facilitator)
    const original = normalize(await pageShapes(page))

    await page.getByRole('button', { name: 'History', exact: true }).click()
    const history = page.getByRole('dialog', { name: 'Board history' })
    await history.getByLabel('Label').fill('Before changes')
    await history.getByRole('button', { name: 'Save version' }).click()
    const saved = history.locator('.version-item').filter({ hasText: 'Before changes' })
    await saved.waitFor({ timeout: 15_000 })
    // Its preview draws the four shapes.
    await expect.poll(() => saved.locator('svg.version-preview').getAttribute('data-shapes'), { timeout: 15_000 }).toBe('4')
    await page.keyboard.press('Escape')
    await history.waitFor({ state: 'detached' })

    // Change the board: one shape deleted, one note added; wait until the server has both.
    await page.evaluate((text) => {
      const editor = window.__editor!
      const geo = editor.getCurrentPageShapes().find((s) => s.type === 'geo')!
      editor.deleteShapes([geo.id])
      editor.createShapes([{ type: 'note', x: 900, y: 900, props: { richText: text, color: 'red' } }] as never)
    }, richText('Added after the save'))
    await expect.poll(async () => {
      const file = (await (await api(`/api/boards/${imported.id}/export?format=tldr`, token)).json()) as { records: Array<{ typeName: string; type?: string }> }
      const shapes = file.records.filter((r) => r.typeName === 'shape')
      return shapes.some((s) => s.type === 'geo') ? 'geo still there' : shapes.length
    }, { timeout: 10_000 }).toBe(4)

    await page.getByRole('button', { name: 'History', exact: true }).click()
    await history.locator('.version-item').filter({ hasText: 'Before changes' }).getByRole('button', { name: /^Restore “Before changes”/ }).click()
    const confirm = page.getByRole('dialog', { name: 'Restore this version?' })
    await confirm.waitFor()
    expect(await confirm.textContent()).toContain('the current state is saved in the history first')
    // The safe answer has the focus.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel')
    await page.screenshot({ path: screenshotPath('history-restore-confirm.png') })
    await confirm.getByRole('button', { name: 'Restore', exact: true }).click()

    await page.waitForFunction(
      () => {
        const shapes = window.__editor!.getCurrentPageShapes()
        return shapes.some((s) => s.type === 'geo') && !shapes.some((s) => JSON.stringify(s.props).includes('Added after the save'))
      },
      undefined,
      { timeout: 15_000 },
    )
    expect(normalize(await pageShapes(page))).toEqual(original)
    await expect.poll(() => history.locator('.board-tools-status').textContent(), { timeout: 10_000 }).toContain('Restored “Before changes”')
    const labels = await history.locator('.version-label').allTextContents()
    expect(labels).toContain('Before changes')
    expect(labels).toContain('Before restore')
    expect(labels.some((l) => /^Restored version \d+$/.test(l))).toBe(true)
    // The later state is kept: "Before restore" still holds the added note and not the rectangle.
    const before = history.locator('.version-item').filter({ hasText: 'Before restore' })
    await expect.poll(() => before.locator('svg.version-preview').getAttribute('data-shapes'), { timeout: 15_000 }).toBe('4')
    const versionId = Number(await before.getAttribute('data-version'))
    const kept = (await (await api(`/api/boards/${imported.id}/versions/${versionId}`, token)).json()) as { board: Array<{ typeName: string; type?: string; props?: unknown }> }
    const keptShapes = kept.board.filter((r) => r.typeName === 'shape')
    expect(keptShapes.some((s) => JSON.stringify(s.props).includes('Added after the save'))).toBe(true)
    expect(keptShapes.some((s) => s.type === 'geo')).toBe(false)
    await page.screenshot({ path: screenshotPath('history-after-restore.png') })
    await page.keyboard.press('Escape')
    await history.waitFor({ state: 'detached' })

    // In French, the versions the server saved read in French; a typed label stays as typed.
    await page.getByLabel('Language').selectOption('fr')
    await page.getByRole('button', { name: 'Historique', exact: true }).click()
    const historique = page.getByRole('dialog', { name: 'Historique du tableau' })
    await expect.poll(() => historique.locator('.version-label').allTextContents(), { timeout: 10_000 }).toContain('Avant la restauration')
    const french = await historique.locator('.version-label').allTextContents()
    expect(french).toContain('Before changes')
    expect(french.some((l) => /^Version \d+ restaurée$/.test(l))).toBe(true)
    expect(french).not.toContain('Before restore')
    await page.keyboard.press('Escape')
    await page.getByLabel('Langue').selectOption('en')
  })

  it('downloads: CSV from the server with the token in a header, PNG from the browser; the report draws the current board itself', async () => {
    const { page } = facilitator
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Export the board' })
    await dialog.waitFor()
    await page.screenshot({ path: screenshotPath('export-dialog.png') })

    const [csv] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Notes (CSV)' }).click()])
    expect(csv.suggestedFilename()).toMatch(/^sprint-12-retro-imported-\d{4}-\d{2}-\d{2}\.csv$/)
    const csvText = fs.readFileSync((await csv.path())!, 'utf8')
    expect(csvText.split('\n')[0]).toMatch(/activity/i)

    const [png] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download PNG' }).click()])
    expect(png.suggestedFilename()).toMatch(/\.png$/)
    const bytes = fs.readFileSync((await png.path())!)
    expect(bytes.subarray(1, 4).toString()).toBe('PNG')
    await expect.poll(() => dialog.locator('.board-tools-status').textContent(), { timeout: 15_000 }).toContain('Downloaded')

    // The printable report's picture is the board as it is now, drawn by the server (SPEC T5):
    // the stored PNG is only a fallback for a board without shapes, so it is not what is shown.
    const report = await (await api(`/api/boards/${imported.id}/export?format=html`, tokenOf(imported.links.facilitator))).text()
    expect(report).toMatch(/<figure class="board"><svg[^>]*class="board-picture"/)
    expect(report).not.toContain('data:image/png;base64,')
    await page.keyboard.press('Escape')
  })

  it('[R5] rotating the participant link replaces it in the UI and in "my boards"; the page using it is told, not left reconnecting; rename and archive', async () => {
    const participant = await openPage(browser, server.url)
    try {
      await joinBoard(participant.page, imported.links.participant, 'Ada')
      // A participant sees exports and history, not the facilitator's tools.
      const tools = participant.page.getByRole('group', { name: 'Board tools' })
      expect(await tools.getByRole('button').allTextContents()).toEqual(['Export', 'History'])

      const { page } = facilitator
      await page.getByRole('button', { name: 'Links & settings' }).click()
      const dialog = page.getByRole('dialog', { name: 'Links and settings' })
      const participantRow = dialog.locator('li[data-role="participant"]')
      expect(await participantRow.locator('code').textContent()).toBe(imported.links.participant)
      await participantRow.getByRole('button', { name: 'Replace participant link' }).click()
      const confirm = page.getByRole('dialog', { name: 'Replace the participant link?' })
      await confirm.getByRole('button', { name: 'Replace the link' }).click()
      await expect.poll(() => participantRow.locator('code').textContent(), { timeout: 10_000 }).not.toBe(imported.links.participant)
      const newLink = (await participantRow.locator('code').textContent())!
      expect(newLink).toMatch(new RegExp(`/b/${imported.id}#`))
      const remembered = await page.evaluate(() => localStorage.getItem('canvas.myBoards') ?? '')
      expect(remembered).toContain(newLink)
      expect(remembered).not.toContain(imported.links.participant)

      await participant.page.getByRole('alert').filter({ hasText: 'This link was replaced by the facilitator' }).waitFor({ timeout: 10_000 })
      await participant.page.screenshot({ path: screenshotPath('link-revoked-participant.png') })
      await page.screenshot({ path: screenshotPath('links-settings-rotated.png') })
      expect((await api(`/api/boards/${imported.id}`, tokenOf(newLink))).status).toBe(200)
      // The revoked page says so and stops trying, instead of "reconnecting" for ever.
      await participant.page.locator('[data-status="closed"]').waitFor({ timeout: 10_000 })

      // Rename: the panel shows the new title at once; archive after a confirmation.
      await dialog.getByLabel('Board title').fill('Sprint 12 retro, final')
      await dialog.getByRole('button', { name: 'Rename' }).click()
      await page.locator('.board-title').filter({ hasText: 'Sprint 12 retro, final' }).waitFor({ timeout: 10_000 })
      await dialog.getByRole('button', { name: 'Archive the board' }).click()
      await page.getByRole('dialog', { name: 'Archive this board?' }).getByRole('button', { name: 'Archive the board' }).click()
      await dialog.getByRole('button', { name: 'Unarchive the board' }).waitFor({ timeout: 10_000 })
      const meta = (await (await api(`/api/boards/${imported.id}`, tokenOf(imported.links.facilitator))).json()) as { board: { title: string; archived: boolean } }
      expect(meta.board).toMatchObject({ title: 'Sprint 12 retro, final', archived: true })
      await page.keyboard.press('Escape')
    } finally {
      await participant.context.close()
    }
  })

  it('carry-over: in a new retrospective the facilitator picks an earlier board from "my boards" and its open actions come in', async () => {
    // The earlier retrospective, with one open and one done action, written by a raw Yjs client.
    const earlier = await createTestBoard(server.url, 'Sprint 11 retro', 'retro-start-stop-continue')
    const control = connectProvider(server.url, `${earlier.id}/control`, earlier.tokens.viewer)
    const writer = connectProvider(server.url, earlier.id, earlier.tokens.participant)
    try {
      await waitForSync(control)
      await waitFor(() => readActivities(readAllRecords(control.doc)).length === 1, 10_000, 'the retro template')
      const actions = readActivities(readAllRecords(control.doc))[0]!.zones.find((z) => z.meaning.kind === 'actions')!
      await waitForSync(writer)
      const a = positionInZone(actions, undefined, 0)
      const b = positionInZone(actions, undefined, 1)
      writer.doc.transact(() => {
        writeRecord(getRecordsMap(writer.doc), noteRecord({ id: 'shape:open1', text: 'Fix the flaky build', x: a.x, y: a.y, meta: { owner: 'Ana' } }))
        writeRecord(getRecordsMap(writer.doc), noteRecord({ id: 'shape:done1', text: 'Already done', x: b.x, y: b.y, meta: { status: 'done' } }))
      })
      await new Promise((r) => setTimeout(r, 300))
    } finally {
      control.destroy()
      writer.destroy()
    }

    const { page } = facilitator
    // This browser learns the earlier board by opening it once.
    await joinBoard(page, earlier.links.facilitator, 'Grace')
    const current = await createTestBoard(server.url, 'Sprint 12 retro, take two', 'retro-start-stop-continue')
    await joinBoard(page, current.links.facilitator, 'Grace')
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Bring content in' })
    await dialog.getByRole('heading', { name: 'Carry over open actions' }).waitFor({ timeout: 15_000 })
    await dialog.getByLabel('Earlier board').selectOption({ label: 'Sprint 11 retro' })
    await dialog.getByRole('button', { name: 'Carry over' }).click()
    await expect.poll(() => dialog.locator('.board-tools-status').last().textContent(), { timeout: 15_000 }).toBe('Carried over 1 open action.')
    await page.waitForFunction(
      () => window.__editor!.getCurrentPageShapes().some((s) => s.type === 'note' && JSON.stringify(s.props).includes('Fix the flaky build')),
      undefined,
      { timeout: 10_000 },
    )
    expect(await page.evaluate(() => window.__editor!.getCurrentPageShapes().some((s) => JSON.stringify(s.props).includes('Already done')))).toBe(false)
    await page.screenshot({ path: screenshotPath('carry-over-done.png') })
    await page.keyboard.press('Escape')
  })

})
