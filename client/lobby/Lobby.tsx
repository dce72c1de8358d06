import { useState } from 'react'
import { useCreateBoard } from './useCreateBoard'
import { useI18n } from '../i18n/I18nProvider'
import { ActivityGallery } from '../board/activities/ActivityGallery'
import { ActivityOptionsFields } from '../board/activities/ActivityOptionsFields'
import { activityRequestFields, NO_OPTIONS } from '../board/activities/activityInputs'
import { getTemplate } from '../../shared/activities/index'
import { LobbyImport } from './LobbyImport'
import { CreatedBoardDialog } from '../share/CreatedBoardDialog'
import { AppHeader } from '../ui/AppHeader'
import { LobbyJumpLinks } from './LobbyJumpLinks'
import { MyBoards } from './MyBoards'
import { useMyBoards } from './useMyBoards'
import { loadMySpaces } from '../lib/mySpaces'
import { PlanPicker } from './PlanPicker'
import { TeamSpaces } from './TeamSpaces'
import { TemplateGallery } from './TemplateGallery'

/** The lobby page: the create-board form (owned here), import, and the boards this browser remembers. */
export function Lobby() {
  const { t, locale } = useI18n()
  const [title, setTitle] = useState('')
  const [template, setTemplate] = useState('')
  const [plan, setPlan] = useState('')
  const [names, setNames] = useState(NO_OPTIONS)
  // A plan brings its own activities: the single-activity choice then does not apply.
  const chosen = template && !plan ? getTemplate(template) : undefined
  const { create, creating, error, created, sharing, dismiss } = useCreateBoard()
  // The boards and spaces this browser remembers: one list each, for their sections and the links to them.
  const myBoards = useMyBoards(created)
  const [spaces, setSpaces] = useState(loadMySpaces)

  return (
    <div className="lobby">
      <AppHeader home />
      <main id="main" className="lobby-main">
        <h1>{t('lobby.heading')}</h1>
        <p>{t('lobby.intro')}</p>
        <LobbyJumpLinks boards={myBoards.boards.length} spaces={spaces.length} />
        <form
          className="create-form"
          onSubmit={(e) => {
            e.preventDefault()
            // Cleared once created: a second click cannot make a duplicate board.
            const fields = plan ? { plan } : chosen ? activityRequestFields(chosen, names) : {}
            void create(title, plan ? undefined : template || undefined, locale, fields).then((ok) => {
              if (!ok) return
              setTitle('')
              setTemplate('')
              setPlan('')
              setNames(NO_OPTIONS)
            })
          }}
        >
          <PlanPicker value={plan} onChange={setPlan} />
          {!plan && <ActivityGallery value={template} onChange={setTemplate} includeBlank />}
          {chosen && <ActivityOptionsFields template={chosen} value={names} onChange={setNames} />}
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
        {created && sharing && <CreatedBoardDialog created={created} title={t('lobby.created', { title: created.board.title })} openLabel={t('lobby.openBoard')} onClose={dismiss} />}
        <TemplateGallery />
        <LobbyImport />
        <MyBoards boards={myBoards.boards} forget={myBoards.forget} />
        <TeamSpaces spaces={spaces} changed={() => setSpaces(loadMySpaces())} />
      </main>
    </div>
  )
}
