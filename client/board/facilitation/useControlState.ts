import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { STATE_MAP } from '../../../shared/facilitation'
import { readControlState, type ControlState } from './controlState'

/** The control doc's facilitation state, re-read whenever the `state` map changes. */
export function useControlState(doc: Y.Doc): ControlState {
  const [state, setState] = useState(() => readControlState(doc))
  useEffect(() => {
    const map = doc.getMap(STATE_MAP)
    const update = () => setState(readControlState(doc))
    update()
    map.observe(update)
    return () => map.unobserve(update)
  }, [doc])
  return state
}
