import { useId, useState } from 'react'
import type { Activity } from '../../../shared/activities'
import { useI18n } from '../../i18n/I18nProvider'
import type { Facilitation } from './useFacilitationState'
import { renamableZones, renameZone } from './zoneHeadings'

/** The facilitator renames a locked zone heading (a stakeholder group, a seat, a commitment row). */
export function ZoneHeadingsSection({ fac, activities }: { fac: Facilitation; activities: Activity[] }) {
  const { t } = useI18n()
  const zoneSelect = useId()
  const nameInput = useId()
  const [zoneId, setZoneId] = useState<string | null>(null)
  const [draft, setDraft] = useState('')
  if (!fac.isFacilitator) return null
  const zones = activities.flatMap((a) => renamableZones(a.zones).map((zone) => ({ zone, activity: a })))
  if (zones.length === 0) return null
  const chosen = zones.find((z) => z.zone.id === zoneId) ?? zones[0]!
  return (
    <section className="fac-section" aria-labelledby={`${zoneSelect}-heading`}>
      <h3 id={`${zoneSelect}-heading`}>{t('zones.heading')}</h3>
      <form
        className="fac-controls"
        onSubmit={(event) => {
          event.preventDefault()
          if (renameZone(fac.controlDoc, chosen.zone, draft)) setDraft('')
        }}
      >
        <select id={zoneSelect} aria-label={t('zones.heading')} value={chosen.zone.id} onChange={(e) => setZoneId(e.target.value)} data-testid="zone-choice">
          {zones.map(({ zone, activity }) => (
            <option key={zone.id} value={zone.id}>
              {activities.length > 1 ? `${activity.name} · ${zone.label}` : zone.label}
            </option>
          ))}
        </select>
        <label className="fac-field" htmlFor={nameInput}>
          {t('zones.rename', { label: chosen.zone.label })}
        </label>
        <div className="fac-row">
          <input id={nameInput} value={draft} maxLength={120} onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => e.stopPropagation()} />
          <button type="submit" disabled={!draft.trim()}>
            {t('zones.save')}
          </button>
        </div>
      </form>
    </section>
  )
}
