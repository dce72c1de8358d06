import { useId, useState } from 'react'
import { useValue } from 'tldraw'
import type { Activity } from '../../../shared/activities'
import { useI18n } from '../../i18n/I18nProvider'
import type { Facilitation } from './useFacilitationState'
import { renamingInPlace, useHeadings } from './zoneHeadings'

/** "Add a row for …" under a commitments activity (a person who joined later). */
function AddRow({ fac, activity }: { fac: Facilitation; activity: Activity }) {
  const { t } = useI18n()
  const input = useId()
  const [name, setName] = useState('')
  return (
    <form
      className="fac-controls"
      data-testid="add-commitment-row"
      onSubmit={(event) => {
        event.preventDefault()
        void fac.act({ action: 'addCommitmentRow', activityId: activity.instanceId, name: name.trim() }).then((done) => done && setName(''))
      }}
    >
      <label className="fac-field" htmlFor={input}>
        {t('zones.addRow')} {activity.name}
      </label>
      <div className="fac-row">
        <input id={input} value={name} maxLength={60} onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.stopPropagation()} />
        <button type="submit" disabled={!name.trim() || fac.busy}>
          {t('zones.addRowButton')}
        </button>
      </div>
    </form>
  )
}

/**
 * The facilitator renames a locked heading (a stakeholder group, a seat, a commitment row): in
 * place on the board, or from this list; and adds rows to a commitments activity.
 */
export function ZoneHeadingsSection({ fac, activities }: { fac: Facilitation; activities: Activity[] }) {
  const { t } = useI18n()
  const zoneSelect = useId()
  const nameInput = useId()
  const [headingId, setHeadingId] = useState<string | null>(null)
  const [draft, setDraft] = useState('')
  const headings = useHeadings(fac.controlDoc)
  const inPlace = useValue(renamingInPlace)
  if (!fac.isFacilitator || headings.length === 0) return null
  const names = new Map(activities.map((a) => [a.instanceId, a.name]))
  const chosen = headings.find((h) => h.id === headingId) ?? headings[0]!
  return (
    <section className="fac-section" aria-labelledby={`${zoneSelect}-heading`}>
      <h3 id={`${zoneSelect}-heading`}>{t('zones.heading')}</h3>
      <button type="button" aria-pressed={inPlace} onClick={() => renamingInPlace.set(!inPlace)} data-testid="rename-in-place">
        {inPlace ? t('zones.inPlaceDone') : t('zones.inPlace')}
      </button>
      <form
        className="fac-controls"
        onSubmit={(event) => {
          event.preventDefault()
          void fac.act({ action: 'renameHeading', headingId: chosen.id, label: draft.trim() }).then((done) => done && setDraft(''))
        }}
      >
        <select id={zoneSelect} aria-label={t('zones.heading')} value={chosen.id} onChange={(e) => setHeadingId(e.target.value)} data-testid="zone-choice">
          {headings.map((heading) => (
            <option key={heading.id} value={heading.id}>
              {activities.length > 1 ? `${names.get(heading.activityId) ?? ''} · ${heading.label}` : heading.label}
            </option>
          ))}
        </select>
        <label className="fac-field" htmlFor={nameInput}>
          {t('zones.rename', { label: chosen.label })}
        </label>
        <div className="fac-row">
          <input id={nameInput} value={draft} maxLength={120} onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => e.stopPropagation()} />
          <button type="submit" disabled={!draft.trim() || fac.busy}>
            {t('zones.save')}
          </button>
        </div>
      </form>
      {activities.filter((a) => a.results === 'commitments').map((activity) => (
        <AddRow key={activity.instanceId} fac={fac} activity={activity} />
      ))}
    </section>
  )
}
