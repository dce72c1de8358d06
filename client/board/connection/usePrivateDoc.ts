import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { getRecordsMap } from '../../../shared/docLayout'
import { PROFILE_MAP } from '../../../shared/facilitation'
import { accessFor, type Role } from '../../../shared/roles'
import type { StoreYjsBinding } from '../../sync/StoreYjsBinding'
import { participantIdFor } from '../facilitation/participantId'

export type PrivateDoc = { doc: Y.Doc; participantId: string; synced: boolean }

function syncUrl(): string {
  return window.location.origin.replace(/^http/, 'ws') + '/sync'
}

/**
 * This browser's private doc on the board (`/sync/<board>/private/<participantId>`): its notes
 * written in private mode join the tldraw store through the binding, its `votes` map is this
 * person's ballot, its `profile.name` is the name the server reveals and tallies under.
 * Not cached in IndexedDB: private drafts stay off shared machines' disks.
 */
export function usePrivateDoc(boardId: string, token: string, role: Role, binding: StoreYjsBinding, name: string): PrivateDoc | null {
  const [privateDoc, setPrivateDoc] = useState<PrivateDoc | null>(null)

  useEffect(() => {
    if (accessFor(role, 'private') !== 'write') return
    const participantId = participantIdFor(boardId)
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(syncUrl(), `${boardId}/private/${participantId}`, doc, {
      params: { token },
      maxBackoffTime: 5000,
    })
    const detach = binding.attachPrivateDoc(doc, true)
    setPrivateDoc({ doc, participantId, synced: false })
    const onSync = (synced: boolean) => {
      if (synced) setPrivateDoc({ doc, participantId, synced: true })
    }
    provider.on('sync', onSync)
    return () => {
      provider.off('sync', onSync)
      detach()
      provider.destroy()
      doc.destroy()
      setPrivateDoc(null)
    }
  }, [boardId, token, role, binding])

  // The name goes in once the doc is synced, so that the stored one never wins over it.
  useEffect(() => {
    if (!privateDoc?.synced || !name) return
    const profile = privateDoc.doc.getMap(PROFILE_MAP)
    if (profile.get('name') !== name) profile.set('name', name)
  }, [privateDoc, name])

  return privateDoc
}

/** How many shapes the private doc holds (this person's unrevealed notes). */
export function usePrivateNoteCount(privateDoc: PrivateDoc | null): number {
  const [count, setCount] = useState(0)
  useEffect(() => {
    if (!privateDoc) return setCount(0)
    const records = getRecordsMap(privateDoc.doc)
    const update = () => setCount(Array.from(records.keys()).filter((id) => id.startsWith('shape:')).length)
    update()
    records.observe(update)
    return () => records.unobserve(update)
  }, [privateDoc])
  return count
}
