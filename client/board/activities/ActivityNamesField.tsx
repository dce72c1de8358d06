import { useId } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import type { NamesInput } from './activityInputs'

/** The list of names a template is laid out from (seats, commitment rows, stakeholder columns): "Add activity" and the lobby. */
export function ActivityNamesField({ kind, value, onChange }: { kind: NamesInput; value: string; onChange: (value: string) => void }) {
  const { t } = useI18n()
  const hintId = useId()
  return (
    <label className="field">
      {t(kind === 'participants' ? 'activities.names.participants' : 'activities.names.stakeholders')}
      <textarea rows={4} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={hintId} />
      <span className="hint" id={hintId}>
        {t(kind === 'participants' ? 'activities.names.participantsHint' : 'activities.names.stakeholdersHint')}
      </span>
    </label>
  )
}
