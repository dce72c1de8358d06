/**
 * The 5 × 5 risk matrix (risk management): likelihood up, impact right, score = likelihood ×
 * impact (1–25), configurable bands, and a written definition for every level (vague levels
 * are the usual criticism of risk matrices).
 */
import { err, ok, type Result } from '../../result.js'
import { FRAME_PADDING, HEADER_HEIGHT, headerLabel } from '../layout.js'
import type { ActivityTemplate, LabelSpec, ZoneColor, ZoneSpec } from '../types.js'

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
  { key: 'low', label: 'Low', min: 1, max: 4, color: 'green' },
  { key: 'medium', label: 'Medium', min: 5, max: 9, color: 'yellow' },
  { key: 'high', label: 'High', min: 10, max: 15, color: 'orange' },
  { key: 'critical', label: 'Critical', min: 16, max: 25, color: 'red' },
]

export const LIKELIHOOD_LEVELS: readonly RiskLevel[] = [
  { level: 1, name: 'Rare', definition: 'Only in exceptional circumstances (under 5% in the period).' },
  { level: 2, name: 'Unlikely', definition: 'Could happen but not expected (5–25%).' },
  { level: 3, name: 'Possible', definition: 'Might well happen (25–50%).' },
  { level: 4, name: 'Likely', definition: 'Will probably happen in most circumstances (50–90%).' },
  { level: 5, name: 'Almost certain', definition: 'Expected to happen (over 90%).' },
]

export const IMPACT_LEVELS: readonly RiskLevel[] = [
  { level: 1, name: 'Insignificant', definition: 'No noticeable effect on objectives, people, budget or schedule.' },
  { level: 2, name: 'Minor', definition: 'Small delay or cost that the team absorbs.' },
  { level: 3, name: 'Moderate', definition: 'An objective partly missed; needs management attention.' },
  { level: 4, name: 'Major', definition: 'A key objective missed; significant cost, harm or loss of trust.' },
  { level: 5, name: 'Severe', definition: 'The initiative fails, or serious harm to people; external scrutiny.' },
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
  name: 'Risk matrix',
  family: 'risk-management',
  description: '5 × 5 likelihood × impact matrix with defined levels and score bands; yields a risk register sorted by score.',
  instructions:
    'Write one risk per note and place it in the cell of its likelihood (rows, 1 Rare to 5 Almost certain) and impact (columns, 1 Insignificant to 5 Severe). Score = likelihood × impact.\n\nThen give each risk an owner and a mitigation in the results panel.',
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
      { key: 'axis-likelihood', text: 'Likelihood ↑', x: FRAME_PADDING, y: HEADER_HEIGHT, w: LEVEL_LABEL_W - 20, size: 'm' },
      { key: 'axis-impact', text: 'Impact →', x: gridX, y: gridY + 5 * CELL_H + IMPACT_LABEL_H - 50, w: 400, size: 'm' },
    ]
    for (let l = 1; l <= 5; l++) {
      const y = gridY + (5 - l) * CELL_H
      const level = likelihood.value[l - 1]
      if (level) labels.push({ key: `likelihood-${l}`, text: `${l} ${level.name}: ${level.definition}`, x: FRAME_PADDING, y: y + 20, w: LEVEL_LABEL_W - 20, size: 's' })
      for (let i = 1; i <= 5; i++) {
        const score = l * i
        const band = bandFor(bands.value, score)
        zones.push({
          key: `l${l}-i${i}`,
          label: `${l} × ${i} = ${score}${band ? ` (${band.label})` : ''}`,
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
      if (level) labels.push({ key: `impact-${i}`, text: `${i} ${level.name}: ${level.definition}`, x: gridX + (i - 1) * CELL_W + 10, y: gridY + 5 * CELL_H + 10, w: CELL_W - 20, size: 's' })
    }
    const settings: RiskMatrixSettings = { bands: bands.value, likelihood: likelihood.value, impact: impact.value }
    return ok({ width, height, zones, labels, tokens: [], settings: settings as unknown as Record<string, unknown> })
  },
}
