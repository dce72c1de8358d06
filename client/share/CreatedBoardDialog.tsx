import type { CreatedBoardLinks } from '../api/boards'
import { ShareView } from './ShareView'
import { Dialog } from '../ui/Dialog'

/**
 * The links of a board just created (from the lobby, or as a space's session), with a button
 * that opens it as facilitator.
 */
export function CreatedBoardDialog({ created, title, openLabel, onClose }: { created: CreatedBoardLinks; title: string; openLabel: string; onClose: () => void }) {
  return (
    <Dialog title={title} onClose={onClose} closeButton className="share-dialog" bodyClassName="share-body">
      <ShareView
        links={created.links}
        actions={
          <a className="button primary" href={created.links.facilitator}>
            {openLabel}
          </a>
        }
      />
    </Dialog>
  )
}
