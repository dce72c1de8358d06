/** The message catalogue: every locale says the same things, with the same placeholders. */
import { describe, expect, it } from 'vitest'
import { CATALOGUES, formatMessage, LOCALES, pickLocale } from '../../client/i18n/messages.js'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

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

  it.each([
    ['{count} item(s)', { count: 3 }, '3 item(s)'],
    ['Open as {role}', { role: 'viewer' }, 'Open as viewer'],
    ['Hello {name}', {}, 'Hello {name}'],
  ] as const)('formats %j with %j', (template, params, expected) => {
    expect(formatMessage(template, params)).toBe(expected)
  })
})
