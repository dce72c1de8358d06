import { useCallback, useId, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useEditor, type TLShapeId } from 'tldraw'
import { accessFor } from '../../../shared/roles'
import { useBoard } from '../boardContext'
import { useI18n } from '../../i18n/I18nProvider'
import { AddActivityDialog } from './AddActivityDialog'
import { selectedNoteIds } from './boardRecords'
import { MoveToDialog } from './MoveToDialog'
import { usePhoneLayout } from '../phone/usePhoneLayout'
import { ResultsBody, ResultsPanel } from './ResultsPanel'
import { Sheet } from '../../ui/Sheet'
import { useBoardResults } from './useBoardResults'
import { useMoveToShortcut } from './useMoveToShortcut'
import './activities.css'
import { SaveTemplateButton } from '../../templates/SaveTemplateButton'

type Open = { kind: 'none' } | { kind: 'add' } | { kind: 'move'; noteIds: TLShapeId[] }

/**
 * The activity commands of the board panel: "Add activity" (facilitator), "Move to…" (anyone who
 * writes; also the M key on the canvas) and the live results drawer (everyone).
 */
export function ActivityTools() {
  const { t } = useI18n()
  const editor = useEditor()
  const board = useBoard()
  const resultsId = useId().replace(/:/g, '')
  const [open, setOpen] = useState<Open>({ kind: 'none' })
  const [resultsOpen, setResultsOpen] = useState(false)
  const resultsButton = useRef<HTMLButtonElement>(null)
  // WCAG 2.4.3: closing the drawer from inside it puts focus back on the button that opened it.
  const closeResults = useCallback(() => {
    setResultsOpen(false)
    resultsButton.current?.focus()
  }, [])
  const [announcement, setAnnouncement] = useState('')
  const role = board?.role ?? 'viewer'
  const canWrite = accessFor(role, 'board') === 'write'
  const isFacilitator = role === 'facilitator'
  const results = useBoardResults(editor, board?.controlDoc ?? null, resultsOpen)
  // A phone has no M key to show.
  const phone = usePhoneLayout()

  const openMove = useCallback(() => setOpen({ kind: 'move', noteIds: selectedNoteIds(editor) }), [editor])
  const close = useCallback(() => setOpen({ kind: 'none' }), [])
  useMoveToShortcut(editor, canWrite && open.kind === 'none', openMove)

  if (!board) return null
  return (
    <>
      <div className="activity-tools" role="group" aria-label={t('activities.tools.label')}>
        {isFacilitator && (
          <button type="button" onClick={() => setOpen({ kind: 'add' })}>
            {t('activities.add.open')}
          </button>
        )}
        <SaveTemplateButton />
        {canWrite && (
          <button type="button" aria-keyshortcuts="M" onClick={openMove}>
            {t('activities.move.open')}
            {!phone && <kbd aria-hidden="true">{t('activities.move.shortcut')}</kbd>}
          </button>
        )}
        <button type="button" ref={resultsButton} aria-expanded={resultsOpen} aria-controls={phone ? undefined : resultsId} onClick={() => setResultsOpen((v) => !v)}>
          {t('activities.results.open')}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {open.kind === 'add' && (
        <AddActivityDialog
          editor={editor}
          boardId={board.boardId}
          token={board.token}
          peopleNames={board.people.map((p) => p.name).filter((name) => name.trim() !== '')}
          onDone={setAnnouncement}
          onClose={close}
        />
      )}
      {open.kind === 'move' && <MoveToDialog editor={editor} noteIds={open.noteIds} onDone={setAnnouncement} onClose={close} />}
      {/* On a phone these tools are in the board's sheet, a modal dialog: the results open in a
          sheet above it (a drawer outside it would lie inert behind its backdrop). */}
      {resultsOpen &&
        (phone ? (
          <Sheet title={t('activities.results.heading')} onClose={closeResults} testId="results-sheet">
            <ResultsBody results={results} editable={isFacilitator} />
          </Sheet>
        ) : (
          createPortal(<ResultsPanel id={resultsId} results={results} editable={isFacilitator} onClose={closeResults} />, document.body)
        ))}
    </>
  )
}
