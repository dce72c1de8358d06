import { useI18n } from '../../i18n/I18nProvider'
import type { Facilitation } from './useFacilitationState'
import type { Follow } from './useFollow'

/** Follow me / bring everyone to me (facilitator); following state and step out/in (others). */
export function FollowSection({ fac, follow }: { fac: Facilitation; follow: Follow }) {
  const { t } = useI18n()
  const on = fac.control.follow?.on === true
  if (!fac.isFacilitator && !on) return null
  const leader = follow.leaderName || t('follow.facilitator')
  return (
    <section className="fac-section" aria-labelledby="fac-follow-heading">
      <h3 id="fac-follow-heading">{t('follow.heading')}</h3>
      {fac.isFacilitator ? (
        <div className="fac-controls">
          <div className="fac-row">
            <button type="button" aria-pressed={on} className={on ? undefined : 'primary'} onClick={() => follow.setFollowMe(!on)}>
              {on ? t('follow.stop') : t('follow.start')}
            </button>
            <button type="button" onClick={follow.bringEveryone}>
              {t('follow.bring')}
            </button>
          </div>
          {on && <p className="fac-hint">{t('follow.on')}</p>}
        </div>
      ) : follow.following ? (
        <div className="fac-controls">
          <p className="fac-emphasis" data-testid="following">
            {t('follow.following', { name: leader })}
          </p>
          <button type="button" onClick={follow.stepOut}>
            {t('follow.stepOut')}
          </button>
        </div>
      ) : (
        <div className="fac-controls">
          <p>{t('follow.notFollowing', { name: leader })}</p>
          <button type="button" className="primary" onClick={follow.stepIn}>
            {t('follow.stepIn', { name: leader })}
          </button>
        </div>
      )}
    </section>
  )
}
