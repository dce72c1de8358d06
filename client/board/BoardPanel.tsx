import { useId, useState } from 'react'
import { useBoard } from './boardContext'
import { BoardTools } from './tools/BoardTools'
import { useI18n } from '../i18n/I18nProvider'
import { ActivityTools } from './activities/ActivityTools'
import { ConnectionBadge } from './ConnectionBadge'
import { LocaleSwitch } from '../ui/LocaleSwitch'
import { PeopleList } from './PeopleList'

/**
 * Screen width the board panel (with tldraw's style panel under it) covers on the right of the
 * canvas: `.board-panel` is 264 px wide with 8 px margins (styles.css), plus a gap.
 */
export const BOARD_PANEL_INSET_PX = 288

/** The top-right panel of the board (tldraw's SharePanel slot): who is here and how we are connected. */
export function BoardPanel() {
  const chrome = useBoard()
  const { t } = useI18n()
  // On narrow screens (styles.css, WCAG 1.4.10) the panel folds to its first row; wider, the toggle is not shown.
  const [expanded, setExpanded] = useState(false)
  const bodyId = useId()
  if (!chrome) return null
  const { title } = chrome
  return (
    <div className="board-panel" data-expanded={expanded}>
      <div className="board-panel-row">
        <h1 className="board-title" title={title} data-focus-home tabIndex={-1}>
          {title}
        </h1>
        <ConnectionBadge status={chrome.status} />
        <button type="button" className="board-panel-toggle" aria-expanded={expanded} aria-controls={bodyId} onClick={() => setExpanded(!expanded)}>
          <span aria-hidden="true">{expanded ? '▴' : '▾'}</span>
          <span className="visually-hidden">{expanded ? t('board.panelHide') : t('board.panelShow')}</span>
        </button>
      </div>
      <div className="board-panel-body" id={bodyId}>
      <div className="board-panel-row">
        <span className="role-tag">{t('board.role', { role: t(`role.${chrome.role}`) })}</span>
        {chrome.role === 'viewer' && <span className="role-tag readonly">{t('board.readOnly')}</span>}
      </div>
      <PeopleList people={chrome.people} />
      <ActivityTools />
      <BoardTools />
      <div className="board-panel-row">
        <button type="button" onClick={chrome.onChangeName}>
          {t('name.change')}
        </button>
        <LocaleSwitch />
      </div>
      <a className="back-link" href="/">
        {t('board.backToLobby')}
      </a>
      </div>
    </div>
  )
}
