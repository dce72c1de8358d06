import { useCallback, useMemo, useRef, useState } from 'react'
import type { BoardSheet } from '../boardContext'

export type SheetState = { sheet: BoardSheet; openAddNote: () => void; openOutline: () => void; closeSheet: () => void }

/** Which sheet is open; closing one gives the focus back to what opened it. */
export function useSheetState(): SheetState {
  const [sheet, setSheet] = useState<BoardSheet>('none')
  const opener = useRef<HTMLElement | null>(null)
  const open = useCallback((next: BoardSheet) => {
    const active = document.activeElement
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null
    setSheet(next)
  }, [])
  const openAddNote = useCallback(() => open('addNote'), [open])
  const openOutline = useCallback(() => open('outline'), [open])
  const closeSheet = useCallback(() => {
    setSheet('none')
    const back = opener.current
    requestAnimationFrame(() => {
      const now = document.activeElement
      if (back?.isConnected && (!now || now === document.body)) back.focus()
    })
  }, [])
  return useMemo(() => ({ sheet, openAddNote, openOutline, closeSheet }), [sheet, openAddNote, openOutline, closeSheet])
}
