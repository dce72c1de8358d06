import { useEditor, useValue, type TLShapeId } from 'tldraw'
import { useI18n } from '../../i18n/I18nProvider'
import { usePrivateNoteIds } from '../connection/usePrivateDoc'
import type { Facilitation } from './useFacilitationState'

/** A dashed outline and a lock on each of this person's private notes, until they are revealed. */
export function PrivateNoteMarkers({ fac }: { fac: Facilitation }) {
  const editor = useEditor()
  const { t } = useI18n()
  const ids = usePrivateNoteIds(fac.privateDoc)
  const boxes = useValue(
    'private note markers',
    () =>
      ids.flatMap((id) => {
        const shapeId = id as TLShapeId
        const bounds = editor.getShape(shapeId) ? editor.getShapePageBounds(shapeId) : undefined
        if (!bounds) return []
        const topLeft = editor.pageToViewport({ x: bounds.x, y: bounds.y })
        const bottomRight = editor.pageToViewport({ x: bounds.maxX, y: bounds.maxY })
        return [{ id, left: topLeft.x, top: topLeft.y, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y }]
      }),
    [editor, ids],
  )
  return (
    <>
      {boxes.map((b) => (
        <div key={b.id} className="fac-private-note" style={{ left: b.left, top: b.top, width: b.width, height: b.height }} data-testid="private-note-marker" data-shape-id={b.id}>
          <span className="fac-private-lock" role="img" aria-label={t('private.marker')} title={t('private.marker')}>
            🔒
          </span>
        </div>
      ))}
    </>
  )
}
