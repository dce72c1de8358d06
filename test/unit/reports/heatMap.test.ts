import { describe, expect, it } from 'vitest'
import type { RiskBand } from '../../../shared/activities/index.js'
import { NAMED_FILLS } from '../../../server/reports/colors.js'
import { heatMapCounts, riskHeatMapMarkdown, riskHeatMapSvg, riskHeatMapTable, type HeatMapBand, type HeatMapLabels } from '../../../server/reports/heatMap.js'
import { contrast, elements } from './svgHelpers.js'

const LABELS: HeatMapLabels = {
  title: 'Carte de chaleur des risques',
  likelihood: 'Probabilité',
  impact: 'Impact',
  likelihoodLevels: ['Rare', 'Peu probable', 'Possible', 'Probable', 'Presque certain'],
  impactLevels: ['Insignifiant', 'Mineur', 'Modéré', 'Majeur', 'Grave'],
  legend: 'Niveaux',
  bandLabels: { low: 'Faible', medium: 'Moyen', high: 'Élevé', critical: 'Critique' },
}

// Band of likelihood × impact under the default bands (1–4 low, 5–9 medium, 10–15 high,
// 16–25 critical), written out by hand: row = likelihood 5 down to 1, column = impact 1 to 5.
const BANDS_BY_HAND: Record<number, string[]> = {
  5: ['medium', 'high', 'high', 'critical', 'critical'], // 5 10 15 20 25
  4: ['low', 'medium', 'high', 'critical', 'critical'], // 4 8 12 16 20
  3: ['low', 'medium', 'medium', 'high', 'high'], // 3 6 9 12 15
  2: ['low', 'low', 'medium', 'medium', 'high'], // 2 4 6 8 10
  1: ['low', 'low', 'low', 'low', 'medium'], // 1 2 3 4 5
}
const COLOR_OF_BAND: Record<string, string> = { low: 'green', medium: 'yellow', high: 'orange', critical: 'red' }

// Counts chosen so that every cell differs: count = 10 × likelihood + impact − 11 (0 … 44;
// likelihood 5 row: 40 … 44).
const CELLS = [1, 2, 3, 4, 5].flatMap((likelihood) => [1, 2, 3, 4, 5].map((impact) => ({ likelihood, impact, count: 10 * likelihood + impact - 11 })))

function cellsOf(svg: string) {
  return elements(svg, 'g')
    .filter((g) => g.attrs['data-cell'])
    .map((g) => ({
      key: g.attrs['data-cell']!,
      rect: elements(g.inner, 'rect')[0]!,
      count: elements(g.inner, 'text').find((t) => t.attrs['data-count'] !== undefined)!,
    }))
}

