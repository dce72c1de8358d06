/**
 * LiveDoc.applyFromSession (issue 18): a session's update reaches the log as it came when Yjs
 * integrated all of it, instead of being encoded again by Yjs. What the listeners get must
 * always bring another copy of the doc to the same state: also when Yjs holds part of the update
 * back, and when the update makes Yjs integrate what it held back from an earlier one. An
 * update that repeats a struct the doc has (Yjs skips it, the guard never sees it) is never
 * handed on as it came.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { missingDependency } from '../../server/sync/DependencyQueue.js'
import { LiveDoc } from '../../server/sync/LiveDoc.js'

const SESSION = { id: 'session' }
const RELAY = 'relay'

/** A LiveDoc whose listeners keep what they are given for each origin. */
function liveDoc() {
  const updates: Array<{ update: Uint8Array; origin: unknown }> = []
  const live = new LiveDoc({ onUpdate: (update, origin) => updates.push({ update, origin }), onAfterTransaction: () => {} }, { inc() {}, dec() {} })
  return { live, updates }
}

/** A writer's successive updates to one map (each builds on the one before). */
function writer(clientID: number, count: number): Uint8Array[] {
  const doc = new Y.Doc()
  doc.clientID = clientID
  const out: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => out.push(u))
  for (let i = 0; i < count; i++) doc.getMap('records').set(`k${i}`, { value: i })
  return out
}

/** What a replica that had `before` looks like once it applies `updates`. */
function replica(before: Uint8Array[], updates: Uint8Array[]): unknown {
  const doc = new Y.Doc()
  for (const u of [...before, ...updates]) Y.applyUpdate(doc, u)
  return doc.getMap('records').toJSON()
}

describe('a session update handed on as it came (LiveDoc.applyFromSession)', () => {
  it('hands on the update itself when all of it integrated, and nothing for an update the doc already has', () => {
    const { live, updates } = liveDoc()
    const [first, second] = writer(7, 2)
    live.applyFromSession(first!, SESSION, true)
    live.applyFromSession(second!, SESSION, true)
    expect(updates.map((u) => u.origin)).toEqual([SESSION, SESSION])
    expect(updates.map((u) => Array.from(u.update))).toEqual([Array.from(first!), Array.from(second!)])
    expect(replica([], updates.map((u) => u.update))).toEqual(live.doc.getMap('records').toJSON())
    // A re-sent update changes nothing: nothing to store or send.
    live.applyFromSession(second!, SESSION, true)
    expect(updates).toHaveLength(2)
  })

  it('hands on a copy, not a view into the frame the update came in', () => {
    const { live, updates } = liveDoc()
    const [update] = writer(7, 1)
    const frame = new Uint8Array(update!.byteLength + 4)
    frame.set(update!, 4)
    live.applyFromSession(frame.subarray(4), SESSION, true)
    frame.fill(0)
    expect(Array.from(updates[0]!.update)).toEqual(Array.from(update!))
  })

  it('hands on what integrated when Yjs holds part of the update back', () => {
    const { live, updates } = liveDoc()
    const [a1, a2] = writer(7, 2)
    const [b1] = writer(9, 1)
    // One update with b1 (integrates) and a2 (builds on a1, which this doc lacks: held back).
    live.applyFromSession(Y.mergeUpdates([b1!, a2!]), SESSION, true)
    expect(live.doc.store.pendingStructs).not.toBeNull()
    expect(updates).toHaveLength(1)
    // Only what integrated: the log never holds what Yjs holds back (it is stored once it integrates).
    expect(Y.decodeUpdate(updates[0]!.update).structs.map((s) => s.id.client)).toEqual([9])
    expect(replica([], [updates[0]!.update])).toEqual({ k0: { value: 0 } })
    expect(replica([], [updates[0]!.update])).toEqual(live.doc.getMap('records').toJSON())
    // a1 arrives: Yjs integrates it and what it held back, and the listeners get both.
    live.applyFromSession(a1!, SESSION, true)
    expect(live.doc.store.pendingStructs).toBeNull()
    expect(Object.keys(live.doc.getMap('records').toJSON()).sort()).toEqual(['k0', 'k1'])
    expect(replica([updates[0]!.update], [updates[1]!.update])).toEqual(live.doc.getMap('records').toJSON())
  })

  it('hands on what a relayed update held back and a session update let in', () => {
    const { live, updates } = liveDoc()
    const [a1, a2] = writer(7, 2)
    // Relayed out of order: a2 waits in Yjs for a1.
    Y.applyUpdate(live.doc, a2!, RELAY)
    expect(live.doc.store.pendingStructs).not.toBeNull()
    live.applyFromSession(a1!, SESSION, true)
    const fromSession = updates.filter((u) => u.origin === SESSION)
    expect(fromSession).toHaveLength(1)
    // Another copy that saw only what the listeners were given has both writes.
    expect(replica(updates.filter((u) => u.origin !== SESSION).map((u) => u.update), [fromSession[0]!.update])).toEqual({ k0: { value: 0 }, k1: { value: 1 } })
  })

  it('never hands on as it came an update that repeats, with other content, a struct the doc has', () => {
    const { live, updates } = liveDoc()
    const [good] = writer(7, 1)
    live.applyFromSession(good!, SESSION, true)
    // The same client and clock with other content, then a new write: Yjs skips the first.
    const forger = new Y.Doc()
    forger.clientID = 7
    const forged: Uint8Array[] = []
    forger.on('update', (u: Uint8Array) => forged.push(u))
    forger.getMap('records').set('k0', { value: 'forged' })
    forger.getMap('records').set('k1', { value: 1 })
    const update = Y.mergeUpdates(forged)
    const readiness = missingDependency(live.doc, update)
    expect(readiness).toEqual({ ready: true, repeats: true })
    expect(missingDependency(new Y.Doc(), update)).toEqual({ ready: true, repeats: false })
    live.applyFromSession(update, SESSION, false)
    expect(live.doc.getMap('records').toJSON()).toEqual({ k0: { value: 0 }, k1: { value: 1 } })
    // What the log gets holds the new write only: merged before what the doc had (as a
    // compaction or a broadcast merges), it cannot put the forged value in its place.
    const handed = updates[1]!.update
    expect(JSON.stringify(Y.decodeUpdate(handed).structs.map((s) => s.id.clock))).toBe('[1]')
    expect(replica([], [Y.mergeUpdates([handed, good!])])).toEqual({ k0: { value: 0 }, k1: { value: 1 } })
  })
})
