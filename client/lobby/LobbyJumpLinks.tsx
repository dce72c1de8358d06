import { useMemo } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { loadMySpaces } from '../lib/mySpaces'
import { useMyBoards } from './useMyBoards'

/**
 * For someone coming back: links to their boards and team spaces, which sit below the galleries.
 * Shown only when this browser remembers any; a board created here counts at once (`created`).
 */
export function LobbyJumpLinks({ created }: { created: unknown }) {
  const { t } = useI18n()
  const { boards } = useMyBoards(created)
  const spaces = useMemo(() => loadMySpaces().length, [created])
  const counts = { boards: boards.length, spaces }
  if (counts.boards === 0 && counts.spaces === 0) return null
  return (
    <nav className="lobby-jump" aria-label={t('lobby.jump.label')} data-testid="lobby-jump">
      {counts.boards > 0 && <a href="#my-boards-heading">{t('lobby.jump.boards', { count: counts.boards })}</a>}
      {counts.spaces > 0 && <a href="#team-spaces-heading">{t('lobby.jump.spaces', { count: counts.spaces })}</a>}
    </nav>
  )
}
