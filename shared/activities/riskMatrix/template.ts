/**
 * The 5 × 5 risk matrix (risk management): likelihood up, impact right, score = likelihood ×
 * impact (1–25), configurable bands, and a written definition for every level (vague levels
 * are the usual criticism of risk matrices).
 */
import { err, ok, type Result } from '../../result.js'
import { FRAME_PADDING, HEADER_HEIGHT, headerLabel } from '../layout.js'
import type { ActivityTemplate, LabelSpec, ZoneColor, ZoneSpec } from '../types.js'
import { en } from '../../i18n/catalogue.js'

/** A score band: scores `min`…`max` inclusive. */
export interface RiskBand {
  key: string
  label: string
  min: number
  max: number
  color: ZoneColor
}

/** A likelihood or impact level, 1–5, with its definition. */
export interface RiskLevel {
  level: number
  name: string
  definition: string
}

/** What the risk matrix stores in its frame's `meta.activity.settings`. */
export interface RiskMatrixSettings {
  bands: RiskBand[]
  likelihood: RiskLevel[]
  impact: RiskLevel[]
}

export const DEFAULT_RISK_BANDS: readonly RiskBand[] = [
  { key: 'low', label: en('risk-matrix.low'), min: 1, max: 4, color: 'green' },
  { key: 'medium', label: en('risk-matrix.medium'), min: 5, max: 9, color: 'yellow' },
  { key: 'high', label: en('risk-matrix.high'), min: 10, max: 15, color: 'orange' },
  { key: 'critical', label: en('risk-matrix.critical'), min: 16, max: 25, color: 'red' },
]

export const LIKELIHOOD_LEVELS: readonly RiskLevel[] = [
  { level: 1, name: en('risk-matrix.rare'), definition: en('risk-matrix.only-in-exceptional-circumstances') },
  { level: 2, name: en('risk-matrix.unlikely'), definition: en('risk-matrix.could-happen-but-not') },
  { level: 3, name: en('risk-matrix.possible'), definition: en('risk-matrix.might-well-happen-25') },
  { level: 4, name: en('risk-matrix.likely'), definition: en('risk-matrix.will-probably-happen-in') },
  { level: 5, name: en('risk-matrix.almost-certain'), definition: en('risk-matrix.expected-to-happen-over') },
]

export const IMPACT_LEVELS: readonly RiskLevel[] = [
  { level: 1, name: en('risk-matrix.insignificant'), definition: en('risk-matrix.no-noticeable-effect-on') },
  { level: 2, name: en('risk-matrix.minor'), definition: en('risk-matrix.small-delay-or-cost') },
  { level: 3, name: en('risk-matrix.moderate'), definition: en('risk-matrix.an-objective-partly-missed') },
  { level: 4, name: en('risk-matrix.major'), definition: en('risk-matrix.a-key-objective-missed') },
  { level: 5, name: en('risk-matrix.severe'), definition: en('risk-matrix.the-initiative-fails-or') },
]

const BAND_COLORS: readonly ZoneColor[] = ['green', 'yellow', 'orange', 'red', 'violet', 'blue']
const MAX_SCORE = 25

/**
 * Checks bands given as an option: non-empty keys, integer bounds, sorted, contiguous and
 * covering 1–25 exactly. A band without a colour gets one by position.
 */
export function parseRiskBands(value: unknown): Result<RiskBand[]> {
  if (value === undefined) return ok(DEFAULT_RISK_BANDS.map((b) => ({ ...b })))
  if (!Array.isArray(value) || value.length === 0) return err('option bands must be a non-empty list')
  const bands: RiskBand[] = []
  let next = 1
  for (const [i, raw] of value.entries()) {
    if (typeof raw !== 'object' || raw === null) return err(`band ${i + 1} is not an object`)
    const { key, label, min, max, color } = raw as Record<string, unknown>
    if (typeof key !== 'string' || key === '') return err(`band ${i + 1} needs a key`)
    if (!Number.isInteger(min) || !Number.isInteger(max) || (min as number) > (max as number)) {
      return err(`band ${key} needs integer min ≤ max`)
    }
    if (min !== next) return err(`band ${key} must start at ${next}: bands must cover 1–25 without gaps or overlaps`)
    if (color !== undefined && !BAND_COLORS.includes(color as ZoneColor)) return err(`band ${key} has an unknown colour`)
    bands.push({
      key,
      label: typeof label === 'string' && label !== '' ? label : key,
      min: min as number,
      max: max as number,
      color: (color as ZoneColor | undefined) ?? BAND_COLORS[i % BAND_COLORS.length] ?? 'grey',
    })
    next = (max as number) + 1
  }
  if (next !== MAX_SCORE + 1) return err('bands must end at 25')
  if (new Set(bands.map((b) => b.key)).size !== bands.length) return err('band keys must be unique')
  return ok(bands)
}

