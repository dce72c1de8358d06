/**
 * Issue 13 in real Chromium: three participants take seats of a talking circle from the panel,
 * the facilitator starts the piece, its holder passes it, and every page draws the star on the
 * new holder's seat (measured on the drawn shapes, not read from the panel). A participant who
 * does not hold the piece has no pass control, and the server refuses them (403).
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createTestBoard } from '../helpers/server.js'
import { browserSuite, enterName, screenshotPath, waitForEditor, type TestPage } from './helpers/browser.js'
import { rawBoard } from './helpers/rawBoard.js'

type Rect = { x: number; y: number; width: number; height: number }

/** The screen rectangles tldraw drew for the star and for seat `seat` of the page's circle. */
function drawn(page: Page, seat: number): Promise<{ star: Rect | null; seat: Rect | null }> {
  return page.evaluate((n) => {
    const editor = window.__editor!
    type Meta = { activity?: { role?: string; meaning?: { kind?: string; seat?: number } } }
    const shapes = editor.getCurrentPageShapes()
    const star = shapes.find((s) => (s.meta as Meta).activity?.role === 'token')
    const seatShape = shapes.find((s) => (s.meta as Meta).activity?.meaning?.kind === 'seat' && (s.meta as Meta).activity?.meaning?.seat === n)
    const rect = (id: string | undefined) => {
      const el = id ? document.querySelector(`.tl-shape[data-shape-id="${id}"]`) : null
      if (!el) return null
      const r = el.getBoundingClientRect()
      return { x: r.x, y: r.y, width: r.width, height: r.height }
    }
    return { star: rect(star?.id), seat: rect(seatShape?.id) }
  }, seat)
}

/** Whether the drawn star's centre lies inside the drawn seat's ellipse. */
async function starDrawnOn(page: Page, seat: number): Promise<boolean> {
  const { star, seat: s } = await drawn(page, seat)
  if (!star || !s) return false
  const dx = star.x + star.width / 2 - (s.x + s.width / 2)
  const dy = star.y + star.height / 2 - (s.y + s.height / 2)
  return (dx / (s.width / 2)) ** 2 + (dy / (s.height / 2)) ** 2 < 1
}

