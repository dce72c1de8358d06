import { useRef, useState } from 'react'
import type { Editor } from 'tldraw'
import { getTemplate } from '../../../shared/activities/index'
import { useI18n } from '../../i18n/I18nProvider'
import { ActivityGallery } from './ActivityGallery'
import { ActivityOptionsFields } from './ActivityOptionsFields'
import { activityRequestFields, namesInputOf } from './activityInputs'
import { templateName } from './templateText'
import { useAddActivity } from './useAddActivity'
import { Dialog } from '../../ui/Dialog'

type Props = {
  editor: Editor
  boardId: string
  token: string
  /** Names of the people on the board now: the default seats of a circle. */
  peopleNames: readonly string[]
  onDone: (message: string) => void
  onClose: () => void
}

/** The facilitator's "Add activity" dialog: the gallery, an optional title, names for circles. */
export function AddActivityDialog({ editor, boardId, token, peopleNames, onDone, onClose }: Props) {
  const { t, locale } = useI18n()
  const ref = useRef<HTMLDialogElement>(null)
  const [templateId, setTemplateId] = useState('risk-matrix')
  const [title, setTitle] = useState('')
  const [typed, setTyped] = useState({ names: peopleNames.join('\n'), prompts: '' })
  const setNames = (next: string) => setTyped((current) => ({ ...current, names: next }))
  const { add, adding, error } = useAddActivity(editor, boardId, token)
  const template = getTemplate(templateId)
  const namesInput = template ? namesInputOf(template) : null

  const submit = async () => {
    if (!template) return
    const fields = activityRequestFields(template, typed)
    const ok = await add({ template: template.id, locale, ...(title.trim() ? { title: title.trim() } : {}), ...fields })
    if (!ok) return
    ref.current?.close()
    onClose()
    onDone(t('activities.add.done', { name: title.trim() || templateName(t, template) }))
  }

  return (
    <Dialog
      title={t('activities.add.heading')}
      onClose={onClose}
      className="activity-dialog"
      bodyClassName="activity-dialog-body"
      onSubmit={() => void submit()}
      dialogRef={ref}
    >
        <ActivityGallery
          value={templateId}
          onChange={(id) => {
            const next = getTemplate(id)
            // Stakeholder groups are not people: do not offer the people present as columns.
            if (next && namesInputOf(next) !== namesInput) setNames(namesInputOf(next) === 'participants' ? peopleNames.join('\n') : '')
            setTemplateId(id)
          }}
        />
        <label className="field">
          {t('activities.add.titleLabel')}
          <input type="text" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} placeholder={template ? templateName(t, template) : ''} />
        </label>
        {template && <ActivityOptionsFields template={template} value={typed} onChange={setTyped} />}
        {error && (
          <p role="alert" className="error">
            {t('activities.add.failed', { reason: error })}
          </p>
        )}
        <div className="activity-dialog-actions">
          <button type="button" onClick={onClose}>
            {t('activities.dialog.cancel')}
          </button>
          <button type="submit" className="primary" disabled={adding || !template}>
            {adding ? t('activities.add.adding') : t('activities.add.submit')}
          </button>
        </div>
    </Dialog>
  )
}
