/**
 * Decides what a board link opens in this browser (SPEC R12–R17): the board itself (with the
 * link's token, or with this browser's personal credential once admitted), or the lobby: a
 * name to give (or an account to sign in with), then a wait, polled, until a facilitator
 * admits the person. Without admission the board opens at once and names are not checked.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, errorMessage } from '../api/http'
import { fetchLobby, joinLobby, type LobbyState, type Person } from '../api/people'
import type { KnownBoard } from '../board/hooks/useBoardAccess'
import { forgetCredential, loadCredential, storeCredential, takeLinkToken } from './personalCredential'

export type AdmissionView =
  | { state: 'checking' }
  /**
   * `person` is set when the token is a personal credential (the name is the facilitator's);
   * `signedInAs`, the name of this browser's signed-in account, if any.
   */
  | { state: 'board'; token: string; person: Person | null; signedInAs?: string | null; known?: KnownBoard | null }
  | { state: 'lobby'; lobby: LobbyState }
  | { state: 'waiting'; person: Person }
  | { state: 'revoked'; person: Person }

/** How often a waiting page asks whether it was admitted. */
export const LOBBY_POLL_MS = 2000

function viewOf(lobby: LobbyState, credential: string | null, linkToken: string): AdmissionView {
  const person = lobby.person
  // The board, as the lobby answered it for the token the page will open it with.
  const knownFor = (token: string): KnownBoard | null => (lobby.board && token === (credential ?? linkToken) ? { board: lobby.board, role: lobby.role } : null)
  if (person && credential) {
    if (person.status === 'admitted') return { state: 'board', token: credential, person, known: knownFor(credential) }
    return person.status === 'waiting' ? { state: 'waiting', person } : { state: 'revoked', person }
  }
  if (lobby.role !== 'participant' || !lobby.admission) return { state: 'board', token: linkToken, person: null, signedInAs: lobby.signedInAs, known: knownFor(linkToken) }
  return { state: 'lobby', lobby }
}

export function useAdmission(boardId: string, token: string) {
  // After a sign-in round trip the fragment is gone: the link's token was kept for the return.
  const [linkToken] = useState(() => token || takeLinkToken(boardId) || '')
  const [view, setView] = useState<AdmissionView>({ state: 'checking' })
  const [error, setError] = useState<string | null>(null)
  const [joining, setJoining] = useState(false)
  const credentialRef = useRef<string | null>(null)

  const check = useCallback(async () => {
    const credential = loadCredential(boardId)
    credentialRef.current = credential
    try {
      setView(viewOf(await fetchLobby(boardId, credential ?? linkToken), credential, linkToken))
    } catch (failure) {
      if (credential && failure instanceof ApiError && failure.status === 403) {
        // A credential of a deleted person or another board: forget it, ask with the link.
        forgetCredential(boardId)
        return check()
      }
      // The viewer link, a refused or unknown link, or no network: the board page says why.
      setView({ state: 'board', token: credential ?? linkToken, person: null })
    }
  }, [boardId, linkToken])

  useEffect(() => {
    if (!linkToken && !loadCredential(boardId)) {
      setView({ state: 'board', token: '', person: null })
      return
    }
    void check()
  }, [boardId, linkToken, check])

  const waiting = view.state === 'waiting'
  useEffect(() => {
    if (!waiting) return
    const timer = setInterval(() => void check(), LOBBY_POLL_MS)
    return () => clearInterval(timer)
  }, [waiting, check])

  const join = useCallback(
    async (name: string) => {
      setJoining(true)
      setError(null)
      try {
        const { credential } = await joinLobby(boardId, linkToken, name)
        storeCredential(boardId, credential)
        await check()
      } catch (failure) {
        setError(errorMessage(failure))
      } finally {
        setJoining(false)
      }
    },
    [boardId, linkToken, check],
  )

  return { view, linkToken, join, joining, error }
}
