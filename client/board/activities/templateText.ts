/** Localised name and description of a template; the template's own English text when the catalogue lacks it. */
import type { Translate } from '../../i18n/I18nProvider'
import { ACTIVITIES_MESSAGES, type ActivitiesMessageKey } from '../../i18n/messages.activities'

function known(key: string): key is ActivitiesMessageKey {
  return key in ACTIVITIES_MESSAGES.en
}

export function templateName(t: Translate, template: { id: string; name: string }): string {
  const key = `activities.name.${template.id}`
  return known(key) ? t(key) : template.name
}

export function templateDescription(t: Translate, template: { id: string; description: string }): string {
  const key = `activities.description.${template.id}`
  return known(key) ? t(key) : template.description
}

/** A band label in the current language when it is one of the default bands. */
export function bandText(t: Translate, band: string, label: string): string {
  const key = `activities.band.${band}`
  return known(key) ? t(key) : label
}
