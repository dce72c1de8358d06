import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { getRecordsMap } from '../../../shared/docLayout'
import { PROFILE_MAP } from '../../../shared/facilitation'
import type { StoreYjsBinding } from '../../sync/StoreYjsBinding'
import type { PrivateConnection } from './useBoardConnection'

export type PrivateDoc = { doc: Y.Doc; participantId: string; synced: boolean }

/**
 * This browser's private doc (opened by `useBoardConnection` beside the others) as the board
 * page uses it: its notes written in private mode join the tldraw store through the binding, its
 * `votes` map is this person's ballot, its `profile.name` is the name the server reveals and
 * tallies under. Null for a role without one.
 */
export function usePrivateDoc(connection: PrivateConnection | null, binding: StoreYjsBinding, name: string): PrivateDoc | null {
  const [privateDoc, setPrivateDoc] = useState<PrivateDoc | null>(null)

  useEffect(() => {
    if (!connection) return
    const { doc, provider, participantId } = connection
    const detach = binding.attachPrivateDoc(doc, true)
    setPrivateDoc({ doc, participantId, synced: provider.synced })
    const onSync = (synced: boolean) => {
      if (synced) setPrivateDoc({ doc, participantId, synced: true })
    }
    provider.on('sync', onSync)
    return () => {
      provider.off('sync', onSync)
      detach()
      setPrivateDoc(null)
    }
  }, [connection, binding])

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

/** The ids of the notes in this person's private doc (written privately, not yet revealed). */
export function usePrivateNoteIds(privateDoc: PrivateDoc | null): string[] {
  const [ids, setIds] = useState<string[]>([])
  useEffect(() => {
    if (!privateDoc) return setIds([])
    const records = getRecordsMap(privateDoc.doc)
    const update = () => setIds(Array.from(records.keys()).filter((id) => id.startsWith('shape:')).sort())
    update()
    records.observe(update)
    return () => records.unobserve(update)
  }, [privateDoc])
  return ids
}
