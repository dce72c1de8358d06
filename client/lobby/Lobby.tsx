import { useEffect, useState } from 'react'
import { useCreateBoard } from './useCreateBoard'
import { useMyBoards } from './useMyBoards'
import { useI18n } from '../i18n/I18nProvider'
import { ROLES } from '../../shared/roles'
import { ActivityGallery } from '../board/activities/ActivityGallery'
import { ActivityNamesField } from '../board/activities/ActivityNamesField'
import { activityRequestFields, namesInputOf } from '../board/activities/activityInputs'
import { getTemplate } from '../../shared/activities/index'
import { LobbyImport } from './LobbyImport'
import { TemplateGallery } from './TemplateGallery'
import { ShareView } from '../share/ShareView'
import { Dialog } from '../ui/Dialog'
import { LocaleSwitch } from '../ui/LocaleSwitch'
import { SignInStatus } from '../people/SignInStatus'

export function Lobby() {
  const { t, locale } = useI18n()
  const [title, setTitle] = useState('')
  // WCAG 2.4.2: the tab's title in the page's language.
  useEffect(() => {
    document.title = t('app.name')
  }, [t])
  const [template, setTemplate] = useState('')
  const [names, setNames] = useState('')
  const chosen = template ? getTemplate(template) : undefined
  const namesInput = chosen ? namesInputOf(chosen) : null
  const { create, creating, error, created, sharing, dismiss } = useCreateBoard()
  const { boards, forget } = useMyBoards(created)

  return (
    <div className="lobby">
      <header className="lobby-header">
        <span className="app-name">{t('app.name')}</span>
        <SignInStatus />
        <LocaleSwitch />
      </header>
      <main id="main" className="lobby-main">
        <h1>{t('lobby.heading')}</h1>
        <p>{t('lobby.intro')}</p>
        <form
          className="create-form"
          onSubmit={(e) => {
            e.preventDefault()
            // Cleared once created: a second click cannot make a duplicate board.
            void create(title, template || undefined, locale, chosen ? activityRequestFields(chosen, names) : {}).then((ok) => {
              if (!ok) return
              setTitle('')
              setTemplate('')
              setNames('')
            })
          }}
        >
          <ActivityGallery value={template} onChange={setTemplate} includeBlank />
          {namesInput && <ActivityNamesField kind={namesInput} value={names} onChange={setNames} />}
          <label htmlFor="board-title">{t('lobby.titleLabel')}</label>
          <div className="create-row">
            <input
              id="board-title"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              placeholder={t('lobby.titlePlaceholder')}
              maxLength={200}
              required
            />
            <button type="submit" className="primary" disabled={creating || !title.trim()}>
              {creating ? t('lobby.creating') : t('lobby.create')}
            </button>
          </div>
          {error && (
            <p role="alert" className="error">
              {t('lobby.createFailed', { reason: error })}
            </p>
          )}
        </form>
        {created && sharing && (
          <Dialog
            title={t('lobby.created', { title: created.board.title })}
            onClose={dismiss}
            closeButton
            className="share-dialog"
            bodyClassName="share-body"
          >
            <ShareView
              links={created.links}
              actions={
                <a className="button primary" href={created.links.facilitator}>
                  {t('lobby.openBoard')}
                </a>
              }
            />
          </Dialog>
        )}
        <TemplateGallery />
        <LobbyImport />
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
      </main>
    </div>
  )
}
