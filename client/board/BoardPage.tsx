import 'tldraw/tldraw.css'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { Person } from '../api/people'
import { useI18n } from '../i18n/I18nProvider'
import { loadIdentity, saveIdentity, type Identity } from '../lib/identity'
import { useAdmission } from '../people/useAdmission'
import { WaitingLobby } from '../people/WaitingLobby'
import { BoardCanvas } from './BoardCanvas'
import { BOARD_PANEL_INSET_PX } from './BoardPanel'
import { useBoardConnection } from './connection/useBoardConnection'
import { dockInsetPx } from './facilitation/dockMemory'
import { useBoardAccess } from './hooks/useBoardAccess'
import { useBoardStore } from './hooks/useBoardStore'
import { useInitialFit, type MountedEditor } from './hooks/useInitialFit'
import { usePresence } from './hooks/usePresence'
import { NamePrompt } from './NamePrompt'
import { isPhoneLayout } from './phone/usePhoneLayout'
import { RelinkForm } from './RelinkForm'
import { useBoardTitle, useLiveBoardTitle } from './tools/boardTitle'

/** Height of tldraw's toolbar at the bottom of a phone's canvas. */
const PHONE_TOOLBAR_PX = 64

/**
 * What the panels cover when a board first opens: the first fit keeps the content clear of them
 * (on a phone no panel is open; tldraw's toolbar is at the bottom).
 */
const panelInsets = () => (isPhoneLayout() ? { left: 0, right: 0, bottom: PHONE_TOOLBAR_PX } : { left: dockInsetPx(), right: BOARD_PANEL_INSET_PX })

/**
 * The name this browser shows to others, and the prompt that asks for it. An admitted person's
 * name is the one the facilitator admitted (SPEC R13): it is not asked for nor changed here.
 */
function useIdentity(person: Person | null) {
  const [stored, setIdentity] = useState<Identity>(loadIdentity)
  const identity = useMemo(() => (person ? { ...stored, name: person.name } : stored), [stored, person])
  const [editingName, setEditingName] = useState(false)
  const saveName = useCallback((name: string) => {
    setIdentity((current) => {
      const next = { ...current, name }
      saveIdentity(next)
      return next
    })
    setEditingName(false)
  }, [])
  const changeName = useCallback(() => setEditingName(person === null), [person])
  const cancelName = useCallback(() => setEditingName(false), [])
  return { identity, editingName, saveName, changeName, cancelName }
}

/**
 * A board link: the lobby while a board under admission has not admitted this browser's person
 * (SPEC R12), then the board, opened with the personal credential once there is one.
 */
export function BoardPage({ boardId, token }: { boardId: string; token: string }) {
  const { t } = useI18n()
  const admission = useAdmission(boardId, token)
  const { view } = admission
  if (view.state === 'checking') {
    return (
      <main className="page-message" id="main">
        <p role="status">{t('board.loading')}</p>
      </main>
    )
  }
  if (view.state !== 'board') {
    return <WaitingLobby boardId={boardId} linkToken={admission.linkToken} view={view} joining={admission.joining} error={admission.error} onJoin={(name) => void admission.join(name)} />
  }
  return <OpenBoard key={view.token} boardId={boardId} token={view.token} person={view.person} />
}

function OpenBoard({ boardId, token, person }: { boardId: string; token: string; person: Person | null }) {
  const { t } = useI18n()
  const access = useBoardAccess(boardId, token)
  const role = access.state === 'ready' ? access.role : null
  const { connection, ready, status, fatal, saving } = useBoardConnection(boardId, token, role, person?.id ?? null)
  const { bound, mismatch, invalidCount } = useBoardStore(connection, ready, role)
  const { identity, editingName, saveName, changeName, cancelName } = useIdentity(person)
  const [mounted, setMounted] = useState<MountedEditor | null>(null)
  // Open on the whole board (the activities), not on an arbitrary corner of it.
  useInitialFit(mounted, connection, panelInsets)
  const people = usePresence(connection?.board.provider.awareness ?? null, bound?.store ?? null, identity, role, bound?.binding.isPrivateRecord)

  // The title fetched when the page opened, then every rename, live (control doc `state`).
  useLiveBoardTitle(boardId, connection?.control.doc ?? null)
  const title = useBoardTitle(boardId, access.state === 'ready' ? access.board.title : '')
  // WCAG 2.4.2: the tab names the board, in the page's language.
  useEffect(() => {
    document.title = title ? `${title} — ${t('app.name')}` : t('app.name')
  }, [title, t])
  const banners = useMemo(() => ({ mismatch, fatal, invalidCount, saving }), [mismatch, fatal, invalidCount, saving])

  if (access.state === 'failed') {
    const text = access.reason === 'other' ? t('board.failed', { reason: access.detail ?? '' }) : t(`board.${access.reason}`)
    return (
      <main className="page-message" id="main">
        <p role="alert">{text}</p>
        {access.reason !== 'notFound' && <RelinkForm />}
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
      {!person && (!identity.name || editingName) && <NamePrompt initial={identity.name} onSave={saveName} onCancel={identity.name ? cancelName : undefined} />}
    </main>
  )
}
