import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { CATALOGUES, formatMessage, LOCALES, pickLocale, type Locale, type MessageKey } from './messages'

const LOCALE_STORAGE_KEY = 'canvas.locale'

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string
type I18n = { locale: Locale; setLocale: (locale: Locale) => void; t: Translate }

const I18nContext = createContext<I18n | null>(null)

function initialLocale(): Locale {
  const stored = localStorage.getItem(LOCALE_STORAGE_KEY)
  if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale
  return pickLocale(navigator.languages ?? [navigator.language])
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale)
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(LOCALE_STORAGE_KEY, next)
    setLocaleState(next)
  }, [])
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])
  const value = useMemo<I18n>(() => {
    const catalogue = CATALOGUES[locale]
    return { locale, setLocale, t: (key, params) => formatMessage(catalogue[key], params, locale) }
  }, [locale, setLocale])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}
