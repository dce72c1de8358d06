import { useId } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { galleryTemplates } from './templatePreview'
import { TemplatePreview } from './TemplatePreview'
import { templateDescription, templateName } from './templateText'
import './activities.css'

type Props = {
  /** The chosen template id; '' is the blank board. */
  value: string
  onChange: (templateId: string) => void
  /** Offer "Blank board" first (the lobby does; adding an activity does not). */
  includeBlank?: boolean
}

/**
 * The activity gallery: a radio group (arrow keys move between entries) of cards, each with a
 * preview drawn from the template's layout, its name, family and description.
 */
export function ActivityGallery({ value, onChange, includeBlank = false }: Props) {
  const { t } = useI18n()
  const name = useId()
  return (
    <fieldset className="activity-gallery">
      <legend>{t('activities.gallery.legend')}</legend>
      <div className="activity-gallery-grid">
        {includeBlank && (
          <label className="activity-card">
            <input type="radio" name={name} value="" checked={value === ''} onChange={() => onChange('')} />
            <svg className="template-preview" viewBox="0 0 160 100" aria-hidden="true">
              <rect x={2} y={2} width={156} height={96} fill="#ffffff" stroke="#525a63" strokeWidth={2} strokeDasharray="6 4" />
            </svg>
            <span className="activity-card-name">{t('activities.gallery.blank')}</span>
            <span className="activity-card-description">{t('activities.gallery.blankDescription')}</span>
          </label>
        )}
        {galleryTemplates().map((template) => (
          <label className="activity-card" key={template.id} data-template={template.id}>
            <input type="radio" name={name} value={template.id} checked={value === template.id} onChange={() => onChange(template.id)} />
            <TemplatePreview template={template} />
            <span className="activity-card-name">{templateName(t, template)}</span>
            <span className="activity-card-family">{t(`activities.family.${template.family}`)}</span>
            <span className="activity-card-description">{templateDescription(t, template)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
