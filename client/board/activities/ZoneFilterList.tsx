import { useRef, useState, type KeyboardEvent } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { filterZoneGroups, type ZoneChoice, type ZoneGroup } from './zoneChoices'

/** Arrow keys move between the zone buttons of the list. */
function moveFocus(event: KeyboardEvent<HTMLElement>, list: HTMLElement | null) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
  const buttons = Array.from(list?.querySelectorAll('button') ?? [])
  if (buttons.length === 0) return
  event.preventDefault()
  const at = buttons.findIndex((button) => button === document.activeElement)
  const next = event.key === 'ArrowDown' ? Math.min(buttons.length - 1, at + 1) : Math.max(0, at - 1)
  buttons[at === -1 ? 0 : next]?.focus()
}

/**
 * The zones of the board's activities, filtered by what is typed: Enter picks the first match,
 * the arrow keys walk the list. Owns the typed filter.
 */
export function ZoneFilterList({ groups, onPick }: { groups: readonly ZoneGroup[]; onPick: (choice: ZoneChoice) => void }) {
  const { t } = useI18n()
  const listRef = useRef<HTMLDivElement>(null)
  const [query, setQuery] = useState('')
  const visible = filterZoneGroups(groups, query)
  return (
    <>
      <label className="field">
        {t('activities.move.filter')}
        <input
          type="search"
          data-autofocus
          value={query}
          aria-describedby="move-to-hint"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            const first = visible[0]?.choices[0]
            if (e.key === 'Enter' && first) {
              e.preventDefault()
              onPick(first)
            } else moveFocus(e, listRef.current)
          }}
        />
      </label>
      <p className="hint" id="move-to-hint">
        {t('activities.move.filterHint')}
      </p>
      <div className="zone-list" ref={listRef} onKeyDown={(e) => moveFocus(e, listRef.current)}>
        {visible.length === 0 && <p className="hint">{t('activities.move.none')}</p>}
        {visible.map((group) => (
          <section key={group.activity.instanceId} aria-label={group.title}>
            <h3>{group.title}</h3>
            <ul>
              {group.choices.map((choice) => (
                <li key={choice.zone.id}>
                  <button type="button" onClick={() => onPick(choice)}>
                    {choice.name}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  )
}
