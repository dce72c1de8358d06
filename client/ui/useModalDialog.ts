import { useEffect, useRef } from 'react'

/**
 * Drives a native `<dialog>` as a modal: open → `showModal()` (focus moves in, the page behind
 * is inert, Escape closes), closed or unmounted → focus returns to the opener unless the
 * action that closed it moved focus elsewhere (e.g. into a new note's text).
 */
export function useModalDialog(open: boolean, onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (open && !dialog.open) dialog.showModal()
    else if (!open && dialog.open) dialog.close()
    return () => {
      // Unmounted while open: give focus back to the opener unless something else took it.
      const active = document.activeElement
      if (opener?.isConnected && (!active || active === document.body || dialog.contains(active))) opener.focus()
    }
  }, [open])
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const onCancel = (event: Event) => {
      event.preventDefault()
      onClose()
    }
    dialog.addEventListener('cancel', onCancel)
    return () => dialog.removeEventListener('cancel', onCancel)
  }, [onClose])
  return ref
}
