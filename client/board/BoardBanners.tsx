import { CloseEvents } from '../../shared/protocol'
import { useI18n } from '../i18n/I18nProvider'
import { useBoard } from './boardContext'
import { PlanBar } from './plan/PlanBar'
import { RelinkForm } from './RelinkForm'

/** Conditions the user must know about (tldraw's TopPanel slot). */
export function BoardBanners() {
  const { t } = useI18n()
  const banners = useBoard()?.banners
  if (!banners) return null
  const { mismatch, fatal, invalidCount, saving } = banners
  const needsReload = mismatch !== null || fatal?.code === CloseEvents.SchemaRejected.code
  const message = mismatch
    ? t(`schema.${mismatch}`)
    : fatal?.code === CloseEvents.SchemaRejected.code
      ? t('schema.rejected')
      : fatal?.code === CloseEvents.LinkRevoked.code
        ? t('links.revokedBanner')
        : fatal
          ? t('board.closed', { reason: fatal.reason })
          : null
  return (
    <div className="banners">
      <PlanBar />
      {message && (
        <div className="banner banner-error" role="alert">
          <span>{message}</span>
          {fatal?.code === CloseEvents.LinkRevoked.code && <RelinkForm />}
          {needsReload && (
            <button type="button" className="primary" onClick={() => window.location.reload()}>
              {t('schema.reload')}
            </button>
          )}
        </div>
      )}
      {saving === false && (
        <div className="banner banner-warning" role="status">
          {t('board.notSaving')}
        </div>
      )}
      {invalidCount > 0 && (
        <div className="banner banner-warning" role="status">
          {t('board.invalidRecords', { count: invalidCount })}
        </div>
      )}
    </div>
  )
}
