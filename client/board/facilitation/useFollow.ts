import { useCallback, useEffect, useRef, useState } from 'react'
import { useEditor, useValue, type Editor, type TLPageId } from 'tldraw'
import { STATE_KEYS, type BringState, type FollowState } from '../../../shared/facilitation'
import { BRING_KEY, writeControlState } from './controlState'
import { isPhoneLayout } from '../phone/usePhoneLayout'
import { readableFit } from '../viewFit'
import type { Facilitation } from './useFacilitationState'

export type Follow = {
  /** Facilitator: turn "follow me" on or off; bring everyone to the current view once. */
  setFollowMe: (on: boolean) => void
  bringEveryone: () => void
  /** Participant: is "follow me" on, and is this page following right now? */
  leaderName: string | null
  following: boolean
  stepOut: () => void
  stepIn: () => void
}

/**
 * Where a bring takes this page. The plan's (a step's activity) opens it as the board opens: clear
 * of the panels, readable, from its start when it is larger than the screen. The facilitator's own
 * view is shown as they see it, except that a phone does not shrink a desk's view until its notes
 * cannot be read: it shows the middle of that view at a readable zoom.
 */
function goTo(editor: Editor, bring: BringState): void {
  const animation = { duration: 300 }
  if (bring.plan) editor.setCamera(readableFit(editor, bring.bounds), { animation })
  else if (isPhoneLayout()) editor.setCamera(readableFit(editor, bring.bounds, { maxZoom: Infinity, anchor: 'center' }), { animation })
  else editor.zoomToBounds(bring.bounds, { animation })
}

function userIdOf(fac: Facilitation, clientId: number | null): string | null {
  if (clientId === null) return null
  const user = (fac.awareness.getStates().get(clientId) as { user?: { id?: unknown } } | undefined)?.user
  return typeof user?.id === 'string' ? user.id : null
}

/**
 * "Follow me" through tldraw's own follow mode: the leader's camera travels in their awareness
 * presence record, which usePresence already turns into a store record. A participant who pans
 * or zooms steps out (tldraw stops following on user camera input) and can step back in.
 */
export function useFollow(fac: Facilitation): Follow {
  const editor = useEditor()
  const { follow, bring } = fac.control
  const [steppedOut, setSteppedOut] = useState(false)
  const [awarenessTick, setAwarenessTick] = useState(0)
  const followingUserId = useValue('following user', () => editor.getInstanceState().followingUserId, [editor])
  const isLeader = fac.isFacilitator

  useEffect(() => {
    const onChange = () => setAwarenessTick((n) => n + 1)
    fac.awareness.on('change', onChange)
    return () => fac.awareness.off('change', onChange)
  }, [fac.awareness])

  const leaderUserId = follow?.on ? userIdOf(fac, follow.leaderClientId) : null
  const wasFollowing = useRef(false)

  useEffect(() => {
    if (isLeader) return
    if (!follow?.on) {
      if (wasFollowing.current) editor.stopFollowingUser()
      wasFollowing.current = false
      setSteppedOut(false)
      return
    }
    if (steppedOut || !leaderUserId) return
    if (followingUserId === leaderUserId) {
      wasFollowing.current = true
      return
    }
    // Following had started and stopped without us: the person moved the camera themselves.
    if (wasFollowing.current && followingUserId === null) {
      wasFollowing.current = false
      setSteppedOut(true)
      return
    }
    editor.startFollowingUser(leaderUserId)
  }, [editor, isLeader, follow?.on, leaderUserId, followingUserId, steppedOut, awarenessTick])

  // "Bring everyone to me": jump once to each new request, not to one made before this page opened.
  // The plan's bring to a new step's activity moves the facilitator too (unless they are writing
  // in a shape): the projector, which follows them, then shows the step.
  const seenBring = useRef<number | null>(bring?.at ?? null)
  useEffect(() => {
    if (!bring || bring.at === seenBring.current) return
    seenBring.current = bring.at
    if (isLeader && (!bring.plan || editor.getEditingShapeId() !== null)) return
    if (editor.getPage(bring.pageId as TLPageId)) editor.setCurrentPage(bring.pageId as TLPageId)
    goTo(editor, bring)
  }, [editor, isLeader, bring])

  const setFollowMe = useCallback(
    (on: boolean) => {
      const value: FollowState = { on, leaderClientId: on ? fac.awareness.clientID : null, leaderName: on ? fac.name : '' }
      writeControlState(fac.controlDoc, STATE_KEYS.follow, value)
    },
    [fac.awareness, fac.controlDoc, fac.name],
  )
  const bringEveryone = useCallback(() => {
    const box = editor.getViewportPageBounds()
    const value: BringState = { at: Date.now(), bounds: { x: box.x, y: box.y, w: box.w, h: box.h }, pageId: editor.getCurrentPageId() }
    writeControlState(fac.controlDoc, BRING_KEY, value)
  }, [editor, fac.controlDoc])
  const stepOut = useCallback(() => {
    setSteppedOut(true)
    wasFollowing.current = false
    editor.stopFollowingUser()
  }, [editor])
  const stepIn = useCallback(() => setSteppedOut(false), [])

  return {
    setFollowMe,
    bringEveryone,
    leaderName: follow?.on ? follow.leaderName : null,
    following: !isLeader && !!leaderUserId && followingUserId === leaderUserId,
    stepOut,
    stepIn,
  }
}
