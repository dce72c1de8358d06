/**
 * The language of a board, read from its activities: template texts are written in the board's
 * language when an activity is added (shared/activities/locale.ts), so the catalogue recognises
 * them. Nothing else records it: a board without activities reads as English.
 */
import type { BoardResults } from '../activities/index.js'
import { isTemplateText } from '../activities/locale.js'
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../i18n/catalogue.js'

/** Result fields that hold template text (activity names, zone and band labels). */
const TEXT_FIELDS = new Set(['name', 'label', 'bandLabel'])

function templateTexts(value: unknown, key = '', out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (TEXT_FIELDS.has(key)) out.push(value)
  } else if (Array.isArray(value)) for (const v of value) templateTexts(v, key, out)
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) templateTexts(v, k, out)
  return out
}

/**
 * The language most of the board's template texts are in (English on a tie); null when none is
 * known (no activity, or only custom texts).
 */
export function boardLocale(results: BoardResults): Locale | null {
  const texts = templateTexts(results.activities)
  const counts = LOCALES.map((locale) => ({ locale, n: texts.filter((t) => isTemplateText(t, locale) && !isTemplateText(t, otherThan(locale))).length }))
  const best = counts.reduce<{ locale: Locale | null; n: number }>((a, b) => (b.n > a.n ? b : a), { locale: null, n: 0 })
  return best.locale
}

function otherThan(locale: Locale): Locale {
  return LOCALES.find((l) => l !== locale) ?? DEFAULT_LOCALE
}

const UNESCAPE: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }

/**
 * For HTML reports in `locale`: wraps an (HTML-escaped) template text that is known in another
 * language only in `<span lang="…">`; returns any other text unchanged.
 */
export function languageMarker(locale: Locale): (text: string) => string {
  return (text) => {
    const plain = text.replace(/&(amp|lt|gt|quot|#39);/g, (e) => UNESCAPE[e] ?? e)
    if (isTemplateText(plain, locale)) return text
    const other = LOCALES.find((l) => l !== locale && isTemplateText(plain, l))
    return other ? `<span lang="${other}">${text}</span>` : text
  }
}
