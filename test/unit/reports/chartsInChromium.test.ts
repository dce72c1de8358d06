/**
 * The charts in a real browser (Debian's Chromium through playwright-core, launched with the
 * flags of test/e2e/helpers): each SVG parses as a standalone XML document, its text stays
 * inside its drawing (the server only estimates text widths), hostile labels stay text, axe-core
 * finds no violation in the charts and their tables, and screenshots go to test/artifacts/.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { heatMapCounts, riskHeatMapSvg, riskHeatMapTable, type HeatMapLabels } from '../../../server/reports/heatMap.js'
import { meansAsSeries, riskTrajectories, sessionMeans } from '../../../server/reports/summary.js'
import { riskTrajectorySvg, riskTrajectoryTable, type TrajectoryOptions } from '../../../server/reports/trajectory.js'
import { trendChartSvg, trendChartTable, type TrendChartOptions } from '../../../server/reports/trendChart.js'
import { launchBrowser } from '../../e2e/helpers/browser.js'

const ARTIFACTS = path.resolve('test/artifacts')
const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'

const HEAT_EN: HeatMapLabels = {
  title: 'Risk heat map: 14 risks',
  likelihood: 'Likelihood',
  impact: 'Impact',
  likelihoodLevels: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'],
  impactLevels: ['Insignificant', 'Minor', 'Moderate', 'Major', 'Severe'],
  legend: 'Score bands',
  bandLabels: { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
}
const HEAT_FR: HeatMapLabels = {
  title: 'Carte de chaleur des risques : 14 risques',
  likelihood: 'Probabilité',
  impact: 'Impact',
  likelihoodLevels: ['Rare', 'Peu probable', 'Possible', 'Probable', 'Presque certain'],
  impactLevels: ['Insignifiant', 'Mineur', 'Modéré', 'Majeur', 'Grave'],
  legend: 'Niveaux de score',
  bandLabels: { low: 'Faible', medium: 'Moyen', high: 'Élevé', critical: 'Critique' },
}
const RISKS = [
  ...Array.from({ length: 3 }, () => ({ likelihood: 4, impact: 4 })),
  ...Array.from({ length: 5 }, () => ({ likelihood: 3, impact: 2 })),
  { likelihood: 5, impact: 5 },
  { likelihood: 1, impact: 1 },
  { likelihood: 2, impact: 5 },
  { likelihood: 5, impact: 1 },
  { likelihood: 3, impact: 4 },
  { likelihood: 3, impact: 4 },
]

const SESSIONS = [
  { key: 's1', label: '1 Sep 2026' },
  { key: 's2', label: '6 Oct 2026' },
  { key: 's3', label: '3 Nov 2026' },
  { key: 's4', label: '1 Dec 2026' },
]
const means = (answers: number[][]) => sessionMeans(answers.map((a, i) => ({ session: `s${i + 1}`, answers: a })), { min: 1, max: 5 })
const READINESS = meansAsSeries('readiness', 'Change readiness', means([[2, 3, 2, 3, 2, 3], [3, 4, 3, 4], [3, 4, 4, 3, 4], [4, 4, 5, 4, 3, 5, 4]]))
const EVALUATION = meansAsSeries('evaluation', 'Session evaluation', means([[4, 4, 3, 5, 4], [5, 4, 4, 4, 4, 3], [3, 3, 4, 2, 3], [4, 5, 5, 4, 4]]))
const TREND: TrendChartOptions = {
  sessions: SESSIONS,
  domain: [1, 5],
  labels: { title: 'Change readiness and session evaluation per session', session: 'Session', valueAxis: 'Mean (1–5)', respondents: 'respondents', withheld: 'withheld (fewer than 5 respondents)' },
}
const TRAJECTORIES = riskTrajectories([
  { session: 's1', risks: [{ text: 'Key supplier goes bankrupt before the pilot starts', likelihood: 2, impact: 4 }, { text: 'Staff turnover', likelihood: 4, impact: 4 }, { text: 'Budget cut', likelihood: 5, impact: 5 }] },
  { session: 's2', risks: [{ text: 'Key supplier goes bankrupt before the pilot starts', likelihood: 3, impact: 4 }, { text: 'Staff turnover', likelihood: 3, impact: 3 }] },
  { session: 's3', risks: [{ text: 'Key supplier goes bankrupt before the pilot starts', likelihood: 4, impact: 5 }, { text: 'Staff turnover', likelihood: 2, impact: 2 }, { text: 'Budget cut', likelihood: 3, impact: 5 }] },
  { session: 's4', risks: [{ text: 'Data protection complaint', likelihood: 2, impact: 3 }] },
])
const TRAJECTORY: TrajectoryOptions = { sessions: SESSIONS, labels: { title: 'Risks over the sessions', risk: 'Risk', change: 'Change', bandLabels: HEAT_EN.bandLabels } }

const CSS = `body { font: 15px/1.4 system-ui, sans-serif; margin: 16px; color: #1a1a1a; background: #fff }
figure { margin: 0 0 24px } table { border-collapse: collapse; margin: 8px 0 24px } th, td { border: 1px solid #ccc; padding: 4px 8px }
caption { font-weight: 700; text-align: left }`

function page(lang: string, figures: Array<{ id: string; svg: string; table: string }>): string {
  const body = figures.map((f) => `<figure id="${f.id}">${f.svg}${f.table}</figure>`).join('')
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Charts</title><style>${CSS}</style></head><body><main>${body}</main></body></html>`
}

let browser: Browser
let tab: Page

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  browser = await launchBrowser()
  tab = await browser.newPage({ viewport: { width: 1000, height: 800 } })
})

afterAll(async () => {
  await browser?.close()
})

/** Text elements whose box leaves the SVG's viewBox, as "text: box". */
async function overflowingText(id: string): Promise<string[]> {
  return tab.evaluate((figureId) => {
    const svg = document.querySelector(`#${figureId} svg`) as SVGSVGElement
    const view = svg.getBoundingClientRect()
    // Client rects include transforms (the rotated axis titles), unlike getBBox.
    return [...svg.querySelectorAll('text')].flatMap((t) => {
      const b = t.getBoundingClientRect()
      const inside = b.left >= view.left - 0.5 && b.top >= view.top - 0.5 && b.right <= view.right + 0.5 && b.bottom <= view.bottom + 0.5
      return inside || b.width === 0 ? [] : [`${t.textContent}: ${Math.round(b.left - view.left)},${Math.round(b.top - view.top)} ${Math.round(b.width)}×${Math.round(b.height)}`]
    })
  }, id)
}