describe('risk heat map SVG', () => {
  const svg = riskHeatMapSvg(CELLS, { labels: LABELS })

  it('has 25 cells whose count text is the input count and whose fill is the band colour', () => {
    const cells = cellsOf(svg)
    expect(cells).toHaveLength(25)
    for (const likelihood of [1, 2, 3, 4, 5]) {
      for (const impact of [1, 2, 3, 4, 5]) {
        const cell = cells.find((c) => c.key === `${likelihood}-${impact}`)!
        expect(cell.count.text).toBe(String(10 * likelihood + impact - 11))
        const band = BANDS_BY_HAND[likelihood]![impact - 1]!
        expect(cell.rect.attrs['data-band']).toBe(band)
        expect(cell.rect.attrs.fill).toBe(NAMED_FILLS[COLOR_OF_BAND[band]!])
      }
    }
  })

  it('draws likelihood 5 on the top row and impact 5 in the right column', () => {
    const cells = cellsOf(svg)
    const at = (key: string) => cells.find((c) => c.key === key)!.rect.attrs
    expect(Number(at('5-1').y)).toBeLessThan(Number(at('1-1').y))
    expect(Number(at('1-5').x)).toBeGreaterThan(Number(at('1-1').x))
    expect(at('5-5').y).toBe(at('5-1').y)
  })

  it('count text has at least 4.5:1 contrast on its fill in every cell', () => {
    for (const cell of cellsOf(svg)) {
      expect(contrast(cell.count.attrs.fill!, cell.rect.attrs.fill!), cell.key).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('is an accessible image named by its title, with the caller’s axis and level words and a legend', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-label="Carte de chaleur des risques"/)
    expect(elements(svg, 'title')[0]!.text).toBe('Carte de chaleur des risques')
    const texts = elements(svg, 'text').map((t) => t.text)
    for (const word of [...LABELS.likelihoodLevels, ...LABELS.impactLevels]) expect(texts).toContain(word)
    expect(texts).toContain('Probabilité →')
    expect(texts).toContain('Impact →')
    expect(texts).toEqual(expect.arrayContaining(['Niveaux', 'Faible (1–4)', 'Moyen (5–9)', 'Élevé (10–15)', 'Critique (16–25)']))
    expect(svg).not.toMatch(/Likelihood|Rare\b.*Unlikely|Severe|Low/)
  })

  it('sums repeated cells, ignores invalid ones, and counts missing cells as 0', () => {
    const out = riskHeatMapSvg(
      [
        { likelihood: 2, impact: 3, count: 1 },
        { likelihood: 2, impact: 3, count: 2 },
        { likelihood: 6, impact: 1, count: 9 },
        { likelihood: 1, impact: 1, count: Number.NaN },
        { likelihood: 1.5, impact: 1, count: 4 },
      ],
      { labels: LABELS },
    )
    const counts = Object.fromEntries(cellsOf(out).map((c) => [c.key, c.count.text]))
    expect(counts['2-3']).toBe('3')
    expect(Object.values(counts).filter((c) => c !== '0')).toEqual(['3'])
  })

  it('uses configured bands (as the template stores them) and their labels', () => {
    const bands: RiskBand[] = [
      { key: 'ok', label: 'OK', min: 1, max: 9, color: 'blue' },
      { key: 'act', label: 'Agir', min: 10, max: 25, color: 'violet' },
    ]
    const out = riskHeatMapSvg([], { labels: LABELS, bands })
    const cells = cellsOf(out)
    expect(cells.find((c) => c.key === '3-3')!.rect.attrs.fill).toBe(NAMED_FILLS.blue) // 9
    expect(cells.find((c) => c.key === '2-5')!.rect.attrs.fill).toBe(NAMED_FILLS.violet) // 10
    expect(elements(out, 'text').map((t) => t.text)).toEqual(expect.arrayContaining(['OK (1–9)', 'Agir (10–25)']))
  })

  it('escapes hostile labels everywhere', () => {
    const hostile = '<script>alert("x")</script>\'"'
    const out = riskHeatMapSvg(CELLS, {
      labels: { ...LABELS, title: hostile, likelihoodLevels: [hostile, 'b', 'c', 'd', 'e'], impactLevels: [hostile, 'b', 'c', 'd', 'e'], legend: hostile },
      bands: [{ key: '"><script>', label: hostile, min: 1, max: 25, color: '"><script>' }] satisfies HeatMapBand[],
    })
    expect(out).not.toContain('<script')
    expect(elements(out, 'title')[0]!.text).toBe(hostile)
    const table = riskHeatMapTable(CELLS, { labels: { ...LABELS, title: hostile, impactLevels: [hostile, 'b', 'c', 'd', 'e'] } })
    expect(table).not.toContain('<script')
    expect(elements(table, 'caption')[0]!.text).toBe(hostile)
  })
})

describe('heat map table alternative', () => {
  it('HTML: caption, impact columns, likelihood rows from 5 down, each cell "count (band)"', () => {
    const html = riskHeatMapTable(CELLS, { labels: LABELS })
    expect(elements(html, 'caption')[0]!.text).toBe(LABELS.title)
    expect(elements(elements(html, 'thead')[0]!.inner, 'th').map((t) => t.text)).toEqual(['Probabilité / Impact', 'Insignifiant', 'Mineur', 'Modéré', 'Majeur', 'Grave'])
    const rows = elements(elements(html, 'tbody')[0]!.inner, 'tr')
    expect(rows.map((r) => elements(r.inner, 'th')[0]!.text)).toEqual(['Presque certain', 'Probable', 'Possible', 'Peu probable', 'Rare'])
    // Likelihood 5: counts 40 … 44; likelihood 1: 0 … 4.
    expect(elements(rows[0]!.inner, 'td').map((t) => t.text)).toEqual(['40 (Moyen)', '41 (Élevé)', '42 (Élevé)', '43 (Critique)', '44 (Critique)'])
    expect(elements(rows[4]!.inner, 'td').map((t) => t.text)).toEqual(['0 (Faible)', '1 (Faible)', '2 (Faible)', '3 (Faible)', '4 (Moyen)'])
  })

  it('Markdown: the same table', () => {
    const md = riskHeatMapMarkdown(CELLS, { labels: LABELS }).trim().split('\n')
    expect(md).toHaveLength(7)
    expect(md[0]).toBe('| Probabilité / Impact | Insignifiant | Mineur | Modéré | Majeur | Grave |')
    expect(md[2]).toBe('| Presque certain | 40 (Moyen) | 41 (Élevé) | 42 (Élevé) | 43 (Critique) | 44 (Critique) |')
    expect(md[6]).toBe('| Rare | 0 (Faible) | 1 (Faible) | 2 (Faible) | 3 (Faible) | 4 (Moyen) |')
  })
})

describe('heatMapCounts', () => {
  it('counts risks per cell and leaves out invalid levels', () => {
    const cells = heatMapCounts([
      { likelihood: 4, impact: 2 },
      { likelihood: 4, impact: 2 },
      { likelihood: 1, impact: 5 },
      { likelihood: 0, impact: 5 },
    ])
    expect(cells).toHaveLength(25)
    expect(cells.filter((c) => c.count > 0)).toEqual([
      { likelihood: 4, impact: 2, count: 2 },
      { likelihood: 1, impact: 5, count: 1 },
    ])
  })
})
