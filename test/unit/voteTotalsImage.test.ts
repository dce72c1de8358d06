/** Issue 13: vote totals drawn onto an exported SVG picture, on top of everything else. */
import { describe, expect, it } from 'vitest'
import { drawTotals } from '../../client/board/tools/voteBadges.js'

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="-32 -32 664 464" width="664" height="464"><rect x="0" y="0" width="200" height="200"/></svg>'

describe('vote totals on exported pictures', () => {
  it('draws one badge per voted note at its corner, after (above) the shapes', () => {
    const out = drawTotals(SVG, [
      { x: 200, y: 0, count: 3 },
      { x: 600, y: 100, count: 1 },
    ])
    expect(out.endsWith('</svg>')).toBe(true)
    expect(out.indexOf('class="vote-totals"')).toBeGreaterThan(out.indexOf('<rect'))
    expect(out).toContain('<circle cx="200" cy="0"')
    expect(out).toMatch(/<text x="200" y="0"[^>]*>3<\/text>/)
    expect(out).toMatch(/<text x="600" y="100"[^>]*>1<\/text>/)
    expect(out.match(/data-vote-total=/g)).toHaveLength(2)
  })

  it('leaves a picture without votes unchanged', () => {
    expect(drawTotals(SVG, [])).toBe(SVG)
  })
})
