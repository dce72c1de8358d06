import type { ReactNode } from 'react'
import { Dialog } from '../../ui/Dialog'

/**
 * `Dialog` in the board tools' look: a head with the title and a × button, rendered outside
 * tldraw's container (keys typed in it do not reach tldraw's shortcuts).
 */
export function ToolDialog({ title, onClose, children, className }: { title: string; onClose: () => void; children: ReactNode; className?: string }) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      className={`board-tools-dialog ${className ?? ''}`}
      bodyClassName="board-tools-dialog-body"
      closeButton
      portalClassName="board-tools-dialog-host"
    >
      {children}
    </Dialog>
  )
}
