import type { ReactNode } from 'react'
import { SPACE_ROLES, type SpaceLinks, type SpaceRole } from '../api/spaces'
import { useI18n } from '../i18n/I18nProvider'
import type { MessageKey } from '../i18n/messages'
import { CopyLinkButton } from '../ui/CopyLinkButton'
import '../share/share.css'

const LINK_NAMES: Record<SpaceRole, { name: MessageKey; hint: MessageKey }> = {
  facilitator: { name: 'spaces.link.facilitator', hint: 'spaces.link.facilitatorHint' },
  member: { name: 'spaces.link.member', hint: 'spaces.link.memberHint' },
  viewer: { name: 'spaces.link.viewer', hint: 'spaces.link.viewerHint' },
}

/** A space's links that are known here, each with what it is for and a copy button. */
export function SpaceLinksView({ links, actions }: { links: Partial<SpaceLinks>; actions?: ReactNode }) {
  const { t } = useI18n()
  return (
    <div className="share-view">
      <ul className="links share-links" data-testid="space-links">
        {SPACE_ROLES.filter((role) => links[role]).map((role) => {
          const link = links[role] ?? ''
          return (
            <li key={role} data-role={role}>
              <span className="share-link-name">{t(LINK_NAMES[role].name)}</span>
              <span className="share-link-hint">{t(LINK_NAMES[role].hint)}</span>
              <code className="share-link-url">{link}</code>
              <CopyLinkButton url={link} label={t('spaces.copy', { role: t(`space.role.${role}`) })} />
            </li>
          )
        })}
      </ul>
      {actions && <div className="share-actions">{actions}</div>}
    </div>
  )
}
