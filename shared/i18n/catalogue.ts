/**
 * The one catalogue of shared texts (EN/FR), keyed by stable ids: template texts
 * (templateTexts.ts) and the fixed words of results and exports (reportTexts.ts). Templates,
 * results, exports and the client's activity messages all read it; docs/GLOSSARY.md lists the
 * terms it must use (test/unit/glossary.test.ts).
 */
import type { CatalogueEntry } from './entry.js'
import type { Locale } from './locale.js'
import { REPORT_TEXTS } from './reportTexts.js'
import { SPACE_TEXTS } from './spaceTexts.js'
import { TEMPLATE_TEXTS } from './templateTexts.js'
import { frenchSpaces } from './typography.js'

export type { CatalogueEntry } from './entry.js'
export * from './locale.js'

export const CATALOGUE = { ...TEMPLATE_TEXTS, ...REPORT_TEXTS, ...SPACE_TEXTS }
export type TextKey = keyof typeof CATALOGUE
export type TemplateTextKey = keyof typeof TEMPLATE_TEXTS
export type ReportTextKey = keyof typeof REPORT_TEXTS

/** `{name}` placeholders replaced by `params` (a missing parameter stays as written). */
export function format(pattern: string, params: Readonly<Record<string, string | number>> = {}): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** The text of `key` in `locale`, with its parameters filled in (French with its no-break spaces). */
export function text(key: TextKey, locale: Locale, params?: Readonly<Record<string, string | number>>): string {
  const entry: CatalogueEntry = CATALOGUE[key]
  return format(locale === 'fr' ? frenchSpaces(entry.fr) : entry[locale], params)
}

/** "label: value" as `locale` writes it: French puts a no-break space before the colon. */
export function labelValue(label: string, value: string | number, locale: Locale): string {
  return `${label}${locale === 'fr' ? '\u00a0: ' : ': '}${value}`
}

/** The English text of a template key: templates are laid out in English, then localised. */
export function en(key: TemplateTextKey, params?: Readonly<Record<string, string | number>>): string {
  return text(key, 'en', params)
}
