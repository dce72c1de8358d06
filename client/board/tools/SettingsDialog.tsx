import { useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { ToolDialog } from './ToolDialog'
import { ArchiveSection, LinksSection, RenameSection } from './SettingsSections'
import { useBoardSettings } from './useBoardSettings'
import type { BoardToolsContext } from './useBoardTools'

/** The facilitator's links (copy, replace), the board's title, and archiving. */
export function SettingsDialog({ tools, onClose }: { tools: BoardToolsContext; onClose: () => void }) {
  const { t } = useI18n()
  const settings = useBoardSettings(tools.boardId, tools.token)
  const [notice, setNotice] = useState<string | null>(null)

  return (
    <ToolDialog title={t('settings.title')} onClose={onClose} className="board-tools-wide">
      <LinksSection settings={settings} onNotice={setNotice} />
      <RenameSection settings={settings} onNotice={setNotice} currentTitle={settings.meta?.title ?? tools.title} />
      <ArchiveSection settings={settings} onNotice={setNotice} />
      <p className="board-tools-status" role="status" aria-live="polite">
        {notice}
      </p>
      {settings.error && (
        <p className="error" role="alert">
          {t('settings.failed', { reason: settings.error })}
        </p>
      )}
    </ToolDialog>
  )
}
