import { lazy, Suspense, type MouseEvent } from 'react'
import type { BoardPage as BoardPageType } from './board/BoardPage'
import { Lobby } from './lobby/Lobby'
import { I18nProvider, useI18n } from './i18n/I18nProvider'
import { parseRoute } from './lib/route'
import { useLoaded } from './lib/useLoaded'
import { useLocation } from './lib/useLocation'
import { SpacePage } from './space/SpacePage'

// The board page and the projector view (tldraw and its styles) are their own chunks: the lobby
// and the space page never download them. The board page's is preloaded by its URL's index.html
// (server/http/clientRoutes.ts) and rendered as soon as it has loaded (useLoaded, not React.lazy).
const loadBoardPage = () => import('./board/BoardPage').then((m) => m.BoardPage)
const PresentPage = lazy(() => import('./present/PresentPage').then((m) => ({ default: m.PresentPage })))

function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault()
  const main = document.getElementById('main')
  if (!main) return
  if (!main.hasAttribute('tabindex')) main.setAttribute('tabindex', '-1')
  main.focus()
}


function BoardPage(props: Parameters<typeof BoardPageType>[0]) {
  const Page = useLoaded(loadBoardPage)
  return Page ? <Page {...props} /> : null
}

function Routes() {
  const { t } = useI18n()
  const route = parseRoute(useLocation())
  // Keyed by board and token: another link opens a fresh page (new role, new connections).
  const page =
    route.page === 'board' ? (
      <BoardPage key={`${route.boardId}#${route.token}`} boardId={route.boardId} token={route.token} />
    ) : route.page === 'space' ? (
      <SpacePage key={`${route.spaceId}#${route.token}`} spaceId={route.spaceId} token={route.token} />
    ) : route.page === 'present' ? (
      <PresentPage key={`${route.boardId}#${route.token}`} boardId={route.boardId} token={route.token} leaderId={route.leaderId} />
    ) : (
      <Lobby />
    )
  return (
    <>
      {/* Not a plain #main jump: a board's #fragment is its token, and changing it opens another board. */}
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('app.skipToContent')}
      </a>
      <Suspense fallback={null}>{page}</Suspense>
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
