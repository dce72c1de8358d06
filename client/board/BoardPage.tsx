import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { useCallback, useMemo, useState } from 'react'
import { Tldraw, useTldrawUser, type Editor, type TLComponents } from 'tldraw'
import { useBoardAccess } from './hooks/useBoardAccess'
import { useBoardConnection } from './connection/useBoardConnection'
import { useBoardStore } from './hooks/useBoardStore'
import { useInitialFit, type MountedEditor } from './hooks/useInitialFit'
import { usePresence } from './hooks/usePresence'
import { useI18n } from '../i18n/I18nProvider'
import { loadIdentity, saveIdentity, type Identity } from '../lib/identity'
import { BannerContext, BoardBanners } from './BoardBanners'
import { BOARD_PANEL_INSET_PX, BoardChromeContext, BoardPanel } from './BoardPanel'
import { NamePrompt } from './NamePrompt'
import { useBoardTitle, useLiveBoardTitle } from './tools/boardTitle'
import { dockInsetPx, FacilitationLayer, FacilitationProvider } from './facilitation'
import { ActivitiesProvider } from './activities'

/** tldraw's fonts, icons and translations, bundled by Vite: the board works with no internet. */
const ASSET_URLS = getAssetUrlsByImport()

const TLDRAW_COMPONENTS: TLComponents = { SharePanel: BoardPanel, TopPanel: BoardBanners, InFrontOfTheCanvas: FacilitationLayer }

/** What the panels cover when a board first opens: the first fit keeps the content clear of them. */
const panelInsets = () => ({ left: dockInsetPx(), right: BOARD_PANEL_INSET_PX })

declare global {
  interface Window {
    /** The board's tldraw editor, for browser tests and debugging. */
    __editor?: Editor
  }
}

export function BoardPage({ boardId, token }: { boardId: string; token: string }) {
  const { t, locale } = useI18n()
  const access = useBoardAccess(boardId, token)
  const role = access.state === 'ready' ? access.role : null
  const { connection, ready, status, fatal, saving } = useBoardConnection(boardId, token, access.state === 'ready')
  const { bound, mismatch, invalidCount } = useBoardStore(connection, ready, role)
  const [identity, setIdentity] = useState<Identity>(loadIdentity)
  const [editingName, setEditingName] = useState(false)
  const [mounted, setMounted] = useState<MountedEditor | null>(null)
  // Open on the whole board (the activities), not on an arbitrary corner of it.
  useInitialFit(mounted, connection, panelInsets)
  const people = usePresence(connection?.board.provider.awareness ?? null, bound?.store ?? null, identity, role, bound?.binding.isPrivateRecord)

  // The title fetched when the page opened, then every rename, live (control doc `state`).
  useLiveBoardTitle(boardId, connection?.control.doc ?? null)
  const title = useBoardTitle(boardId, access.state === 'ready' ? access.board.title : '')

  const user = useTldrawUser({
    userPreferences: { id: identity.id, name: identity.name, color: identity.color, locale },
  })
  const saveName = useCallback((name: string) => {
    setIdentity((current) => {
      const next = { ...current, name }
      saveIdentity(next)
      return next
    })
    setEditingName(false)
  }, [])
  const chrome = useMemo(
    () => (role && access.state === 'ready' ? { title, role, status, people, onChangeName: () => setEditingName(true) } : null),
    [access.state, title, role, status, people],
  )
  const banners = useMemo(() => ({ mismatch, fatal, invalidCount, saving }), [mismatch, fatal, invalidCount, saving])

  if (access.state === 'failed') {
    const text = access.reason === 'other' ? t('board.failed', { reason: access.detail ?? '' }) : t(`board.${access.reason}`)
    return (
      <main className="page-message" id="main">
        <p role="alert">{text}</p>
        <a href="/">{t('board.backToLobby')}</a>
      </main>
    )
  }

  return (
    <main className="board-page" id="main">
      {!bound || !chrome ? (
        <p className="page-message" role="status">
          {t('board.loading')}
        </p>
      ) : (
        <BoardChromeContext.Provider value={chrome}>
          <BannerContext.Provider value={banners}>
            <FacilitationProvider boardId={boardId} token={token} role={chrome.role} name={identity.name} connection={connection!} binding={bound.binding}>
            <ActivitiesProvider boardId={boardId} token={token} controlDoc={connection?.control.doc ?? null}>
            <Tldraw
              store={bound.store}
              user={user}
              assetUrls={ASSET_URLS}
              components={TLDRAW_COMPONENTS}
              onMount={(editor) => {
                window.__editor = editor
                setMounted({ editor, cameraAtMount: editor.getCamera() })
                return () => setMounted(null)
              }}
            />
            </ActivitiesProvider>
            </FacilitationProvider>
          </BannerContext.Provider>
        </BoardChromeContext.Provider>
      )}
      {(!identity.name || editingName) && (
        <NamePrompt initial={identity.name} onSave={saveName} onCancel={identity.name ? () => setEditingName(false) : undefined} />
      )}
    </main>
  )
}
