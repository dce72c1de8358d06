import { useLayoutEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { useEditor } from 'tldraw'
import { accessFor } from '../../../shared/roles'
import { useBoard } from '../boardContext'
import { AddNoteDialog } from './AddNoteDialog'
import { OutlineView } from './OutlineView'
import { useSheetShortcuts } from './useSheetShortcuts'

/**
 * A container on `document.body` for the outline, outside tldraw's container and outside the
 * body itself, so keys typed in the outline stop before tldraw's shortcuts (bound on the body).
 */
function useHost(): HTMLElement {
  const [host] = useState(() => {
    const element = document.createElement('div')
    element.className = 'outline-host'
    return element
  })
  useLayoutEffect(() => {
    document.body.append(host)
    return () => host.remove()
  }, [host])
  return host
}

/** The board's sheets (rendered inside tldraw, for the editor): "Add a note" and the outline. */
export function BoardSheets() {
  const board = useBoard()
  const editor = useEditor()
  const host = useHost()
  const [announcement, setAnnouncement] = useState('')
  const canWrite = !!board && accessFor(board.role, 'board') === 'write'
  useSheetShortcuts(canWrite && board ? board.openAddNote : null, board?.openOutline ?? (() => {}))
  if (!board) return null
  return (
    <>
      {board.sheet === 'add-note' && canWrite && (
        <AddNoteDialog
          editor={editor}
          onDone={setAnnouncement}
          onAdded={(id) => {
            editor.select(id)
            editor.zoomToSelectionIfOffscreen(64)
          }}
          onClose={board.closeSheet}
        />
      )}
      {board.sheet === 'outline' && createPortal(<OutlineView fac={board.facilitation} onClose={board.closeSheet} />, host)}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </>
  )
}
