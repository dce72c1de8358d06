import { useId, useState } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { Dialog } from '../ui/Dialog'

/**
 * Asks for a display name (first visit, or "change name"): a modal `Dialog`, focus on the name
 * field. Escape closes it only when there is a name already (`onCancel`); on a first visit a name
 * is required.
 */
export function NamePrompt({ initial, onSave, onCancel }: { initial: string; onSave: (name: string) => void; onCancel?: () => void }) {
  const { t } = useI18n()
  const [name, setName] = useState(initial)
  const inputId = useId()
  const hintId = useId()

  const submit = () => {
    if (name.trim()) onSave(name.trim().slice(0, 60))
  }

  return (
    <Dialog title={t('name.heading')} onClose={onCancel} className="modal" bodyClassName="modal-body" onSubmit={submit}>
      <label htmlFor={inputId}>{t('name.label')}</label>
      <input
        data-autofocus
        id={inputId}
        value={name}
        onChange={(e) => setName(e.target.value)}
        autoComplete="nickname"
        maxLength={60}
        required
        aria-describedby={hintId}
      />
      <p id={hintId} className="hint">
        {t('name.hint')}
      </p>
      <p className="hint" data-testid="names-not-checked">
        {t('name.notChecked')}
      </p>
      <div className="modal-actions">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('name.cancel')}
          </button>
        )}
        <button type="submit" className="primary" disabled={!name.trim()}>
          {t('name.save')}
        </button>
      </div>
    </Dialog>
  )
}
