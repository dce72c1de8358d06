import { useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { ToolDialog } from './ToolDialog'
import { TaskStatus } from './TaskStatus'
import { useCarryOver, useImportBeside } from './useImportAndCarryOver'
import type { BoardToolsContext } from './useBoardTools'

/** The facilitator brings content in: a .tldr file beside the activities, or an earlier board's open actions. */
export function ImportDialog({ tools, onClose }: { tools: BoardToolsContext; onClose: () => void }) {
  const { t } = useI18n()
  const [file, setFile] = useState<File | null>(null)
  const importer = useImportBeside(tools.boardId, tools.token)
  const carry = useCarryOver(tools.editor, tools.boardId, tools.token)
  const [from, setFrom] = useState('')

  return (
    <ToolDialog title={t('import.title')} onClose={onClose}>
      <section aria-labelledby="import-file-heading">
        <h3 id="import-file-heading">{t('import.fileHeading')}</h3>
        <p className="hint">{t('import.besideHint')}</p>
        <form
          className="board-tools-row"
          onSubmit={(e) => {
            e.preventDefault()
            if (file) void importer.importFile(file)
          }}
        >
          <label htmlFor="import-beside-file">{t('import.fileLabel')}</label>
          <input id="import-beside-file" type="file" accept=".tldr,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <button type="submit" className="primary" disabled={!file || importer.status.state === 'busy'}>
            {t('import.submit')}
          </button>
        </form>
        <TaskStatus status={importer.status} done="import.done" failed="import.failed" />
      </section>
      {carry.hasActionsZone && (
        <section aria-labelledby="carry-heading">
          <h3 id="carry-heading">{t('carry.heading')}</h3>
          <p className="hint">{t('carry.hint')}</p>
          {carry.candidates.length === 0 ? (
            <p>{t('carry.none')}</p>
          ) : (
            <form
              className="board-tools-row"
              onSubmit={(e) => {
                e.preventDefault()
                if (from) carry.carry(from)
              }}
            >
              <label htmlFor="carry-from">{t('carry.from')}</label>
              <select id="carry-from" value={from} onChange={(e) => setFrom(e.target.value)} required>
                <option value="">{t('carry.choose')}</option>
                {carry.candidates.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.title}
                  </option>
                ))}
              </select>
              <button type="submit" className="primary" disabled={!from || carry.status.state === 'busy'}>
                {t('carry.submit')}
              </button>
            </form>
          )}
          <TaskStatus status={carry.status} done="carry.done" failed="carry.failed" />
        </section>
      )}
    </ToolDialog>
  )
}
