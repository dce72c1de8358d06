import { useId, useState } from 'react'
import { useValue } from 'tldraw'
import { useI18n } from '../../i18n/I18nProvider'
import { LOCALES, type Locale } from '../../i18n/messages'
import type { ImageScope } from './boardImage'
import { SERVER_EXPORT_FORMATS } from '../../api/boards'
import { ToolDialog } from './ToolDialog'
import { useBoardExport } from './useBoardExport'
import { useFacilitation } from '../boardContext'
import type { BoardToolsContext } from './useBoardTools'

/** Every download of the board, for any role: reports and data from the server, pictures from the browser. */
export function ExportDialog({ tools, onClose }: { tools: BoardToolsContext; onClose: () => void }) {
  const { t } = useI18n()
  // Vote totals are in the control doc only once they may be shown: drawn on exported pictures then.
  const voteTotals = useFacilitation()?.control.voteTotals
  const { status, downloadFormat, downloadImage } = useBoardExport({ ...tools, voteTotals })
  const selectedCount = useValue('selected shapes', () => tools.editor.getSelectedShapeIds().length, [tools.editor])
  const [scope, setScope] = useState<ImageScope>(selectedCount > 0 ? 'selection' : 'board')
  const effectiveScope: ImageScope = selectedCount > 0 ? scope : 'board'
  const busy = status.state === 'busy'
  const [lang, setLang] = useState<Locale | ''>('')
  const langId = useId()

  return (
    <ToolDialog title={t('export.title')} onClose={onClose}>
      <section aria-labelledby="export-reports">
        <h3 id="export-reports">{t('export.reports')}</h3>
        <p className="board-tools-row">
          <label htmlFor={langId}>{t('export.language')}</label>
          <select id={langId} value={lang} onChange={(e) => setLang(LOCALES.find((l) => l === e.target.value) ?? '')}>
            <option value="">{t('export.language.board')}</option>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`locale.${l}`)}
              </option>
            ))}
          </select>
        </p>
        <ul className="board-tools-actions">
          {SERVER_EXPORT_FORMATS.map((format) => (
            <li key={format}>
              <button type="button" disabled={busy} onClick={() => void downloadFormat(format, lang || undefined)}>
                {t(`export.format.${format}`)}
              </button>
              <span className="hint">{t(`export.format.${format}.hint`)}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="export-pictures">
        <h3 id="export-pictures">{t('export.pictures')}</h3>
        <fieldset className="board-tools-scope">
          <legend>{t('export.scope')}</legend>
          <label>
            <input type="radio" name="export-scope" checked={effectiveScope === 'board'} onChange={() => setScope('board')} />
            {t('export.scope.board')}
          </label>
          <label>
            <input
              type="radio"
              name="export-scope"
              checked={effectiveScope === 'selection'}
              disabled={selectedCount === 0}
              onChange={() => setScope('selection')}
            />
            {selectedCount > 0 ? t('export.scope.selection', { count: selectedCount }) : t('export.scope.noSelection')}
          </label>
        </fieldset>
        <div className="board-tools-row">
          <button type="button" disabled={busy} onClick={() => void downloadImage('png', effectiveScope)}>
            {t('export.png')}
          </button>
          <button type="button" disabled={busy} onClick={() => void downloadImage('svg', effectiveScope)}>
            {t('export.svg')}
          </button>
        </div>
        {tools.role === 'facilitator' && <p className="hint">{t('export.imageStored')}</p>}
      </section>
      <p className="board-tools-status" role="status" aria-live="polite">
        {status.state === 'busy' && t('export.busy')}
        {status.state === 'done' && t('export.done', { file: status.fileName })}
        {status.state === 'empty' && t('export.empty')}
      </p>
      {status.state === 'failed' && (
        <p className="error" role="alert">
          {t('export.failed', { reason: status.reason })}
        </p>
      )}
    </ToolDialog>
  )
}
