import { useMemo, useRef, useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import type { Facilitation } from '../facilitation/useFacilitationState'
import type { Voting } from '../facilitation/useVoting'
import { OutlineNoteItem } from './OutlineNoteItem'
import type { ZoneOption } from './OutlineNoteForms'
import { FOLD_EMPTY_ZONES_ABOVE, zoneHeadingId, type Outline, type OutlineNote, type OutlineZone } from './outlineModel'
import type { OutlineActions } from './useOutlineActions'

type Props = {
  outline: Outline
  canWrite: boolean
  voting: Voting
  fac: Facilitation
  actions: OutlineActions
  onAdd: (zoneId: string) => void
}

/** The total a note shows: once revealed, or while the facilitator lets totals show. */
function totalOf(fac: Facilitation, id: string): number | null {
  const { vote, voteTotals } = fac.control
  if (!vote || (vote.status !== 'revealed' && vote.settings.hideTotals)) return null
  return voteTotals[id] ?? 0
}

type ZoneListProps = {
  zones: OutlineZone[]
  canWrite: boolean
  list: (notes: OutlineNote[], zoneId: string | null) => React.ReactNode
  onAdd: (zoneId: string) => void
}

/** Each zone as a sub-heading with its "Add a note" and its notes. */
function ZoneSections({ zones, canWrite, list, onAdd }: ZoneListProps) {
  const { t } = useI18n()
  return zones.map(({ zone, name, notes }) => (
    <section key={zone.id} className="outline-zone" aria-labelledby={zoneHeadingId(zone.id)}>
      <div className="outline-zone-head">
        <h4 id={zoneHeadingId(zone.id)} tabIndex={-1}>
          {name}
        </h4>
        {canWrite && (
          <button type="button" onClick={() => onAdd(zone.id)} aria-label={t('outline.zone.addHere', { zone: name })}>
            {t('outline.zone.add')}
          </button>
        )}
      </div>
      {list(notes, zone.id)}
    </section>
  ))
}

/** The empty zones of a many-zoned activity, under one heading, shown on demand. */
function FoldedZones({ activityId, ...props }: ZoneListProps & { activityId: string }) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const headingId = `outline-empty-${activityId}`
  const listId = `outline-empty-list-${activityId}`
  return (
    <section className="outline-zone outline-empty-zones" aria-labelledby={headingId} data-testid="outline-empty-zones">
      <div className="outline-zone-head">
        <h4 id={headingId}>{t('outline.zone.emptyGroup', { count: props.zones.length })}</h4>
        <button type="button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          {open ? t('outline.zone.hideEmpty') : t('outline.zone.showEmpty')}
        </button>
      </div>
      <div id={listId} hidden={!open}>
        {open && <ZoneSections {...props} />}
      </div>
    </section>
  )
}

/**
 * Activities as headings, their zones as sub-headings in board order, the notes under each
 * (the empty zones of a many-zoned activity folded after the others).
 */
export function OutlineActivities({ outline, canWrite, voting, fac, actions, onAdd }: Props) {
  const { t } = useI18n()
  const zones = useMemo<ZoneOption[]>(
    () => outline.activities.flatMap((a) => a.zones.map((z) => ({ zone: z.zone, name: z.name, group: a.activity.name }))),
    [outline],
  )
  /** Zones that held a note since the outline opened. */
  const seen = useRef(new Set<string>())
  const list = (notes: OutlineNote[], zoneId: string | null) =>
    notes.length === 0 ? (
      <p className="hint">{t('outline.zone.empty')}</p>
    ) : (
      <ul className="outline-notes">
        {notes.map((note) => (
          <OutlineNoteItem key={note.id} note={note} zoneId={zoneId} canWrite={canWrite} total={totalOf(fac, note.id)} voting={voting} zones={zones} actions={actions} />
        ))}
      </ul>
    )

  return (
    <div className="outline-activities">
      <p className="outline-count">{t('outline.live.notes', { count: outline.noteCount })}</p>
      {outline.activities.length === 0 && <p>{t('activities.move.noActivities')}</p>}
      {outline.activities.map(({ activity, zones: activityZones, elsewhere }) => {
        const fold = activityZones.length > FOLD_EMPTY_ZONES_ABOVE
        for (const z of activityZones) if (z.notes.length > 0) seen.current.add(z.zone.id)
        // A zone shown once stays shown while the outline is open: its heading does not vanish
        // under the focus when its last note is moved or deleted.
        const isShown = (z: OutlineZone) => !fold || seen.current.has(z.zone.id)
        const shown = activityZones.filter(isShown)
        const folded = activityZones.filter((z) => !isShown(z))
        return (
          <section key={activity.instanceId} className="outline-activity" aria-labelledby={`outline-activity-${activity.instanceId}`}>
            <h3 id={`outline-activity-${activity.instanceId}`}>{activity.name}</h3>
            <ZoneSections zones={shown} canWrite={canWrite} list={list} onAdd={onAdd} />
            {folded.length > 0 && <FoldedZones activityId={activity.instanceId} zones={folded} canWrite={canWrite} list={list} onAdd={onAdd} />}
            {elsewhere.length > 0 && (
              <section className="outline-zone" aria-labelledby={`outline-elsewhere-${activity.instanceId}`}>
                <h4 id={`outline-elsewhere-${activity.instanceId}`}>{t('outline.zone.elsewhere')}</h4>
                {list(elsewhere, null)}
              </section>
            )}
          </section>
        )
      })}
      {outline.unplaced.length > 0 && (
        <section className="outline-activity" aria-labelledby="outline-unplaced">
          <h3 id="outline-unplaced">{t('outline.unplaced')}</h3>
          {list(outline.unplaced, null)}
        </section>
      )}
    </div>
  )
}
