import { useState } from 'react'
import type { Role } from '../../../shared/roles'
import { useI18n } from '../../i18n/I18nProvider'
import { ConfirmDialog } from './ConfirmDialog'
import { ToolDialog } from './ToolDialog'
import { LinkList } from './LinkList'
import { useBoardSettings } from './useBoardSettings'
import type { BoardToolsContext } from './useBoardTools'

type RotatableRole = Exclude<Role, 'facilitator'>

/** The facilitator's links (copy, replace), the board's title, and archiving. */
export function SettingsDialog({ tools, onClose }: { tools: BoardToolsContext; onClose: () => void }) {
  const { t } = useI18n()
  const settings = useBoardSettings(tools.boardId, tools.token)
  const [title, setTitle] = useState<string | null>(null)
  const [rotating, setRotating] = useState<RotatableRole | null>(null)
  const [archiving, setArchiving] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const currentTitle = settings.meta?.title ?? tools.title
  const archived = settings.meta?.archived ?? false

  return (
    <ToolDialog title={t('settings.title')} onClose={onClose} className="board-tools-wide">
      <section aria-labelledby="links-heading">
        <h3 id="links-heading">{t('links.heading')}</h3>
        <p className="hint">{t('links.hint')}</p>
        <LinkList links={settings.links}>
          {(role) =>
            role !== 'facilitator' && (
              <button type="button" disabled={settings.working} onClick={() => setRotating(role)}>
                {t('links.rotate', { role: t(`role.${role}`) })}
              </button>
            )
          }
        </LinkList>
      </section>
      <section aria-labelledby="rename-heading">
        <h3 id="rename-heading">{t('settings.renameHeading')}</h3>
        <form
          className="board-tools-row"
          onSubmit={(e) => {
            e.preventDefault()
            const next = (title ?? currentTitle).trim()
            if (next) void settings.rename(next).then((ok) => ok && setNotice(t('settings.renamed', { title: next })))
          }}
        >
          <label htmlFor="board-rename">{t('settings.titleLabel')}</label>
          <input id="board-rename" value={title ?? currentTitle} maxLength={200} required onChange={(e) => setTitle(e.target.value)} />
          <button type="submit" disabled={settings.working}>
            {t('settings.rename')}
          </button>
        </form>
      </section>
      <section aria-labelledby="archive-heading">
        <h3 id="archive-heading">{t('settings.archiveHeading')}</h3>
        <p className="hint">{archived ? t('settings.archivedHint') : t('settings.archiveHint')}</p>
        <button type="button" disabled={settings.working || !settings.meta} onClick={() => (archived ? void settings.setArchived(false) : setArchiving(true))}>
          {archived ? t('settings.unarchive') : t('settings.archive')}
        </button>
      </section>
      <p className="board-tools-status" role="status" aria-live="polite">
        {notice}
      </p>
      {settings.error && (
        <p className="error" role="alert">
          {t('settings.failed', { reason: settings.error })}
        </p>
      )}
      {rotating && (
        <ConfirmDialog
          title={t('links.rotateTitle', { role: t(`role.${rotating}`) })}
          confirmLabel={t('links.rotateConfirm')}
          onCancel={() => setRotating(null)}
          onConfirm={() => {
            const role = rotating
            setRotating(null)
            void settings.rotate(role).then((ok) => ok && setNotice(t('links.rotated', { role: t(`role.${role}`) })))
          }}
        >
          <p>{t('links.rotateText', { role: t(`role.${rotating}`) })}</p>
        </ConfirmDialog>
      )}
      {archiving && (
        <ConfirmDialog
          title={t('settings.archiveTitle')}
          confirmLabel={t('settings.archive')}
          onCancel={() => setArchiving(false)}
          onConfirm={() => {
            setArchiving(false)
            void settings.setArchived(true).then((ok) => ok && setNotice(t('settings.archived')))
          }}
        >
          <p>{t('settings.archiveText')}</p>
        </ConfirmDialog>
      )}
    </ToolDialog>
  )
}
