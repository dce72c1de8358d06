import { useEffect, useState } from 'react'
import { ApiError, errorMessage } from '../api/http'
import { useI18n } from '../i18n/I18nProvider'
import { deleteTemplate, getCustomTemplate, renameTemplate, type CustomTemplate } from './templateApi'

type Props = { id: string; token: string; onChanged: () => void }

/** The manage page of a custom template (`/templates/<id>#<manage token>`): rename it or delete it (SPEC R11). */
export function TemplateManage({ id, token, onChanged }: Props) {
  const { t } = useI18n()
  const [template, setTemplate] = useState<CustomTemplate | null>(null)
  const [name, setName] = useState('')
  const [author, setAuthor] = useState('')
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null)
  const [deleted, setDeleted] = useState(false)
  useEffect(() => {
    getCustomTemplate(id).then(
      ({ template: found }) => {
        setTemplate(found)
        setName(found.name)
        setAuthor(found.author)
      },
      (e: unknown) => setMessage({ kind: 'alert', text: e instanceof ApiError && e.status === 404 ? t('templates.manage.notFound') : errorMessage(e) }),
    )
  }, [id, t])
  const failed = (e: unknown) => setMessage({ kind: 'alert', text: t('templates.manage.failed', { reason: errorMessage(e) }) })
  const rename = async () => {
    try {
      const answer = await renameTemplate(id, token, { name: name.trim(), author: author.trim() })
      setTemplate(answer.template)
      setMessage({ kind: 'status', text: t('templates.manage.saved') })
      onChanged()
    } catch (e) {
      failed(e)
    }
  }
  const remove = async () => {
    if (!template || !window.confirm(t('templates.manage.deleteConfirm', { name: template.name }))) return
    try {
      await deleteTemplate(id, token)
      setDeleted(true)
      setMessage({ kind: 'status', text: t('templates.manage.deleted') })
      onChanged()
    } catch (e) {
      failed(e)
    }
  }
  return (
    <section className="template-manage" aria-labelledby="template-manage-heading">
      <h2 id="template-manage-heading">{t('templates.manage.heading', { name: template?.name ?? id })}</h2>
      {template && !deleted && (
        <form
          className="board-tools-form"
          onSubmit={(e) => {
            e.preventDefault()
            void rename()
          }}
        >
          <label>
            {t('templates.save.name')}
            <input value={name} maxLength={120} required onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            {t('templates.save.author')}
            <input value={author} maxLength={80} onChange={(e) => setAuthor(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={!name.trim()}>
            {t('templates.manage.save')}
          </button>
          <button type="button" onClick={() => void remove()}>
            {t('templates.manage.delete')}
          </button>
        </form>
      )}
      {message && (
        <p role={message.kind} className={message.kind === 'alert' ? 'error' : undefined}>
          {message.text}
        </p>
      )}
    </section>
  )
}
