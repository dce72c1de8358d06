import { useEffect } from 'react'
import { react, type Editor } from 'tldraw'

/**
 * Keeps the projector's camera on `leaderId`'s: tldraw's follow mode on the leader's presence
 * record, started as soon as the leader is on the board and again whenever it stopped (the
 * leader left and came back).
 */
export function useFollowLeader(editor: Editor | null, leaderId: string): void {
  useEffect(() => {
    if (!editor || !leaderId) return
    return react('projector follows the leader', () => {
      const present = editor.getCollaborators().some((c) => c.userId === leaderId)
      const following = editor.getInstanceState().followingUserId
      if (present && following !== leaderId) queueMicrotask(() => !editor.isDisposed && editor.startFollowingUser(leaderId))
    })
  }, [editor, leaderId])
}
