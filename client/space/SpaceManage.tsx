import { useState } from 'react'
import { moveBoardIn, parseBoardLink, rotateSpaceLink, SPACE_ROLES, type SpaceLinks, type SpaceRole } from '../api/spaces'
import { errorMessage } from '../api/http'
import { ConfirmDialog } from '../board/tools/ConfirmDialog'
import { useI18n } from '../i18n/I18nProvider'
import { rememberSpace } from '../lib/mySpaces'
import { SessionPlanner } from './SessionPlanner'
import { SpaceLinksView } from './SpaceLinksView'
import { SpaceIdentitySettings } from './SpaceIdentitySettings'

type Props = { space: { id: string; title: string }; token: string; reload: () => Promise<void> }

/** The space facilitator's tools on the space page: plan a session, bring a board in, renew the links. */
export function SpaceManage({ space, token, reload }: Props) {
  const { t } = useI18n()
  return (
    <section aria-labelledby="space-manage" className="space-manage">
      <h2 id="space-manage">{t('spaces.manage')}</h2>
      <SessionPlanner spaceId={space.id} token={token} onCreated={() => void reload()} />
      <MoveBoardIn spaceId={space.id} token={token} onMoved={reload} />
      <SpaceLinksManager space={space} token={token} />
      <SpaceIdentitySettings spaceId={space.id} token={token} />
    </section>
  )
}

function MoveBoardIn({ spaceId, token, onMoved }: { spaceId: string; token: string; onMoved: () => Promise<void> }) {
  const { t } = useI18n()
  const [link, setLink] = useState('')
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const submit = async () => {
    const parsed = parseBoardLink(link)
    if (!parsed) return setMessage({ ok: false, text: t('spaces.move.notALink') })
    try {
      await moveBoardIn(spaceId, token, parsed.boardId, parsed.token)
      setLink('')
      setMessage({ ok: true, text: t('spaces.move.done') })
      await onMoved()
    } catch (e) {
      setMessage({ ok: false, text: t('spaces.move.failed', { reason: errorMessage(e) }) })
    }
  }
  return (
    <section aria-labelledby="move-board-heading">
      <h3 id="move-board-heading">{t('spaces.move.heading')}</h3>
      <form
        className="space-form"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <label>
          {t('spaces.move.label')}
          <input value={link} onChange={(e) => setLink(e.target.value)} required />
        </label>
        <button type="submit">{t('spaces.move.submit')}</button>
      </form>
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? undefined : 'error'}>{message.text}</p>}
    </section>
  )
}

function SpaceLinksManager({ space, token }: { space: { id: string; title: string }; token: string }) {
  const { t } = useI18n()
  const [fresh, setFresh] = useState<Partial<SpaceLinks>>({})
  const [asking, setAsking] = useState<SpaceRole | null>(null)
  const [error, setError] = useState<string | null>(null)
  const rotate = async (role: SpaceRole) => {
    setError(null)
    try {
      const link = await rotateSpaceLink(space.id, token, role)
      setFresh((links) => ({ ...links, [role]: link }))
      rememberSpace({ id: space.id, title: space.title, links: { [role]: link } })
      // The page's own key is the facilitator link: after renewing it, continue with the new one.
      if (role === 'facilitator') window.location.replace(link)
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  const roleName = (role: SpaceRole) => t(`space.role.${role}`)
  return (
    <section aria-labelledby="space-links-heading">
      <h3 id="space-links-heading">{t('spaces.links.heading')}</h3>
      <p className="hint">{t('spaces.links.hint')}</p>
      <div className="board-tools-row">
        {SPACE_ROLES.map((role) => (
          <button key={role} type="button" onClick={() => setAsking(role)}>
            {t('spaces.links.rotate', { role: roleName(role) })}
          </button>
        ))}
      </div>
      {Object.keys(fresh).length > 0 && <SpaceLinksView links={fresh} />}
      {error && <p role="alert" className="error">{t('spaces.links.failed', { reason: error })}</p>}
      {asking && (
        <ConfirmDialog
          title={t('spaces.links.rotate', { role: roleName(asking) })}
          confirmLabel={t('spaces.links.rotate', { role: roleName(asking) })}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            const role = asking
            setAsking(null)
            void rotate(role)
          }}
        >
          <p>{t('spaces.links.confirm', { role: roleName(asking) })}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}
