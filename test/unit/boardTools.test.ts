/**
 * The board tools' pure parts: the history preview drawn from a version's records, the file
 * name of a download, the boards offered for carry-over, the revoked-link check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attachmentName, tokenOfLink } from '../../client/api/boards'
import { earlierBoards } from '../../client/board/tools/carryOverCandidates'
import { fileNameFor } from '../../client/board/tools/download'
import { linkStillValid, revocationCheck } from '../../client/board/tools/linkRevocation'
import { buildPreview } from '../../client/board/tools/versionPreview'
import { noteRecord } from '../../shared/notes'
import type { JsonRecord } from '../../shared/docLayout'
import { createTestBoard, startTestServer, waitFor } from '../helpers/server'

const page = { id: 'page:page', typeName: 'page', name: 'Page 1', index: 'a1', meta: {} }
const frame: JsonRecord = {
  id: 'shape:frame',
  typeName: 'shape',
  type: 'frame',
  parentId: 'page:page',
  x: 1000,
  y: 500,
  rotation: 0,
  props: { w: 600, h: 400, name: 'Went well' },
}

describe('version preview', () => {
  it('places each shape at its page position, children of frames included, frames under notes', () => {
    const onPage = noteRecord({ id: 'shape:a', text: 'On the page', x: 10, y: 20, color: 'yellow' })
    const inFrame = { ...noteRecord({ id: 'shape:b', text: 'In the frame', x: 50, y: 60, color: 'blue' }), parentId: 'shape:frame' }
    const preview = buildPreview([page, inFrame, frame, onPage] as JsonRecord[])
    expect(preview.shapes.map((s) => s.id)).toEqual(['shape:frame', 'shape:b', 'shape:a'])
    const b = preview.shapes.find((s) => s.id === 'shape:b')!
    expect([b.x, b.y, b.w, b.h]).toEqual([1050, 560, 200, 200])
    expect(b.fill).toBe('#4465e9')
    const a = preview.shapes.find((s) => s.id === 'shape:a')!
    expect(a.fill).toBe('#f1ac4b')
    // The view box holds every shape.
    const v = preview.viewBox
    expect(v.x).toBeLessThan(10)
    expect(v.y).toBeLessThan(20)
    expect(v.x + v.w).toBeGreaterThan(1600)
    expect(v.y + v.h).toBeGreaterThan(900)
  })

  it('leaves out shapes of other pages and records that are not shapes; an empty version still has a view box', () => {
    const other = { ...noteRecord({ id: 'shape:c', text: 'Elsewhere', x: 0, y: 0 }), parentId: 'page:other' }
    expect(buildPreview([page, other] as JsonRecord[]).shapes).toEqual([])
    expect(buildPreview([]).viewBox.w).toBeGreaterThan(0)
  })
})

describe('downloads', () => {
  it.each([
    ['attachment; filename="retro-2026-01-02.csv"', 'retro-2026-01-02.csv'],
    ['attachment; filename=report.md', 'report.md'],
    [null, 'board.json'],
    ['inline', 'board.json'],
  ])('file name from %j', (header, expected) => {
    expect(attachmentName(header, 'board.json')).toBe(expected)
  })

  it('a picture is named after the board and the day', () => {
    expect(fileNameFor('Sprint 12: Retro!', 'png', new Date('2026-03-04T10:00:00Z'))).toBe('sprint-12-retro-2026-03-04.png')
    expect(fileNameFor('Équipe', 'svg', new Date('2026-03-04T10:00:00Z'))).toBe('equipe-2026-03-04.svg')
    expect(fileNameFor('!!!', 'svg', new Date('2026-03-04T10:00:00Z'))).toBe('board-2026-03-04.svg')
  })
})

describe('carry-over candidates', () => {
  it('every other known board, with its most capable link', () => {
    const boards = [
      { id: 'now', title: 'This retro', links: { facilitator: 'http://h/b/now#F0' }, openedAt: 3 },
      { id: 'b1', title: 'Sprint 11', links: { participant: 'http://h/b/b1#P1', facilitator: 'http://h/b/b1#F1' }, openedAt: 2 },
      { id: 'b2', title: 'Sprint 10', links: { viewer: 'http://h/b/b2#V2' }, openedAt: 1 },
      { id: 'b3', title: 'No links', links: {}, openedAt: 0 },
    ]
    expect(earlierBoards(boards, 'now')).toEqual([
      { id: 'b1', title: 'Sprint 11', token: 'F1' },
      { id: 'b2', title: 'Sprint 10', token: 'V2' },
    ])
    expect(tokenOfLink('http://h/b/x#abc')).toBe('abc')
  })
})

describe('revoked link check, against a real server', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server?.close()
  })

  it('a valid token is valid; a rotated one is refused; an unreachable server says nothing', async () => {
    const board = await createTestBoard(server.url)
    expect(await linkStillValid(board.id, board.tokens.participant, server.url)).toBe(true)
    const rotated = await fetch(`${server.url}/api/boards/${board.id}/links/participant/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.tokens.facilitator}` },
    })
    expect(rotated.status).toBe(200)
    expect(await linkStillValid(board.id, board.tokens.participant, server.url)).toBe(false)
    expect(await linkStillValid(board.id, board.tokens.viewer, server.url)).toBe(true)
    expect(await linkStillValid(board.id, board.tokens.viewer, 'http://127.0.0.1:1')).toBeNull()
  })

  it('asks at most once per interval and reports a refusal once', async () => {
    const board = await createTestBoard(server.url)
    await fetch(`${server.url}/api/boards/${board.id}/links/viewer/rotate`, { method: 'POST', headers: { authorization: `Bearer ${board.tokens.facilitator}` } })
    const revoked: number[] = []
    const check = revocationCheck(board.id, board.tokens.viewer, () => revoked.push(Date.now()), server.url)
    check()
    check()
    await waitFor(() => revoked.length > 0, 5000, 'the refusal')
    check()
    await new Promise((r) => setTimeout(r, 300))
    expect(revoked).toHaveLength(1)
  })
})
