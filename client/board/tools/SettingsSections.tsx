import { useState } from 'react'
import type { Role } from '../../../shared/roles'
import { useI18n } from '../../i18n/I18nProvider'
import { ConfirmDialog } from './ConfirmDialog'
import { LinkList } from './LinkList'
import type { useBoardSettings } from './useBoardSettings'

/** What `useBoardSettings` gives the settings dialog's sections. */
export type BoardSettings = ReturnType<typeof useBoardSettings>
type RotatableRole = Exclude<Role, 'facilitator'>
type SectionProps = { settings: BoardSettings; onNotice: (notice: string) => void }

/** The board's links, each but the facilitator's replaceable after a confirmation. */
export function LinksSection({ settings, onNotice }: SectionProps) {
  const { t } = useI18n()
  const [rotating, setRotating] = useState<RotatableRole | null>(null)
  return (
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
      {rotating && (
        <ConfirmDialog
          title={t('links.rotateTitle', { role: t(`role.${rotating}`) })}
          confirmLabel={t('links.rotateConfirm')}
          onCancel={() => setRotating(null)}
          onConfirm={() => {
            const role = rotating
            setRotating(null)
            void settings.rotate(role).then((ok) => ok && onNotice(t('links.rotated', { role: t(`role.${role}`) })))
          }}
        >
          <p>{t('links.rotateText', { role: t(`role.${rotating}`) })}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}

/** Renaming the board: owns the title being typed (null until edited, so the stored title shows). */
export function RenameSection({ settings, onNotice, currentTitle }: SectionProps & { currentTitle: string }) {
  const { t } = useI18n()
  const [title, setTitle] = useState<string | null>(null)
  return (
    <section aria-labelledby="rename-heading">
      <h3 id="rename-heading">{t('settings.renameHeading')}</h3>
      <form
        className="board-tools-row"
        onSubmit={(e) => {
          e.preventDefault()
          const next = (title ?? currentTitle).trim()
          if (next) void settings.rename(next).then((ok) => ok && onNotice(t('settings.renamed', { title: next })))
        }}
      >
        <label htmlFor="board-rename">{t('settings.titleLabel')}</label>
        <input id="board-rename" value={title ?? currentTitle} maxLength={200} required onChange={(e) => setTitle(e.target.value)} />
        <button type="submit" disabled={settings.working}>
          {t('settings.rename')}
        </button>
      </form>
    </section>
  )
}

/** Archiving (after a confirmation) and unarchiving the board. */
export function ArchiveSection({ settings, onNotice }: SectionProps) {
  const { t } = useI18n()
  const [archiving, setArchiving] = useState(false)
  const archived = settings.meta?.archived ?? false
  return (
    <section aria-labelledby="archive-heading">
      <h3 id="archive-heading">{t('settings.archiveHeading')}</h3>
      <p className="hint">{archived ? t('settings.archivedHint') : t('settings.archiveHint')}</p>
      <button type="button" disabled={settings.working || !settings.meta} onClick={() => (archived ? void settings.setArchived(false) : setArchiving(true))}>
        {archived ? t('settings.unarchive') : t('settings.archive')}
      </button>
      {archiving && (
        <ConfirmDialog
          title={t('settings.archiveTitle')}
          confirmLabel={t('settings.archive')}
          onCancel={() => setArchiving(false)}
          onConfirm={() => {
            setArchiving(false)
            void settings.setArchived(true).then((ok) => ok && onNotice(t('settings.archived')))
          }}
        >
          <p>{t('settings.archiveText')}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}
