import { useState } from 'react'
import { createSpace, SPACE_ROLES, type CreatedSpace } from '../api/spaces'
import { errorMessage } from '../api/http'
import { useI18n } from '../i18n/I18nProvider'
import { forgetSpace, rememberSpace, type MySpace } from '../lib/mySpaces'
import { SpaceLinksView } from '../space/SpaceLinksView'
import { Dialog } from '../ui/Dialog'

/**
 * Lobby: create a team space (its three links shown once, remembered in this browser) and the
 * spaces this browser knows (the lobby's list: `changed` after one is remembered or forgotten).
 */
export function TeamSpaces({ spaces, changed }: { spaces: MySpace[]; changed: () => void }) {
  const { t, locale } = useI18n()
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [created, setCreated] = useState<CreatedSpace | null>(null)

  const create = async () => {
    if (!title.trim() || busy) return
    setBusy(true)
    setError(null)
    try {
      const result = await createSpace(title.trim(), locale)
      rememberSpace({ id: result.space.id, title: result.space.title, links: result.links })
      changed()
      setCreated(result)
      setTitle('')
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="team-spaces-heading" className="team-spaces">
      <h2 id="team-spaces-heading">{t('spaces.heading')}</h2>
      <p className="hint">{t('spaces.hint')}</p>
      <form
        className="create-form"
        onSubmit={(e) => {
          e.preventDefault()
          void create()
        }}
      >
        <label htmlFor="space-title">{t('spaces.titleLabel')}</label>
        <div className="create-row">
          <input id="space-title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('spaces.titlePlaceholder')} maxLength={200} required />
          <button type="submit" disabled={busy || !title.trim()}>
            {busy ? t('spaces.creating') : t('spaces.create')}
          </button>
        </div>
        {error && (
          <p role="alert" className="error">
            {t('spaces.createFailed', { reason: error })}
          </p>
        )}
      </form>
      {created && (
        <Dialog title={t('spaces.created', { title: created.space.title })} onClose={() => setCreated(null)} closeButton className="share-dialog" bodyClassName="share-body">
          <SpaceLinksView
            links={created.links}
            actions={
              <a className="button primary" href={created.links.facilitator}>
                {t('spaces.open')}
              </a>
            }
          />
        </Dialog>
      )}
      <MySpaces spaces={spaces} onForget={(id) => {
        forgetSpace(id)
        changed()
      }} />
    </section>
  )
}

/** The spaces this browser knows, with a link per role it holds. */
function MySpaces({ spaces, onForget }: { spaces: MySpace[]; onForget: (id: string) => void }) {
  const { t } = useI18n()
  if (spaces.length === 0) return null
  return (
    <>
      <h3>{t('spaces.mine')}</h3>
      <ul className="my-boards">
        {spaces.map((space) => (
          <li key={space.id}>
            <span className="my-board-title">{space.title}</span>
            {SPACE_ROLES.filter((role) => space.links[role]).map((role) => (
              <a key={role} href={space.links[role]}>
                {t('spaces.openAs', { role: t(`space.role.${role}`) })}
              </a>
            ))}
            <button type="button" className="quiet" onClick={() => onForget(space.id)}>
              {t('spaces.forget', { title: space.title })}
            </button>
          </li>
        ))}
      </ul>
    </>
  )
}
