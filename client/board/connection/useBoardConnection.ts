import { useEffect, useState } from 'react'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { getRecordsMap } from '../../../shared/docLayout'
import { CloseEvents } from '../../../shared/protocol'
import { revocationCheck } from '../tools/linkRevocation'
import { subscribeBoardStatus } from '../../sync/boardStatus'

/** `closed`: the server refused this page for good (see `fatal`); it no longer tries to connect. */
export type ConnectionStatus = 'online' | 'reconnecting' | 'offline' | 'closed'

/** Why the server refused us for good: reconnecting would only be refused again. */
export type FatalClose = { code: number; reason: string }

export type BoardConnection = {
  board: { doc: Y.Doc; provider: WebsocketProvider }
  control: { doc: Y.Doc; provider: WebsocketProvider }
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

function syncUrl(): string {
  return window.location.origin.replace(/^http/, 'ws') + '/sync'
}

function connectDoc(room: string, token: string) {
  const doc = new Y.Doc()
  const cache = new IndexeddbPersistence(`canvas:${room}`, doc)
  const provider = new WebsocketProvider(syncUrl(), room, doc, { params: { token }, maxBackoffTime: 5000 })
  return { doc, cache, provider }
}

/**
 * Opens the board doc and the control doc: each cached in IndexedDB (offline edits survive a
 * reload and merge on reconnect) and synced over the websocket. `ready` turns true once the
 * board doc holds the board (from the server or from the cache), so the store never starts
 * from an empty doc.
 */
export function useBoardConnection(boardId: string, token: string, enabled: boolean) {
  const [connection, setConnection] = useState<BoardConnection | null>(null)
  const [ready, setReady] = useState(false)
  const [status, setStatus] = useState<ConnectionStatus>('reconnecting')
  const [fatal, setFatal] = useState<FatalClose | null>(null)
  /** False while the server says it cannot store the board (edits are kept, not saved). */
  const [saving, setSaving] = useState(true)

  useEffect(() => {
    if (!enabled) return
    const board = connectDoc(boardId, token)
    const control = connectDoc(`${boardId}/control`, token)

    const checkReady = () => {
      if (board.provider.synced || getRecordsMap(board.doc).size > 0) setReady(true)
    }
    let closedForGood = false
    const updateStatus = () => {
      const p = board.provider
      if (closedForGood) setStatus('closed')
      else if (p.wsconnected) setStatus('online')
      else if (!navigator.onLine || !p.shouldConnect || p.wsUnsuccessfulReconnects >= RECONNECTS_BEFORE_OFFLINE) setStatus('offline')
      // Before the first connection too: the page is trying to reach the server.
      else setStatus('reconnecting')
    }
    const stop = (close: FatalClose) => {
      closedForGood = true
      board.provider.disconnect()
      control.provider.disconnect()
      setFatal({ code: close.code, reason: close.reason })
      updateStatus()
    }
    // A refused upgrade (link rotated while this page was away) closes with no code: ask the API.
    const checkLink = revocationCheck(boardId, token, () => stop(CloseEvents.LinkRevoked))
    const onClose = (event: CloseEvent | null) => {
      if (event && FATAL_CODES.has(event.code)) stop(event)
      else if (event) checkLink()
      updateStatus()
    }
    const unsubscribeStatus = subscribeBoardStatus(board.provider, (state) => setSaving(state.saving))
    board.provider.on('sync', checkReady)
    board.provider.on('status', updateStatus)
    board.provider.on('connection-close', onClose)
    control.provider.on('connection-close', onClose)
    void board.cache.whenSynced.then(checkReady)
    window.addEventListener('online', updateStatus)
    window.addEventListener('offline', updateStatus)
    const poll = setInterval(updateStatus, 1000)
    setConnection({ board, control })

    return () => {
      unsubscribeStatus()
      clearInterval(poll)
      window.removeEventListener('online', updateStatus)
      window.removeEventListener('offline', updateStatus)
      for (const part of [board, control]) {
        part.provider.destroy()
        void part.cache.destroy()
        part.doc.destroy()
      }
      setConnection(null)
      setReady(false)
    }
  }, [boardId, token, enabled])

  return { connection, ready, status, fatal, saving }
}
