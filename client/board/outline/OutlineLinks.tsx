import { accessFor } from '../../../shared/roles'
import { useI18n } from '../../i18n/I18nProvider'
import { useBoard } from '../boardContext'
import { ADD_NOTE_KEYS, OUTLINE_KEYS } from './useSheetShortcuts'

/** The skip link at the top of the board page: straight to the outline view. */
export function OutlineSkipLink({ onOpen }: { onOpen: () => void }) {
  const { t } = useI18n()
  // A button: the page's fragment holds the board's token, a link target would replace it.
  return (
    <button type="button" className="skip-link outline-skip" onClick={onOpen}>
      {t('outline.skip')}
    </button>
  )
}

/** The board panel's row: "Add a note" (anyone who writes) and "Outline" (everyone). */
export function OutlineButtons() {
  const { t } = useI18n()
  const board = useBoard()
  if (!board) return null
  const canWrite = accessFor(board.role, 'board') === 'write'
  return (
    <div className="board-panel-row outline-buttons">
      {canWrite && (
        <button type="button" className="primary" aria-keyshortcuts={ADD_NOTE_KEYS} onClick={board.openAddNote}>
          {t('outline.add.open')}
        </button>
      )}
      <button type="button" aria-keyshortcuts={OUTLINE_KEYS} aria-expanded={board.sheet === 'outline'} onClick={board.sheet === 'outline' ? board.closeSheet : board.openOutline}>
        {t('outline.open')}
      </button>
    </div>
  )
}
