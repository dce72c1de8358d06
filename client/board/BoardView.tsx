/**
 * The tldraw half of a board page: the store bound to the board's docs, presence, the first fit
 * and the canvas. Its own chunk (tldraw and its styles), loaded by BoardPage.tsx once the board's
 * websockets are opening, so that tldraw downloads and evaluates while they connect and sync.
 */
import 'tldraw/tldraw.css'
import { useMemo, useState } from 'react'
import type { Role } from '../../shared/roles'
import { useI18n } from '../i18n/I18nProvider'
import type { Identity } from '../lib/identity'
import { BoardCanvas } from './BoardCanvas'
import type { BoardConnection, ConnectionStatus, FatalClose } from './connection/useBoardConnection'
import { useBoardStore } from './hooks/useBoardStore'
import { useInitialFit, type MountedEditor } from './hooks/useInitialFit'
import { usePresence } from './hooks/usePresence'

type Props = {
  boardId: string
  token: string
  role: Role
  title: string
  connection: BoardConnection
  ready: boolean
  status: ConnectionStatus
  fatal: FatalClose | null
  saving: boolean
  identity: Identity
  onChangeName: () => void
}

/** The board once its role is known and its docs are connecting: "loading" until the store is bound, then tldraw. */
export function BoardView({ boardId, token, role, title, connection, ready, status, fatal, saving, identity, onChangeName }: Props) {
  const { t } = useI18n()
  const { bound, mismatch, invalidCount } = useBoardStore(connection, ready, role)
  const [mounted, setMounted] = useState<MountedEditor | null>(null)
  // Open on the plan's activity, else the first one, not on an arbitrary corner of the board.
  useInitialFit(mounted, connection)
  const people = usePresence(connection.board.provider.awareness, bound?.store ?? null, identity, role, bound?.binding.isPrivateRecord)
  const banners = useMemo(() => ({ mismatch, fatal, invalidCount, saving }), [mismatch, fatal, invalidCount, saving])

  if (!bound) {
    return (
      <p className="page-message" role="status">
        {t('board.loading')}
      </p>
    )
  }
  return (
    <BoardCanvas
      boardId={boardId}
      token={token}
      role={role}
      title={title}
      status={status}
      people={people}
      identity={identity}
      onChangeName={onChangeName}
      banners={banners}
      connection={connection}
      store={bound.store}
      binding={bound.binding}
      onMounted={setMounted}
    />
  )
}

