import { useState } from 'react'
import { useI18n } from '../i18n/I18nProvider'

export function CopyLinkButton({ url, label }: { url: string; label: string }) {
  const { t } = useI18n()
  const [copied, setCopied] = useState(false)
  return (
    <button
      type="button"
      onClick={() => {
        void navigator.clipboard?.writeText(url).then(() => {
          setCopied(true)
          setTimeout(() => setCopied(false), 2000)
        })
      }}
    >
      {copied ? t('lobby.copied') : label}
    </button>
  )
}
