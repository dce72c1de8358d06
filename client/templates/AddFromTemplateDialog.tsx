import { useState } from 'react'
import { errorMessage } from '../api/http'
import { useI18n } from '../i18n/I18nProvider'
import { Dialog } from '../ui/Dialog'
import { addTemplateActivities, type CustomTemplate } from './templateApi'
import { useCustomTemplates } from './useCustomTemplates'
import './templates.css'

type Props = { boardId: string; token: string; onDone: (message: string) => void; onClose: () => void }

/** Adds a custom template's activities to the board (facilitator link), beside what it holds. */
export function AddFromTemplateDialog({ boardId, token, onDone, onClose }: Props) {
  const { t, locale } = useI18n()
  const { templates, error: loadError } = useCustomTemplates()
  const [adding, setAdding] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const add = async (template: CustomTemplate) => {
    setAdding(template.id)
    setError(null)
    try {
      await addTemplateActivities(boardId, token, template.id, locale)
      onDone(t('templates.add.done', { name: template.name }))
      onClose()
    } catch (e) {
      setError(errorMessage(e))
      setAdding(null)
    }
  }
  return (
    <Dialog title={t('templates.add.title')} onClose={onClose} closeButton className="activity-dialog" bodyClassName="activity-dialog-body">
      <p className="hint">{t('templates.add.hint')}</p>
      {loadError && <p role="alert" className="error">{t('templates.gallery.loadFailed', { reason: loadError })}</p>}
      {templates.length === 0 ? (
        <p>{t('templates.gallery.empty')}</p>
      ) : (
        <ul className="template-list">
          {templates.map((template) => (
            <li key={template.id}>
              <span className="template-name">{template.name}</span>
              <span className="template-meta">{template.author ? t('templates.gallery.by', { author: template.author }) : t('templates.gallery.noAuthor')}</span>
              <span className="template-actions">
                <button type="button" disabled={adding !== null} onClick={() => void add(template)}>
                  {adding === template.id ? t('templates.add.adding') : t('templates.add.submit', { name: template.name })}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {error && <p role="alert" className="error">{t('templates.add.failed', { reason: error })}</p>}
    </Dialog>
  )
}
