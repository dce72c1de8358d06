import type { RiskEntry } from '../../../shared/activities/index'
import { useI18n } from '../../i18n/I18nProvider'
import { NoteMetaField } from './NoteMetaField'
import { NoteText, Votes } from './resultBits'
import { bandText } from './templateText'

/** The risk register, highest score first: one card per risk with its owner, mitigation and status. */
export function RiskRegisterView({ register, editable }: { register: RiskEntry[]; editable: boolean }) {
  const { t } = useI18n()
  if (register.length === 0) return <p className="results-muted">{t('activities.results.noNotes')}</p>
  return (
    <ol className="risk-register" style={{ listStyle: 'none', padding: 0 }}>
      {register.map((risk) => (
        <li key={risk.id} className="risk-entry" data-testid="risk-entry">
          <div className="risk-entry-head">
            <span className="results-muted">{risk.riskId}</span>
            <span className="risk-entry-text">
              <NoteText text={risk.text} />
            </span>
            <Votes count={risk.votes} />
          </div>
          <div>
            {t('activities.field.likelihood')} {risk.likelihood} × {t('activities.field.impact')} {risk.impact} ={' '}
            <strong data-testid="risk-score">{risk.score}</strong>{' '}
            <span className={`band band-${risk.band}`} data-testid="risk-band">
              {bandText(t, risk.band, risk.bandLabel)}
            </span>
          </div>
          <div className="results-edit">
            {(['owner', 'mitigation', 'status'] as const).map((field) => (
              <FieldRow key={field} field={field} risk={risk} editable={editable} />
            ))}
          </div>
        </li>
      ))}
    </ol>
  )
}

function FieldRow({ field, risk, editable }: { field: 'owner' | 'mitigation' | 'status'; risk: RiskEntry; editable: boolean }) {
  const { t } = useI18n()
  return (
    <>
      <span className="results-muted">{t(`activities.field.${field}`)}</span>
      <NoteMetaField noteId={risk.id} noteText={risk.text} field={field} value={field === 'status' ? risk.status : risk[field]} editable={editable} />
    </>
  )
}
