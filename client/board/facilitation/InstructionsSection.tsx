import { useEffect, useId, useRef, useState } from 'react'
import { planActivityId } from '../../../shared/plan'
import { STATE_KEYS } from '../../../shared/facilitation'
import type { Activity } from '../../../shared/activities'
import { getTemplate, localizeText, type TemplateLocale } from '../../../shared/activities'
import { useI18n } from '../../i18n/I18nProvider'
import { usePhoneLayout } from '../phone/usePhoneLayout'
import { writeControlState } from './controlState'
import type { Facilitation } from './useFacilitationState'

/** The template's instructions in the facilitator's language, until the facilitator edits them. */
export function defaultInstructions(activity: Pick<Activity, 'templateId'>, locale: TemplateLocale): string {
  return localizeText(getTemplate(activity.templateId)?.instructions ?? '', locale)
}

/** The instructions of one activity; the facilitator edits them (control doc `state.instructions`). */
export function InstructionsSection({ fac, activities }: { fac: Facilitation; activities: Activity[] }) {
  const { t, locale } = useI18n()
  const selectId = useId()
  // The plan's current activity until this page picks another; a new step shows its own.
  const planned = planActivityId(fac.control.plan)
  const [chosen, setChosen] = useState<{ id: string; during: string | null } | null>(null)
  // An edit keeps to its activity, even when the plan moves on meanwhile.
  const [draft, setDraft] = useState<Draft | null>(null)
  // A phone adds notes from its bottom bar: no keyboard shortcut, no note tool to click with.
  const phone = usePhoneLayout()
  const pick = draft ? draft.id : chosen && chosen.during === planned ? chosen.id : planned
  const activity = activities.find((a) => a.instanceId === pick) ?? activities[0]
  if (!activity) return null
  const text = fac.control.instructions[activity.instanceId] ?? defaultInstructions(activity, locale)
  const save = () => {
    if (draft === null) return
    writeControlState(fac.controlDoc, STATE_KEYS.instructions, { ...fac.control.instructions, [draft.id]: draft.text.slice(0, 5000) })
    setDraft(null)
  }
  return (
    <section className="fac-section" aria-labelledby="fac-instructions-heading">
      <h3 id="fac-instructions-heading">{t('instructions.heading')}</h3>
      {fac.role !== 'viewer' && (
        <p className="fac-hint" data-testid="add-note-hint">
          {t(phone ? 'hint.addNoteTouch' : 'hint.addNote')}
        </p>
      )}
      {activities.length > 1 && (
        <div className="fac-field">
          <label htmlFor={selectId}>{t('instructions.activity')}</label>
          <select id={selectId} value={activity.instanceId} onChange={(e) => (setChosen({ id: e.target.value, during: planned }), setDraft(null))}>
            {activities.map((a) => (
              <option key={a.instanceId} value={a.instanceId}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {draft === null ? (
        <>
          <p className="fac-instructions" data-testid="instructions">
            {text}
          </p>
          {fac.isFacilitator && (
            <button type="button" onClick={() => setDraft({ id: activity.instanceId, text })}>
              {t('instructions.edit')}
            </button>
          )}
        </>
      ) : (
        <InstructionsForm activityName={activity.name} draft={draft} onChange={setDraft} onSave={save} />
      )}
    </section>
  )
}

type Draft = { id: string; text: string }

/** The facilitator's edit of one activity's instructions: Ctrl+Enter saves, Escape cancels. */
function InstructionsForm({ activityName, draft, onChange, onSave }: { activityName: string; draft: Draft; onChange: (draft: Draft | null) => void; onSave: () => void }) {
  const { t } = useI18n()
  const textId = useId()
  const textarea = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    textarea.current?.focus()
  }, [])
  return (
    <div className="fac-controls">
      <label htmlFor={textId}>{t('instructions.label', { activity: activityName })}</label>
      <textarea
        id={textId}
        ref={textarea}
        rows={6}
        maxLength={5000}
        value={draft.text}
        onChange={(e) => onChange({ id: draft.id, text: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onChange(null)
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onSave()
        }}
      />
      <div className="fac-row">
        <button type="button" className="primary" onClick={onSave}>
          {t('instructions.save')}
        </button>
        <button type="button" onClick={() => onChange(null)}>
          {t('instructions.cancel')}
        </button>
      </div>
    </div>
  )
}
