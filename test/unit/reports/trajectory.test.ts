import { describe, expect, it } from 'vitest'
import { NAMED_FILLS } from '../../../server/reports/colors.js'
import { riskTrajectories } from '../../../server/reports/summary.js'
import { riskTrajectoryMarkdown, riskTrajectorySvg, riskTrajectoryTable, type TrajectoryOptions } from '../../../server/reports/trajectory.js'
import { contrast, elements } from './svgHelpers.js'

const OPTIONS: TrajectoryOptions = {
  sessions: [
    { key: 's1', label: 'Sept.' },
    { key: 's2', label: 'Oct.' },
    { key: 's3', label: 'Nov.' },
  ],
  labels: { title: 'Risques au fil des séances', risk: 'Risque', change: 'Évolution', bandLabels: { low: 'Faible', medium: 'Moyen', high: 'Élevé', critical: 'Critique' } },
  locale: 'fr',
}
const RISKS = [
  { key: 'a', label: 'Budget', points: [{ session: 's1', score: 8 }, { session: 's2', score: 12 }, { session: 's3', score: 20 }] },
  { key: 'b', label: 'Départs', points: [{ session: 's1', score: 16 }, { session: 's3', score: 4 }] },
  { key: 'c', label: 'Retard', points: [{ session: 's2', score: 6 }, { session: 's3', score: 30 }] },
]

describe('risk trajectories SVG', () => {
  const svg = riskTrajectorySvg(RISKS, OPTIONS)
  const rows = elements(svg, 'g').filter((g) => g.attrs['data-risk'])

  it('draws one row per risk and a band-coloured dot per assessed session (scores off 1–25 left out)', () => {
    expect(rows.map((r) => r.attrs['data-risk'])).toEqual(['a', 'b', 'c'])
    const dots = rows.map((r) => elements(r.inner, 'circle').map((c) => [c.attrs['data-session'], c.attrs['data-score'], c.attrs.fill]))
    expect(dots).toEqual([
      [['s1', '8', NAMED_FILLS.yellow], ['s2', '12', NAMED_FILLS.orange], ['s3', '20', NAMED_FILLS.red]],
      [['s1', '16', NAMED_FILLS.red], ['s3', '4', NAMED_FILLS.green]],
      [['s2', '6', NAMED_FILLS.yellow]],
    ])
  })

  it('writes the change column’s header whole, in French as in English', () => {
    // "Évolution" was cut to "Évoluti…" on the French space page: the column was as wide as "Change".
    for (const change of ['Évolution', 'Change']) {
      const texts = elements(riskTrajectorySvg(RISKS, { ...OPTIONS, labels: { ...OPTIONS.labels, change } }), 'text').map((t) => t.text)
      expect(texts).toContain(change)
    }
  })

  it('writes the change from first to last assessed score, signed, and nothing when assessed once', () => {
    // a: 20 − 8 = +12; b: 4 − 16 = −12; c: one valid score.
    expect(rows.map((r) => elements(r.inner, 'text').find((t) => t.attrs['data-change'] !== undefined)?.text ?? '')).toEqual(['+12', '-12', ''])
  })

  it('a higher score sits higher in its row; score text is readable on its dot', () => {
    const [s1, s2, s3] = elements(rows[0]!.inner, 'circle').map((c) => Number(c.attrs.cy))
    expect(s1!).toBeGreaterThan(s2!)
    expect(s2!).toBeGreaterThan(s3!)
    for (const row of rows) {
      const dots = elements(row.inner, 'circle')
      const scores = elements(row.inner, 'text').filter((t) => /^\d+$/.test(t.text))
      dots.forEach((dot, i) => expect(contrast(scores[i]!.attrs.fill!, dot.attrs.fill!)).toBeGreaterThanOrEqual(4.5))
    }
  })

  it('takes the summary’s trajectories as they are and escapes hostile labels', () => {
    const hostile = '<script>alert("x")</script>'
    const trajectories = riskTrajectories([{ session: 's1', risks: [{ text: hostile, likelihood: 2, impact: 2 }] }])
    const out = riskTrajectorySvg(trajectories, { ...OPTIONS, labels: { ...OPTIONS.labels, title: hostile } })
    expect(out).not.toContain('<script')
    expect(elements(out, 'title').map((t) => t.text)).toEqual([hostile, hostile])
  })
})

describe('risk trajectories table alternative', () => {
  it('HTML: one row per risk with its score and band per session, then its change', () => {
    const html = riskTrajectoryTable(RISKS, OPTIONS)
    expect(elements(elements(html, 'thead')[0]!.inner, 'th').map((t) => t.text)).toEqual(['Risque', 'Sept.', 'Oct.', 'Nov.', 'Évolution'])
    const rows = elements(elements(html, 'tbody')[0]!.inner, 'tr').map((r) => [elements(r.inner, 'th')[0]!.text, ...elements(r.inner, 'td').map((t) => t.text)])
    expect(rows).toEqual([
      ['Budget', '8 (Moyen)', '12 (Élevé)', '20 (Critique)', '+12'],
      ['Départs', '16 (Critique)', '–', '4 (Faible)', '-12'],
      ['Retard', '–', '6 (Moyen)', '–', '–'],
    ])
  })

  it('Markdown: the same table, with the caller’s word for a session that did not assess a risk', () => {
    const md = riskTrajectoryMarkdown(RISKS.slice(2), { ...OPTIONS, labels: { ...OPTIONS.labels, notAssessed: 'non évalué' } })
    expect(md.trim().split('\n')[2]).toBe('| Retard | non évalué | 6 (Moyen) | non évalué | non évalué |')
  })
})

describe('empty inputs', () => {
  it('no risks, or no sessions, draw an empty but valid chart and table', () => {
    expect(riskTrajectorySvg([], OPTIONS)).toMatch(/^<svg [\s\S]*<\/svg>$/)
    expect(elements(riskTrajectoryTable([], OPTIONS), 'tbody')[0]!.inner).toBe('')
    const none = riskTrajectorySvg(RISKS, { ...OPTIONS, sessions: [] })
    expect(elements(none, 'circle')).toEqual([])
  })
})
