import 'tldraw/tldraw.css'
import { useCallback, useMemo, useState } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { loadIdentity, saveIdentity, type Identity } from '../lib/identity'
import { BoardCanvas } from './BoardCanvas'
import { BOARD_PANEL_INSET_PX } from './BoardPanel'
import { useBoardConnection } from './connection/useBoardConnection'
import { dockInsetPx } from './facilitation/dockMemory'
import { useBoardAccess } from './hooks/useBoardAccess'
import { useBoardStore } from './hooks/useBoardStore'
import { useInitialFit, type MountedEditor } from './hooks/useInitialFit'
import { usePresence } from './hooks/usePresence'
import { NamePrompt } from './NamePrompt'
import { useBoardTitle, useLiveBoardTitle } from './tools/boardTitle'

/** What the panels cover when a board first opens: the first fit keeps the content clear of them. */
const panelInsets = () => ({ left: dockInsetPx(), right: BOARD_PANEL_INSET_PX })

/** The name this browser shows to others, and the prompt that asks for it. */
function useIdentity() {
  const [identity, setIdentity] = useState<Identity>(loadIdentity)
  const [editingName, setEditingName] = useState(false)
  const saveName = useCallback((name: string) => {
    setIdentity((current) => {
      const next = { ...current, name }
      saveIdentity(next)
      return next
    })
    setEditingName(false)
  }, [])
  const changeName = useCallback(() => setEditingName(true), [])
  const cancelName = useCallback(() => setEditingName(false), [])
  return { identity, editingName, saveName, changeName, cancelName }
}

export function BoardPage({ boardId, token }: { boardId: string; token: string }) {
  const { t } = useI18n()
  const access = useBoardAccess(boardId, token)
  const role = access.state === 'ready' ? access.role : null
  const { connection, ready, status, fatal, saving } = useBoardConnection(boardId, token, role)
  const { bound, mismatch, invalidCount } = useBoardStore(connection, ready, role)
  const { identity, editingName, saveName, changeName, cancelName } = useIdentity()
  const [mounted, setMounted] = useState<MountedEditor | null>(null)
  // Open on the whole board (the activities), not on an arbitrary corner of it.
  useInitialFit(mounted, connection, panelInsets)
  const people = usePresence(connection?.board.provider.awareness ?? null, bound?.store ?? null, identity, role, bound?.binding.isPrivateRecord)

  // The title fetched when the page opened, then every rename, live (control doc `state`).
  useLiveBoardTitle(boardId, connection?.control.doc ?? null)
  const title = useBoardTitle(boardId, access.state === 'ready' ? access.board.title : '')
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
      {!bound || !role || !connection ? (
        <p className="page-message" role="status">
          {t('board.loading')}
        </p>
      ) : (
        <BoardCanvas
          boardId={boardId}
          token={token}
          role={role}
          title={title}
          status={status}
          people={people}
          identity={identity}
          onChangeName={changeName}
          banners={banners}
          connection={connection}
          store={bound.store}
          binding={bound.binding}
          onMounted={setMounted}
        />
      )}
      {(!identity.name || editingName) && <NamePrompt initial={identity.name} onSave={saveName} onCancel={identity.name ? cancelName : undefined} />}
    </main>
  )
}
