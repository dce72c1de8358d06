/**
 * The facilitator's view of who is who on a board: the admission and sign-in settings, the
 * people (waiting, admitted, revoked), refreshed while the panel is open so that arrivals in
 * the lobby show up, and the actions on them.
 */
import { useCallback, useEffect, useState } from 'react'
import { errorMessage } from '../api/http'
import {
  addPerson,
  fetchIdentitySettings,
  fetchPeople,
  patchIdentitySettings,
  setPersonStatus,
  type BoardIdentitySettings,
  type IdentityRules,
  type Person,
} from '../api/people'

/** How often the open panel looks for new arrivals. */
export const PEOPLE_REFRESH_MS = 3000

export function usePeople(boardId: string, token: string) {
  const [settings, setSettings] = useState<BoardIdentitySettings | null>(null)
  const [people, setPeople] = useState<Person[]>([])
  const [error, setError] = useState<string | null>(null)
  const [lastLink, setLastLink] = useState<{ name: string; link: string } | null>(null)

  const refresh = useCallback(async () => {
    try {
      const [nextSettings, nextPeople] = await Promise.all([fetchIdentitySettings(boardId, token), fetchPeople(boardId, token)])
      setSettings(nextSettings)
      setPeople(nextPeople)
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }, [boardId, token])

  useEffect(() => {
    void refresh()
    const timer = setInterval(() => void refresh(), PEOPLE_REFRESH_MS)
    return () => clearInterval(timer)
  }, [refresh])

  const act = useCallback(
    async (action: () => Promise<unknown>) => {
      setError(null)
      try {
        await action()
      } catch (failure) {
        setError(errorMessage(failure))
      }
      await refresh()
    },
    [refresh],
  )

  const setRule = useCallback(
    (patch: Partial<IdentityRules>) => act(async () => setSettings(await patchIdentitySettings(boardId, token, patch))),
    [act, boardId, token],
  )
  const admit = useCallback((id: string) => act(() => setPersonStatus(boardId, token, id, 'admit')), [act, boardId, token])
  const revoke = useCallback((id: string) => act(() => setPersonStatus(boardId, token, id, 'revoke')), [act, boardId, token])
  const preList = useCallback(
    (name: string) =>
      act(async () => {
        const { person, link } = await addPerson(boardId, token, name)
        setLastLink({ name: person.name, link })
      }),
    [act, boardId, token],
  )

  return { settings, people, error, lastLink, setRule, admit, revoke, preList }
}
