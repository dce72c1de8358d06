import type { ReactNode } from 'react'
import { Dialog } from './Dialog'
import './sheet.css'

/**
 * A `Dialog` that rises from the bottom of a phone's screen (centred on a larger one): a head
 * with the title and a × button, rendered outside tldraw's container. One is open at a time.
 */
export function Sheet({ title, onClose, children, testId }: { title: string; onClose: () => void; children: ReactNode; testId?: string }) {
  return (
    <Dialog title={title} onClose={onClose} className="sheet" bodyClassName="sheet-body" closeButton portalClassName="sheet-host">
      <div data-testid={testId}>{children}</div>
    </Dialog>
  )
}
