/**
 * Opening a board asks the server once before its websockets open (issue 18): the lobby's answer
 * holds the board and the role when the link opens the board, so the page does not ask for them
 * again, one round trip sooner on a phone network. The board still opens with its title, the
 * link's role, and lands in "my boards"; a participant under admission still waits in the lobby.
 */
import { describe, expect, it } from 'vitest'
import { createTestBoard, waitFor } from '../helpers/server.js'
import { browserSuite, joinBoard } from './helpers/browser.js'

describe('opening a board (issue 18)', () => {
  const suite = browserSuite()

  it('asks only the lobby before connecting, then shows the board with its title and remembers it', async () => {
    const board = await createTestBoard(suite.url, 'Quarterly needs review')
    for (const [role, link] of [
      ['facilitator', board.links.facilitator],
      ['participant', board.links.participant],
    ] as const) {
      const { page } = await suite.newPage()
      const asked: string[] = []
      page.on('request', (request) => {
        const url = new URL(request.url())
        if (url.pathname.startsWith('/api/')) asked.push(`${request.method()} ${url.pathname}`)
      })
      page.on('websocket', (socket) => asked.push(`WS ${new URL(socket.url()).pathname}`))
      await joinBoard(page, link, 'Ada')
      const firstSocket = asked.indexOf(`WS /sync/${board.id}`)
      expect(firstSocket).toBeGreaterThan(0)
      const beforeSockets = asked.slice(0, firstSocket)
      expect(beforeSockets).toEqual([`GET /api/boards/${board.id}/lobby`])
      // Not asked later either: the page had what it needed.
      expect(asked).not.toContain(`GET /api/boards/${board.id}`)
      await expect.poll(() => page.title()).toContain('Quarterly needs review')
      const remembered = await page.evaluate(() => JSON.parse(localStorage.getItem('canvas.myBoards') ?? '[]') as Array<{ id: string; lastRole: string }>)
      expect(remembered).toEqual([expect.objectContaining({ id: board.id, lastRole: role })])
    }
  })

  it('downloads the fonts its shapes use, not all 16 of tldraw: a note in serif brings the serif face then', async () => {
    const board = await createTestBoard(suite.url, 'Fonts', 'retro-start-stop-continue')
    const { page } = await suite.newPage()
    const fonts: string[] = []
    page.on('request', (request) => {
      const file = new URL(request.url()).pathname.split('/').pop() ?? ''
      if (file.endsWith('.woff2')) fonts.push(file)
    })
    await joinBoard(page, board.links.participant, 'Ada')
    // A note, as a participant writes one (tldraw's default font: draw).
    const richText = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })
    await page.evaluate((props) => void window.__editor!.createShape({ type: 'note', x: 0, y: 0, props }), { richText: richText('Start: demos') })
    await expect.poll(() => page.evaluate(() => [...document.fonts].some((f) => f.family.includes('tldraw_draw') && f.status === 'loaded')), { timeout: 15_000 }).toBe(true)
    await page.waitForTimeout(1000)
    expect(fonts.some((f) => f.startsWith('Shantell_Sans-Informal_Regular.latin-'))).toBe(true)
    // tldraw would also have fetched serif, mono, and every bold and italic face (16 files).
    expect(fonts.filter((f) => /Serif|Mono|Italic|Bold/.test(f))).toEqual([])
    expect(fonts.length).toBeLessThanOrEqual(3)

    // A note switched to serif asks for the serif face when it renders.
    await page.evaluate((props) => void window.__editor!.createShape({ type: 'note', x: 300, y: 0, props }), { font: 'serif', richText: richText('In serif') })
    await waitFor(() => fonts.some((f) => f.startsWith('IBMPlexSerif-Medium-')), 15_000, 'the serif face, asked for by the serif note')
    expect(fonts.filter((f) => /Mono|Italic|Bold/.test(f))).toEqual([])
  })
})
