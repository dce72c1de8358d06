/**
 * Template texts by locale: a French build differs from the English one in display text only.
 * Ids, shape types, positions, sizes, zone meanings and results structure are locale-independent.
 */
import { describe, expect, it } from 'vitest'
import type { JsonRecord } from '../../shared/docLayout.js'
import { extractResults, positionInZone, readActivities, zonesOf } from '../../shared/activities/index.js'
import { shapeText } from '../../shared/activities/richText.js'
import { buildActivityRecords, localizeText, TEMPLATES, type BuildActivityInput } from '../../shared/activities/index.js'
import { FRENCH } from '../../shared/activities/locale.js'
import { noteRecord } from '../helpers/records.js'

/** English texts that are the same word in French (not left-overs). */
const SAME_IN_FRENCH = new Set(['Actions', 'Impact →', 'Rare', 'Possible'])
/** Proper nouns typed by the facilitator: participants are never translated. */
const PARTICIPANTS = ['Ana', 'Bo', 'Chen']

/** Meta / result keys whose string values are display text (translated); everything else must match. */
const TEXT_KEYS = new Set(['label', 'name', 'columnLabel', 'rowLabel', 'lowLabel', 'highLabel', 'definition', 'bandLabel'])

function structure(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return TEXT_KEYS.has(key) ? '<text>' : value
  if (Array.isArray(value)) return value.map((v) => structure(v, key))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structure(v, k)]))
  return value
}

function build(templateId: string, input: BuildActivityInput): JsonRecord[] {
  const result = buildActivityRecords(templateId, { instanceId: 'act1', ...input })
  if (!result.ok) throw new Error(result.error)
  return result.value.records
}

/** Every display text of a build: shape text (zones, labels), frame names, text in meta. */
function texts(records: readonly JsonRecord[]): string[] {
  const out: string[] = []
  const walk = (value: unknown, key = '') => {
    if (typeof value === 'string') {
      if (TEXT_KEYS.has(key) && value !== '') out.push(value)
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, key))
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k)
  }
  for (const r of records) {
    const text = shapeText(r)
    if (text) out.push(text)
    walk((r.props as Record<string, unknown>).name, 'name')
    walk(r.meta)
  }
  return out
}

const VARIANTS: Array<{ what: string; input: BuildActivityInput }> = [
  { what: 'defaults', input: {} },
  { what: 'participants', input: { participants: PARTICIPANTS } },
  { what: 'closed fishbowl', input: { participants: PARTICIPANTS, options: { variant: 'closed' } } },
]

describe('template texts by locale', () => {
  for (const template of TEMPLATES) {
    for (const { what, input } of VARIANTS) {
      it(`${template.id} (${what}): fr has the same ids, types, positions and meta structure as en, and no English text left`, () => {
        if (template.id !== 'fishbowl' && what === 'closed fishbowl') return
        const en = build(template.id, { ...input, locale: 'en' })
        const fr = build(template.id, { ...input, locale: 'fr' })
        expect(build(template.id, input)).toEqual(en) // en is the default
        expect(fr.map((r) => r.id)).toEqual(en.map((r) => r.id))
        expect(fr.map((r) => [r.type, r.parentId, r.index, r.x, r.y, r.isLocked])).toEqual(en.map((r) => [r.type, r.parentId, r.index, r.x, r.y, r.isLocked]))
        for (const [i, r] of fr.entries()) {
          const { richText: _f, name: _fn, ...frProps } = r.props as Record<string, unknown>
          const { richText: _e, name: _en, ...enProps } = en[i]!.props as Record<string, unknown>
          expect(frProps).toEqual(enProps)
          expect(structure(r.meta)).toEqual(structure(en[i]!.meta))
        }
        const enTexts = texts(en)
        const frTexts = texts(fr)
        expect(frTexts.length).toBe(enTexts.length)
        const leftOver = frTexts.filter((text, i) => text === enTexts[i] && !SAME_IN_FRENCH.has(text) && !PARTICIPANTS.includes(text))
        expect(leftOver).toEqual([])
        // Every text with a French entry is translated.
        for (const text of enTexts) if (FRENCH[text] !== undefined) expect(frTexts).toContain(FRENCH[text])
      })
    }

    it(`${template.id}: results extraction on a fr-built board has the same structure as on en`, () => {
      const results = (locale: 'en' | 'fr') => {
        const templateRecords = build(template.id, { participants: PARTICIPANTS, locale })
        const [activity] = readActivities(templateRecords)
        const notes = zonesOf(activity!).map((zone, i) => {
          const at = positionInZone(zone)
          return noteRecord(`shape:note${i}`, `note ${i}`, at.x, at.y, { meta: { owner: 'Ana', to: 'Bo' } })
        })
        expect(notes.length).toBeGreaterThan(0)
        return extractResults({ templateRecords, boardRecords: notes, votes: { 'shape:note0': 2 } })
      }
      const en = results('en')
      const fr = results('fr')
      expect(structure(fr)).toEqual(structure(en))
      expect(JSON.stringify(fr)).toContain('note 0')
    })
  }

  it('French template names match the gallery names of the French UI catalogue, as the gallery shows them', async () => {
    const { CATALOGUES, formatMessage } = await import('../../client/i18n/messages.js')
    for (const template of TEMPLATES) {
      const frFrame = build(template.id, { locale: 'fr' })[0]!
      // As the gallery shows it (with French typography's no-break spaces).
      expect((frFrame.props as { name: string }).name).toBe(formatMessage(CATALOGUES.fr[`activities.name.${template.id}` as keyof typeof CATALOGUES.fr], {}, 'fr'))
    }
  })

  it('the risk matrix in French: levels, bands and axes', () => {
    const fr = build('risk-matrix', { locale: 'fr' })
    const all = texts(fr)
    for (const text of ['Matrice des risques', 'Probabilité ↑', 'Impact →', '4 × 5 = 20 (Critique)', '5 Quasi certain\u00a0: On s’attend à ce que cela arrive (plus de 90 %).']) {
      expect(all).toContain(text)
    }
    expect(localizeText('Start / Stop / Continue', 'fr')).toBe('Commencer / Arrêter / Continuer')
    // Text typed by a person is kept as given.
    expect(localizeText('Our own column', 'fr')).toBe('Our own column')
    expect(buildActivityRecords('risk-matrix', { locale: 'de' as 'fr' })).toEqual({ ok: false, error: 'locale must be one of en, fr' })
  })
})
