import { useMemo } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import type { Facilitation } from '../facilitation/useFacilitationState'
import type { Voting } from '../facilitation/useVoting'
import { OutlineNoteItem } from './OutlineNoteItem'
import type { ZoneOption } from './OutlineNoteForms'
import type { Outline, OutlineNote } from './outlineModel'
import { zoneHeadingId, type OutlineActions } from './useOutlineActions'

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

/** Activities as headings, their zones as sub-headings in board order, the notes under each. */
export function OutlineActivities({ outline, canWrite, voting, fac, actions, onAdd }: Props) {
  const { t } = useI18n()
  const zones = useMemo<ZoneOption[]>(
    () => outline.activities.flatMap((a) => a.zones.map((z) => ({ zone: z.zone, name: z.name, group: a.activity.name }))),
    [outline],
  )
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
      {outline.activities.map(({ activity, zones: activityZones, elsewhere }) => (
        <section key={activity.instanceId} className="outline-activity" aria-labelledby={`outline-activity-${activity.instanceId}`}>
          <h3 id={`outline-activity-${activity.instanceId}`}>{activity.name}</h3>
          {activityZones.map(({ zone, name, notes }) => (
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
          ))}
          {elsewhere.length > 0 && (
            <section className="outline-zone" aria-labelledby={`outline-elsewhere-${activity.instanceId}`}>
              <h4 id={`outline-elsewhere-${activity.instanceId}`}>{t('outline.zone.elsewhere')}</h4>
              {list(elsewhere, null)}
            </section>
          )}
        </section>
      ))}
      {outline.unplaced.length > 0 && (
        <section className="outline-activity" aria-labelledby="outline-unplaced">
          <h3 id="outline-unplaced">{t('outline.unplaced')}</h3>
          {list(outline.unplaced, null)}
        </section>
      )}
    </div>
  )
}
