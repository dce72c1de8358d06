import { useLayoutEffect, useState, type ReactNode, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import { useI18n } from '../i18n/I18nProvider'
import './dialog.css'
import { useModalDialog } from './useModalDialog'

export type DialogProps = {
  title: ReactNode
  /** Escape and the × button call it; without it the dialog waits for an answer. */
  onClose?: () => void
  /** Class of the `<dialog>` element: its look. */
  className: string
  /** Class of the body under the title; with `onSubmit` the body is a form. */
  bodyClassName: string
  onSubmit?: () => void
  /** A head row with the title and a × button; otherwise the title opens the body. */
  closeButton?: boolean
  /** Rendered on `document.body`, outside tldraw's container (its class: `portalClassName`). */
  portalClassName?: string
  /** For a dialog that closes itself before its parent unmounts it (the canvas behind is inert while it is open). */
  dialogRef?: RefObject<HTMLDialogElement | null>
  children: ReactNode
}

/**
 * The app's one modal dialog: a native `<dialog>` opened with showModal(), labelled by its
 * title; focus moves in and returns to the opener, Escape closes it (see `useModalDialog`).
 */
export function Dialog({ title, onClose, className, bodyClassName, onSubmit, closeButton, portalClassName, dialogRef, children }: DialogProps) {
  const { t } = useI18n()
  // The host first: its effect must put it in the page before the dialog's showModal().
  const host = usePortalHost(portalClassName)
  const modal = useModalDialog(onClose)
  const heading = <h2 id={modal.titleId}>{title}</h2>
  const body = (
    <>
      {!closeButton && heading}
      {children}
    </>
  )
  const dialog = (
    <dialog
      ref={(element) => {
        modal.ref.current = element
        if (dialogRef) dialogRef.current = element
      }}
      className={className}
      aria-modal="true"
      aria-labelledby={modal.titleId}
      onKeyDown={modal.onKeyDown}
      onKeyUp={modal.onKeyUp}
      onCancel={modal.onCancel}
      onClose={modal.onClose}
    >
      {closeButton && (
        <div className="dialog-head">
          {heading}
          <button type="button" className="dialog-close" onClick={onClose} aria-label={t('tools.close')}>
            ×
          </button>
        </div>
      )}
      {onSubmit ? (
        <form
          className={bodyClassName}
          onSubmit={(event) => {
            event.preventDefault()
            onSubmit()
          }}
        >
          {body}
        </form>
      ) : (
        <div className={bodyClassName}>{body}</div>
      )}
    </dialog>
  )
  return host ? createPortal(dialog, host) : dialog
}

/** A container appended to `document.body` while the dialog is mounted (none without a class). */
function usePortalHost(className: string | undefined): HTMLElement | null {
  const [host] = useState(() => (className ? document.createElement('div') : null))
  if (host && className) host.className = className
  useLayoutEffect(() => {
    if (!host) return
    document.body.append(host)
    return () => host.remove()
  }, [host])
  return host
}
