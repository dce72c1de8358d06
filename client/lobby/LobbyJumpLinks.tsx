import { useI18n } from '../i18n/I18nProvider'

/**
 * For someone coming back: links to their boards and team spaces, which sit below the galleries.
 * Shown only when this browser remembers any.
 */
export function LobbyJumpLinks({ boards, spaces }: { boards: number; spaces: number }) {
  const { t } = useI18n()
  if (boards === 0 && spaces === 0) return null
  return (
    <nav className="lobby-jump" aria-label={t('lobby.jump.label')} data-testid="lobby-jump">
      {boards > 0 && <a href="#my-boards-heading">{t('lobby.jump.boards', { count: boards })}</a>}
      {spaces > 0 && <a href="#team-spaces-heading">{t('lobby.jump.spaces', { count: spaces })}</a>}
    </nav>
  )
}
