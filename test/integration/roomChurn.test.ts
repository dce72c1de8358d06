/**
 * Rooms load on the first connection and unload after the last one leaves. People who open a
 * board and leave at once (a closed tab, a flaky network, a client hopping between instances)
 * must never take the room away from someone who is joining at the same moment: a session
 * that joined an unloaded room would look connected and synced, yet hear nothing more
 * (found by the cluster fuzz, where it left a client behind for good).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readRecord } from '../../shared/docLayout.js'
import { docKey } from '../../shared/roles.js'
import { RawClient } from '../hardening/support/rawClient.js'
import { connectProvider, createTestBoard, holdDocLoads, startTestServer, waitFor, waitForSync } from '../helpers/server.js'
import { noteRecord, putRecord, sleep } from './fixtures.js'

describe('room lifecycle under churn', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  // Each pattern lists, in connection order, whether that connection leaves while the room loads.
  it.each([
    ['leaves, stays', [true, false]],
    ['stays, leaves', [false, true]],
    ['leaves, stays, leaves', [true, false, true]],
    ['leaves, leaves, stays', [true, true, false]],
  ])('[S10] connections that leave while the room loads (%s) never unload it under one that joins', async (_name, leaves) => {
    const board = await createTestBoard(server.url)
    const key = docKey(board.id, { kind: 'board' })
    // Several connections wait for the same room to load.
    const loads = holdDocLoads(server.storage)
    let clients: RawClient[] = []
    try {
      for (let i = 0; i < leaves.length; i++) clients.push(await RawClient.connect(server.url, board.id, board.tokens.participant))
      for (const [i, client] of clients.entries()) if (leaves[i]) client.close()
      await Promise.all(clients.filter((_, i) => leaves[i]).map((c) => c.waitClosed()))
      await sleep(100) // the server has seen the sockets close
      loads.open()
    } finally {
      loads.restore()
    }
    const stayer = clients[leaves.indexOf(false)]!
    await stayer.waitSynced()

    // Someone else writes: the one who stayed hears it, from the room the server has loaded.
    const writer = connectProvider(server.url, board.id, board.tokens.participant)
    try {
      await waitForSync(writer)
      writer.doc.transact(() => putRecord(writer.doc, noteRecord('shape:after-churn', 10, 20, 'heard')))
      await waitFor(() => readRecord(stayer.doc, 'shape:after-churn') !== null, 5000, 'the note at the one who stayed')
      expect(server.rooms.getLoaded(key)?.sessions.size).toBe(2)
      // And what the one who stayed writes reaches the other.
      stayer.write((doc) => putRecord(doc, noteRecord('shape:from-stayer', 30, 40, 'said')))
      await waitFor(() => readRecord(writer.doc, 'shape:from-stayer') !== null, 5000, 'the stayer\'s note at the writer')
    } finally {
      writer.destroy()
      for (const c of clients) c.close()
      clients = []
    }
  })
})
