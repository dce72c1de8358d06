import { useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useI18n } from '../i18n/I18nProvider'

const FOCUSABLE = 'input:not([disabled]), button:not([disabled]), [href], select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * Asks for a display name (first visit, or "change name"). A modal dialog, keyboard first: the
 * native `<dialog>` opened with showModal() (the page behind is inert), focus on the name field,
 * Tab and Shift+Tab cycle inside it, focus back where it was when it closes. Escape closes it
 * only when there is a name already (`onCancel`); on a first visit a name is required.
 */
export function NamePrompt({ initial, onSave, onCancel }: { initial: string; onSave: (name: string) => void; onCancel?: () => void }) {
  const { t } = useI18n()
  const [name, setName] = useState(initial)
  const ref = useRef<HTMLDialogElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const inputId = useId()
  const hintId = useId()
  const headingId = `${inputId}-heading`

  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    inputRef.current?.focus()
    inputRef.current?.select()
    return () => {
      if (dialog?.open) dialog.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (name.trim()) onSave(name.trim().slice(0, 60))
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    // Keys typed here are not the canvas's shortcuts.
    e.stopPropagation()
    if (e.key === 'Escape') {
      // Handled here rather than by the dialog's own cancel, which the browser may force.
      e.preventDefault()
      onCancel?.()
      return
    }
    if (e.key !== 'Tab') return
    const focusable = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE))
    if (focusable.length === 0) return
    const first = focusable[0]!
    const last = focusable[focusable.length - 1]!
    const active = document.activeElement
    if (e.shiftKey && (active === first || !e.currentTarget.contains(active))) {
      e.preventDefault()
      last.focus()
    } else if (!e.shiftKey && (active === last || !e.currentTarget.contains(active))) {
      e.preventDefault()
      first.focus()
    }
  }

  return (
    <dialog
      ref={ref}
      className="modal"
      role="dialog"
      aria-modal="true"
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault()
        onCancel?.()
      }}
      onClose={(e) => {
        // Closed by the browser while a name is still required: open it again.
        const dialog = e.currentTarget
        if (!onCancel && dialog.isConnected && !dialog.open) {
          dialog.showModal()
          inputRef.current?.focus()
        }
      }}
    >
      <form className="modal-body" onSubmit={submit}>
        <h2 id={headingId}>{t('name.heading')}</h2>
        <label htmlFor={inputId}>{t('name.label')}</label>
        <input
          ref={inputRef}
          id={inputId}
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="nickname"
          maxLength={60}
          required
          aria-describedby={hintId}
        />
        <p id={hintId} className="hint">
          {t('name.hint')}
        </p>
        <div className="modal-actions">
          {onCancel && (
            <button type="button" onClick={onCancel}>
              {t('name.cancel')}
            </button>
          )}
          <button type="submit" className="primary" disabled={!name.trim()}>
            {t('name.save')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
