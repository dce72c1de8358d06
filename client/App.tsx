import { BoardPage } from './board/BoardPage'
import { Lobby } from './lobby/Lobby'
import { I18nProvider, useI18n } from './i18n/I18nProvider'
import { parseRoute, type Route } from './lib/route'
import { SpacePage } from './space/SpacePage'

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'board':
      return <BoardPage boardId={route.boardId} token={route.token} />
    case 'space':
      return <SpacePage spaceId={route.spaceId} token={route.token} />
    case 'lobby':
      return <Lobby />
  }
}

function Routes() {
  const { t } = useI18n()
  const route = parseRoute(window.location)
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Page route={route} />
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
