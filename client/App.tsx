import { BoardPage } from './board/BoardPage'
import { Lobby } from './lobby/Lobby'
import { I18nProvider, useI18n } from './i18n/I18nProvider'
import { parseRoute } from './lib/route'

function Routes() {
  const { t } = useI18n()
  const route = parseRoute(window.location)
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {route.page === 'board' ? <BoardPage boardId={route.boardId} token={route.token} /> : <Lobby />}
    </>
  )
}

export function App() {
  return (
    <I18nProvider>
      <Routes />
    </I18nProvider>
  )
}
