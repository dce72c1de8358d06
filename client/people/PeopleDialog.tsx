import { useId, useState } from 'react'
import type { Person } from '../api/people'
import { ToolDialog } from '../board/tools/ToolDialog'
import { useI18n } from '../i18n/I18nProvider'
import { CopyLinkButton } from '../ui/CopyLinkButton'
import { usePeople } from './usePeople'
import './people.css'

/**
 * The facilitator's "People" panel: admission and sign-in on or off, the people waiting,
 * admitted and revoked (admit, revoke), and names listed in advance with their personal links.
 */
export function PeopleDialog({ boardId, token, onClose }: { boardId: string; token: string; onClose: () => void }) {
  const { t } = useI18n()
  const people = usePeople(boardId, token)
  const [name, setName] = useState('')
  const nameId = useId()
  const rules = people.settings?.settings
  const effective = people.settings?.effective
  const checked = effective ? effective.admission || effective.signIn : false

  return (
    <ToolDialog title={t('people.title')} onClose={onClose} className="board-tools-wide">
      <section aria-labelledby={`${nameId}-rules`}>
        <h3 id={`${nameId}-rules`}>{t('people.rulesHeading')}</h3>
        <label className="people-toggle">
          <input
            type="checkbox"
            checked={rules?.admission ?? false}
            disabled={!rules}
            onChange={(e) => void people.setRule({ admission: e.target.checked })}
          />
          {t('people.admission')}
        </label>
        {people.settings?.signInAvailable && (
          <label className="people-toggle">
            <input type="checkbox" checked={rules?.signIn ?? false} disabled={!rules} onChange={(e) => void people.setRule({ signIn: e.target.checked })} />
            {t('people.requireSignIn')}
          </label>
        )}
        <p className="hint" data-testid="names-checked">
          {checked ? t('people.namesChecked') : t('people.namesNotChecked')}
        </p>
      </section>
      <section aria-labelledby={`${nameId}-list`}>
        <h3 id={`${nameId}-list`}>{t('people.listHeading')}</h3>
        {people.people.length === 0 ? (
          <p className="hint">{t('people.none')}</p>
        ) : (
          <ul className="people-list" data-testid="people-list">
            {people.people.map((person) => (
              <PersonRow key={person.id} person={person} onAdmit={() => void people.admit(person.id)} onRevoke={() => void people.revoke(person.id)} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby={`${nameId}-add`}>
        <h3 id={`${nameId}-add`}>{t('people.addHeading')}</h3>
        <form
          className="people-add"
          onSubmit={(e) => {
            e.preventDefault()
            if (!name.trim()) return
            void people.preList(name.trim().slice(0, 60))
            setName('')
          }}
        >
          <label htmlFor={nameId}>{t('people.nameLabel')}</label>
          <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} maxLength={60} />
          <button type="submit" disabled={!name.trim()}>
            {t('people.add')}
          </button>
        </form>
        {people.lastLink && (
          <p role="status">
            {t('people.personalLink', { name: people.lastLink.name })} <CopyLinkButton url={people.lastLink.link} label={t('people.copyLink')} />
          </p>
        )}
      </section>
      {people.error && <p role="alert">{t('settings.failed', { reason: people.error })}</p>}
    </ToolDialog>
  )
}

function PersonRow({ person, onAdmit, onRevoke }: { person: Person; onAdmit: () => void; onRevoke: () => void }) {
  const { t } = useI18n()
  return (
    <li data-status={person.status}>
      <span className="people-name">{person.name}</span>
      <span className="people-status">{t(`people.status.${person.status}`)}</span>
      {person.status !== 'admitted' && (
        <button type="button" onClick={onAdmit} aria-label={t('people.admitNamed', { name: person.name })}>
          {t('people.admit')}
        </button>
      )}
      {person.status !== 'revoked' && (
        <button type="button" onClick={onRevoke} aria-label={t('people.revokeNamed', { name: person.name })}>
          {t('people.revoke')}
        </button>
      )}
    </li>
  )
}
