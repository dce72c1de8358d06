import type { ReactNode } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { ToolDialog } from './ToolDialog'

/** A yes/no question in a modal; the safe answer (cancel) has the focus first. */
export function ConfirmDialog(props: { title: string; children: ReactNode; confirmLabel: string; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useI18n()
  return (
    <ToolDialog title={props.title} onClose={props.onCancel} className="board-tools-confirm">
      {props.children}
      <div className="board-tools-row board-tools-end">
        <button type="button" data-autofocus onClick={props.onCancel}>
          {t('tools.cancel')}
        </button>
        <button type="button" className="primary" onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </ToolDialog>
  )
}
