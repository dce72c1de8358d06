import { useEffect, useState } from 'react'
import { atom, createTLStore, defaultBindingUtils, defaultShapeUtils, type TLStore } from 'tldraw'
import { accessFor, type Role } from '../../../shared/roles'
import { StoreYjsBinding, type SchemaMismatch } from '../../sync/StoreYjsBinding'
import type { BoardConnection } from '../connection/useBoardConnection'

export type BoundStore = {
  store: TLStore
  binding: StoreYjsBinding
}

/**
 * The tldraw store of a board, bound to its docs once the board doc is ready. Read-only roles
 * get tldraw's read-only mode (and the binding never writes for them anyway).
 */
export function useBoardStore(connection: BoardConnection | null, ready: boolean, role: Role | null) {
  const [bound, setBound] = useState<BoundStore | null>(null)
  const [mismatch, setMismatch] = useState<SchemaMismatch | null>(null)
  const [invalidIds, setInvalidIds] = useState<ReadonlySet<string>>(new Set())

  useEffect(() => {
    if (!connection || !ready || !role) return
    const canWriteBoard = accessFor(role, 'board') === 'write'
    const canWriteControl = accessFor(role, 'control') === 'write'
    const $mode = atom<'readonly' | 'readwrite'>('collaboration mode', canWriteBoard ? 'readwrite' : 'readonly')
    const store = createTLStore({
      shapeUtils: defaultShapeUtils,
      bindingUtils: defaultBindingUtils,
      collaboration: { status: null, mode: $mode },
    })
    const binding = new StoreYjsBinding(
      store,
      { board: connection.board.doc, control: connection.control.doc },
      {
        canWriteBoard,
        canWriteControl,
        onInvalidRecord: (id, error) => {
          console.warn(`record ${id} skipped: ${error}`)
          setInvalidIds((ids) => new Set(ids).add(id))
        },
        onSchemaMismatch: (kind) => {
          $mode.set('readonly')
          setMismatch(kind)
        },
      },
    )
    if (binding.schemaMismatch) $mode.set('readonly')
    setBound({ store, binding })
    return () => {
      binding.dispose()
      setBound(null)
    }
  }, [connection, ready, role])

  return { bound, mismatch, invalidCount: invalidIds.size }
}
