import { useI18n } from '../../i18n/I18nProvider'
import { useBoard } from '../boardContext'
import './phone.css'

/**
 * The phone's bottom bar, below the canvas: the board panel and the facilitation panel open from
 * it as sheets; its main action adds a note, and "List" opens the outline of the board.
 */
export function BottomBar() {
  const { t } = useI18n()
  const board = useBoard()
  if (!board) return null
  const writes = board.role !== 'viewer'
  return (
    <nav className="bottom-bar" aria-label={t('bar.label')} data-testid="bottom-bar">
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
  )
}
