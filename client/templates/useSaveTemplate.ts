import { useState } from 'react'
import { errorMessage } from '../api/http'
import { saveTemplate, type SavedTemplate, type SaveScope } from './templateApi'

/** Saves one activity, or the whole board with its plan, as a custom template (facilitator link). */
export function useSaveTemplate(boardId: string, token: string) {
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<SavedTemplate | null>(null)
  const save = async (scope: SaveScope, about: { name: string; author: string; locale: string }) => {
    setSaving(true)
    setError(null)
    try {
      setSaved(await saveTemplate(boardId, token, { ...scope, ...about }))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }
  return { save, saving, error, saved }
}
