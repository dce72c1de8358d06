import { useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import type { CreatedBoardLinks, VersionSummary } from '../../api/boards'
import { LinkList } from './LinkList'
import type { useVersions } from './useVersions'
import { VersionPreview } from './VersionPreview'
import { versionLabel } from './versionLabel'

/** What `useVersions` gives the history dialog's parts. */
export type History = ReturnType<typeof useVersions>

/** The facilitator's "save a version" row: owns the label being typed. */
export function SaveVersionForm({ history, onSaved }: { history: History; onSaved: (notice: string) => void }) {
  const { t } = useI18n()
  const [label, setLabel] = useState('')
  return (
    <form
      className="board-tools-row"
      onSubmit={(e) => {
        e.preventDefault()
        void history.save(label.trim() || t('history.defaultLabel')).then((saved) => {
          if (saved) {
            setLabel('')
            onSaved(t('history.saved', { label: versionLabel(saved.label, t) }))
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
  )
}

type VersionListProps = {
  history: History
  versions: readonly VersionSummary[]
  /** Present for the facilitator: each version then offers "Restore". */
  onRestore: ((version: VersionSummary) => void) | null
  when: (at: number) => string
}

/** The saved versions, newest first, each with its thumbnail, label and time. */
export function VersionList({ history, versions, onRestore, when }: VersionListProps) {
  const { t } = useI18n()
  return (
    <ol className="version-list" aria-label={t('history.listLabel')}>
      {versions.map((version) => {
        const preview = history.previews[version.id]
        return (
          <li key={version.id} className="version-item" data-version={version.id}>
            {preview && preview !== 'failed' ? <VersionPreview preview={preview} /> : <span className="version-preview placeholder" aria-hidden="true" />}
            <span className="version-text">
              <span className="version-label">{versionLabel(version.label, t)}</span>
              <time className="hint" dateTime={new Date(version.createdAt).toISOString()}>
                {when(version.createdAt)}
              </time>
            </span>
            {onRestore && (
              <button type="button" disabled={history.working} onClick={() => onRestore(version)} aria-label={t('history.restoreNamed', { label: versionLabel(version.label, t), time: when(version.createdAt) })}>
                {t('history.restore')}
              </button>
            )}
          </li>
        )
      })}
    </ol>
  )
}

/** The facilitator's "duplicate this board" section: owns the links of the copy once made. */
export function DuplicateSection({ history }: { history: History }) {
  const { t } = useI18n()
  const [duplicate, setDuplicate] = useState<CreatedBoardLinks | null>(null)
  return (
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
  )
}