function parseDefinitions(value: unknown, levels: readonly RiskLevel[], name: string): Result<RiskLevel[]> {
  if (value === undefined) return ok(levels.map((l) => ({ ...l })))
  if (!Array.isArray(value) || value.length !== 5 || value.some((d) => typeof d !== 'string' || d.trim() === '')) {
    return err(`option ${name} must be five non-empty definitions, level 1 first`)
  }
  return ok(levels.map((l, i) => ({ ...l, definition: String(value[i]).trim() })))
}

/** The band a score falls in (bands cover 1–25, so only an out-of-range score has none). */
export function bandFor(bands: readonly RiskBand[], score: number): RiskBand | null {
  return bands.find((b) => score >= b.min && score <= b.max) ?? null
}

const CELL_W = 260
const CELL_H = 220
const LEVEL_LABEL_W = 320
const IMPACT_LABEL_H = 180

/**
 * Options: `bands` (list of `{ key, label, min, max, color? }` covering 1–25, default
 * {@link DEFAULT_RISK_BANDS}), `likelihoodDefinitions` and `impactDefinitions` (five strings each,
 * level 1 first). Likelihood 5 is the top row; impact 5 the right column.
 */
export const RISK_MATRIX: ActivityTemplate = {
  id: 'risk-matrix',
  name: en('risk-matrix.name'),
  family: 'risk-management',
  description: en('risk-matrix.description'),
  instructions:
    `${en('risk-matrix.write-one-risk-per')}\n\n${en('risk-matrix.then-give-each-risk')}`,
  results: 'riskRegister',
  layout({ options }) {
    const bands = parseRiskBands(options.bands)
    if (!bands.ok) return bands
    const likelihood = parseDefinitions(options.likelihoodDefinitions, LIKELIHOOD_LEVELS, 'likelihoodDefinitions')
    if (!likelihood.ok) return likelihood
    const impact = parseDefinitions(options.impactDefinitions, IMPACT_LEVELS, 'impactDefinitions')
    if (!impact.ok) return impact
    const gridX = FRAME_PADDING + LEVEL_LABEL_W
    const gridY = HEADER_HEIGHT + 40
    const width = gridX + 5 * CELL_W + FRAME_PADDING
    const height = gridY + 5 * CELL_H + IMPACT_LABEL_H + FRAME_PADDING
    const zones: ZoneSpec[] = []
    const labels: LabelSpec[] = [
      headerLabel(RISK_MATRIX.instructions, width),
      { key: 'axis-likelihood', text: en('risk-matrix.likelihood'), x: FRAME_PADDING, y: HEADER_HEIGHT, w: LEVEL_LABEL_W - 20, size: 'm' },
      { key: 'axis-impact', text: en('risk-matrix.impact'), x: gridX, y: gridY + 5 * CELL_H + IMPACT_LABEL_H - 50, w: 400, size: 'm' },
    ]
    for (let l = 1; l <= 5; l++) {
      const y = gridY + (5 - l) * CELL_H
      const level = likelihood.value[l - 1]
      if (level) labels.push({ key: `likelihood-${l}`, text: en('risk-matrix.level-caption', { level: l, name: level.name, definition: level.definition }), x: FRAME_PADDING, y: y + 20, w: LEVEL_LABEL_W - 20, size: 's' })
      for (let i = 1; i <= 5; i++) {
        const score = l * i
        const band = bandFor(bands.value, score)
        zones.push({
          key: `l${l}-i${i}`,
          label: band ? en('risk-matrix.cell', { likelihood: l, impact: i, score, band: band.label }) : `${l} × ${i} = ${score}`,
          x: gridX + (i - 1) * CELL_W,
          y,
          w: CELL_W,
          h: CELL_H,
          shape: 'rectangle',
          color: band?.color ?? 'grey',
          fill: 'semi',
          meaning: { kind: 'riskCell', likelihood: l, impact: i },
          target: true,
        })
      }
    }
    for (let i = 1; i <= 5; i++) {
      const level = impact.value[i - 1]
      if (level) labels.push({ key: `impact-${i}`, text: en('risk-matrix.level-caption', { level: i, name: level.name, definition: level.definition }), x: gridX + (i - 1) * CELL_W + 10, y: gridY + 5 * CELL_H + 10, w: CELL_W - 20, size: 's' })
    }
    const settings: RiskMatrixSettings = { bands: bands.value, likelihood: likelihood.value, impact: impact.value }
    return ok({ width, height, zones, labels, tokens: [], settings: { ...settings } })
  },
}
