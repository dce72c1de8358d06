import { useI18n } from '../i18n/I18nProvider'
import { loadIdentity } from '../lib/identity'
import { findMyBoard } from '../lib/myBoards'
import { presentUrl } from '../lib/route'
import { tokenOfLink } from '../api/boards'
import { ShareView } from '../share/ShareView'
import { Dialog } from '../ui/Dialog'
import { useBoard } from './boardContext'

/**
 * The board's share view, opened from "Share" at any time: the links this browser knows (this
 * page's own, and all three on the browser that created the board) and the participant QR code.
 * "Present" opens the projector view on the viewer link when known (nothing can be edited there).
 */
export function ShareSheet() {
  const { t } = useI18n()
  const board = useBoard()
  if (!board) return null
  const links = { ...findMyBoard(board.boardId)?.links, [board.role]: window.location.href }
  const presentToken = links.viewer ? tokenOfLink(links.viewer) : board.token
  const present = () => window.open(presentUrl(board.boardId, presentToken, loadIdentity().id), '_blank', 'noopener')
  return (
    <Dialog
      title={t('share.title', { title: board.title })}
      onClose={board.closeSheet}
      closeButton
      className="share-dialog"
      bodyClassName="share-body"
      portalClassName="share-dialog-host"
    >
      <ShareView
        links={links}
        actions={
          board.role === 'facilitator' && (
            <button type="button" onClick={present}>
              {t('share.present')}
            </button>
          )
        }
      />
    </Dialog>
  )
}
