import { useId } from 'react'
import type { ActivityTemplate } from '../../../shared/activities/index'
import { useI18n } from '../../i18n/I18nProvider'
import { ActivityNamesField } from './ActivityNamesField'
import { namesInputOf, takesPrompts, type ActivityOptionsText } from './activityInputs'

type Props = {
  template: Pick<ActivityTemplate, 'id' | 'results'>
  value: ActivityOptionsText
  onChange: (value: ActivityOptionsText) => void
}

/**
 * What a template is laid out from besides its title, asked the same way by the lobby and by
 * "Add activity" (issue 13): participant names (seats, commitment rows) or stakeholder groups,
 * and a circle's round prompts.
 */
export function ActivityOptionsFields({ template, value, onChange }: Props) {
  const { t } = useI18n()
  const hintId = useId()
  const namesInput = namesInputOf(template)
  return (
    <>
      {namesInput && <ActivityNamesField kind={namesInput} value={value.names} onChange={(names) => onChange({ ...value, names })} />}
      {takesPrompts(template) && (
        <label className="field">
          {t('activities.prompts')}
          <textarea rows={3} value={value.prompts} onChange={(e) => onChange({ ...value, prompts: e.target.value })} aria-describedby={hintId} data-testid="activity-prompts" />
          <span className="hint" id={hintId}>
            {t('activities.promptsHint')}
          </span>
        </label>
      )}
    </>
  )
}