describe('charts in Chromium', () => {
  it('each SVG parses as standalone XML, hostile labels included', async () => {
    const svgs = [
      riskHeatMapSvg(heatMapCounts(RISKS), { labels: { ...HEAT_EN, title: HOSTILE, likelihoodLevels: [HOSTILE, '\u0000', 'c', 'd', 'e'] } }),
      trendChartSvg([{ ...READINESS, label: HOSTILE }, EVALUATION], { ...TREND, labels: { ...TREND.labels, title: HOSTILE } }),
      riskTrajectorySvg([{ key: 'x', label: HOSTILE, points: [{ session: 's1', score: 9 }] }], TRAJECTORY),
    ]
    const errors = await tab.evaluate((list) => list.map((s) => new DOMParser().parseFromString(s, 'image/svg+xml').querySelector('parsererror')?.textContent ?? null), svgs)
    expect(errors).toEqual([null, null, null])
    await tab.setContent(page('en', svgs.map((svg, i) => ({ id: `f${i}`, svg, table: '' }))))
    const state = await tab.evaluate(() => ({ pwned: (window as unknown as { __pwned?: number }).__pwned ?? null, injected: document.querySelectorAll('main img, main script').length }))
    expect(state).toEqual({ pwned: null, injected: 0 })
  })

  it('English: text stays inside each chart, axe finds no violation; screenshots', async () => {
    await tab.setContent(
      page('en', [
        { id: 'heat', svg: riskHeatMapSvg(heatMapCounts(RISKS), { labels: HEAT_EN }), table: riskHeatMapTable(heatMapCounts(RISKS), { labels: HEAT_EN }) },
        { id: 'trend', svg: trendChartSvg([READINESS, EVALUATION], TREND), table: trendChartTable([READINESS, EVALUATION], TREND) },
        { id: 'readiness', svg: trendChartSvg([READINESS], { ...TREND, labels: { ...TREND.labels, title: 'Change readiness per session' } }), table: '' },
        { id: 'bars', svg: trendChartSvg([EVALUATION], { ...TREND, kind: 'bar', labels: { ...TREND.labels, title: 'Session evaluation per session' } }), table: '' },
        { id: 'trajectory', svg: riskTrajectorySvg(TRAJECTORIES, TRAJECTORY), table: riskTrajectoryTable(TRAJECTORIES, TRAJECTORY) },
      ]),
    )
    for (const id of ['heat', 'trend', 'readiness', 'bars', 'trajectory']) expect(await overflowingText(id), id).toEqual([])
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
    await tab.addScriptTag({ path: axePath })
    const violations = await tab.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Element) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe
      const result = await axe.run(document.querySelector('main')!)
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`)
    })
    expect(violations).toEqual([])
    await tab.locator('#heat').screenshot({ path: path.join(ARTIFACTS, 'report-heat-map.png') })
    await tab.locator('#trend').screenshot({ path: path.join(ARTIFACTS, 'report-trend-chart.png') })
    await tab.locator('#readiness svg').screenshot({ path: path.join(ARTIFACTS, 'report-trend-line.png') })
    await tab.locator('#bars svg').screenshot({ path: path.join(ARTIFACTS, 'report-trend-bars.png') })
    await tab.locator('#trajectory').screenshot({ path: path.join(ARTIFACTS, 'report-risk-trajectories.png') })
  })

  it('French: text stays inside the heat map; screenshot', async () => {
    await tab.setContent(page('fr', [{ id: 'heat', svg: riskHeatMapSvg(heatMapCounts(RISKS), { labels: HEAT_FR, locale: 'fr' }), table: riskHeatMapTable(heatMapCounts(RISKS), { labels: HEAT_FR, locale: 'fr' }) }]))
    expect(await overflowingText('heat')).toEqual([])
    await tab.locator('#heat').screenshot({ path: path.join(ARTIFACTS, 'report-heat-map-fr.png') })
  })
})
