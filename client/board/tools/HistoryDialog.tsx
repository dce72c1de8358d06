import { useEffect, useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import type { VersionSummary } from '../../api/boards'
import { ConfirmDialog } from './ConfirmDialog'
import { ToolDialog } from './ToolDialog'
import { DuplicateSection, SaveVersionForm, VersionList } from './HistoryDialogParts'
import { useVersions } from './useVersions'
import type { BoardToolsContext } from './useBoardTools'
import { versionLabel } from './versionLabel'

/** The board's history: facilitators and participants see it, the facilitator saves, restores and duplicates. */
export function HistoryDialog({ tools, onClose }: { tools: BoardToolsContext; onClose: () => void }) {
  const { t, locale } = useI18n()
  const history = useVersions(tools.boardId, tools.token)
  const isFacilitator = tools.role === 'facilitator'
  const [confirming, setConfirming] = useState<VersionSummary | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const versions = history.list.state === 'ready' ? history.list.versions : []
  const { loadPreview } = history
  useEffect(() => {
    for (const v of versions.slice(0, 40)) loadPreview(v.id)
  }, [versions, loadPreview])

  const when = (at: number) => new Date(at).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })

  return (
    <ToolDialog title={t('history.title')} onClose={onClose} className="board-tools-wide">
      {isFacilitator && <SaveVersionForm history={history} onSaved={setNotice} />}
      <p className="board-tools-status" role="status" aria-live="polite">
        {notice}
      </p>
      {history.actionError && (
        <p className="error" role="alert">
          {t('history.failed', { reason: history.actionError })}
        </p>
      )}
      {history.list.state === 'loading' && <p>{t('history.loading')}</p>}
      {history.list.state === 'failed' && <p className="error">{t('history.failed', { reason: history.list.reason })}</p>}
      {history.list.state === 'ready' && versions.length === 0 && <p>{t('history.empty')}</p>}
      <VersionList history={history} versions={versions} onRestore={isFacilitator ? setConfirming : null} when={when} />
      {isFacilitator && <DuplicateSection history={history} />}
      {confirming && (
        <ConfirmDialog
          title={t('history.confirmTitle')}
          confirmLabel={t('history.confirmRestore')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const target = confirming
            setConfirming(null)
            void history.restore(target.id).then((done) => done && setNotice(t('history.restored', { label: versionLabel(target.label, t) })))
          }}
        >
          <p>{t('history.confirmText', { label: versionLabel(confirming.label, t), time: when(confirming.createdAt) })}</p>
        </ConfirmDialog>
      )}
    </ToolDialog>
  )
}
