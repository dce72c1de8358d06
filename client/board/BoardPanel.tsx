import { useId, useState } from 'react'
import { useBoard, type BoardState } from './boardContext'
import { BoardTools } from './tools/BoardTools'
import { useI18n } from '../i18n/I18nProvider'
import { ActivityTools } from './activities/ActivityTools'
import { ConnectionBadge } from './ConnectionBadge'
import { LocaleSwitch } from '../ui/LocaleSwitch'
import { Sheet } from '../ui/Sheet'
import { PeopleList } from './PeopleList'
import { OutlineButtons } from './outline/OutlineLinks'

function PanelContent({ chrome, inSheet }: { chrome: BoardState; inSheet: boolean }) {
  const { t } = useI18n()
  // On short or narrow desktop windows (reflow.css, WCAG 1.4.10) the panel folds to its first
  // row; wider, the toggle is not shown. A phone's sheet is never folded.
  const [expanded, setExpanded] = useState(false)
  const bodyId = useId()
  const { title } = chrome
  return (
    <div className={inSheet ? 'board-panel board-panel-sheet' : 'board-panel'} data-expanded={inSheet || expanded}>
      <div className="board-panel-row">
        {inSheet ? (
          <p className="board-title" title={title}>
            {title}
          </p>
        ) : (
          <h1 className="board-title" title={title} data-focus-home tabIndex={-1}>
            {title}
          </h1>
        )}
        <ConnectionBadge status={chrome.status} />
        {!inSheet && (
          <button type="button" className="board-panel-toggle" aria-expanded={expanded} aria-controls={bodyId} onClick={() => setExpanded(!expanded)}>
            <span aria-hidden="true">{expanded ? '▴' : '▾'}</span>
            <span className="visually-hidden">{expanded ? t('board.panelHide') : t('board.panelShow')}</span>
          </button>
        )}
      </div>
      <div className="board-panel-body" id={bodyId}>
        <div className="board-panel-row">
          <span className="role-tag">{t('board.role', { role: t(`role.${chrome.role}`) })}</span>
          {chrome.role === 'viewer' && <span className="role-tag readonly">{t('board.readOnly')}</span>}
        </div>
        {chrome.role === 'facilitator' && (
          <button type="button" className="primary" aria-haspopup="dialog" onClick={() => chrome.openSheet('share')}>
            {t('share.open')}
          </button>
        )}
        <PeopleList people={chrome.people} />
        <OutlineButtons />
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

/**
 * The board panel (tldraw's SharePanel slot): who is here and how we are connected, the board's
 * tools. Top right on a large screen; on a phone, a sheet opened from the bottom bar.
 */
export function BoardPanel() {
  const chrome = useBoard()
  const { t } = useI18n()
  if (!chrome) return null
  if (chrome.phone) {
    return chrome.sheet === 'board' ? (
      <Sheet title={t('sheet.board')} onClose={chrome.closeSheet} testId="board-sheet">
        <PanelContent chrome={chrome} inSheet />
      </Sheet>
    ) : null
  }
  return <PanelContent chrome={chrome} inSheet={false} />
}
