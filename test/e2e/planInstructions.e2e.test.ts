/**
 * The instructions people read follow the plan: a participant's panel and the projector show
 * the current step's activity, not the board's first one, in real Chromium. A participant who
 * picks another activity keeps it until the plan moves on.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { getTemplate, localizeText } from '../../shared/activities/index.js'
import { NEEDS_AND_RISK_PLAN } from '../../shared/plans/workshops.js'
import { READABLE_ZOOM } from '../../client/board/viewFit.js'
import { browserSuite, enterName, screenshotPath, waitForEditor } from './helpers/browser.js'

type Created = { board: { id: string }; links: { facilitator: string; participant: string; viewer: string } }

const step = (id: string) => NEEDS_AND_RISK_PLAN.steps.find((s) => s.id === id)!

/** Whether the middle of the page's view is on the activity frame named `name`. */
function frameInView(page: Page, name: string): Promise<boolean> {
  return page.evaluate((frameName) => {
    const editor = window.__editor!
    const frame = editor.getCurrentPageShapes().find((s) => s.type === 'frame' && (s.props as { name?: string }).name === frameName)
    const box = frame ? editor.getShapePageBounds(frame.id) : null
    const view = editor.getViewportPageBounds()
    return !!box && view.center.x > box.minX && view.center.x < box.maxX && view.center.y > box.minY && view.center.y < box.maxY
  }, name)
}

/** Whether the page's view holds the whole activity frame named `name`. */
function frameWhollyInView(page: Page, name: string): Promise<boolean> {
  return page.evaluate((frameName) => {
    const editor = window.__editor!
    const frame = editor.getCurrentPageShapes().find((s) => s.type === 'frame' && (s.props as { name?: string }).name === frameName)
    const box = frame ? editor.getShapePageBounds(frame.id) : null
    return !!box && editor.getViewportPageBounds().contains(box)
  }, name)
}

