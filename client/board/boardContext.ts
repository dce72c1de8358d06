/**
 * The board page's one React context. tldraw renders its UI slots (the panel, the banners, the
 * facilitation layer) itself, so the page's state reaches them through this context, provided
 * by `BoardCanvas` and read with `useBoard()` (or `useFacilitation()` for that part of it).
 * This module holds no component: the slots import it, it imports none of them.
 */
import { createContext, useContext } from 'react'
import type * as Y from 'yjs'
import type { Role } from '../../shared/roles'
import type { SchemaMismatch } from '../sync/StoreYjsBinding'
import type { BoardConnection, ConnectionStatus, FatalClose } from './connection/useBoardConnection'
import type { Facilitation } from './facilitation/useFacilitationState'
import type { Person } from './hooks/usePresence'

/** Conditions the banners tell the user about. */
export type BannerState = { mismatch: SchemaMismatch | null; fatal: FatalClose | null; invalidCount: number; saving: boolean }

export type BoardState = {
  boardId: string
  token: string
  role: Role
  title: string
  status: ConnectionStatus
  people: Person[]
  onChangeName: () => void
  banners: BannerState
  connection: BoardConnection
  /** The control doc (template shapes, published vote totals, facilitation state). */
  controlDoc: Y.Doc
  facilitation: Facilitation
}

export const BoardContext = createContext<BoardState | null>(null)

/** The board page's state; null outside a ready board page. */
export function useBoard(): BoardState | null {
  return useContext(BoardContext)
}

/** Live facilitation state (null outside a ready board page). */
export function useFacilitation(): Facilitation | null {
  return useContext(BoardContext)?.facilitation ?? null
}
