/**
 * docs/GLOSSARY.md is the one list of terms (EN/FR): every row's words are what the catalogue
 * uses under the keys the row names, and no French text of the shared catalogue or of the
 * client's activity messages uses a word the glossary avoids.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ACTIVITIES_MESSAGES } from '../../client/i18n/messages.activities.js'
import { CATALOGUE, type TextKey } from '../../shared/i18n/catalogue.js'

interface Term {
  en: string
  fr: string
  avoid: string[]
  keys: string[]
}

function glossary(): Term[] {
  const text = readFileSync(new URL('../../docs/GLOSSARY.md', import.meta.url), 'utf8')
  return text
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| English') && !line.startsWith('| ---'))
    .map((line) => {
      const [en = '', fr = '', avoid = '', keys = ''] = line.slice(1, -1).split('|').map((cell) => cell.trim())
      return { en, fr, avoid: avoid ? avoid.split(',').map((w) => w.trim()) : [], keys: keys.split(',').map((k) => k.trim()).filter(Boolean) }
    })
}

const isKey = (key: string): key is TextKey => key in CATALOGUE
const lower = (s: string) => s.toLocaleLowerCase('fr')

describe('glossary (docs/GLOSSARY.md) and catalogue', () => {
  const terms = glossary()

  it('lists terms, each with catalogue keys', () => {
    expect(terms.length).toBeGreaterThan(20)
    for (const term of terms) expect({ term: term.en, keys: term.keys.length > 0 }).toEqual({ term: term.en, keys: true })
  })

  it.each(terms.map((t) => [t.en, t] as const))('%s: the catalogue uses the glossary words under its keys', (_en, term) => {
    for (const key of term.keys) {
      expect({ key, known: isKey(key) }).toEqual({ key, known: true })
      if (!isKey(key)) continue
      const entry = CATALOGUE[key]
      expect({ key, en: lower(entry.en).includes(lower(term.en)) }).toEqual({ key, en: true })
      expect({ key, fr: lower(entry.fr).includes(lower(term.fr)) }).toEqual({ key, fr: true })
    }
  })

  it('no French text of the catalogues uses a word the glossary avoids', () => {
    const french = [...Object.values(CATALOGUE).map((e) => e.fr), ...Object.values(ACTIVITIES_MESSAGES.fr)]
    const avoided = terms.flatMap((t) => t.avoid.map(lower))
    expect(avoided).toContain('canevas')
    const found = french.filter((text) => avoided.some((word) => new RegExp(`(^|[^\\p{L}])${word}`, 'u').test(lower(text))))
    expect(found).toEqual([])
  })
})
