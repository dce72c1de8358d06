import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import { trendChartMarkdown, trendChartSvg, trendChartTable, type TrendChartOptions, type TrendSeries } from '../../../server/reports/trendChart.js'
import { elements } from './svgHelpers.js'

const points = (svg: string) => elements(svg, 'path').filter((p) => p.attrs.class === 'point')

const SESSIONS = [
  { key: 's1', label: '2026-09-01' },
  { key: 's2', label: '2026-10-01' },
  { key: 's3', label: '2026-11-01' },
]
const OPTIONS: TrendChartOptions = {
  sessions: SESSIONS,
  domain: [1, 5],
  labels: { title: 'Readiness per session', session: 'Session', valueAxis: 'Mean (1–5)', respondents: 'Respondents', withheld: 'withheld (< 5)' },
}
// s2 has 4 respondents (withheld), s1 and s3 have 5 and 6 (shown).
const READINESS: TrendSeries = {
  key: 'readiness',
  label: 'Readiness',
  points: [
    { session: 's1', value: 3, respondents: 5 },
    { session: 's2', value: 4.5, respondents: 4 },
    { session: 's3', value: 2.25, respondents: 6 },
  ],
}

// Default frame 640 × 320, margins top 24, right 24, bottom 58, left 64: the plot spans x 64…616
// and y 24…262. Three sessions on a point scale with half-step padding: step 552 / 3 = 184,
// centres 156, 340, 524. y(v) = 262 − (v − 1) / 4 × 238: y(3) = 143, y(2.25) = 187.625 → 187.63.
describe('trend chart SVG', () => {
  it('draws a point for 5 and 6 respondents and none for 4, at hand-computed positions', () => {
    const svg = trendChartSvg([READINESS], OPTIONS)
    const dots = points(svg).map((c) => [c.attrs['data-session'], c.attrs['data-cx'], c.attrs['data-cy'], c.attrs['data-value']])
    expect(points(svg).map((c) => c.attrs.transform)).toEqual(['translate(156 143)', 'translate(524 187.63)'])
    expect(dots).toEqual([
      ['s1', '156', '143', '3'],
      ['s3', '524', '187.63', '2.25'],
    ])
    expect(svg).not.toContain('4.5')
  })

  it('breaks the line at the withheld point (two one-point segments, no segment through s2)', () => {
    const path = elements(trendChartSvg([READINESS], OPTIONS), 'path')[0]!.attrs.d!
    expect(path.match(/M/g)).toHaveLength(2)
    expect(path).not.toContain('340')
  })

  it('writes the withheld word under a session where nothing may be shown', () => {
    const svg = trendChartSvg([READINESS], OPTIONS)
    const notes = elements(svg, 'text').filter((t) => t.attrs['data-withheld'])
    expect(notes.map((n) => [n.attrs['data-withheld'], n.text])).toEqual([['s2', 'withheld (< 5)']])
  })

  it('a withheld point is withheld even when the caller passes its value (bar chart too)', () => {
    const svg = trendChartSvg([READINESS], { ...OPTIONS, kind: 'bar' })
    const bars = elements(svg, 'rect').filter((r) => r.attrs['data-series'] !== undefined)
    expect(bars.map((b) => b.attrs['data-session'])).toEqual(['s1', 's3'])
    // Bars stand on the plot's bottom edge (y 262): the bar for 3 is 262 − 143 = 119 tall.
    expect(bars[0]!.attrs.y).toBe('143')
    expect(bars[0]!.attrs.height).toBe('119')
  })

  it('labels the axes with the caller’s words and numbers in the caller’s locale', () => {
    const svg = trendChartSvg([READINESS], { ...OPTIONS, locale: 'fr' })
    const texts = elements(svg, 'text').map((t) => t.text)
    expect(texts).toEqual(expect.arrayContaining(['2026-09-01', '2026-10-01', '2026-11-01', 'Mean (1–5)', '3,0', '2,3']))
    expect(elements(svg, 'text').filter((t) => t.attrs['data-tick']).map((t) => t.text)).toEqual(['1', '2', '3', '4', '5'])
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-label="Readiness per session"/)
  })

  it('draws several series with a legend and skips unknown sessions and NaN values without throwing', () => {
    const evaluation: TrendSeries = { key: 'eval', label: 'Evaluation', points: [{ session: 's1', value: Number.NaN, respondents: 9 }, { session: 'zz', value: 2, respondents: 9 }, { session: 's2', value: 4, respondents: 5 }] }
    const svg = trendChartSvg([READINESS, evaluation], OPTIONS)
    expect(points(svg).map((c) => c.attrs['data-session'])).toEqual(['s1', 's3', 's2'])
    // The two series differ in marker shape, not only in colour.
    const [first, , second] = points(svg)
    expect(first!.attrs.d).not.toBe(second!.attrs.d)
    expect(elements(svg, 'text').map((t) => t.text)).toEqual(expect.arrayContaining(['Readiness', 'Evaluation']))
    // s2 has a shown evaluation, so no withheld note there.
    expect(elements(svg, 'text').filter((t) => t.attrs['data-withheld'])).toEqual([])
  })

  it('escapes hostile labels', () => {
    const hostile = '<script>alert("x")</script>'
    const opts: TrendChartOptions = { ...OPTIONS, sessions: [{ key: 's1', label: hostile }], labels: { ...OPTIONS.labels, title: hostile, withheld: hostile } }
    const series = [{ ...READINESS, label: hostile }]
    for (const out of [trendChartSvg(series, opts), trendChartTable(series, opts)]) {
      expect(out).not.toContain('<script')
      expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    }
    // Markdown keeps the text but backslash-escapes it; rendered, it is text, not a tag.
    expect(marked.parse(trendChartMarkdown(series, opts), { async: false })).not.toContain('<script')
  })
})

