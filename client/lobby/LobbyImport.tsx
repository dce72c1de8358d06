import { useState } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import '../board/tools/boardTools.css'
import { LinkList } from '../board/tools/LinkList'
import { useImportNewBoard } from './useImportNewBoard'

/** Lobby: a new board from a .tldr file (tldraw's own format, or one exported from here). */
export function LobbyImport() {
  const { t } = useI18n()
  const [file, setFile] = useState<File | null>(null)
  const [title, setTitle] = useState('')
  const { status, importFile } = useImportNewBoard()
  return (
    <section className="lobby-import" aria-labelledby="lobby-import-heading">
      <h2 id="lobby-import-heading">{t('import.lobbyHeading')}</h2>
      <p className="hint">{t('import.lobbyHint')}</p>
      <form
        className="board-tools-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (file) void importFile(file, title)
        }}
      >
        <label htmlFor="lobby-import-file">{t('import.fileLabel')}</label>
        <input id="lobby-import-file" type="file" accept=".tldr,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <label htmlFor="lobby-import-title">{t('import.titleLabel')}</label>
        <input id="lobby-import-title" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} placeholder={file?.name.replace(/\.tldr$/i, '') ?? ''} />
        <button type="submit" className="primary" disabled={!file || status.state === 'busy'}>
          {t('import.newBoard')}
        </button>
      </form>
      <p className="board-tools-status" role="status" aria-live="polite">
        {status.state === 'busy' && t('tools.working')}
      </p>
      {status.state === 'failed' && (
        <p className="error" role="alert">
          {t('import.failed', { reason: status.reason })}
        </p>
      )}
      {status.state === 'done' && (
        <div className="board-tools-result" role="status">
          <p>{t('import.created', { title: status.created.board.title, count: status.count })}</p>
          <LinkList links={status.created.links} />
          <a className="button primary" href={status.created.links.facilitator}>
            {t('lobby.openBoard')}
          </a>
        </div>
      )}
    </section>
  )
}
