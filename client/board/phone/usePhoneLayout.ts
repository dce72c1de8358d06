import { useEffect, useState } from 'react'

/**
 * When the board uses its phone layout: a narrow screen (under 600 CSS px) or a touch screen
 * without a fine pointer. The panels then live behind a bottom bar and open as sheets.
 */
export const PHONE_QUERY = '(max-width: 599px), (pointer: coarse)'

export function isPhoneLayout(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(PHONE_QUERY).matches
}

export function usePhoneLayout(): boolean {
  const [phone, setPhone] = useState(isPhoneLayout)
  useEffect(() => {
    const query = window.matchMedia(PHONE_QUERY)
    const update = () => setPhone(query.matches)
    update()
    query.addEventListener('change', update)
    return () => query.removeEventListener('change', update)
  }, [])
  return phone
}
