import { useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import type { Facilitation } from './useFacilitationState'
import { freeSeats, seatOf, type Circle } from './talkingPiece'

/** A participant not yet seated picks a free seat; the server writes their name on it. */
function TakeSeat({ fac, circle }: { fac: Facilitation; circle: Circle }) {
  const { t } = useI18n()
  const free = freeSeats(circle)
  const [chosen, setChosen] = useState<number | null>(null)
  const seat = chosen !== null && free.some((s) => s.seat === chosen) ? chosen : (free[0]?.seat ?? null)
  if (!fac.privateDoc) return <p className="fac-hint">{t('seat.needName')}</p>
  if (seat === null) return <p className="fac-hint">{t('seat.noneFree')}</p>
  const participantId = fac.privateDoc.participantId
  return (
    <div className="fac-row">
      <label className="fac-field">
        {t('seat.choose')}
        <select value={seat} onChange={(e) => setChosen(Number(e.target.value))} data-testid="seat-choice">
          {free.map((s) => (
            <option key={s.seat} value={s.seat}>
              {s.zone.label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={fac.busy} onClick={() => void fac.act({ action: 'takeSeat', activityId: circle.activity.instanceId, seat, participantId })}>
        {t('seat.take')}
      </button>
    </div>
  )
}

/** Who holds the talking piece in each circle; participants take seats; the facilitator or the holder passes it on. */
export function TalkingPieceSection({ fac, circles }: { fac: Facilitation; circles: Circle[] }) {
  const { t } = useI18n()
  if (circles.length === 0) return null
  return (
    <section className="fac-section" aria-labelledby="fac-talking-heading">
      <h3 id="fac-talking-heading">{t('talking.heading')}</h3>
      {circles.map((circle) => {
        const { activity, holder, round } = circle
        const isHolder = !!holder?.participant && holder.participant === fac.name && fac.role === 'participant'
        const canPass = fac.isFacilitator || isHolder
        const mine = fac.role === 'participant' ? seatOf(circle, fac.name) : null
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
            {mine && <p data-testid="my-seat">{t('seat.mine', { seat: mine.seat })}</p>}
            {fac.role === 'participant' && !mine && <TakeSeat fac={fac} circle={circle} />}
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
