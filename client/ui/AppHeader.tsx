import { useEffect } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { SignInStatus } from '../people/SignInStatus'
import { LocaleSwitch } from './LocaleSwitch'

/**
 * The header of the app's own pages (start page, team space): the app's name, sign-in status and
 * the language switch. Also names the tab (WCAG 2.4.2), after the page's subject when it has
 * one. Away from the start page, the app's name leads back to it.
 */
export function AppHeader({ subject, home = false }: { subject?: string; home?: boolean }) {
  const { t } = useI18n()
  useEffect(() => {
    document.title = subject ? `${subject} — ${t('app.name')}` : t('app.name')
  }, [subject, t])
  return (
    <header className="app-header">
      {home ? (
        <span className="app-name">{t('app.name')}</span>
      ) : (
        <a className="app-name" href="/">
          {t('app.name')}
        </a>
      )}
      <SignInStatus />
      <LocaleSwitch />
    </header>
  )
}
