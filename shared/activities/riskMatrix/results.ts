/** The risk register read from a risk matrix's cells. */
import { text } from '../../i18n/catalogue.js'
import { byReading, metaString, take, zonesOfKind, type Extraction, type NoteResult, type PlacedNote } from '../extraction.js'
import { bandFor, DEFAULT_RISK_BANDS, parseRiskBands, type RiskBand } from './template.js'

export interface RiskEntry extends NoteResult {
  /** Register id: `meta.riskId` when the facilitator set one, else `R<rank>` by score. */
  riskId: string
  likelihood: number
  impact: number
  score: number
  band: string
  bandLabel: string
  owner: string | null
  mitigation: string | null
  /** `meta.status`, `open` when unset. */
  status: string
}

export interface RiskRegisterResult {
  kind: 'riskRegister'
  bands: RiskBand[]
  register: RiskEntry[]
}

export function extractRiskRegister(x: Extraction): RiskRegisterResult {
  const parsed = parseRiskBands(x.activity.settings.bands)
  const bands = parsed.ok ? parsed.value : DEFAULT_RISK_BANDS.map((b) => ({ ...b }))
  const entries: Array<Omit<RiskEntry, 'riskId'> & { placed: PlacedNote }> = []
  for (const zone of zonesOfKind(x.activity, 'riskCell')) {
    const { likelihood, impact } = zone.meaning
    const score = likelihood * impact
    const band = bandFor(bands, score)
    for (const p of take(x, zone)) {
      entries.push({
        ...p.note,
        likelihood,
        impact,
        score,
        band: band?.key ?? 'unbanded',
        bandLabel: band?.label ?? text('band.unbanded', 'en'),
        owner: metaString(p.record, 'owner'),
        mitigation: metaString(p.record, 'mitigation'),
        status: metaString(p.record, 'status') ?? 'open',
        placed: p,
      })
    }
  }
  entries.sort((a, b) => b.score - a.score || b.impact - a.impact || b.likelihood - a.likelihood || byReading(a.placed, b.placed))
  const register = entries.map(({ placed, ...entry }, i): RiskEntry => ({
    ...entry,
    riskId: metaString(placed.record, 'riskId') ?? `R${i + 1}`,
  }))
  return { kind: 'riskRegister', bands, register }
}
