import type { ReactNode } from 'react'
import { ROLES, type Role } from '../../../shared/roles'
import { CopyLinkButton } from '../../ui/CopyLinkButton'
import { useI18n } from '../../i18n/I18nProvider'

/** A board's links, each with a copy button (the ones this browser does not know are said so). */
export function LinkList({ links, children }: { links: Partial<Record<Role, string>>; children?: (role: Role) => ReactNode }) {
  const { t } = useI18n()
  return (
    <ul className="board-tools-links">
      {ROLES.map((role) => {
        const link = links[role]
        return (
          <li key={role} data-role={role}>
            <span className="link-role">{t(`role.${role}`)}</span>
            {link ? <code>{link}</code> : <span className="hint">{t('links.unknown')}</span>}
            <span className="board-tools-row">
              {link && <CopyLinkButton url={link} label={t('lobby.copy', { role: t(`role.${role}`) })} />}
              {children?.(role)}
            </span>
          </li>
        )
      })}
    </ul>
  )
}
