import { useCallback, useMemo, useState } from 'react'

/**
 * The board's sheets, one open at a time: the board panel and the facilitation panel (phones),
 * the share view, and the "Add a note" and outline dialogs (rendered by the outline view).
 */
export type SheetName = 'board' | 'facilitation' | 'share' | 'add-note' | 'outline'

export type Sheets = {
  sheet: SheetName | null
  openSheet: (sheet: SheetName) => void
  closeSheet: () => void
  openAddNote: () => void
  openOutline: () => void
}

export function useSheets(): Sheets {
  const [sheet, setSheet] = useState<SheetName | null>(null)
  const openSheet = useCallback((next: SheetName) => setSheet(next), [])
  const closeSheet = useCallback(() => setSheet(null), [])
  const openAddNote = useCallback(() => setSheet('add-note'), [])
  const openOutline = useCallback(() => setSheet('outline'), [])
  return useMemo(() => ({ sheet, openSheet, closeSheet, openAddNote, openOutline }), [sheet, openSheet, closeSheet, openAddNote, openOutline])
}
