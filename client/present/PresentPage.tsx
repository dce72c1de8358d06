import 'tldraw/tldraw.css'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { useMemo, useState } from 'react'
import { Tldraw, useTldrawUser, type Editor } from 'tldraw'
import { CURSOR_COLOURS } from '../lib/identity'
import { useI18n } from '../i18n/I18nProvider'
import { useBoardConnection } from '../board/connection/useBoardConnection'
import { useBoardAccess } from '../board/hooks/useBoardAccess'
import { useBoardStore } from '../board/hooks/useBoardStore'
import { installFontsOnDemand } from '../board/fontsOnDemand'
import { usePresence } from '../board/hooks/usePresence'
import { PresentSidebar } from './PresentSidebar'
import { useFollowLeader } from './useFollowLeader'
import { useProjectorFit } from './useProjectorFit'
import './present.css'

const ASSET_URLS = getAssetUrlsByImport()
installFontsOnDemand()

/**
 * The projector view (`/b/<id>?present=<leader>#<token>`): the board without the app's chrome,
 * read-only whatever the link allows, following the leader's camera, beside the timer, the
 * activity's instructions, how many people are here and the participant QR code.
 */
export function PresentPage({ boardId, token, leaderId }: { boardId: string; token: string; leaderId: string }) {
  const { t, locale } = useI18n()
  const access = useBoardAccess(boardId, token, false)
  // Whatever the link grants, the projector connects as a viewer: no private doc, no writes.
  const { connection, ready } = useBoardConnection(boardId, token, access.state === 'ready' ? 'viewer' : null)
  const { bound } = useBoardStore(connection, ready, access.state === 'ready' ? 'viewer' : null)
  const [identity] = useState(() => ({ id: `projector-${crypto.randomUUID().slice(0, 8)}`, name: '', color: CURSOR_COLOURS[0]! }))
  const user = useTldrawUser({ userPreferences: { id: identity.id, name: identity.name, color: identity.color, locale } })
  const [editor, setEditor] = useState<Editor | null>(null)
  // Watches who is here without counting itself (publishes nothing).
  const people = usePresence(connection?.board.provider.awareness ?? null, bound?.store ?? null, identity, null)
  useFollowLeader(editor, leaderId)
  useProjectorFit(editor, connection?.control.doc ?? null, ready && bound !== null)
  const leader = useMemo(() => people.find((p) => p.id === leaderId)?.name ?? null, [people, leaderId])
  // People, not tabs: one person with two windows open counts once. The awareness states come
  // from every server instance of a cluster (the relay carries them, SPEC C2).
  const peopleCount = useMemo(() => new Set(people.map((p) => p.id)).size, [people])

  if (access.state === 'failed') {
    return (
      <main className="page-message" id="main">
        <p role="alert">{access.reason === 'other' ? t('board.failed', { reason: access.detail ?? '' }) : t(`board.${access.reason}`)}</p>
      </main>
    )
  }
  const title = access.state === 'ready' ? access.board.title : ''
  return (
    <main className="present-page" id="main" aria-label={t('present.title', { title })}>
      <div className="present-canvas">
        {bound && (
          <Tldraw
            store={bound.store}
            user={user}
            assetUrls={ASSET_URLS}
            hideUi
            onMount={(mounted) => {
              mounted.updateInstanceState({ isReadonly: true })
              window.__editor = mounted
              setEditor(mounted)
              return () => setEditor(null)
            }}
          />
        )}
      </div>
      {connection && <PresentSidebar boardId={boardId} title={title} controlDoc={connection.control.doc} peopleCount={peopleCount} leader={leader} />}
    </main>
  )
}
