/** The camera of a board's first fit (client/board/hooks/useInitialFit.ts), without a browser. */
import { describe, expect, it } from 'vitest'
import { fitCamera, type Camera } from '../../client/board/hooks/useInitialFit.js'

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
})
