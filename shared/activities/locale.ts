/**
 * Template texts by locale. Templates are written in English; a board created in another
 * locale gets its texts translated at creation time (texts on the canvas are data in the doc).
 * Only display text changes: ids, keys, zone meanings (kinds, keys, numbers) and everything
 * results extraction relies on stay the same in every locale. Text a facilitator typed
 * (participants, custom stakeholders, prompts, band labels) is kept as given.
 */
import { DEFAULT_LOCALE, LOCALES, type CatalogueEntry, type Locale } from '../i18n/catalogue.js'
import { TEMPLATE_TEXTS } from '../i18n/templateTexts.js'
import { frenchSpaces, plainSpaces } from '../i18n/typography.js'
import type { ActivityLayout, ZoneMeaning } from './types.js'

export const TEMPLATE_LOCALES = LOCALES
export type TemplateLocale = Locale
export const DEFAULT_TEMPLATE_LOCALE: TemplateLocale = DEFAULT_LOCALE

const PARAM = /\{(\w+)\}/g
const ENTRIES: ReadonlyArray<CatalogueEntry> = Object.values(TEMPLATE_TEXTS)

/**
 * English → French, by exact text (a paragraph, a label, a level name or definition), from the
 * catalogue, with French typography's no-break spaces (a label's colon never starts a line).
 */
export const FRENCH: Readonly<Record<string, string>> = Object.fromEntries(
  ENTRIES.filter((e) => !e.en.match(PARAM)).map((e) => [e.en, frenchSpaces(e.fr)]),
)

/** Parameters that are numbers (a seat, a round, a level, a score). */
const NUMERIC = new Set(['likelihood', 'impact', 'score', 'seat', 'round', 'n', 'level'])

interface Pattern {
  entry: CatalogueEntry
  regex: RegExp
  params: string[]
  /** The French text, with French typography's no-break spaces. */
  fr: string
}

/** A catalogue text with parameters as a regular expression over its English form. */
function compile(entry: CatalogueEntry): Pattern {
  const params: string[] = []
  const source = entry.en
    .split(PARAM)
    .map((part, i) => {
      if (i % 2 === 0) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      params.push(part)
      return `(${entry.match?.[part] ?? (NUMERIC.has(part) ? '\\d+' : '[\\s\\S]+?')})`
    })
    .join('')
  return { entry, regex: new RegExp(`^${source}$`), params, fr: frenchSpaces(entry.fr) }
}

/** Texts built from parts, in catalogue order (the more specific first). */
const PATTERNS: readonly Pattern[] = ENTRIES.filter((e) => e.en.match(PARAM)).map(compile)

function translateFrench(text: string): string {
  const exact = FRENCH[text]
  if (exact !== undefined) return exact
  if (text.includes('\n\n')) return text.split('\n\n').map(translateFrench).join('\n\n')
  for (const { entry, regex, params, fr } of PATTERNS) {
    const m = text.match(regex)
    if (!m) continue
    const values = Object.fromEntries(params.map((name, i) => [name, entry.verbatim?.includes(name) ? m[i + 1]! : translateFrench(m[i + 1]!)]))
    return fr.replace(PARAM, (_whole, name: string) => values[name] ?? '')
  }
  return text
}

/** Compared with French typography's no-break spaces as plain ones: boards made before they were written hold plain ones. */
const KNOWN: Record<TemplateLocale, ReadonlySet<string>> = {
  en: new Set(ENTRIES.filter((e) => !e.en.match(PARAM)).map((e) => plainSpaces(e.en))),
  fr: new Set(ENTRIES.filter((e) => !e.fr.match(PARAM)).map((e) => plainSpaces(e.fr))),
}

/** Whether a text is exactly one of the catalogue's template texts (without parameters) in `locale`. */
export function isTemplateText(text: string, locale: TemplateLocale): boolean {
  return KNOWN[locale].has(plainSpaces(text))
}

/** A template text in `locale`; text without a translation (typed by a person) is returned as is. */
export function localizeText(text: string, locale: TemplateLocale): string {
  return locale === 'fr' ? translateFrench(text) : text
}

function localizeMeaning(meaning: ZoneMeaning, t: (s: string) => string): ZoneMeaning {
  switch (meaning.kind) {
    case 'cell':
      return { ...meaning, columnLabel: t(meaning.columnLabel), rowLabel: t(meaning.rowLabel) }
    case 'scale': {
      const axis = (a: typeof meaning.x) => (a ? { ...a, name: t(a.name), lowLabel: t(a.lowLabel), highLabel: t(a.highLabel) } : null)
      return { ...meaning, x: axis(meaning.x), y: axis(meaning.y) }
    }
    default:
      return meaning
  }
}

/** Display strings inside `settings` (risk band labels, level names and definitions). */
const SETTINGS_TEXT_KEYS = new Set(['label', 'name', 'definition'])

function localizeSettings(value: unknown, t: (s: string) => string, key = ''): unknown {
  if (typeof value === 'string') return SETTINGS_TEXT_KEYS.has(key) ? t(value) : value
  if (Array.isArray(value)) return value.map((v) => localizeSettings(v, t, key))
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localizeSettings(v, t, k)]))
  }
  return value
}

/**
 * The layout with its display texts in `locale`: zone labels, text labels, token labels, the
 * text parts of zone meanings and of settings. Keys, positions, sizes and every other value
 * are left untouched.
 */
export function localizeLayout(layout: ActivityLayout, locale: TemplateLocale): ActivityLayout {
  if (locale === 'en') return layout
  const t = (s: string) => localizeText(s, locale)
  return {
    ...layout,
    zones: layout.zones.map((z) => ({ ...z, label: t(z.label), meaning: localizeMeaning(z.meaning, t) })),
    labels: layout.labels.map((l) => ({ ...l, text: t(l.text) })),
    tokens: layout.tokens.map((k) => ({ ...k, label: t(k.label) })),
    settings: localizeSettings(layout.settings, t) as Record<string, unknown>,
  }
}
