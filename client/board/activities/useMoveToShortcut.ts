import { useEffect } from 'react'
import type { Editor } from 'tldraw'

/** The "Move to…" shortcut key (tldraw binds nothing to it). */
export const MOVE_TO_KEY = 'm'

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
}

/**
 * M opens "Move to…" while the canvas has focus and no text is being edited. A single-key
 * shortcut active only when its component has focus (WCAG 2.1.4), as tldraw's own tool keys are.
 */
export function useMoveToShortcut(editor: Editor, enabled: boolean, open: () => void): void {
  useEffect(() => {
    if (!enabled) return
    const container = editor.getContainer()
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== MOVE_TO_KEY || event.ctrlKey || event.metaKey || event.altKey) return
      if (isTyping(event.target) || editor.getEditingShapeId() !== null) return
      event.preventDefault()
      event.stopPropagation()
      open()
    }
    container.addEventListener('keydown', onKeyDown)
    return () => container.removeEventListener('keydown', onKeyDown)
  }, [editor, enabled, open])
}
