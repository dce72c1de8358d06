import { useEffect } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { LocaleSwitch } from '../ui/LocaleSwitch'
import { SignInStatus } from '../people/SignInStatus'

/** Lobby: the app's name, sign-in status and language switch; also names the tab. */
export function LobbyHeader() {
  const { t } = useI18n()
  // WCAG 2.4.2: the tab's title in the page's language.
  useEffect(() => {
    document.title = t('app.name')
  }, [t])
  return (
    <header className="lobby-header">
      <span className="app-name">{t('app.name')}</span>
      <SignInStatus />
      <LocaleSwitch />
    </header>
  )
}
