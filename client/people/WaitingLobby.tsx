import { useId, useState } from 'react'
import { signInUrl } from '../api/people'
import { useI18n } from '../i18n/I18nProvider'
import './people.css'
import { rememberLinkToken } from './personalCredential'
import type { AdmissionView } from './useAdmission'

type Props = {
  boardId: string
  linkToken: string
  view: Extract<AdmissionView, { state: 'lobby' | 'waiting' | 'revoked' }>
  joining: boolean
  error: string | null
  onJoin: (name: string) => void
}

/**
 * The page of a participant on a board under admission before a facilitator admits them: a name
 * to give (or, on a sign-in board, an account to sign in with), then a wait. It shows nothing
 * of the board: the server answers nothing else to this page (SPEC R12).
 */
export function WaitingLobby({ boardId, linkToken, view, joining, error, onJoin }: Props) {
  const { t } = useI18n()
  const [name, setName] = useState('')
  const inputId = useId()

  if (view.state === 'waiting') {
    return (
      <main className="page-message waiting-lobby" id="main" data-testid="waiting-lobby">
        <h1>{t('people.waitingHeading')}</h1>
        <p role="status">{t('people.waiting', { name: view.person.name })}</p>
      </main>
    )
  }
  if (view.state === 'revoked') {
    return (
      <main className="page-message waiting-lobby" id="main" data-testid="waiting-lobby">
        <p role="alert">{t('people.revoked', { name: view.person.name })}</p>
        <a href="/">{t('board.backToLobby')}</a>
      </main>
    )
  }
  const { lobby } = view
  if (lobby.signIn && !lobby.signedInAs) {
    const signIn = () => {
      rememberLinkToken(boardId, linkToken)
      window.location.assign(signInUrl(`/b/${encodeURIComponent(boardId)}`))
    }
    return (
      <main className="page-message waiting-lobby" id="main" data-testid="waiting-lobby">
        <h1>{t('people.lobbyHeading')}</h1>
        <p>{t('people.signInNeeded')}</p>
        <button type="button" className="primary" onClick={signIn}>
          {t('people.signIn')}
        </button>
      </main>
    )
  }
  return (
    <main className="page-message waiting-lobby" id="main" data-testid="waiting-lobby">
      <h1>{t('people.lobbyHeading')}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (lobby.signIn || name.trim()) onJoin(name.trim().slice(0, 60))
        }}
      >
        {lobby.signIn ? (
          <p>{t('people.joinAs', { name: lobby.signedInAs ?? '' })}</p>
        ) : (
          <>
            <p>{t('people.lobbyIntro')}</p>
            <label htmlFor={inputId}>{t('name.label')}</label>
            <input id={inputId} value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" maxLength={60} required autoFocus />
          </>
        )}
        <button type="submit" className="primary" disabled={joining || (!lobby.signIn && !name.trim())}>
          {joining ? t('people.joining') : t('people.join')}
        </button>
      </form>
      {error && <p role="alert">{t('people.joinFailed', { reason: error })}</p>}
    </main>
  )
}
