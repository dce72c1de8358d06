import { createContext, useContext, type ReactNode } from 'react'
import type * as Y from 'yjs'

export type ActivitiesBoard = {
  boardId: string
  token: string
  /** The control doc (template shapes, published vote totals); null until connected. */
  controlDoc: Y.Doc | null
}

const ActivitiesContext = createContext<ActivitiesBoard | null>(null)

/** Gives the activity tools (rendered inside tldraw's UI slots) the board they act on. */
export function ActivitiesProvider({ children, ...board }: ActivitiesBoard & { children: ReactNode }) {
  return <ActivitiesContext.Provider value={board}>{children}</ActivitiesContext.Provider>
}

export function useActivitiesBoard(): ActivitiesBoard | null {
  return useContext(ActivitiesContext)
}
