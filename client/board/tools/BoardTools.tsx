import { useEffect, useState } from 'react'
import { serializeTldrawJson } from 'tldraw'
import { useI18n } from '../../i18n/I18nProvider'
import { PeopleDialog } from '../../people/PeopleDialog'
import './boardTools.css'
import { ExportDialog } from './ExportDialog'
import { HistoryDialog } from './HistoryDialog'
import { ImportDialog } from './ImportDialog'
import { SettingsDialog } from './SettingsDialog'
import { useBoardTools } from './useBoardTools'

type OpenDialog = 'export' | 'history' | 'import' | 'settings' | 'people' | null

declare global {
  interface Window {
    /** The page as tldraw's own serializer writes a .tldr file (browser tests, debugging). */
    __serializeTldraw?: () => Promise<string>
  }
}

/**
 * The board's buttons for exports (everyone), history (facilitator and participant), import and
 * carry-over, links and settings, people and admission (facilitator). Each opens a dialog.
 */
export function BoardTools() {
  const { t } = useI18n()
  const tools = useBoardTools()
  const [open, setOpen] = useState<OpenDialog>(null)
  const editor = tools?.editor
  useEffect(() => {
    if (!editor) return
    window.__serializeTldraw = () => serializeTldrawJson(editor)
    return () => {
      delete window.__serializeTldraw
    }
  }, [editor])
  if (!tools) return null
  const close = () => setOpen(null)
  const isFacilitator = tools.role === 'facilitator'
  return (
    <div className="board-tools" role="group" aria-label={t('tools.group')}>
      <button type="button" onClick={() => setOpen('export')} aria-haspopup="dialog">
        {t('tools.export')}
      </button>
      {tools.role !== 'viewer' && (
        <button type="button" onClick={() => setOpen('history')} aria-haspopup="dialog">
          {t('tools.history')}
        </button>
      )}
      {isFacilitator && (
        <button type="button" onClick={() => setOpen('import')} aria-haspopup="dialog">
          {t('tools.import')}
        </button>
      )}
      {isFacilitator && (
        <button type="button" onClick={() => setOpen('settings')} aria-haspopup="dialog">
          {t('tools.settings')}
        </button>
      )}
      {isFacilitator && (
        <button type="button" onClick={() => setOpen('people')} aria-haspopup="dialog">
          {t('people.button')}
        </button>
      )}
      {open === 'export' && <ExportDialog tools={tools} onClose={close} />}
      {open === 'history' && <HistoryDialog tools={tools} onClose={close} />}
      {open === 'import' && <ImportDialog tools={tools} onClose={close} />}
      {open === 'settings' && <SettingsDialog tools={tools} onClose={close} />}
      {open === 'people' && <PeopleDialog boardId={tools.boardId} token={tools.token} onClose={close} />}
    </div>
  )
}
