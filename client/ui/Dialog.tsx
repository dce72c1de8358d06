import { useEffect, useRef, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { useI18n } from '../i18n/I18nProvider'

type DialogProps = {
  title: string
  onClose: () => void
  children: ReactNode
  /** Extra class on the dialog box (width). */
  className?: string
}

/**
 * A modal dialog: the native `<dialog>` (focus moves in, the page behind is inert, Escape
 * closes) in a portal outside tldraw's container. Keys typed in it do not reach tldraw's
 * shortcuts; focus starts on the element marked `data-autofocus` (else the first control) and
 * goes back to the opener on close.
 */
export function Dialog({ title, onClose, children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const [host] = useState(() => document.createElement('div'))
  const { t } = useI18n()
  const titleId = useRef(`dialog-title-${Math.random().toString(36).slice(2)}`).current

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const stopKeys = (event: KeyboardEvent) => event.stopPropagation()
    host.className = 'board-tools-dialog-host'
    host.addEventListener('keydown', stopKeys)
    host.addEventListener('keyup', stopKeys)
    document.body.append(host)
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    // React's autoFocus calls focus() before the dialog opens; showModal would then move it to
    // the first button (close). `data-autofocus` names the element that should have it.
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    return () => {
      host.removeEventListener('keydown', stopKeys)
      host.removeEventListener('keyup', stopKeys)
      host.remove()
      opener?.focus()
    }
  }, [host])

  return createPortal(
    <dialog
      ref={ref}
      className={`board-tools-dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <div className="board-tools-dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="board-tools-close" onClick={onClose} aria-label={t('tools.close')}>
          ×
        </button>
      </div>
      <div className="board-tools-dialog-body">{children}</div>
    </dialog>,
    host,
  )
}
