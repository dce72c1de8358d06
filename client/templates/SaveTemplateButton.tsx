import { useState } from 'react'
import { useBoard } from '../board/boardContext'
import { useActivities } from '../board/facilitation/useActivities'
import { useI18n } from '../i18n/I18nProvider'
import { AddFromTemplateDialog } from './AddFromTemplateDialog'
import { SaveTemplateDialog } from './SaveTemplateDialog'

/**
 * The facilitator's template actions in the board panel's activity tools: "Save as template"
 * and "Add a custom template" (nothing for other roles).
 */
export function SaveTemplateButton() {
  const board = useBoard()
  if (!board || board.role !== 'facilitator') return null
  return <TemplateActions boardId={board.boardId} token={board.token} controlDoc={board.controlDoc} />
}

function TemplateActions({ boardId, token, controlDoc }: { boardId: string; token: string; controlDoc: Parameters<typeof useActivities>[0] }) {
  const { t } = useI18n()
  const [open, setOpen] = useState<'none' | 'save' | 'add'>('none')
  const [announcement, setAnnouncement] = useState('')
  const activities = useActivities(controlDoc)
  const close = () => setOpen('none')
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen('save')}>
        {t('templates.save.open')}
      </button>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen('add')}>
        {t('templates.add.open')}
      </button>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
      {open === 'save' && <SaveTemplateDialog boardId={boardId} token={token} activities={activities} onClose={close} />}
      {open === 'add' && <AddFromTemplateDialog boardId={boardId} token={token} onDone={setAnnouncement} onClose={close} />}
    </>
  )
}
