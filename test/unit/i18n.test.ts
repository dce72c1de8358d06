/** The message catalogue: every locale says the same things, with the same placeholders. */
import { describe, expect, it } from 'vitest'
import { CATALOGUES, formatMessage, LOCALES, pickLocale } from '../../client/i18n/messages.js'
import { isTemplateText, localizeText } from '../../shared/activities/locale.js'
import { CATALOGUE, text, type TextKey } from '../../shared/i18n/catalogue.js'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)(?::[^{}]*)?\}/g)].map((m) => m[1]).sort()

describe('message catalogue', () => {
  it.each(LOCALES.filter((l) => l !== 'en'))('%s has every English key, non-empty, with the same placeholders', (locale) => {
    const en = CATALOGUES.en
    const other = CATALOGUES[locale]
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort())
    for (const [key, text] of Object.entries(en)) {
      const translated = other[key as keyof typeof en]
      expect(translated.trim(), key).not.toBe('')
      expect(placeholders(translated), key).toEqual(placeholders(text))
    }
  })

  it.each([
    [['fr-CA', 'en-US'], 'fr'],
    [['en-GB'], 'en'],
    [['de-DE', 'fr'], 'fr'],
    [['de-DE'], 'en'],
    [[], 'en'],
  ] as const)('browser languages %j pick %s', (languages, expected) => {
    expect(pickLocale(languages)).toBe(expected)
  })

  it.each(LOCALES)('%s: every message formats to plain text, with every placeholder and choice filled', (locale) => {
    for (const [key, text] of Object.entries(CATALOGUES[locale])) {
      const params = Object.fromEntries(placeholders(text).map((name) => [name, 2]))
      for (const count of [0, 1, 2]) {
        const out = formatMessage(text, { ...params, count }, locale)
        expect(out, key).not.toMatch(/[{}|]/)
      }
    }
  })

  it.each([
    ['{count} {count:item|items}', { count: 3 }, 'en', '3 items'],
    ['{count} {count:item|items}', { count: 1 }, 'en', '1 item'],
    ['{count} {count:item|items}', { count: 0 }, 'en', '0 items'],
    ['{count} {count:élément|éléments}', { count: 0 }, 'fr', '0 élément'],
    ['{count} {count:élément|éléments}', { count: 1 }, 'fr', '1 élément'],
    ['{count} {count:élément|éléments}', { count: 2 }, 'fr', '2 éléments'],
    ['{n} of {count}: {count:one|many}', { n: 1, count: 1 }, 'en', '1 of 1: one'],
    ['Open as {role}', { role: 'viewer' }, 'en', 'Open as viewer'],
    ['Hello {name}', {}, 'en', 'Hello {name}'],
    ['{count:one|many} left', {}, 'en', '{count:one|many} left'],
  ] as const)('formats %j with %j in %s', (template, params, locale, expected) => {
    expect(formatMessage(template, params, locale)).toBe(expected)
  })

  it('French puts a no-break space before ; : ! ? » and after « (typography: no line starts with them), once formatted', () => {
    for (const [key, text] of Object.entries(CATALOGUES.fr)) {
      const params = Object.fromEntries(placeholders(text).map((name) => [name, 'X']))
      for (const count of [1, 2]) {
        const out = formatMessage(text, { ...params, count }, 'fr')
        expect(out, key).not.toMatch(/[^\u00a0\u202f][;:!?»]|«[^\u00a0]/)
      }
    }
    // The values filled in are left as they are.
    expect(formatMessage('{label} : {value}', { label: 'a : b', value: 'c' }, 'fr')).toBe('a : b\u00a0: c')
  })

  it('French puts the same no-break spaces in the shared texts: reports and space pages (`text`), and the template texts drawn on a French board', () => {
    const broken = /[^\u00a0\u202f][;:!?»]|«[^\u00a0]/
    for (const key of Object.keys(CATALOGUE) as TextKey[]) {
      const params = Object.fromEntries(placeholders(CATALOGUE[key].fr).map((name) => [name, 'X']))
      expect(text(key, 'fr', params), key).not.toMatch(broken)
    }
    // A template paragraph as a French board gets it, and a label built from parts.
    const sailboat = localizeText(CATALOGUE['retro-sailboat.wind-what-helps-us'].en, 'fr')
    expect(sailboat).toContain('Vent\u00a0: ce qui nous fait avancer')
    expect(sailboat).not.toMatch(broken)
    // The values filled in are left as they are, and English is untouched.
    expect(text('report.heatMap', 'fr', { name: 'Risques : TI' })).toBe('Risques : TI\u00a0: carte de chaleur')
    expect(text('report.heatMap', 'en', { name: 'IT' })).toBe('IT: heat map')
    // A board made before holds plain spaces: its texts are still recognised as French.
    expect(isTemplateText(CATALOGUE['retro-sailboat.wind-what-helps-us'].fr, 'fr')).toBe(true)
    expect(isTemplateText(sailboat, 'fr')).toBe(true)
    expect(isTemplateText(sailboat, 'en')).toBe(false)
  })

  it('French writes its elisions with the typographic apostrophe (l’équipe), in the app and in the texts written on boards and reports', () => {
    const french = [...Object.entries(CATALOGUES.fr), ...Object.entries(CATALOGUE).map(([key, entry]) => [key, entry.fr] as const)]
    expect(french.length).toBeGreaterThan(500)
    const straight = french.filter(([, text]) => /\p{L}'\p{L}/u.test(text)).map(([key]) => key)
    expect(straight).toEqual([])
  })

  it.each([
    ['en', 'Julie: 3'],
    ['fr', 'Julie\u00a0: 3'],
  ] as const)('%s writes a label and its value as %j', (locale, expected) => {
    expect(formatMessage(CATALOGUES[locale]['format.labelValue'], { label: 'Julie', value: 3 }, locale)).toBe(expected)
  })
})
