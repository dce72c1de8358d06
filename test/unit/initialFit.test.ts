/** The camera the app moves a view to (client/board/viewFit.ts: the first fit, a bring), without a browser. */
import { describe, expect, it } from 'vitest'
import { fitCamera, type Camera } from '../../client/board/viewFit.js'

/** Where a page point lands on screen with tldraw's convention: screen = (page + camera) × z. */
const toScreen = (c: Camera, x: number, y: number) => ({ x: (x + c.x) * c.z, y: (y + c.y) * c.z })
const screen = { w: 1280, h: 800 }

describe('fitCamera', () => {
  it('shows large content whole, between the panels, centred in the space between them', () => {
    const content = { x: -200, y: 100, w: 1700, h: 1400 }
    const camera = fitCamera(content, screen, { left: 300, right: 280, minZoom: 0.1, maxZoom: 1 })
    expect(camera.z).toBeLessThan(1)
    const topLeft = toScreen(camera, content.x, content.y)
    const bottomRight = toScreen(camera, content.x + content.w, content.y + content.h)
    expect(topLeft.x).toBeGreaterThanOrEqual(300)
    expect(topLeft.y).toBeGreaterThanOrEqual(0)
    expect(bottomRight.x).toBeLessThanOrEqual(screen.w - 280)
    expect(bottomRight.y).toBeLessThanOrEqual(screen.h)
    expect((topLeft.x + bottomRight.x) / 2).toBeCloseTo((300 + screen.w - 280) / 2)
    expect((topLeft.y + bottomRight.y) / 2).toBeCloseTo(screen.h / 2)
  })

  it('never zooms in past the maximum, nor out past the minimum', () => {
    expect(fitCamera({ x: 0, y: 0, w: 100, h: 50 }, screen, { left: 0, right: 0, minZoom: 0.1, maxZoom: 1 }).z).toBe(1)
    expect(fitCamera({ x: 0, y: 0, w: 0, h: 0 }, screen, { left: 0, right: 0, minZoom: 0.1, maxZoom: 1 }).z).toBe(1)
    expect(fitCamera({ x: 0, y: 0, w: 100_000, h: 10 }, screen, { left: 0, right: 0, minZoom: 0.1, maxZoom: 1 }).z).toBe(0.1)
  })

  it('ignores the panels on a screen too narrow to leave room beside it', () => {
    const content = { x: 0, y: 0, w: 1000, h: 1000 }
    const narrow = { w: 600, h: 800 }
    expect(fitCamera(content, narrow, { left: 300, right: 280, minZoom: 0.1, maxZoom: 1 })).toEqual(fitCamera(content, narrow, { left: 0, right: 0, minZoom: 0.1, maxZoom: 1 }))
    const camera = fitCamera(content, narrow, { left: 300, right: 280, minZoom: 0.1, maxZoom: 1 })
    expect(toScreen(camera, content.x + content.w / 2, 0).x).toBeCloseTo(narrow.w / 2)
  })

  it('keeps the start of content too large for the screen below what covers the top (a phone’s plan bar)', () => {
    const phone = { w: 390, h: 844 }
    const content = { x: 500, y: 300, w: 3000, h: 2000 }
    const camera = fitCamera(content, phone, { left: 0, right: 0, top: 120, bottom: 64, minZoom: 0.56, maxZoom: 1 })
    expect(camera.z).toBe(0.56)
    const start = toScreen(camera, content.x, content.y)
    expect(start.y).toBeGreaterThanOrEqual(120)
    expect(start.y).toBeLessThan(140)
    expect(start.x).toBeGreaterThanOrEqual(0)
  })

  it('centres content that fits in the space between the top and bottom insets', () => {
    const content = { x: 0, y: 0, w: 200, h: 200 }
    const camera = fitCamera(content, screen, { left: 0, right: 0, top: 100, bottom: 60, minZoom: 0.1, maxZoom: 1 })
    const centre = toScreen(camera, 100, 100)
    expect(centre.y).toBeCloseTo(100 + (screen.h - 160) / 2)
  })

  it('with the centre anchor, shows the middle of a view that does not fit (a desk’s view brought to a phone)', () => {
    const phone = { w: 390, h: 844 }
    const view = { x: -1000, y: -500, w: 1440, h: 900 }
    const camera = fitCamera(view, phone, { left: 0, right: 0, top: 48, bottom: 64, minZoom: 0.56, maxZoom: 8, anchor: 'center' })
    expect(camera.z).toBe(0.56)
    const middle = toScreen(camera, view.x + view.w / 2, view.y + view.h / 2)
    expect(middle.x).toBeCloseTo(phone.w / 2)
    expect(middle.y).toBeCloseTo(48 + (phone.h - 48 - 64) / 2)
  })
})
