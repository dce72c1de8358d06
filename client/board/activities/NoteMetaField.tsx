import { useEffect, useState } from 'react'
import { useEditor } from 'tldraw'
import { useI18n } from '../../i18n/I18nProvider'
import { setNoteMeta } from './boardRecords'

export type MetaField = 'owner' | 'mitigation' | 'due' | 'status' | 'to'

const STATUSES = ['open', 'in-progress', 'done'] as const

type Props = { noteId: string; noteText: string; field: MetaField; value: string | null; editable: boolean }

/**
 * One editable `meta` field of a note in the results panel (facilitator only; others read it).
 * Text is committed on blur or Enter; status is a select of the values the app uses.
 */
export function NoteMetaField({ noteId, noteText, field, value, editable }: Props) {
  const { t } = useI18n()
  const editor = useEditor()
  const [draft, setDraft] = useState(value ?? '')
  const [focused, setFocused] = useState(false)
  useEffect(() => {
    if (!focused) setDraft(value ?? '')
  }, [value, focused])

  const label = t('activities.field.edit', { field: t(`activities.field.${field}`), note: noteText.slice(0, 60) })
  if (field === 'status') {
    const current = value ?? 'open'
    const known = (STATUSES as readonly string[]).includes(current)
    const statusText = known ? t(`activities.status.${current as (typeof STATUSES)[number]}`) : current
    if (!editable) return <span>{statusText}</span>
    return (
      <select aria-label={label} value={current} onChange={(e) => setNoteMeta(editor, noteId, field, e.target.value)}>
        {!known && <option value={current}>{current}</option>}
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`activities.status.${s}`)}
          </option>
        ))}
      </select>
    )
  }
  if (!editable) return <span>{value ?? '—'}</span>
  const commit = () => {
    if (draft.trim() !== (value ?? '')) setNoteMeta(editor, noteId, field, draft)
  }
  return (
    <input
      type={field === 'due' ? 'date' : 'text'}
      aria-label={label}
      value={draft}
      maxLength={500}
      onFocus={() => setFocused(true)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => {
        setFocused(false)
        commit()
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit()
      }}
    />
  )
}
