/**
 * WCAG 2.4.7 (focus visible) on the board page, in real Chromium, keyboard only: every control of
 * the app that Tab reaches shows an outline. The app's board panel and facilitation panel render
 * inside tldraw's container, whose stylesheet removes the outline of everything in it; so does
 * tldraw's "made with tldraw" link, which only turned opaque. tldraw's own controls (its toolbar
 * and menus) draw their own ring.
 */
import { describe, expect, it } from 'vitest'
import { createTestBoard } from '../helpers/server.js'
import { browserSuite } from './helpers/browser.js'

type Stop = { label: string; own: boolean; watermark: boolean; outlineStyle: string; outlineWidth: number; inTldraw: boolean }

describe('focus is visible on the board page (WCAG 2.4.7)', () => {
  const suite = browserSuite()

  it('every app control Tab reaches, in the board panel and the facilitation panel, shows an outline of at least 2 px', async () => {
    const board = await createTestBoard(suite.url, 'Retro', 'retro-start-stop-continue')
    const { page } = await suite.open(board.links.facilitator, 'Ada', { locale: 'fr-CA' })
    // Both panels drawn before the walk (under load a walk that started early went round the few
    // controls already there: 7 stops).
    await page.locator('.board-panel button').nth(8).waitFor({ timeout: 30_000 })
    await page.locator('.fac-layer button').nth(8).waitFor({ timeout: 30_000 })
    const stops: Stop[] = []
    // From the top of the page, once round: the walk ends on the first element reached twice (two
    // controls may share a label: the timer's and the plan's "Start").
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab')
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null
        if (!el || el === document.body) return null
        if (el.dataset.focusWalked) return 'again' as const
        el.dataset.focusWalked = 'yes'
        const style = getComputedStyle(el)
        return {
          label: `${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}”`,
          // The app's panels in tldraw's slots (tldraw's own controls, `tlui-*`, draw their own ring).
          own: el.closest('.board-panel, .fac-layer, .banners') !== null && ![...el.classList].some((c) => c.startsWith('tl')),
          outlineStyle: style.outlineStyle,
          outlineWidth: parseFloat(style.outlineWidth),
          inTldraw: el.closest('.tl-container') !== null,
          // tldraw's "made with tldraw" link, which only turned opaque on focus.
          watermark: el.closest('.tl-watermark_SEE-LICENSE') !== null,
        }
      })
      if (!stop) continue
      if (stop === 'again') break
      stops.push(stop)
    }
    const own = stops.filter((s) => s.own && s.inTldraw)
    console.log(`[focus] ${stops.length} Tab stops, ${own.length} of the app's inside tldraw's container`)
    // The facilitator's panels hold far more than this: a walk that found few stops proves nothing.
    expect(own.length).toBeGreaterThanOrEqual(15)
    const watermark = stops.filter((s) => s.watermark)
    expect(watermark).toHaveLength(1)
    const hidden = [...own, ...watermark].filter((s) => s.outlineStyle === 'none' || s.outlineWidth < 2).map((s) => `${s.label} (${s.outlineStyle} ${s.outlineWidth}px)`)
    expect(hidden).toEqual([])
  })
})
