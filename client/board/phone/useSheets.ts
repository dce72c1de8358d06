import { useCallback, useMemo, useRef, useState } from 'react'

/**
 * The board's sheets, one open at a time: the board panel and the facilitation panel (phones),
 * the share view, "Add a note" and the outline view.
 */
export type SheetName = 'board' | 'facilitation' | 'share' | 'add-note' | 'outline'

export type Sheets = {
  sheet: SheetName | null
  openSheet: (sheet: SheetName) => void
  /** Closes the open sheet; the focus goes back to what opened it (WCAG 2.4.3). */
  closeSheet: () => void
  /** Opens "Add a note" (text and zone, no dragging). */
  openAddNote: () => void
  /** Opens the outline view (a text view of the board). */
  openOutline: () => void
}

export function useSheets(): Sheets {
  const [sheet, setSheet] = useState<SheetName | null>(null)
  const opener = useRef<HTMLElement | null>(null)
  const openSheet = useCallback((next: SheetName) => {
    const active = document.activeElement
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null
    setSheet(next)
  }, [])
  const closeSheet = useCallback(() => {
    setSheet(null)
    const back = opener.current
    requestAnimationFrame(() => {
      const now = document.activeElement
      if (back?.isConnected && (!now || now === document.body)) back.focus()
    })
  }, [])
  const openAddNote = useCallback(() => openSheet('add-note'), [openSheet])
  const openOutline = useCallback(() => openSheet('outline'), [openSheet])
  return useMemo(() => ({ sheet, openSheet, closeSheet, openAddNote, openOutline }), [sheet, openSheet, closeSheet, openAddNote, openOutline])
}
