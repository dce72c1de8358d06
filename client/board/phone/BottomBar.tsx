import { useI18n } from '../../i18n/I18nProvider'
import type { ConnectionStatus } from '../connection/useBoardConnection'
import { useBoard } from '../boardContext'
import './phone.css'

/**
 * How the phone is connected, always on screen: a green dot in the bar while online; a strip
 * above the bar, in words, as soon as it is offline, reconnecting or disconnected.
 */
function PhoneStatus({ status }: { status: ConnectionStatus }) {
  const { t } = useI18n()
  const words = status === 'offline' ? t('bar.offline') : t(`status.${status}`)
  return (
    <p className={`phone-status phone-status-${status} badge-${status}`} role="status" aria-live="polite" data-connection={status} data-testid="phone-status">
      <span className="badge-dot" aria-hidden="true" />
      <span className={status === 'online' ? 'visually-hidden' : undefined}>{t('bar.status', { status: words })}</span>
    </p>
  )
}

/**
 * The phone's bottom bar, below the canvas: the board panel and the facilitation panel open from
 * it as sheets; its main action adds a note, and "List" opens the outline of the board.
 */
export function BottomBar() {
  const { t } = useI18n()
  const board = useBoard()
  if (!board) return null
  const writes = board.role !== 'viewer'
  const online = board.status === 'online'
  return (
    <div className="bottom-area">
      {!online && <PhoneStatus status={board.status} />}
      <nav className="bottom-bar" aria-label={t('bar.label')} data-testid="bottom-bar">
        {online && <PhoneStatus status={board.status} />}
        <button type="button" aria-haspopup="dialog" onClick={() => board.openSheet('board')}>
          {t('bar.board')}
        </button>
        <button type="button" aria-haspopup="dialog" onClick={() => board.openSheet('facilitation')}>
          {t('bar.facilitation')}
        </button>
        {writes && (
          <button type="button" className="primary bottom-bar-main" aria-haspopup="dialog" onClick={board.openAddNote}>
            {t('bar.addNote')}
          </button>
        )}
        <button type="button" aria-haspopup="dialog" onClick={board.openOutline}>
          {t('bar.list')}
        </button>
      </nav>
    </div>
  )
}
