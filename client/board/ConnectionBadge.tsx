import type { ConnectionStatus } from './connection/useBoardConnection'
import { useI18n } from '../i18n/I18nProvider'

export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const { t } = useI18n()
  return (
    <span className={`badge badge-${status}`} role="status" aria-live="polite" data-status={status} title={t('status.label')}>
      <span className="badge-dot" aria-hidden="true" />
      {t(`status.${status}`)}
    </span>
  )
}
