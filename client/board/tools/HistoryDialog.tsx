import { useEffect, useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import type { CreatedBoardLinks, VersionSummary } from '../../api/boards'
import { ConfirmDialog } from './ConfirmDialog'
import { ToolDialog } from './ToolDialog'
import { LinkList } from './LinkList'
import { useVersions } from './useVersions'
import { VersionPreview } from './VersionPreview'
import type { BoardToolsContext } from './useBoardTools'

/** The board's history: facilitators and participants see it, the facilitator saves, restores and duplicates. */
export function HistoryDialog({ tools, onClose }: { tools: BoardToolsContext; onClose: () => void }) {
  const { t, locale } = useI18n()
  const history = useVersions(tools.boardId, tools.token)
  const isFacilitator = tools.role === 'facilitator'
  const [label, setLabel] = useState('')
  const [confirming, setConfirming] = useState<VersionSummary | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [duplicate, setDuplicate] = useState<CreatedBoardLinks | null>(null)
  const versions = history.list.state === 'ready' ? history.list.versions : []
  const { loadPreview } = history
  useEffect(() => {
    for (const v of versions.slice(0, 40)) loadPreview(v.id)
  }, [versions, loadPreview])

  const when = (at: number) => new Date(at).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })

  return (
    <ToolDialog title={t('history.title')} onClose={onClose} className="board-tools-wide">
      {isFacilitator && (
        <form
          className="board-tools-row"
          onSubmit={(e) => {
            e.preventDefault()
            void history.save(label.trim() || t('history.defaultLabel')).then((saved) => {
              if (saved) {
                setLabel('')
                setNotice(t('history.saved', { label: saved.label }))
              }
            })
          }}
        >
          <label htmlFor="version-label">{t('history.label')}</label>
          <input id="version-label" value={label} maxLength={120} onChange={(e) => setLabel(e.target.value)} placeholder={t('history.defaultLabel')} />
          <button type="submit" className="primary" disabled={history.working}>
            {t('history.save')}
          </button>
        </form>
      )}
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
      <ol className="version-list" aria-label={t('history.listLabel')}>
        {versions.map((version) => {
          const preview = history.previews[version.id]
          return (
            <li key={version.id} className="version-item" data-version={version.id}>
              {preview && preview !== 'failed' ? <VersionPreview preview={preview} /> : <span className="version-preview placeholder" aria-hidden="true" />}
              <span className="version-text">
                <span className="version-label">{version.label}</span>
                <time className="hint" dateTime={new Date(version.createdAt).toISOString()}>
                  {when(version.createdAt)}
                </time>
              </span>
              {isFacilitator && (
                <button type="button" disabled={history.working} onClick={() => setConfirming(version)} aria-label={t('history.restoreNamed', { label: version.label, time: when(version.createdAt) })}>
                  {t('history.restore')}
                </button>
              )}
            </li>
          )
        })}
      </ol>
      {isFacilitator && (
        <section className="board-tools-section" aria-labelledby="duplicate-heading">
          <h3 id="duplicate-heading">{t('history.duplicateHeading')}</h3>
          <p className="hint">{t('history.duplicateHint')}</p>
          <button type="button" disabled={history.working} onClick={() => void history.duplicate().then((created) => created && setDuplicate(created))}>
            {t('history.duplicate')}
          </button>
          {duplicate && (
            <div className="board-tools-result" role="status">
              <p>{t('history.duplicated', { title: duplicate.board.title })}</p>
              <LinkList links={duplicate.links} />
              <a className="button primary" href={duplicate.links.facilitator} target="_blank" rel="noopener">
                {t('history.openDuplicate')}
              </a>
            </div>
          )}
        </section>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('history.confirmTitle')}
          confirmLabel={t('history.confirmRestore')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const target = confirming
            setConfirming(null)
            void history.restore(target.id).then((done) => done && setNotice(t('history.restored', { label: target.label })))
          }}
        >
          <p>{t('history.confirmText', { label: confirming.label, time: when(confirming.createdAt) })}</p>
        </ConfirmDialog>
      )}
    </ToolDialog>
  )
}
