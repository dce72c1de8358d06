import type { Person } from './hooks/usePresence'
import { useI18n } from '../i18n/I18nProvider'

export function PeopleList({ people }: { people: Person[] }) {
  const { t } = useI18n()
  return (
    <section className="people" aria-labelledby="people-heading">
      <h2 id="people-heading">{t('people.heading', { count: people.length })}</h2>
      <ul>
        {people.map((person) => {
          const name = person.name || t('people.anonymous')
          return (
            <li key={person.clientId} data-testid="person">
              <span className="swatch" style={{ background: person.color }} aria-hidden="true" />
              <span>{person.isSelf ? t('people.you', { name }) : name}</span>
              <span className="person-role">{t(`role.${person.role}`)}</span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
