import { useId, useState } from 'react'
import { errorMessage } from '../api/http'
import { useI18n } from '../i18n/I18nProvider'
import { CopyLinkButton } from '../ui/CopyLinkButton'
import { importTemplate, type SavedTemplate } from './templateApi'

type Status = { state: 'idle' } | { state: 'busy' } | { state: 'failed'; reason: string } | { state: 'done'; saved: SavedTemplate }

/** Imports a template file downloaded from this or another server; the server checks it (SPEC L10). */
export function TemplateImport({ onImported }: { onImported: () => void }) {
  const { t } = useI18n()
  const fileId = useId()
  const [file, setFile] = useState<File | null>(null)
  const [status, setStatus] = useState<Status>({ state: 'idle' })
  const submit = async () => {
    if (!file) return
    setStatus({ state: 'busy' })
    let parsed: unknown
    try {
      parsed = JSON.parse(await file.text())
    } catch {
      setStatus({ state: 'failed', reason: t('templates.import.notJson') })
      return
    }
    try {
      const saved = await importTemplate(parsed)
      setStatus({ state: 'done', saved })
      onImported()
    } catch (e) {
      setStatus({ state: 'failed', reason: errorMessage(e) })
    }
  }
  return (
    <form
      className="template-import board-tools-form"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <h3>{t('templates.import.heading')}</h3>
      <label htmlFor={fileId}>{t('templates.import.file')}</label>
      <input id={fileId} type="file" accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      <button type="submit" disabled={!file || status.state === 'busy'}>
        {t('templates.import.submit')}
      </button>
      {status.state === 'failed' && (
        <p role="alert" className="error">
          {t('templates.import.failed', { reason: status.reason })}
        </p>
      )}
      {status.state === 'done' && (
        <div role="status">
          <p>{t('templates.import.done', { name: status.saved.template.name })}</p>
          <p className="hint">{t('templates.manageLink')}</p>
          <input readOnly value={status.saved.manageLink} aria-label={t('templates.manageLink')} />
          <CopyLinkButton url={status.saved.manageLink} label={t('templates.copyManage')} />
        </div>
      )}
    </form>
  )
}
