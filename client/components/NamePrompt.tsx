import { useId, useState, type FormEvent } from 'react'
import { useI18n } from '../i18n/I18nProvider'

/** Asks for a display name (first visit, or "change name"). A modal dialog, keyboard first. */
export function NamePrompt({ initial, onSave, onCancel }: { initial: string; onSave: (name: string) => void; onCancel?: () => void }) {
  const { t } = useI18n()
  const [name, setName] = useState(initial)
  const inputId = useId()
  const hintId = useId()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (name.trim()) onSave(name.trim().slice(0, 60))
  }
  return (
    <div className="modal-backdrop">
      <form
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${inputId}-heading`}
        onSubmit={submit}
        onKeyDown={(e) => {
          e.stopPropagation()
          if (e.key === 'Escape' && onCancel) onCancel()
        }}
      >
        <h2 id={`${inputId}-heading`}>{t('name.heading')}</h2>
        <label htmlFor={inputId}>{t('name.label')}</label>
        <input
          id={inputId}
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoFocus
          autoComplete="nickname"
          maxLength={60}
          required
          aria-describedby={hintId}
        />
        <p id={hintId} className="hint">
          {t('name.hint')}
        </p>
        <button type="submit" className="primary" disabled={!name.trim()}>
          {t('name.save')}
        </button>
      </form>
    </div>
  )
}
