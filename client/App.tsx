import { lazy, Suspense } from 'react'
import { Lobby } from './lobby/Lobby'
import { I18nProvider, useI18n } from './i18n/I18nProvider'
import { parseRoute } from './lib/route'

// The board page (tldraw and its styles) is its own chunk: the lobby never downloads it.
const BoardPage = lazy(() => import('./board/BoardPage').then((m) => ({ default: m.BoardPage })))

function Routes() {
  const { t } = useI18n()
  const route = parseRoute(window.location)
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {route.page === 'board' ? (
        <Suspense fallback={null}>
          <BoardPage boardId={route.boardId} token={route.token} />
        </Suspense>
      ) : (
        <Lobby />
      )}
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
