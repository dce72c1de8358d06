import { useEffect } from 'react'

/**
 * Alt+Shift+N opens "Add a note", Alt+Shift+O the outline, from anywhere on the board page (tldraw
 * binds neither; with two modifiers they are not single-key shortcuts, WCAG 2.1.4). Matched on
 * the physical key, so that a keyboard layout where Alt types another letter still works.
 * Ignored while a modal dialog is open.
 */
export const ADD_NOTE_KEYS = 'Alt+Shift+N'
export const OUTLINE_KEYS = 'Alt+Shift+O'

export function useSheetShortcuts(openAddNote: (() => void) | null, openOutline: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return
      if (document.querySelector('dialog[open]')) return
      const open = event.code === 'KeyN' ? openAddNote : event.code === 'KeyO' ? openOutline : null
      if (!open) return
      event.preventDefault()
      event.stopPropagation()
      open()
    }
    // Capture: before tldraw or a focused control sees the keys.
    document.addEventListener('keydown', onKeyDown, true)
    return () => document.removeEventListener('keydown', onKeyDown, true)
  }, [openAddNote, openOutline])
}
