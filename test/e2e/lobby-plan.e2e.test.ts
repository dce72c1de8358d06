/**
 * The brief's first step, in real Chromium and in French: a facilitator picks the half-day
 * "Needs analysis and risk" plan in the lobby, creates the board, and finds it set up with the
 * plan's steps and activities. Keyboard only (Tab, arrows, typing, Enter).
 */
import { describe, expect, it } from 'vitest'
import { NEEDS_AND_RISK_PLAN } from '../../shared/plans/workshops.js'
import { browserSuite, screenshotPath } from './helpers/browser.js'

type PlanAnswer = { plan: { plan: { title: string; locale: string; steps: { title: { en: string; fr: string }; activity: { instanceId: string } | null }[] } } | null }

describe('starting a board from a ready-made plan in the lobby', () => {
  const suite = browserSuite()

  it('the half-day needs-and-risk plan, chosen with the keyboard, sets up the board in French', async () => {
    const { page } = await suite.newPage({ locale: 'fr-CA' })
    await page.goto(suite.url)
    const plans = page.getByTestId('lobby-plans')
    const card = plans.locator(`[data-plan="${NEEDS_AND_RISK_PLAN.id}"]`)
    await card.waitFor()
    expect(await card.textContent()).toContain(NEEDS_AND_RISK_PLAN.name.fr)

    // Keyboard: focus "No plan", then arrow through the radio group to the plan.
    await plans.getByRole('radio').first().focus()
    const radios = await plans.getByRole('radio').all()
    let steps = 0
    while (!(await card.getByRole('radio').isChecked())) {
      await page.keyboard.press('ArrowDown')
      if (++steps > radios.length) throw new Error('the plan card could not be reached with the arrow keys')
    }
    // The single-activity gallery steps aside: the plan brings its own activities.
    expect(await page.locator('.activity-gallery:not(.plan-picker)').count()).toBe(0)

    await page.keyboard.press('Tab')
    while (!(await page.evaluate(() => document.activeElement?.id === 'board-title'))) await page.keyboard.press('Tab')
    await page.keyboard.type('Atelier besoins et risques')
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    await page.screenshot({ path: screenshotPath('lobby-plan-created-fr.png') })
    const facilitatorLink = await dialog.locator('code, input').first().evaluate((e) => (e instanceof HTMLInputElement ? e.value : e.textContent ?? ''))
    const url = new URL(facilitatorLink)
    const boardId = url.pathname.split('/').pop() ?? ''
    const token = url.hash.slice(1)

    const res = await fetch(`${suite.url}/api/boards/${boardId}/plan`, { headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(200)
    const answer = (await res.json()) as PlanAnswer
    const plan = answer.plan?.plan
    expect(plan?.locale).toBe('fr')
    expect(plan?.steps.map((s) => s.title)).toEqual(NEEDS_AND_RISK_PLAN.steps.map((s) => s.title))
    // Every step that names an activity got one on the board.
    const withActivity = NEEDS_AND_RISK_PLAN.steps.filter((s) => s.activity).length
    expect(plan?.steps.filter((s) => s.activity).length).toBe(withActivity)

    // The form is cleared: no second board from a second Enter.
    await page.keyboard.press('Escape')
    expect(await page.locator('#board-title').inputValue()).toBe('')

    // The start page leads straight to the boards this browser knows, below the galleries: at
    // once, and when the facilitator comes back.
    const jump = page.getByTestId('lobby-jump')
    await jump.getByRole('link', { name: 'Mes tableaux (1)' }).waitFor()
    await page.reload()
    await jump.getByRole('link', { name: 'Mes tableaux (1)' }).focus()
    await page.keyboard.press('Enter')
    // In view (the page's end may stop it short of the top).
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name: 'Mes tableaux' }).evaluate((h) => h.getBoundingClientRect().top >= 0 && h.getBoundingClientRect().bottom <= innerHeight))
      .toBe(true)
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(1000)
    // The next Tab goes on from there: into the list of boards.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ouvrir comme animation')
    // Forgotten there, it is gone from the links too (one list for both).
    await page.getByRole('button', { name: 'Oublier « Atelier besoins et risques »' }).click()
    await expect.poll(() => jump.count()).toBe(0)
  })
})
