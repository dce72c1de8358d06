import { useCallback, useEffect, useMemo, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import type { Role } from '../../../shared/roles'
import type { BoardConnection } from '../connection/useBoardConnection'
import type { StoreYjsBinding } from '../../sync/StoreYjsBinding'
import { postFacilitation, type FacilitationAction } from '../../api/facilitation'
import type { ControlState } from './controlState'
import { useControlState } from './useControlState'
import { usePrivateDoc, usePrivateNoteCount, type PrivateDoc } from '../connection/usePrivateDoc'
import { useServerClock } from './useServerClock'
import { errorMessage } from '../../api/http'

export type Facilitation = {
  boardId: string
  role: Role
  isFacilitator: boolean
  name: string
  control: ControlState
  controlDoc: Y.Doc
  /** Awareness of the board doc: who is here, and the leader's camera for "follow me". */
  awareness: Awareness
  serverNow: () => number
  privateDoc: PrivateDoc | null
  privateNoteCount: number
  /** This participant's new notes go to their private doc (private writing is on). */
  writingPrivately: boolean
  binding: StoreYjsBinding
  /** Sends a server action; failures end up in `error`. */
  act: (action: FacilitationAction) => Promise<Record<string, unknown> | null>
  error: string | null
  busy: boolean
}

type FacilitationInputs = {
  boardId: string
  token: string
  role: Role
  name: string
  connection: BoardConnection
  binding: StoreYjsBinding
}

/**
 * The board page's live facilitation state: the control doc's facilitation state, this person's
 * private doc (opened by the connection) bound to the store, the server clock, and the server
 * actions. Routes a participant's new notes to the private doc while private writing is on.
 */
export function useFacilitationState({ boardId, token, role, name, connection, binding }: FacilitationInputs): Facilitation {
  const control = useControlState(connection.control.doc)
  const serverNow = useServerClock()
  const privateDoc = usePrivateDoc(connection.private, binding, name)
  const privateNoteCount = usePrivateNoteCount(privateDoc)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const writingPrivately = role === 'participant' && control.privateWriting?.on === true && privateDoc !== null
  useEffect(() => {
    binding.setNewRecordsHome(writingPrivately ? 'private' : 'board')
  }, [binding, writingPrivately])

  const act = useCallback(
    async (action: FacilitationAction) => {
      setBusy(true)
      setError(null)
      try {
        return await postFacilitation(boardId, token, action)
      } catch (e) {
        setError(errorMessage(e))
        return null
      } finally {
        setBusy(false)
      }
    },
    [boardId, token],
  )

  return useMemo<Facilitation>(
    () => ({
      boardId,
      role,
      isFacilitator: role === 'facilitator',
      name,
      control,
      controlDoc: connection.control.doc,
      awareness: connection.board.provider.awareness,
      serverNow,
      privateDoc,
      privateNoteCount,
      writingPrivately,
      binding,
      act,
      error,
      busy,
    }),
    [boardId, role, name, control, connection, serverNow, privateDoc, privateNoteCount, writingPrivately, binding, act, error, busy],
  )
}
