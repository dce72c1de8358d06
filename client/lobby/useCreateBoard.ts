import { useState } from 'react'
import type { Locale } from '../i18n/messages'
import { createBoard, type CreatedBoardLinks } from '../api/boards'
import { errorMessage } from '../api/http'
import { rememberBoard } from '../lib/myBoards'

/** A board just made: its info and its three links. */
export type CreatedBoard = CreatedBoardLinks

/**
 * Creates a board through the API and remembers it (with all three links) in "my boards".
 * `create` answers whether it worked (the form is then cleared); `dismiss` closes the share view.
 */
export function useCreateBoard() {
  const [creating, setCreating] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [created, setCreated] = useState<CreatedBoard | null>(null)
  /** `locale` is the language of the template texts written on the board (the UI language). */
  const [sharing, setSharing] = useState(false)
  const create = async (title: string, template?: string, locale?: Locale, fields: { participants?: string[]; options?: Record<string, unknown>; plan?: string } = {}): Promise<boolean> => {
    if (!title.trim()) return false
    setCreating(true)
    setError(null)
    try {
      const result = await createBoard(title.trim(), template, locale, fields)
      rememberBoard({ id: result.board.id, title: result.board.title, links: result.links, lastRole: 'facilitator' })
      setCreated(result)
      setSharing(true)
      return true
    } catch (e) {
      setError(errorMessage(e))
      return false
    } finally {
      setCreating(false)
    }
  }
  const dismiss = () => setSharing(false)
  return { create, creating, error, created, sharing, dismiss }
}
