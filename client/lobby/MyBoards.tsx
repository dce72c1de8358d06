import { useI18n } from '../i18n/I18nProvider'
import { ROLES } from '../../shared/roles'
import type { MyBoard } from '../lib/myBoards'

/** Lobby: the boards this browser remembers (the lobby's list, see useMyBoards), with a link per role it holds. */
export function MyBoards({ boards, forget }: { boards: MyBoard[]; forget: (id: string) => void }) {
  const { t } = useI18n()
  return (
    <section aria-labelledby="my-boards-heading">
      <h2 id="my-boards-heading">{t('lobby.myBoards')}</h2>
      <p className="hint">{t('lobby.myBoardsHint')}</p>
      {boards.length === 0 ? (
        <p>{t('lobby.noBoards')}</p>
      ) : (
        <ul className="my-boards">
          {boards.map((board) => (
            <li key={board.id}>
              <span className="my-board-title">{board.title}</span>
              {ROLES.filter((role) => board.links[role]).map((role) => (
                <a key={role} href={board.links[role]}>
                  {t('lobby.openAs', { role: t(`role.${role}`) })}
                </a>
              ))}
              <button type="button" className="quiet" onClick={() => forget(board.id)}>
                {t('lobby.forget', { title: board.title })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