describe('a talking circle run as its card says (issue 13)', () => {
  const suite = browserSuite({ pageTimeoutMs: 120_000 })
  const open = async (url: string, name: string): Promise<TestPage> => {
    const p = await suite.newPage()
    await p.page.goto(url)
    await enterName(p.page, name)
    await waitForEditor(p.page, 120_000)
    await p.page.locator('[data-status="online"]').waitFor({ timeout: 60_000 })
    await p.page.getByTestId('facilitation-dock').waitFor({ timeout: 60_000 })
    return p
  }

  it('three people take seats, the holder passes, every page draws the star on the new holder’s seat', async () => {
    const board = await createTestBoard(suite.url, 'Circle')
    const added = await fetch(`${suite.url}/api/boards/${board.id}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${board.tokens.facilitator}` },
      body: JSON.stringify({ template: 'talking-circle', participants: [] }),
    })
    expect(added.status).toBe(201)
    const activityId = ((await added.json()) as { activity: { instanceId: string } }).activity.instanceId
    const grace = await open(board.links.facilitator, 'Grace')
    const people: Array<[string, TestPage]> = []
    for (const name of ['Ada', 'Bo', 'Cy']) people.push([name, await open(board.links.participant, name)])

    // Each takes the first free seat, in turn: Ada 1, Bo 2, Cy 3.
    for (const [i, [, p]] of people.entries()) {
      const dock = p.page.getByTestId('facilitation-dock')
      await expect.poll(() => dock.getByTestId('seat-choice').inputValue(), { timeout: 30_000 }).toBe(String(i + 1))
      await dock.getByRole('button', { name: 'Take a seat' }).click()
      await dock.getByTestId('my-seat').getByText(`You sit on seat ${i + 1}.`).waitFor({ timeout: 30_000 })
    }
    // Nobody holds the piece yet: no participant can pass.
    for (const [, p] of people) expect(await p.page.getByRole('button', { name: 'Pass to the next seat' }).count()).toBe(0)
    await grace.page.getByTestId('facilitation-dock').getByRole('button', { name: 'Give it to seat 1' }).click()
    const ada = people[0]![1]
    const bo = people[1]![1]
    const passButton = (p: TestPage) => p.page.getByTestId('facilitation-dock').getByRole('button', { name: 'Pass to the next seat' })
    await passButton(ada).waitFor({ timeout: 30_000 })
    // Bo does not hold it: no control on his page, and the server refuses him.
    expect(await passButton(bo).count()).toBe(0)
    // Bo's own private doc id (the proof of who he is), as his browser keeps it.
    const boId = await bo.page.evaluate((id) => localStorage.getItem(`canvas.participant.${id}`), board.id)
    expect(boId).toMatch(/^[A-Za-z0-9_-]{16,64}$/)
    const refused = await fetch(`${suite.url}/api/boards/${board.id}/facilitation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${board.tokens.participant}` },
      body: JSON.stringify({ action: 'passTalkingPiece', activityId, participantId: boId }),
    })
    expect(refused.status).toBe(403)

    const everyone = [grace, ...people.map(([, p]) => p)]
    for (const p of everyone) {
      await p.page.evaluate(() => {
        window.__editor!.zoomToFit({ animation: { duration: 0 } })
      })
    }
    for (const p of everyone) await expect.poll(() => starDrawnOn(p.page, 1), { timeout: 30_000 }).toBe(true)
    await passButton(ada).click()
    for (const p of everyone) {
      await expect.poll(() => starDrawnOn(p.page, 2), { timeout: 30_000 }).toBe(true)
      expect(await starDrawnOn(p.page, 1)).toBe(false)
    }
    await passButton(bo).waitFor({ timeout: 30_000 })
    await expect.poll(() => passButton(ada).count(), { timeout: 30_000 }).toBe(0)
    await grace.page.screenshot({ path: screenshotPath('circle-star-on-seat-2-facilitator.png') })
    await people[2]![1].page.screenshot({ path: screenshotPath('circle-star-on-seat-2-participant.png') })
    for (const p of everyone) expect(p.errors.filter((e) => !/favicon/.test(e))).toEqual([])
  }, 300_000)

  it('the lobby asks for the same options as "Add activity": a talking circle created there has the named seats and one round per prompt', async () => {
    const p = await suite.newPage()
    await p.page.goto(suite.url)
    await p.page.getByRole('radio', { name: /^Talking circle/ }).check()
    await p.page.getByLabel('Participants, one per line, in seat order').fill('Ada\nBo\nCy')
    await p.page.getByTestId('activity-prompts').fill('What brought you here today?\nWhat will you take with you, and why?')
    await p.page.getByLabel('Board title').fill('Circle from the lobby')
    await p.page.screenshot({ path: screenshotPath('circle-lobby-options.png') })
    await p.page.getByRole('button', { name: 'Create board' }).click()
    const dialog = p.page.getByRole('dialog', { name: /Circle from the lobby/ })
    await dialog.waitFor({ timeout: 15_000 })
    const links = Object.fromEntries(
      await Promise.all(['facilitator', 'participant', 'viewer'].map(async (role) => [role, (await dialog.locator(`li[data-role="${role}"] code`).textContent())!] as const)),
    ) as { facilitator: string; participant: string; viewer: string }
    const token = (link: string) => link.split('#')[1]!
    const id = new URL(links.facilitator).pathname.split('/')[2]!
    const raw = await rawBoard(suite.url, { id, title: '', links, tokens: { facilitator: token(links.facilitator), participant: token(links.participant), viewer: token(links.viewer) } })
    try {
      await expect.poll(() => raw.activities().length, { timeout: 15_000 }).toBe(1)
      const zones = raw.activities()[0]!.zones
      expect(zones.flatMap((z) => (z.meaning.kind === 'seat' ? [z.meaning.participant] : []))).toEqual(['Ada', 'Bo', 'Cy'])
      expect(zones.flatMap((z) => (z.meaning.kind === 'round' && z.meaning.part === 'prompt' ? [z.meaning.prompt] : []))).toEqual([
        'What brought you here today?',
        'What will you take with you, and why?',
      ])
    } finally {
      raw.close()
    }
    // The form is cleared, the prompts too.
    await dialog.getByRole('button', { name: 'Close' }).click()
    await dialog.waitFor({ state: 'detached' })
    await p.page.getByRole('radio', { name: /^Talking circle/ }).check()
    expect(await p.page.getByTestId('activity-prompts').inputValue()).toBe('')
  }, 180_000)
})
