import { useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { Editor, TLShapeId } from 'tldraw'
import { activityAt } from '../../../shared/activities/index'
import { useI18n } from '../../i18n/I18nProvider'
import { currentActivities } from './boardRecords'
import { addNoteToZone, moveNotesToZone } from './moveToZone'
import { filterZoneGroups, zoneGroups, type ZoneChoice } from './zoneChoices'
import { Dialog } from '../../ui/Dialog'

type Props = {
  editor: Editor
  /** The notes to move; empty means "add a new note to the chosen zone". */
  noteIds: readonly TLShapeId[]
  onDone: (message: string) => void
  onClose: () => void
}

/** Arrow keys move between the zone buttons of the list. */
function moveFocus(event: KeyboardEvent<HTMLElement>, list: HTMLElement | null) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
  const buttons = Array.from(list?.querySelectorAll('button') ?? [])
  if (buttons.length === 0) return
  event.preventDefault()
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
  const next = event.key === 'ArrowDown' ? Math.min(buttons.length - 1, at + 1) : Math.max(0, at - 1)
  buttons[at === -1 ? 0 : next]?.focus()
}

/** "Move to…" / "Add note to zone": pick a zone by typing or with the arrow keys. */
export function MoveToDialog({ editor, noteIds, onDone, onClose }: Props) {
  const { t } = useI18n()
  const ref = useRef<HTMLDialogElement>(null)
  const listRef = useRef<HTMLDivElement>(null)
  const [query, setQuery] = useState('')
  const groups = useMemo(() => {
    const activities = currentActivities(editor)
    const first = noteIds[0] && editor.getShapePageBounds(noteIds[0])
    const focus = first ? activityAt(activities, { x: first.center.x, y: first.center.y }, editor.getCurrentPageId()) : null
    return zoneGroups(t, activities, focus?.instanceId ?? null)
  }, [editor, noteIds, t])
  const visible = filterZoneGroups(groups, query)

  const pick = (choice: ZoneChoice) => {
    // Closed at once (not on unmount): the canvas behind is inert while the modal is open.
    ref.current?.close()
    onClose()
    if (noteIds.length > 0) {
      moveNotesToZone(editor, noteIds, choice.zone)
      editor.focus()
      onDone(t('activities.move.moved', { zone: choice.name }))
    } else {
      // After the dialog is gone, so that the note's text editor keeps the focus.
      requestAnimationFrame(() => {
        addNoteToZone(editor, choice.zone)
        onDone(t('activities.move.added', { zone: choice.name }))
      })
    }
  }

  const heading = noteIds.length > 0 ? t('activities.move.headingMove', { count: noteIds.length }) : t('activities.move.headingAdd')
  return (
    <Dialog title={heading} onClose={onClose} className="activity-dialog narrow" bodyClassName="activity-dialog-body" dialogRef={ref}>
        {groups.length === 0 ? (
          <p>{t('activities.move.noActivities')}</p>
        ) : (
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
                    pick(first)
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
                        <button type="button" onClick={() => pick(choice)}>
                          {choice.name}
                        </button>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          </>
        )}
        <div className="activity-dialog-actions">
          <button type="button" onClick={onClose}>
            {t('activities.dialog.cancel')}
          </button>
        </div>
    </Dialog>
  )
}
