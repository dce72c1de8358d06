/**
 * WCAG 2.4.7 (focus visible) on the board page, in real Chromium, keyboard only: every control of
 * the app that Tab reaches shows an outline. The app's board panel and facilitation panel render
 * inside tldraw's container, whose stylesheet removes the outline of everything in it; so does
 * tldraw's "made with tldraw" link, which only turned opaque. tldraw's own controls (its toolbar
 * and menus) draw their own ring.
 */
import type { Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { createTestBoard } from '../helpers/server.js'
import { browserSuite } from './helpers/browser.js'

type Stop = { label: string; own: boolean; watermark: boolean; outlineStyle: string; outlineWidth: number; inTldraw: boolean; ringPixels?: number }

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
      const stop = await page.evaluate((): Stop | 'again' | null => {
        const el = document.activeElement as HTMLElement | null
        if (!el || el === document.body) return null
        if (el.dataset.focusWalked) return 'again' as const
        el.dataset.focusWalked = 'yes'
        // tldraw shapes the "made with tldraw" button with a CSS mask, which hides an outline of
        // its own: its ring is drawn by the link's box.
        const style = getComputedStyle(el.closest<HTMLElement>('.tl-watermark_SEE-LICENSE') ?? el)
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
      // The link's ring as drawn: the focus colour's pixels around it (none when the mask hides it).
      if (stop.watermark) stop.ringPixels = await focusColourPixels(page, '.tl-watermark_SEE-LICENSE')
      stops.push(stop)
    }
    const own = stops.filter((s) => s.own && s.inTldraw)
    console.log(`[focus] ${stops.length} Tab stops, ${own.length} of the app's inside tldraw's container`)
    // The facilitator's panels hold far more than this: a walk that found few stops proves nothing.
    expect(own.length).toBeGreaterThanOrEqual(15)
    const watermark = stops.filter((s) => s.watermark)
    expect(watermark).toHaveLength(1)
    console.log(`[focus] "made with tldraw": ${watermark[0]!.ringPixels} pixels of the focus colour around it`)
    const hidden = [...own, ...watermark].filter((s) => s.outlineStyle === 'none' || s.outlineWidth < 2).map((s) => `${s.label} (${s.outlineStyle} ${s.outlineWidth}px)`)
    expect(hidden).toEqual([])
    // A 3 px ring around a 100 × 36 box is ≈ 900 pixels.
    expect(watermark[0]!.ringPixels).toBeGreaterThan(300)
  })
})

/** How many pixels of the app's focus colour a screenshot shows around `selector`'s box (8 px margin). */
async function focusColourPixels(page: Page, selector: string): Promise<number> {
  const { box, colour } = await page.evaluate((sel) => {
    const el = document.querySelector(sel)!
    const r = el.getBoundingClientRect()
    const probe = document.createElement('div')
    probe.style.color = 'var(--focus, #1a5fb4)'
    document.body.append(probe)
    const colour = getComputedStyle(probe).color.match(/\d+/g)!.map(Number)
    probe.remove()
    return { box: { x: r.x, y: r.y, width: r.width, height: r.height }, colour }
  }, selector)
  const viewport = page.viewportSize()!
  const x = Math.max(0, box.x - 8)
  const y = Math.max(0, box.y - 8)
  const clip = { x, y, width: Math.min(viewport.width - x, box.width + 16), height: Math.min(viewport.height - y, box.height + 16) }
  const png = PNG.sync.read(await page.screenshot({ clip }))
  let count = 0
  for (let i = 0; i < png.data.length; i += 4) {
    if (Math.abs(png.data[i]! - colour[0]!) + Math.abs(png.data[i + 1]! - colour[1]!) + Math.abs(png.data[i + 2]! - colour[2]!) < 60) count++
  }
  return count
}
