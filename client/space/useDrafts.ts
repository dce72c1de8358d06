/** Form state of the space page's rows: an action being edited, a check-in being written. */
import { useState } from 'react'
import { errorMessage } from '../api/http'
import type { ActionChange, CheckInStatus, SpaceAction } from './spaceData'

export type SaveState = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'failed'; reason: string }

/** Runs a save and keeps its state for the row's status line. */
function useSaving() {
  const [save, setSave] = useState<SaveState>({ state: 'idle' })
  const run = async (task: () => Promise<void>) => {
    setSave({ state: 'saving' })
    try {
      await task()
      setSave({ state: 'saved' })
    } catch (error) {
      setSave({ state: 'failed', reason: errorMessage(error) })
    }
  }
  return { save, run }
}

export function useActionDraft(action: SpaceAction, update: (action: SpaceAction, change: ActionChange) => Promise<void>) {
  const [status, setStatus] = useState(action.status)
  const [owner, setOwner] = useState(action.owner ?? '')
  const [due, setDue] = useState(action.due ?? '')
  const { save, run } = useSaving()
  const changed = status !== action.status || owner !== (action.owner ?? '') || due !== (action.due ?? '')
  const submit = () => run(() => update(action, { status, owner: owner.trim() || null, due: due || null }))
  return { status, setStatus, owner, setOwner, due, setDue, changed, save, submit }
}

export function useCheckInDraft<T>(item: T, checkIn: (item: T, status: CheckInStatus, note: string) => Promise<void>) {
  const [status, setStatus] = useState<CheckInStatus>('in-progress')
  const [note, setNote] = useState('')
  const { save, run } = useSaving()
  const submit = () =>
    run(async () => {
      await checkIn(item, status, note.trim())
      setNote('')
    })
  return { status, setStatus, note, setNote, save, submit }
}
