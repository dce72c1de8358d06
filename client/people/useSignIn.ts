/** Whether this server offers sign-in (SPEC R17) and who is signed in, with sign-out. */
import { useCallback, useEffect, useState } from 'react'
import { fetchMe, signOut, type Me } from '../api/people'

export function useSignIn() {
  const [me, setMe] = useState<Me | null>(null)
  useEffect(() => {
    let cancelled = false
    fetchMe().then(
      (answer) => {
        if (!cancelled) setMe(answer)
      },
      () => undefined,
    )
    return () => {
      cancelled = true
    }
  }, [])
  const logout = useCallback(async () => {
    await signOut()
    setMe((current) => (current ? { ...current, user: null } : current))
  }, [])
  return { me, logout }
}
