/**
 * The board report's picture is current (issue 16): drawn by the server from the board's shapes
 * at export time and placed right after the title, in HTML (inline SVG) and Markdown (an SVG
 * data URL). A note written by a raw client after a first export is in the next one.
 */
import { DefaultColorThemePalette, defaultColorNames } from '@tldraw/tlschema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NOTE_FILLS } from '../../server/reports/colors.js'
import { getRecordsMap, readAllRecords, writeRecord } from '../../shared/docLayout.js'
import { readActivities } from '../../shared/activities/index.js'
import { noteRecord } from '../../shared/notes.js'
import { connectProvider, createTestBoard, startTestServer, waitFor, waitForSync, type TestBoard } from '../helpers/server.js'
import { api, type Server } from '../spaces/support.js'

describe('the board picture in the report (issue 16)', () => {
  let server: Server
  let board: TestBoard
  beforeAll(async () => {
    server = await startTestServer()
    board = await createTestBoard(server.url, 'Picture <board>', 'retro-start-stop-continue')
  })
  afterAll(async () => {
    await server.close()
  })

  const html = async () => (await api(server, `/api/boards/${board.id}/export?format=html`, board.tokens.viewer)).text()
  const pictureOf = (page: string) => /<figure class="board">(<svg[\s\S]*?<\/svg>)<\/figure>/.exec(page)?.[1] ?? ''
  const count = (svg: string, kind: string) => svg.split(`data-kind="${kind}"`).length - 1

  it('is drawn from the shapes now, after the title, and follows the board', async () => {
    const participant = connectProvider(server.url, board.id, board.tokens.participant)
    const control = connectProvider(server.url, `${board.id}/control`, board.tokens.viewer)
    await Promise.all([waitForSync(participant), waitForSync(control)])
    await waitFor(() => readActivities(readAllRecords(control.doc)).length === 1)
    const start = readActivities(readAllRecords(control.doc))[0]!.zones.find((z) => z.key === 'start')!.bounds
    control.destroy()
    participant.doc.transact(() => {
      writeRecord(getRecordsMap(participant.doc), noteRecord({ id: 'one', text: 'Ship <smaller> batches', x: start.x + 20, y: start.y + 60 }))
    })
    await new Promise((r) => setTimeout(r, 300))

    const first = await html()
    // Right after the title (escaped), before anything else.
    expect(first).toMatch(/<h1[^>]*>Picture &lt;board&gt;<\/h1>\s*<figure class="board"><svg /)
    const svg = pictureOf(first)
    expect(svg).toContain('role="img"')
    expect(count(svg, 'frame')).toBe(1) // the retro's frame
    expect(count(svg, 'zone')).toBe(4) // Start, Stop, Continue, Actions
    expect(count(svg, 'note')).toBe(1)
    expect(svg).toContain('>Ship &lt;smaller&gt;</text>') // wrapped in the note: "Ship <smaller>" / "batches"
    expect(svg).toContain('>batches</text>')
    expect(svg).not.toContain('<smaller>')

    participant.doc.transact(() => {
      writeRecord(getRecordsMap(participant.doc), noteRecord({ id: 'two', text: 'Added later', x: start.x + 20, y: start.y + 300, color: 'blue' }))
    })
    await new Promise((r) => setTimeout(r, 300))
    writeRecord(getRecordsMap(participant.doc), noteRecord({ id: 'three', text: 'Default colour', x: start.x + 20, y: start.y + 540, color: 'black' }))
    await new Promise((r) => setTimeout(r, 300))
    const second = pictureOf(await html())
    expect(count(second, 'note')).toBe(3)
    expect(second).toContain('Added later')
    // Notes in the colours people saw on the board: tldraw's note fills (a "black" note is yellow).
    const noteFill = (text: string) => new RegExp(`<g data-kind="note"><rect [^>]*fill="(#[0-9a-f]{6})"[^>]*></rect><text[^>]*>${text}`).exec(second)?.[1]
    const tldrawNote = (color: 'yellow' | 'blue' | 'black') => DefaultColorThemePalette.lightMode[color].note.fill.toLowerCase()
    expect(noteFill('Ship &lt;smaller&gt;')).toBe(tldrawNote('yellow'))
    expect(noteFill('Added later')).toBe(tldrawNote('blue'))
    expect(noteFill('Default colour')).toBe(tldrawNote('black'))
    participant.destroy()

    const md = await (await api(server, `/api/boards/${board.id}/export?format=md`, board.tokens.viewer)).text()
    const [title, blank, image] = md.split('\n')
    expect([title, blank]).toEqual(['# Picture <board>', ''])
    expect(image).toMatch(/^!\[The board\]\(data:image\/svg\+xml;charset=utf-8,%3Csvg%20[^()\s]+\)$/)
    expect(decodeURIComponent(image!.slice(image!.indexOf(',') + 1, -1))).toContain('Added later')
  })

  it('a board with no shape has no picture', async () => {
    const empty = await createTestBoard(server.url, 'Empty')
    const page = await (await api(server, `/api/boards/${empty.id}/export?format=html`, empty.tokens.viewer)).text()
    expect(page).not.toContain('<figure class="board">')
  })

  it('draws every note colour as tldraw does', () => {
    for (const color of defaultColorNames) expect(NOTE_FILLS[color], color).toBe(DefaultColorThemePalette.lightMode[color].note.fill.toLowerCase())
  })
})