describe('instructions that follow the plan', () => {
  const suite = browserSuite({ pageTimeoutMs: 60_000 })

  const token = (link: string) => link.slice(link.indexOf('#') + 1)

  /** A board set up with the half-day plan, and a way to run its plan as the facilitator would. */
  async function plannedBoard(): Promise<{ created: Created; act: (action: string) => Promise<void> }> {
    const res = await fetch(`${suite.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Needs and risks', plan: NEEDS_AND_RISK_PLAN.id, locale: 'en' }),
    })
    expect(res.status).toBe(201)
    const created = (await res.json()) as Created
    const act = async (action: string) => {
      const answer = await fetch(`${suite.url}/api/boards/${created.board.id}/plan`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token(created.links.facilitator)}` },
        body: JSON.stringify({ action }),
      })
      expect(answer.status).toBe(200)
    }
    return { created, act }
  }

  it('a participant and the projector read the current step’s instructions; a choice holds until the next step', async () => {
    const { created, act } = await plannedBoard()

    const ada = await suite.open(created.links.participant, 'Ada')
    const instructions = ada.page.getByTestId('instructions')
    const projector = await suite.newPage()
    await projector.page.goto(`${suite.url}/b/${created.board.id}?present=nobody#${token(created.links.viewer)}`)
    const projected = projector.page.getByTestId('present-instructions')
    await ada.page.waitForFunction(() => window.__editor!.getCurrentPageShapes().some((s) => s.type === 'frame'))
    expect(await frameInView(ada.page, 'Needs')).toBe(false)
    // Cy is on a phone.
    const phoneContext = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })
    const cy = await phoneContext.newPage()
    await cy.goto(created.links.participant)
    await enterName(cy, 'Cy')
    await waitForEditor(cy)
    await cy.waitForFunction(() => window.__editor!.getCurrentPageShapes().some((s) => s.type === 'frame'))

    // Not started: the first step's activity (the one the room is about to do), with its template's instructions.
    const gridInstructions = localizeText(getTemplate('power-interest-grid')!.instructions, 'en')
    await expect.poll(() => instructions.textContent(), { timeout: 30_000 }).toBe(gridInstructions)
    await expect.poll(() => projected.textContent(), { timeout: 30_000 }).toBe(gridInstructions)
    // The projector follows nobody here: it shows the plan's activity whole (it showed the page's
    // origin at 100 %, a corner of the board).
    await expect.poll(() => frameWhollyInView(projector.page, 'Who is concerned'), { timeout: 10_000 }).toBe(true)

    // The plan starts, then skips to the needs step: both follow.
    await act('start')
    await act('skip')
    await expect.poll(() => instructions.textContent(), { timeout: 30_000 }).toBe(step('needs').instructions!.en)
    await expect.poll(() => projected.textContent(), { timeout: 30_000 }).toBe(step('needs').instructions!.en)
    await expect.poll(() => frameWhollyInView(projector.page, 'Needs'), { timeout: 10_000 }).toBe(true)
    // Every page goes to the new step's activity (Ada was not writing nor following anyone),
    // and a page opened now opens on it.
    await expect.poll(() => frameInView(ada.page, 'Needs'), { timeout: 10_000 }).toBe(true)
    // On the phone too, and readable there: the step's activity opened whole at the phone's width
    // (zoom 0.2, its notes' text 4 px high); it now opens from its start at a readable zoom, as a board opens.
    await expect.poll(() => frameInView(cy, 'Needs'), { timeout: 10_000 }).toBe(true)
    await expect.poll(() => cy.evaluate(() => window.__editor!.getZoomLevel()), { timeout: 5_000 }).toBeGreaterThanOrEqual(READABLE_ZOOM)
    // Its top (the activity's instructions, and its title, drawn above the frame) is not under the plan bar.
    const frameTop = await cy.evaluate(() => {
      const editor = window.__editor!
      const frame = editor.getCurrentPageShapes().find((s) => s.type === 'frame' && (s.props as { name?: string }).name === 'Needs')!
      return editor.pageToViewport(editor.getShapePageBounds(frame.id)!.point).y + editor.getViewportScreenBounds().y
    })
    const barBottom = await cy.getByTestId('plan-bar').evaluate((el) => el.getBoundingClientRect().bottom)
    expect(frameTop).toBeGreaterThanOrEqual(barBottom + 20)
    await cy.screenshot({ path: screenshotPath('plan-step-phone.png') })
    await phoneContext.close()
    const bo = await suite.open(created.links.participant, 'Bo')
    await bo.page.waitForFunction(() => window.__editor!.getCurrentPageShapes().some((s) => s.type === 'frame'))
    await expect.poll(() => frameInView(bo.page, 'Needs'), { timeout: 10_000 }).toBe(true)
    // A screen reader hears the plan move, not its clock tick: the bar is not a live region; a
    // hidden live line without the time changes only with the step or phase.
    const bar = ada.page.getByTestId('plan-bar')
    expect([await bar.getAttribute('role'), await bar.getAttribute('aria-live')]).toEqual(['group', null])
    const live = ada.page.getByTestId('plan-live')
    expect(await live.getAttribute('aria-live')).toBe('polite')
    const [liveBefore, shownBefore] = [await live.textContent(), await ada.page.getByTestId('plan-status').textContent()]
    expect(liveBefore).toBe('Step 2 of 6 · Needs · Write privately')
    await expect.poll(() => ada.page.getByTestId('plan-status').textContent(), { timeout: 5_000 }).not.toBe(shownBefore)
    expect(await live.textContent()).toBe(liveBefore)
    // The room also reads where the plan is.
    expect(await projector.page.getByTestId('present-plan').textContent()).toMatch(/^Step 2 of 6 · Needs · Write privately · 1[45]:\d\d left · Next: Reveal$/)
    await projector.page.screenshot({ path: screenshotPath('plan-instructions-projector.png') })

    // Ada looks back at the first activity: it stays while the plan is on the same step...
    const picker = ada.page.getByLabel('Activity', { exact: true })
    const first = await picker.locator('option').first().getAttribute('value')
    await picker.selectOption(first!)
    await expect.poll(() => instructions.textContent()).toBe(step('stakeholders').instructions!.en)
    await act('next')
    await ada.page.waitForTimeout(500)
    expect(await instructions.textContent()).toBe(step('stakeholders').instructions!.en)
    // ...and the next step with an activity brings her back to the plan (the break has none).
    await act('skip')
    await act('skip')
    await expect.poll(() => instructions.textContent(), { timeout: 30_000 }).toBe(step('empathy').instructions!.en)
    await expect.poll(() => projected.textContent(), { timeout: 30_000 }).toBe(step('empathy').instructions!.en)
    expect(ada.errors).toEqual([])
  }, 180_000)

  it('the facilitator’s edit of the instructions lands on the activity it was started on, even when the plan moves meanwhile', async () => {
    const { created, act } = await plannedBoard()
    const grace = await suite.open(created.links.facilitator, 'Grace')
    const ada = await suite.open(created.links.participant, 'Ada')
    await act('start')
    await expect.poll(() => frameInView(grace.page, 'Who is concerned'), { timeout: 10_000 }).toBe(true)
    await grace.page.getByRole('button', { name: 'Edit instructions' }).click()
    // Keyboard from here: the field has focus.
    await expect.poll(() => grace.page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA')
    await grace.page.keyboard.press('ControlOrMeta+a')
    await grace.page.keyboard.type('Name who holds power here, and who cares.')
    await act('skip') // the plan moves to the needs step while Grace types
    await expect.poll(() => ada.page.getByTestId('instructions').textContent(), { timeout: 30_000 }).toBe(step('needs').instructions!.en)
    // The plan took the facilitator's own view to the new step too (the projector follows it);
    // typing in the panel is not writing on the board.
    await expect.poll(() => frameInView(grace.page, 'Needs'), { timeout: 10_000 }).toBe(true)
    await grace.page.keyboard.press('ControlOrMeta+Enter')
    // Saved on the stakeholder grid, not on the needs map the plan moved to.
    await expect.poll(() => grace.page.getByTestId('instructions').textContent(), { timeout: 30_000 }).toBe(step('needs').instructions!.en)
    const picker = ada.page.getByLabel('Activity', { exact: true })
    await picker.selectOption((await picker.locator('option').first().getAttribute('value'))!)
    await expect.poll(() => ada.page.getByTestId('instructions').textContent(), { timeout: 30_000 }).toBe('Name who holds power here, and who cares.')
    expect([...grace.errors, ...ada.errors]).toEqual([])
  }, 180_000)
})
