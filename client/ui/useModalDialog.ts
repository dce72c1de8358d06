import { useCallback, useId, useLayoutEffect, useRef, type KeyboardEvent, type SyntheticEvent } from 'react'

const FOCUSABLE = 'input:not([disabled]), button:not([disabled]), [href], select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * The behaviour of every modal dialog of the app, on the native `<dialog>`:
 * - mounted → `showModal()` (the page behind is inert); focus goes to the element marked
 *   `data-autofocus` (an input is also selected), else where the browser puts it (the first
 *   control);
 * - Tab and Shift+Tab cycle inside it; keys typed in it never reach tldraw's shortcuts;
 * - Escape calls `onClose`; without `onClose` the dialog cannot be dismissed (a required answer),
 *   and if the browser forces it closed it opens again;
 * - unmounted → focus returns to the opener, unless the action that closed it moved focus
 *   elsewhere (e.g. into a new note's text); a dialog opened by the page itself (the first-visit
 *   name prompt) hands focus to the page's `[data-focus-home]` heading, else `<main>` (2.4.3).
 */
export function useModalDialog(onClose: (() => void) | undefined) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  useLayoutEffect(() => {
    const dialog = ref.current
    const active = document.activeElement
    const opener = active instanceof HTMLElement && active !== document.body ? active : null
    if (dialog && !dialog.open) dialog.showModal()
    // React's autoFocus runs before the dialog opens, and showModal() then moves focus to the
    // first control: `data-autofocus` names the element that should have it.
    const target = dialog?.querySelector<HTMLElement>('[data-autofocus]')
    target?.focus()
    if (target instanceof HTMLInputElement) target.select()
    return () => {
      const now = document.activeElement
      const focusWasInside = !now || now === document.body || (dialog?.contains(now) ?? false)
      if (dialog?.open) dialog.close()
      if (!focusWasInside) return
      if (opener?.isConnected) opener.focus()
      else focusHome()
    }
  }, [])

  const onKeyDown = useCallback((event: KeyboardEvent<HTMLDialogElement>) => {
    // Keys typed here are not the canvas's shortcuts.
    event.stopPropagation()
    if (event.key === 'Escape') {
      // Handled here rather than by the dialog's own cancel, which the browser may force.
      event.preventDefault()
      onCloseRef.current?.()
      return
    }
    if (event.key === 'Tab') keepTabInside(event)
  }, [])

  const stopKey = useCallback((event: KeyboardEvent<HTMLDialogElement>) => event.stopPropagation(), [])

  const onCancel = useCallback((event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault()
    onCloseRef.current?.()
  }, [])

  /** Closed by the browser (or by `close()` before the parent unmounts it). */
  const onClosed = useCallback((event: SyntheticEvent<HTMLDialogElement>) => {
    const dialog = event.currentTarget
    if (event.target !== dialog || !dialog.isConnected || dialog.open) return
    if (onCloseRef.current) onCloseRef.current()
    else dialog.showModal()
  }, [])

  return { ref, titleId, onKeyDown, onKeyUp: stopKey, onCancel, onClose: onClosed }
}

function keepTabInside(event: KeyboardEvent<HTMLDialogElement>) {
  const focusable = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE))
  const first = focusable[0]
  const last = focusable[focusable.length - 1]
  if (!first || !last) return
  const active = document.activeElement
  const inside = event.currentTarget.contains(active)
  if (event.shiftKey && (active === first || !inside)) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && (active === last || !inside)) {
    event.preventDefault()
    first.focus()
  }
}

/** Where focus goes when a dialog had no opener: the page's main heading, else its `<main>`. */
function focusHome() {
  const home = document.querySelector<HTMLElement>('[data-focus-home]') ?? document.querySelector<HTMLElement>('main')
  if (!home) return
  if (!home.hasAttribute('tabindex')) home.tabIndex = -1
  home.focus()
}
