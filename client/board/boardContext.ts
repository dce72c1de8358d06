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
import type { Sheets } from './phone/useSheets'

/** Conditions the banners tell the user about. */
export type BannerState = { mismatch: SchemaMismatch | null; fatal: FatalClose | null; invalidCount: number; saving: boolean }

/**
 * `sheet` is the one sheet or dialog open over the board (see `useSheets`): 'add-note' and
 * 'outline' are opened by the phone's bottom bar (`openAddNote()`, `openOutline()`) for the
 * outline view to render. `phone`: the phone layout is on (panels behind the bottom bar).
 */
export type BoardState = Sheets & {
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
  phone: boolean
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
