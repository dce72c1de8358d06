import { useState } from 'react'
import { useBoard } from '../board/boardContext'
import { useActivities } from '../board/facilitation/useActivities'
import { useI18n } from '../i18n/I18nProvider'
import { SaveTemplateDialog } from './SaveTemplateDialog'

/** The facilitator's "Save as template" in the board panel's activity tools (nothing for other roles). */
export function SaveTemplateButton() {
  const board = useBoard()
  if (!board || board.role !== 'facilitator') return null
  return <SaveTemplateAction boardId={board.boardId} token={board.token} controlDoc={board.controlDoc} />
}

function SaveTemplateAction({ boardId, token, controlDoc }: { boardId: string; token: string; controlDoc: Parameters<typeof useActivities>[0] }) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const activities = useActivities(controlDoc)
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('templates.save.open')}
      </button>
      {open && <SaveTemplateDialog boardId={boardId} token={token} activities={activities} onClose={() => setOpen(false)} />}
    </>
  )
}
