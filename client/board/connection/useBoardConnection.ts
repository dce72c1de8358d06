import { useEffect, useState } from 'react'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { getRecordsMap } from '../../../shared/docLayout'
import { CloseEvents } from '../../../shared/protocol'
import { revocationCheck } from '../tools/linkRevocation'
import { accessFor, type Role } from '../../../shared/roles'
import { subscribeBoardStatus } from '../../sync/boardStatus'
import { participantIdFor } from '../facilitation/participantId'

/** `closed`: the server refused this page for good (see `fatal`); it no longer tries to connect. */
export type ConnectionStatus = 'online' | 'reconnecting' | 'offline' | 'closed'

/** Why the server refused us for good: reconnecting would only be refused again. */
export type FatalClose = { code: number; reason: string }

export type DocConnection = { doc: Y.Doc; provider: WebsocketProvider }

/** This browser's private doc on the board: its drafts in private writing and its ballot. */
export type PrivateConnection = DocConnection & { participantId: string }

export type BoardConnection = {
  board: DocConnection
  control: DocConnection
  /** Null for a role that has no private doc (viewer). */
  private: PrivateConnection | null
}

const FATAL_CODES: ReadonlySet<number> = new Set([
  CloseEvents.Unauthorized.code,
  CloseEvents.Forbidden.code,
  CloseEvents.LinkRevoked.code,
  CloseEvents.SchemaRejected.code,
  CloseEvents.MessageTooLarge.code,
  CloseEvents.BoardFull.code,
])

/** After this many failed attempts in a row, "reconnecting" becomes "offline". */
const RECONNECTS_BEFORE_OFFLINE = 3

/** The websocket URL of the sync route on this page's origin. */
export function syncUrl(): string {
  return window.location.origin.replace(/^http/, 'ws') + '/sync'
}

/** One doc synced over its websocket. */
function connectDoc(room: string, token: string): DocConnection {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(syncUrl(), room, doc, { params: { token }, maxBackoffTime: 5000 })
  return { doc, provider }
}

/** One doc synced over its websocket and cached in IndexedDB. */
function connectCachedDoc(room: string, token: string) {
  const connected = connectDoc(room, token)
  return { ...connected, cache: new IndexeddbPersistence(`canvas:${room}`, connected.doc) }
}

/**
 * Opens the board's docs once the role is known: the board doc and the control doc, each cached
 * in IndexedDB (offline edits survive a reload and merge on reconnect), and this browser's
 * private doc (`/sync/<board>/private/<participantId>`, or `<personId>` for an admitted person; for roles that write one; not cached:
 * private drafts stay off shared machines' disks). The three share one close handling: a close
 * the server means for good (refused or revoked link, rejected schema…) stops all three.
 * `ready` turns true once the board doc holds the board (from the server or from the cache), so
 * the store never starts from an empty doc.
 */
export function useBoardConnection(boardId: string, token: string, role: Role | null, personId: string | null = null) {
  const [connection, setConnection] = useState<BoardConnection | null>(null)
  const [ready, setReady] = useState(false)
  const [status, setStatus] = useState<ConnectionStatus>('reconnecting')
  const [fatal, setFatal] = useState<FatalClose | null>(null)
  /** False while the server says it cannot store the board (edits are kept, not saved). */
  const [saving, setSaving] = useState(true)

  useEffect(() => {
    if (!role) return
    const board = connectCachedDoc(boardId, token)
    const control = connectCachedDoc(`${boardId}/control`, token)
    // An admitted person's private doc is the one bound to their credential (SPEC R13).
    const participantId = accessFor(role, 'private') === 'write' ? (personId ?? participantIdFor(boardId)) : null
    const privateDoc = participantId ? { ...connectDoc(`${boardId}/private/${participantId}`, token), participantId } : null
    const parts: DocConnection[] = privateDoc ? [board, control, privateDoc] : [board, control]

    const checkReady = () => {
      if (board.provider.synced || getRecordsMap(board.doc).size > 0) setReady(true)
    }
    let closedForGood = false
    const updateStatus = () => {
      const p = board.provider
      if (closedForGood) setStatus('closed')
      // The browser knows the network is gone before the socket does (it may stay "open" until
      // a keep-alive times out): say so at once.
      else if (!navigator.onLine) setStatus('offline')
      else if (p.wsconnected) setStatus('online')
      else if (!p.shouldConnect || p.wsUnsuccessfulReconnects >= RECONNECTS_BEFORE_OFFLINE) setStatus('offline')
      // Before the first connection too: the page is trying to reach the server.
      else setStatus('reconnecting')
    }
    const stop = (close: FatalClose) => {
      closedForGood = true
      for (const part of parts) part.provider.disconnect()
      setFatal({ code: close.code, reason: close.reason })
      updateStatus()
    }
    // A refused upgrade (link rotated while this page was away) closes with no code: ask the API.
    const checkLink = revocationCheck(boardId, token, () => stop(CloseEvents.LinkRevoked))
    const onClose = (event: CloseEvent | null) => {
      // Admission was just turned on: the page loads again and finds the lobby (or, for an
      // admitted person, comes straight back).
      if (event?.code === CloseEvents.AdmissionRequired.code) {
        stop(event)
        window.location.reload()
        return
      }
      if (event && FATAL_CODES.has(event.code)) stop(event)
      else if (event) checkLink()
      updateStatus()
    }
    const unsubscribeStatus = subscribeBoardStatus(board.provider, (state) => setSaving(state.saving))
    board.provider.on('sync', checkReady)
    board.provider.on('status', updateStatus)
    board.provider.on('connection-close', onClose)
    control.provider.on('connection-close', onClose)
    privateDoc?.provider.on('connection-close', onClose)
    void board.cache.whenSynced.then(checkReady)
    window.addEventListener('online', updateStatus)
    window.addEventListener('offline', updateStatus)
    const poll = setInterval(updateStatus, 1000)
    setConnection({ board, control, private: privateDoc })

    return () => {
      unsubscribeStatus()
      clearInterval(poll)
      window.removeEventListener('online', updateStatus)
      window.removeEventListener('offline', updateStatus)
      for (const part of parts) part.provider.destroy()
      for (const cached of [board, control]) void cached.cache.destroy()
      for (const part of parts) part.doc.destroy()
      setConnection(null)
      setReady(false)
    }
  }, [boardId, token, role, personId])

  return { connection, ready, status, fatal, saving }
}
