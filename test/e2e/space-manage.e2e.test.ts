/**
 * A team space run from the browser (issue 16): a facilitator creates the space in the lobby,
 * plans a session in it from a ready-made plan, brings in a board made elsewhere, renews the
 * member link (the old one stops at once); a member's page has no management tools.
 */
import { describe, expect, it } from 'vitest'
import { RETROSPECTIVE_PLAN } from '../../shared/plans/workshops.js'
import { createTestBoard } from '../helpers/server.js'
import { api } from '../spaces/support.js'
import { browserSuite, screenshotPath } from './helpers/browser.js'

type Session = { id: string; title: string; activities: string[] }
type Page = { overview: { sessions: Session[] } }
const tokenOf = (link: string) => link.slice(link.indexOf('#') + 1)

describe('creating and running a team space in the browser', () => {
  const suite = browserSuite({ snapshotClient: true, setupTimeoutMs: 60_000 })

  it('space created in the lobby, a planned session, a board brought in, a member link renewed', async () => {
    const server = { url: suite.url }
    const { page, errors } = await suite.newPage()
    await page.goto(suite.url)
    await page.getByLabel('Space name').fill('Digital services team')
    await page.getByRole('button', { name: 'Create space' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    const linkOf = async (role: string) => (await dialog.locator(`[data-testid="space-links"] li[data-role="${role}"] code`).textContent()) ?? ''
    const links = { facilitator: await linkOf('facilitator'), member: await linkOf('member'), viewer: await linkOf('viewer') }
    const spaceId = /\/s\/([^#]+)#/.exec(links.facilitator)?.[1] ?? ''
    expect(spaceId).not.toBe('')
    for (const [role, link] of Object.entries(links)) expect((await api(server, `/api/spaces/${spaceId}`, tokenOf(link))).status, role).toBe(200)

    // Remembered in this browser: the lobby lists it after a reload.
    await page.reload()
    await page.getByRole('link', { name: 'Open as space facilitator' }).waitFor()

    // Plan a session from the 60-minute retrospective plan.
    await page.goto(links.facilitator)
    await page.getByRole('heading', { level: 2, name: 'Plan and manage' }).waitFor({ timeout: 15_000 })
    // The admission toggle has its styles on the space page too (its stylesheet came only with
    // the board's People panel): each toggle its own row, the box and its words spaced.
    const admission = page.getByLabel(/^Admit people one by one/)
    expect(await page.locator('label', { has: admission }).evaluate((l) => getComputedStyle(l).display)).toBe('flex')
    await page.getByLabel('Session title').fill('January retro')
    await page.getByLabel('Date').fill('2027-01-14')
    await page.getByLabel('Workshop plan').selectOption(RETROSPECTIVE_PLAN.id)
    await page.getByRole('button', { name: 'Create the session' }).click()
    const created = page.getByRole('dialog')
    await created.waitFor()
    const boardLink = (await created.locator('li[data-role="facilitator"] code').textContent()) ?? ''
    await created.getByRole('button', { name: /close/i }).click()
    await page.locator('.space-timeline li', { hasText: 'January retro' }).waitFor({ timeout: 10_000 })
    const boardId = /\/b\/([^#]+)#/.exec(boardLink)?.[1] ?? ''
    const plan = (await (await api(server, `/api/boards/${boardId}/plan`, tokenOf(boardLink))).json()) as { plan: { plan: { steps: unknown[] } } | null }
    expect(plan.plan?.plan.steps.length).toBe(RETROSPECTIVE_PLAN.steps.length)

    // Bring in a board made from the lobby.
    const elsewhere = await createTestBoard(suite.url, 'Risk review')
    await page.getByLabel('The board’s facilitator link').fill(elsewhere.links.facilitator)
    await page.getByRole('button', { name: 'Add to this space' }).click()
    await page.getByText('The board is now a session of this space.').waitFor({ timeout: 10_000 })
    await page.locator('.space-timeline li', { hasText: 'Risk review' }).waitFor({ timeout: 10_000 })
    const sessions = ((await (await api(server, `/api/spaces/${spaceId}`, tokenOf(links.viewer))).json()) as Page).overview.sessions
    expect(sessions.map((s) => s.title).sort()).toEqual(['January retro', 'Risk review'])

    // Renew the member link: the old one stops at once, the new one opens the space.
    await page.getByRole('button', { name: 'Make a new member link' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Make a new member link' }).click()
    const fresh = (await page.locator('[data-testid="space-links"] li[data-role="member"] code').textContent()) ?? ''
    expect(fresh).not.toBe(links.member)
    expect((await api(server, `/api/spaces/${spaceId}`, tokenOf(links.member))).status).toBe(403)
    expect((await api(server, `/api/spaces/${spaceId}`, tokenOf(fresh))).status).toBe(200)
    await page.screenshot({ path: screenshotPath('space-manage.png'), fullPage: true })

    // A member's page: the space, no management tools.
    const member = await suite.newPage()
    await member.page.goto(fresh)
    await member.page.getByRole('heading', { level: 1, name: 'Digital services team' }).waitFor({ timeout: 15_000 })
    expect(await member.page.getByRole('heading', { name: 'Plan and manage' }).count()).toBe(0)
    expect(errors).toEqual([])
  })
})
