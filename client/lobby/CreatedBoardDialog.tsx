import { useI18n } from '../i18n/I18nProvider'
import { ShareView } from '../share/ShareView'
import { Dialog } from '../ui/Dialog'
import type { CreatedBoard } from './useCreateBoard'

/** Lobby: the links of a board just created, with a button that opens it as facilitator. */
export function CreatedBoardDialog({ created, onClose }: { created: CreatedBoard; onClose: () => void }) {
  const { t } = useI18n()
  return (
    <Dialog
      title={t('lobby.created', { title: created.board.title })}
      onClose={onClose}
      closeButton
      className="share-dialog"
      bodyClassName="share-body"
    >
      <ShareView
        links={created.links}
        actions={
          <a className="button primary" href={created.links.facilitator}>
            {t('lobby.openBoard')}
          </a>
        }
      />
    </Dialog>
  )
}
