/**
 * Issue 15 in real Chromium: a 1-2-4-All plan run by one facilitator with four participants.
 * Notes are written privately, revealed when the pairs form; pairs then foursomes are formed by
 * the server from the people present and every page says who it is with; each round is timed.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createTestBoard } from '../helpers/server.js'
import { browserSuite, screenshotPath, type TestPage } from './helpers/browser.js'

const NAMES = ['Ann', 'Bo', 'Cy', 'Di'] as const

function noteTexts(page: Page): Promise<string> {
  return page.evaluate(() =>
    JSON.stringify(
      window
        .__editor!.getCurrentPageShapes()
        .filter((s) => s.type === 'note')
        .map((s) => (s.props as { richText?: unknown }).richText ?? ''),
    ),
  )
}

async function writeNote(page: Page, x: number, y: number, text: string): Promise<void> {
  await page.keyboard.press('Escape')
  await page.evaluate(() => {
    window.__editor!.setCamera({ x: 0, y: 0, z: 1 })
  })
  await page.locator('.tl-canvas').click({ position: { x: 900, y: 650 } })
  await page.keyboard.press('n')
  await page.mouse.click(x, y)
  await page.waitForFunction(() => window.__editor!.getEditingShapeId() !== null, undefined, { timeout: 30_000 })
  await page.waitForTimeout(200)
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
  await page.waitForFunction((t) => JSON.stringify(window.__editor!.getCurrentPageShapes()).includes(t), text, { timeout: 30_000 })
}

const planButton = (page: Page, name: string) => page.getByTestId('plan-panel').getByRole('button', { name, exact: true })
const statusOf = (page: Page) => page.getByTestId('plan-status').textContent()
const groupOf = (page: Page) => page.getByTestId('plan-group').textContent()
/** The names after "You are with" ("Di, Cy, and Bo" → Bo, Cy, Di). */
const namesWith = (text: string) => (/You are with (.+)$/.exec(text)?.[1] ?? '').split(/,\s*(?:and\s+)?|\s+and\s+/).filter(Boolean).sort()

/** Seconds left as the plan bar says "m:ss left". */
async function secondsLeft(page: Page): Promise<number> {
  const m = /(\d+):(\d\d) left/.exec((await statusOf(page)) ?? '')
  return m ? Number(m[1]) * 60 + Number(m[2]) : -1
}

describe('running a workshop plan in a real browser (issue 15)', () => {
  const suite = browserSuite({ pageTimeoutMs: 120_000, join: { promptMs: 120_000, editorMs: 120_000, onlineMs: 60_000 } })

  it('1-2-4-All: private notes revealed, pairs then foursomes formed and shown, every round timed', async () => {
    const board = await createTestBoard(suite.url, 'Welcoming newcomers')
    const grace = await suite.open(board.links.facilitator, 'Grace')
    const people: TestPage[] = []
    for (const name of NAMES) people.push(await suite.open(board.links.participant, name))
    const everyone = [grace, ...people]

    // The facilitator picks the ready-made plan; participants have no plan panel.
    await grace.page.getByTestId('plan-choice').selectOption('1-2-4-all')
    await planButton(grace.page, 'Use this plan').click()
    for (const { page } of everyone) await expect.poll(() => statusOf(page), { timeout: 60_000 }).toContain('1-2-4-All (12 min), not started')
    for (const { page } of people) expect(await page.getByTestId('plan-panel').count()).toBe(0)
    // The picker now offers to replace the plan, with another one than it runs (it kept proposing the plan just loaded).
    await expect.poll(() => grace.page.getByLabel('Replace with a ready-made plan').count(), { timeout: 10_000 }).toBe(1)
    expect(await grace.page.getByTestId('plan-choice').inputValue()).not.toBe('1-2-4-all')

    // Start: alone, 1 minute, private writing.
    await planButton(grace.page, 'Start').click()
    for (const { page } of everyone) await expect.poll(() => statusOf(page), { timeout: 60_000 }).toMatch(/^Step 1 of 1 · 1-2-4-All · Write privately · 0:[0-5]\d left · Next: Pairs/)
    await expect.poll(() => grace.page.getByTestId('plan-notes').textContent(), { timeout: 30_000 }).toContain('Ask the question first')
    for (const { page } of people) await page.getByTestId('private-on').waitFor({ timeout: 60_000 })
    await writeNote(people[0]!.page, 560, 330, 'Ann buddy system')
    await writeNote(people[1]!.page, 820, 330, 'Bo welcome lunch')
    // Written privately: not on anyone else's page.
    await people[2]!.page.waitForTimeout(1000)
    for (const { page } of [grace, people[2]!, people[3]!]) expect(await noteTexts(page)).not.toContain('Ann buddy system')
    await people[0]!.page.screenshot({ path: screenshotPath('plan-1-alone-ann.png') })
    await grace.page.screenshot({ path: screenshotPath('plan-1-alone-facilitator.png') })

    // Next: pairs, 2 minutes; notes revealed; each page says who it is with.
    await planButton(grace.page, 'Next').click()
    for (const { page } of everyone) {
      await expect.poll(() => noteTexts(page), { timeout: 60_000 }).toContain('Ann buddy system')
      await expect.poll(() => noteTexts(page), { timeout: 60_000 }).toContain('Bo welcome lunch')
    }
    const partnerOf = new Map<string, string>()
    for (const [i, { page }] of people.entries()) {
      await expect.poll(() => groupOf(page), { timeout: 60_000 }).toMatch(/You are with \w+$/)
      partnerOf.set(NAMES[i]!, /You are with (\w+)$/.exec((await groupOf(page)) ?? '')![1]!)
      expect(await secondsLeft(page)).toBeGreaterThan(100)
      expect(await secondsLeft(page)).toBeLessThanOrEqual(120)
    }
    for (const name of NAMES) expect(partnerOf.get(partnerOf.get(name)!)).toBe(name)
    console.log(`[plan] pairs: ${JSON.stringify(Object.fromEntries(partnerOf))}`)
    await people[0]!.page.screenshot({ path: screenshotPath('plan-2-pairs-ann.png') })

    // Next: foursomes, 4 minutes: everyone with the three others.
    await planButton(grace.page, 'Next').click()
    for (const [i, { page }] of people.entries()) {
      const others = NAMES.filter((n) => n !== NAMES[i])
      await expect.poll(async () => namesWith((await groupOf(page)) ?? ''), { timeout: 60_000 }).toEqual([...others].sort())
      expect(await secondsLeft(page)).toBeGreaterThan(220)
      expect(await secondsLeft(page)).toBeLessThanOrEqual(240)
    }
    await people[3]!.page.screenshot({ path: screenshotPath('plan-3-foursome-di.png') })

    // Next: all together, 5 minutes; no groups any more.
    await planButton(grace.page, 'Next').click()
    for (const { page } of people) {
      await expect.poll(() => statusOf(page), { timeout: 60_000 }).toContain('All together')
      await expect.poll(() => page.getByTestId('plan-group').count(), { timeout: 60_000 }).toBe(0)
      expect(await secondsLeft(page)).toBeGreaterThan(280)
    }
    await grace.page.screenshot({ path: screenshotPath('plan-4-all-facilitator.png') })
    await planButton(grace.page, 'Next').click()
    for (const { page } of everyone) await expect.poll(() => statusOf(page), { timeout: 60_000 }).toBe('Plan finished')
  }, 600_000)
})
