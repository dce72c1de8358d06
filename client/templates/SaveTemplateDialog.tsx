import { useId, useState } from 'react'
import type { Activity } from '../../shared/activities'
import { useI18n } from '../i18n/I18nProvider'
import { CopyLinkButton } from '../ui/CopyLinkButton'
import { Dialog } from '../ui/Dialog'
import { templateFileUrl } from './templateApi'
import { useSaveTemplate } from './useSaveTemplate'
import './templates.css'

type Props = { boardId: string; token: string; activities: readonly Activity[]; onClose: () => void }

const BOARD = 'board'

/**
 * "Save as template" (issue 15): one activity of the board, or the whole board with its plan,
 * named and signed; once saved, the manage link (shown once) and the file to download.
 */
export function SaveTemplateDialog({ boardId, token, activities, onClose }: Props) {
  const { t, locale } = useI18n()
  const whatId = useId()
  const [what, setWhat] = useState(activities[0]?.instanceId ?? BOARD)
  const chosen = activities.find((a) => a.instanceId === what)
  const [name, setName] = useState(chosen?.name ?? '')
  const [author, setAuthor] = useState('')
  const { save, saving, error, saved } = useSaveTemplate(boardId, token)
  const submit = () => {
    if (saved || !name.trim()) return
    void save(what === BOARD ? { scope: 'board' } : { scope: 'activity', instanceId: what }, { name: name.trim(), author: author.trim(), locale })
  }
  return (
    <Dialog title={t('templates.save.title')} onClose={onClose} closeButton className="activity-dialog" bodyClassName="activity-dialog-body template-save" onSubmit={submit}>
      {activities.length === 0 ? (
        <p>{t('templates.save.noActivity')}</p>
      ) : saved ? (
        <div role="status" className="template-saved">
          <p>{t('templates.save.done', { name: saved.template.name })}</p>
          <p className="hint">{t('templates.manageLink')}</p>
          <input readOnly value={saved.manageLink} aria-label={t('templates.manageLink')} data-testid="template-manage-link" />
          <div className="activity-dialog-actions">
            <CopyLinkButton url={saved.manageLink} label={t('templates.copyManage')} />
            <a className="button" href={templateFileUrl(saved.template.id)} download>
              {t('templates.download')}
            </a>
          </div>
        </div>
      ) : (
        <>
          <label className="field" htmlFor={whatId}>
            {t('templates.save.what')}
          </label>
          <select
            id={whatId}
            value={what}
            onChange={(e) => {
              setWhat(e.target.value)
              const next = activities.find((a) => a.instanceId === e.target.value)
              if (next) setName(next.name)
            }}
          >
            {activities.map((a) => (
              <option key={a.instanceId} value={a.instanceId}>
                {t('templates.save.activity', { name: a.name })}
              </option>
            ))}
            <option value={BOARD}>{t('templates.save.board')}</option>
          </select>
          <label className="field">
            {t('templates.save.name')}
            <input type="text" value={name} maxLength={120} required onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="field">
            {t('templates.save.author')}
            <input type="text" value={author} maxLength={80} autoComplete="name" onChange={(e) => setAuthor(e.target.value)} />
          </label>
          <p className="hint">{t('templates.save.hint')}</p>
          {error && (
            <p role="alert" className="error">
              {t('templates.save.failed', { reason: error })}
            </p>
          )}
          <div className="activity-dialog-actions">
            <button type="button" onClick={onClose}>
              {t('activities.dialog.cancel')}
            </button>
            <button type="submit" className="primary" disabled={saving || !name.trim()}>
              {saving ? t('templates.save.saving') : t('templates.save.submit')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  )
}
