import { useId } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { LOCALES, type Locale } from '../i18n/messages'

export function LocaleSwitch() {
  const { locale, setLocale, t } = useI18n()
  const id = useId()
  return (
    <span className="locale-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('locale.label')}
      </label>
      <select id={id} value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`locale.${l}`)}
          </option>
        ))}
      </select>
    </span>
  )
}
