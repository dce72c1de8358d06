import { useCallback, useEffect, useMemo, useState } from 'react'
import type { Person } from '../api/people'
import { useI18n } from '../i18n/I18nProvider'
import { loadIdentity, saveIdentity, type Identity } from '../lib/identity'
import { useLoaded } from '../lib/useLoaded'
import { useAdmission } from '../people/useAdmission'
import { WaitingLobby } from '../people/WaitingLobby'
import { useBoardConnection } from './connection/useBoardConnection'
import { useBoardAccess, type KnownBoard } from './hooks/useBoardAccess'
import { NamePrompt } from './NamePrompt'
import { RelinkForm } from './RelinkForm'
import { useBoardTitle, useLiveBoardTitle } from './tools/boardTitle'

/**
 * tldraw (the store, the canvas and their styles) is a chunk of its own: this module has none of
 * it, so that the page asks for access and opens the board's websockets first; tldraw, downloaded
 * meanwhile (index.html preloads it on a board URL), evaluates while they connect and sync.
 */
const loadBoardView = () => import('./BoardView').then((m) => m.BoardView)

/**
 * The name this browser shows to others, and the prompt that asks for it. An admitted person's
 * name is the one the facilitator admitted (SPEC R13): it is not asked for nor changed here.
 * Someone signed in (OIDC) who never gave a name here goes by their account's name, unasked;
 * they can still change it.
 */
function useIdentity(person: Person | null, signedInAs: string | null) {
  const [stored, setIdentity] = useState<Identity>(loadIdentity)
  const identity = useMemo(
    () => (person ? { ...stored, name: person.name } : !stored.name && signedInAs ? { ...stored, name: signedInAs } : stored),
    [stored, person, signedInAs],
  )
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
  return <OpenBoard key={view.token} boardId={boardId} token={view.token} person={view.person} signedInAs={view.signedInAs ?? null} known={view.known ?? null} />
}

type OpenBoardProps = { boardId: string; token: string; person: Person | null; signedInAs: string | null; known: KnownBoard | null }

function OpenBoard({ boardId, token, person, signedInAs, known }: OpenBoardProps) {
  const { t } = useI18n()
  // Known from the lobby's answer when the link opens the board: the websockets open at once.
  const access = useBoardAccess(boardId, token, true, known)
  const role = access.state === 'ready' ? access.role : null
  const { connection, ready, status, fatal, saving } = useBoardConnection(boardId, token, role, person?.id ?? null)
  const { identity, editingName, saveName, changeName, cancelName } = useIdentity(person, signedInAs)
  // Imported once the websockets are opening: they connect while tldraw evaluates.
  const BoardView = useLoaded(loadBoardView, connection !== null)

  // The title fetched when the page opened, then every rename, live (control doc `state`).
  useLiveBoardTitle(boardId, connection?.control.doc ?? null)
  const title = useBoardTitle(boardId, access.state === 'ready' ? access.board.title : '')
  // WCAG 2.4.2: the tab names the board, in the page's language.
  useEffect(() => {
    document.title = title ? `${title} — ${t('app.name')}` : t('app.name')
  }, [title, t])

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
      {!role || !connection || !BoardView ? (
        <p className="page-message" role="status">
          {t('board.loading')}
        </p>
      ) : (
        <BoardView boardId={boardId} token={token} role={role} title={title} connection={connection} ready={ready} status={status} fatal={fatal} saving={saving} identity={identity} onChangeName={changeName} />
      )}
      {!person && (!identity.name || editingName) && <NamePrompt initial={identity.name} onSave={saveName} onCancel={identity.name ? cancelName : undefined} />}
    </main>
  )
}
