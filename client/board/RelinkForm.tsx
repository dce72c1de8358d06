import { useId, useState } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { boardPathOf } from '../lib/route'
import { navigate } from '../lib/useLocation'

/** Where a revoked link's page asks for the new one, and opens it in this tab without a reload. */
export function RelinkForm() {
  const { t } = useI18n()
  const inputId = useId()
  const [value, setValue] = useState('')
  const [invalid, setInvalid] = useState(false)
  return (
    <form
      className="relink-form"
      aria-label={t('relink.heading')}
      onSubmit={(event) => {
        event.preventDefault()
        const path = boardPathOf(value)
        setInvalid(path === null)
        if (path) navigate(path)
      }}
    >
      <label htmlFor={inputId}>{t('relink.label')}</label>
      <span className="relink-row">
        <input id={inputId} type="url" value={value} onChange={(event) => setValue(event.target.value)} required aria-invalid={invalid} />
        <button type="submit" className="primary">
          {t('relink.open')}
        </button>
      </span>
      {invalid && (
        <span className="error" role="alert">
          {t('relink.invalid')}
        </span>
      )}
    </form>
  )
}
