import { useEditor, useValue } from 'tldraw'
import { useI18n } from '../../i18n/I18nProvider'
import type { Circle } from './talkingPiece'

/** A ring around the seat that holds the talking piece in each circle. */
export function SeatHighlights({ circles }: { circles: Circle[] }) {
  const editor = useEditor()
  const { t } = useI18n()
  const boxes = useValue(
    'talking piece seats',
    () =>
      circles.flatMap(({ activity, holder, round }) => {
        if (!holder || activity.pageId !== editor.getCurrentPageId()) return []
        const { x, y, w, h } = holder.zone.bounds
        const topLeft = editor.pageToViewport({ x, y })
        const bottomRight = editor.pageToViewport({ x: x + w, y: y + h })
        return [{ key: activity.instanceId, holder, round, left: topLeft.x, top: topLeft.y, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y }]
      }),
    [editor, circles],
  )
  return (
    <>
      {boxes.map(({ key, holder, round, left, top, width, height }) => (
        <div
          key={key}
          className={`fac-seat${holder.zone.shape === 'ellipse' ? ' fac-seat-round' : ''}`}
          style={{ left, top, width, height }}
          data-testid="talking-seat"
          data-seat={holder.seat}
          role="img"
          aria-label={holder.participant ? t('talking.holderNamed', { name: holder.participant, seat: holder.seat, round }) : t('talking.holder', { seat: holder.seat, round })}
        />
      ))}
    </>
  )
}
