import { useState } from 'react'
import { useEditor, useValue, type TLShapeId } from 'tldraw'
import type { Heading } from '../../../shared/activities/headings'
import { useI18n } from '../../i18n/I18nProvider'
import type { Facilitation } from './useFacilitationState'
import { renamingInPlace, useHeadings } from './zoneHeadings'

/** Smallest on-screen target of a heading's rename button (WCAG 2.5.5). */
const MIN_TARGET_PX = 44

type Spot = { heading: Heading; left: number; top: number; width: number; height: number }

/** The input that replaces a heading while it is renamed; Enter saves, Escape cancels. */
function HeadingInput({ fac, spot, onDone }: { fac: Facilitation; spot: Spot; onDone: () => void }) {
  const { t } = useI18n()
  const [draft, setDraft] = useState(spot.heading.label)
  return (
    <form
      className="fac-heading-edit"
      style={{ left: spot.left, top: spot.top, width: Math.max(spot.width, 200) }}
      onSubmit={(event) => {
        event.preventDefault()
        const label = draft.trim()
        if (!label || label === spot.heading.label) return onDone()
        void fac.act({ action: 'renameHeading', headingId: spot.heading.id, label }).then(onDone)
      }}
    >
      <input
        autoFocus
        aria-label={t('zones.rename', { label: spot.heading.label })}
        value={draft}
        maxLength={120}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          e.stopPropagation()
          if (e.key === 'Escape') onDone()
        }}
        data-testid="heading-input"
      />
      <button type="submit" className="primary">
        {t('zones.save')}
      </button>
    </form>
  )
}

/**
 * Renaming headings in place (issue 13): while the facilitator has turned it on, every heading
 * on screen is a button drawn over it; pressing it turns the heading into a text field there.
 */
export function HeadingEditors({ fac }: { fac: Facilitation }) {
  const editor = useEditor()
  const { t } = useI18n()
  const on = useValue(renamingInPlace)
  const headings = useHeadings(fac.controlDoc)
  const [editing, setEditing] = useState<string | null>(null)
  const spots = useValue(
    'heading spots',
    () => {
      if (!on || !fac.isFacilitator) return []
      const view = editor.getViewportScreenBounds()
      const out: Spot[] = []
      for (const heading of headings) {
        const bounds = editor.getShapePageBounds(heading.id as TLShapeId)
        if (!bounds) continue
        const a = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
        const b = editor.pageToViewport({ x: bounds.maxX, y: bounds.maxY })
        // A zone's heading is its top band; a table heading is the whole text label.
        const height = Math.max(MIN_TARGET_PX, heading.kind === 'zone' ? Math.min(b.y - a.y, 56 * editor.getZoomLevel() * 2) : b.y - a.y)
        const width = Math.max(MIN_TARGET_PX, b.x - a.x)
        if (a.x > view.w || a.y > view.h || a.x + width < 0 || a.y + height < 0) continue
        out.push({ heading, left: a.x, top: a.y, width, height })
      }
      return out
    },
    [editor, on, headings, fac.isFacilitator],
  )
  if (spots.length === 0) return null
  return (
    <>
      {spots.map((spot) =>
        editing === spot.heading.id ? (
          <HeadingInput key={spot.heading.id} fac={fac} spot={spot} onDone={() => setEditing(null)} />
        ) : (
          <button
            key={spot.heading.id}
            type="button"
            className="fac-heading-spot"
            style={{ left: spot.left, top: spot.top, width: spot.width, height: spot.height }}
            aria-label={t('zones.rename', { label: spot.heading.label })}
            data-testid="heading-spot"
            data-heading-id={spot.heading.id}
            onClick={() => setEditing(spot.heading.id)}
          >
            <span aria-hidden="true">✎</span>
          </button>
        ),
      )}
    </>
  )
}