describe('trend chart table alternative', () => {
  it('HTML: one row per session, the value or the withheld word, and the respondent count', () => {
    const html = trendChartTable([READINESS], OPTIONS)
    expect(elements(html, 'caption')[0]!.text).toBe('Readiness per session')
    expect(elements(elements(html, 'thead')[0]!.inner, 'th').map((t) => t.text)).toEqual(['Session', 'Readiness', 'Readiness · Respondents'])
    const rows = elements(elements(html, 'tbody')[0]!.inner, 'tr').map((r) => [elements(r.inner, 'th')[0]!.text, ...elements(r.inner, 'td').map((t) => t.text)])
    expect(rows).toEqual([
      ['2026-09-01', '3.0', '5'],
      ['2026-10-01', 'withheld (< 5)', '4'],
      ['2026-11-01', '2.3', '6'],
    ])
  })

  it('Markdown: the same rows; a session without data says the empty word', () => {
    const md = trendChartMarkdown([{ ...READINESS, points: READINESS.points.slice(0, 2) }], { ...OPTIONS, labels: { ...OPTIONS.labels, empty: 'no data' } })
    expect(md.trim().split('\n')).toEqual([
      '| Session | Readiness | Readiness · Respondents |',
      '| --- | --- | --- |',
      '| 2026-09-01 | 3.0 | 5 |',
      '| 2026-10-01 | withheld (\\< 5) | 4 |',
      '| 2026-11-01 | no data | 0 |',
    ])
  })
})

describe('degenerate inputs', () => {
  it('no sessions, no series, or an empty domain draw without throwing', () => {
    expect(elements(trendChartSvg([READINESS], { ...OPTIONS, sessions: [] }), 'path').filter((p) => p.attrs.class === 'point')).toEqual([])
    expect(trendChartSvg([], OPTIONS)).toMatch(/^<svg [\s\S]*<\/svg>$/)
    expect(() => trendChartSvg([READINESS], { ...OPTIONS, domain: [Number.NaN, Number.NaN] })).not.toThrow()
    expect(() => trendChartSvg([READINESS], { ...OPTIONS, kind: 'bar', domain: [5, 1] })).not.toThrow()
  })
})
