import type { ReactNode } from 'react'
import { ROLES, type Role } from '../../shared/roles'
import { useI18n } from '../i18n/I18nProvider'
import type { MessageKey } from '../i18n/messages'
import { CopyLinkButton } from '../ui/CopyLinkButton'
import { QrCode } from './QrCode'
import './share.css'

const LINK_NAMES: Record<Role, { name: MessageKey; hint: MessageKey }> = {
  facilitator: { name: 'share.facilitator', hint: 'share.facilitatorHint' },
  participant: { name: 'share.participant', hint: 'share.participantHint' },
  viewer: { name: 'share.viewer', hint: 'share.viewerHint' },
}

/**
 * A board's three links, each with what it is for and a copy button, and a QR code of the
 * participant link to scan from a phone. `actions` go under it (open the board, present).
 */
export function ShareView({ links, actions }: { links: Partial<Record<Role, string>>; actions?: ReactNode }) {
  const { t } = useI18n()
  const participant = links.participant
  return (
    <div className="share-view">
      <div className="share-columns">
        <ul className="links share-links">
          {ROLES.map((role) => {
            const link = links[role]
            const { name, hint } = LINK_NAMES[role]
            return (
              <li key={role} data-role={role}>
                <span className="share-link-name">{t(name)}</span>
                <span className="share-link-hint">{t(hint)}</span>
                {link ? <code className="share-link-url">{link}</code> : <span className="hint">{t('share.unknown')}</span>}
                {link && <CopyLinkButton url={link} label={t('lobby.copy', { role: t(`role.${role}`) })} />}
              </li>
            )
          })}
        </ul>
        {participant && (
          <figure className="share-qr">
            <QrCode text={participant} label={t('share.qr')} px={220} testId="participant-qr" />
            <figcaption className="hint">{t('share.qrHint')}</figcaption>
          </figure>
        )}
      </div>
      {actions && <div className="share-actions">{actions}</div>}
    </div>
  )
}
