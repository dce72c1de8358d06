import { useState } from 'react'
import { errorMessage } from '../api/http'
import { useI18n } from '../i18n/I18nProvider'
import { rememberBoard } from '../lib/myBoards'
import { useLocation } from '../lib/useLocation'
import { createBoardFromTemplate, manageRouteOf, templateFileUrl, type CustomTemplate } from '../templates/templateApi'
import { TemplateImport } from '../templates/TemplateImport'
import { TemplateManage } from '../templates/TemplateManage'
import { useCustomTemplates } from '../templates/useCustomTemplates'
import '../templates/templates.css'

/**
 * The lobby's gallery of custom templates (issue 15), beside the built-ins of the create form:
 * name, author and language of each, a board made from one, its file, and importing a file.
 * At `/templates/<id>#<manage token>` it opens that template's manage panel first.
 */
export function TemplateGallery() {
  const { t, locale } = useI18n()
  const manage = manageRouteOf(useLocation())
  const { templates, error, reload } = useCustomTemplates()
  const [creating, setCreating] = useState<string | null>(null)
  const [createError, setCreateError] = useState<string | null>(null)
  const create = async (template: CustomTemplate) => {
    setCreating(template.id)
    setCreateError(null)
    try {
      const made = await createBoardFromTemplate(template.id, locale)
      rememberBoard({ id: made.board.id, title: made.board.title, links: made.links, lastRole: 'facilitator' })
      window.location.assign(made.links.facilitator)
    } catch (e) {
      setCreateError(errorMessage(e))
      setCreating(null)
    }
  }
  const language = (code: string) => (code === 'fr' ? t('locale.fr') : code === 'en' ? t('locale.en') : code)
  return (
    <>
      {manage && <TemplateManage id={manage.id} token={manage.token} onChanged={reload} />}
      <section className="template-gallery" aria-labelledby="custom-templates-heading">
        <h2 id="custom-templates-heading">{t('templates.gallery.heading')}</h2>
        <p className="hint">{t('templates.gallery.hint')}</p>
        {error && (
          <p role="alert" className="error">
            {t('templates.gallery.loadFailed', { reason: error })}
          </p>
        )}
        {templates.length === 0 ? (
          <p>{t('templates.gallery.empty')}</p>
        ) : (
          <ul className="template-list">
            {templates.map((template) => (
              <li key={template.id} data-template={template.id}>
                <span className="template-name">{template.name}</span>
                <span className="template-meta">
                  {template.author ? t('templates.gallery.by', { author: template.author }) : t('templates.gallery.noAuthor')}
                  {' · '}
                  <span lang={template.locale}>{t('templates.gallery.language', { language: language(template.locale) })}</span>
                </span>
                <span className="template-actions">
                  <button type="button" className="primary" disabled={creating !== null} aria-label={t('templates.gallery.createLabel', { name: template.name })} onClick={() => void create(template)}>
                    {creating === template.id ? t('templates.gallery.creating') : t('templates.gallery.create')}
                  </button>
                  <a className="button" href={templateFileUrl(template.id)} download aria-label={t('templates.gallery.downloadLabel', { name: template.name })}>
                    {t('templates.gallery.download')}
                  </a>
                </span>
              </li>
            ))}
          </ul>
        )}
        {createError && (
          <p role="alert" className="error">
            {t('templates.gallery.createFailed', { reason: createError })}
          </p>
        )}
        <TemplateImport onImported={reload} />
      </section>
    </>
  )
}
