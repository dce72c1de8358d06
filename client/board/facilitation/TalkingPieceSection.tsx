import { useI18n } from '../../i18n/I18nProvider'
import type { Facilitation } from './useFacilitationState'
import type { Circle } from './talkingPiece'

/** Who holds the talking piece in each circle; the facilitator or the holder passes it on. */
export function TalkingPieceSection({ fac, circles }: { fac: Facilitation; circles: Circle[] }) {
  const { t } = useI18n()
  if (circles.length === 0) return null
  return (
    <section className="fac-section" aria-labelledby="fac-talking-heading">
      <h3 id="fac-talking-heading">{t('talking.heading')}</h3>
      {circles.map(({ activity, holder, round }) => {
        const isHolder = !!holder?.participant && holder.participant === fac.name && fac.role === 'participant'
        const canPass = fac.isFacilitator || isHolder
        return (
          <div key={activity.instanceId} className="fac-controls" data-testid="talking-piece">
            {circles.length > 1 && <h4>{activity.name}</h4>}
            <p aria-live="polite">
              {!holder
                ? t('talking.nobody')
                : holder.participant
                  ? t('talking.holderNamed', { name: holder.participant, seat: holder.seat, round })
                  : t('talking.holder', { seat: holder.seat, round })}
            </p>
            {canPass && (
              <button
                type="button"
                className="primary"
                disabled={fac.busy}
                onClick={() =>
                  void fac.act({
                    action: 'passTalkingPiece',
                    activityId: activity.instanceId,
                    ...(isHolder && fac.privateDoc ? { participantId: fac.privateDoc.participantId } : {}),
                  })
                }
              >
                {holder ? t('talking.pass') : t('talking.start')}
              </button>
            )}
          </div>
        )
      })}
    </section>
  )
}
