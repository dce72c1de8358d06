/**
 * Issue 17: private-doc ids are 128 bits (SPEC R15) and no id, token or credential reaches a log
 * line (R16); a raw client writing the ballot exactly as docs/PROTOCOL.md says is counted.
 */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getRecordsMap, writeRecord } from '../../shared/docLayout.js'
import { STATE_KEYS, STATE_MAP } from '../../shared/facilitation.js'
import { startServer } from '../../server/server.js'
import { captureLogs } from '../hardening/support/logCapture.js'
import { noteRecord } from '../helpers/records.js'
import { connectProvider, createTestBoard, tempDir, waitFor, waitForSync, type TestBoard } from '../helpers/server.js'
import { rawClient, sleep, syncStep1Frame, syncStep2Frame, UpgradeRefused, updateFrame, wsUrl } from '../integration/fixtures.js'

type Server = Awaited<ReturnType<typeof startServer>>

async function act(server: Server, board: TestBoard, body: unknown) {
  const res = await fetch(`${server.url}/api/boards/${board.id}/facilitation`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${board.tokens.facilitator}` },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

describe('private-doc ids and secrets in logs (issue 17)', () => {
  const logs = captureLogs('debug')
  let server: Server
  beforeAll(async () => {
    server = await startServer({ HOST: '127.0.0.1', PORT: 0, DATA_DIR: tempDir() }, { logger: logs.logger, env: {} })
  })
  afterAll(async () => {
    await server.close()
  })

  it('[R15] a private-doc id shorter than 22 base64url characters is refused at the upgrade', async () => {
    const board = await createTestBoard(server.url)
    for (const id of ['a', 'p1', 'x'.repeat(21)]) {
      const raw = rawClient(wsUrl(server.url, `${board.id}/private/${id}`, board.tokens.participant))
      await expect(raw.opened).rejects.toEqual(new UpgradeRefused(404))
    }
    const ok = rawClient(wsUrl(server.url, `${board.id}/private/${'x'.repeat(22)}`, board.tokens.participant))
    await ok.opened
    ok.ws.close()
  })

  it('[R16] a refused write in a private doc logs neither the private-doc id nor any token', async () => {
    const board = await createTestBoard(server.url)
    const privateId = 'secret-private-doc-id-0123456789'
    const raw = rawClient(wsUrl(server.url, `${board.id}/private/${privateId}`, board.tokens.participant))
    await raw.opened
    // `meta` is not a root a client may write in a private doc: the guard refuses it.
    const doc = new Y.Doc()
    doc.getMap('meta').set('facilitatorOwned', true)
    raw.send(updateFrame(Y.encodeStateAsUpdate(doc)))
    await waitFor(() => logs.entries().some((e) => e.msg === 'schema guard rejected a write'), 5000, 'the rejection logged')
    // A failing HTTP request whose path holds the id and whose query holds a token.
    await fetch(`${server.url}/sync/${board.id}/private/${privateId}?token=${board.tokens.facilitator}`)
    await sleep(100)
    raw.ws.close()
    const text = logs.text()
    expect(text.length).toBeGreaterThan(0)
    const rejection = logs.entries().find((e) => e.msg === 'schema guard rejected a write')!
    const hash = createHash('sha256').update(privateId).digest('hex').slice(0, 8)
    expect(rejection.docKey).toBe(`${board.id}/private/#${hash}`)
    for (const secret of [privateId, board.tokens.facilitator, board.tokens.participant, board.tokens.viewer]) {
      expect(text).not.toContain(secret)
    }
  })

  it('[R16] under admission, a person’s refused write, lobby join, admission and revocation log neither their id nor their credential', async () => {
    const board = await createTestBoard(server.url)
    const call = async (method: string, path: string, token: string, body?: unknown) => {
      const res = await fetch(`${server.url}/api/boards/${board.id}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      return (await res.json()) as Record<string, unknown>
    }
    await call('PATCH', '/settings', board.tokens.facilitator, { admission: true })
    const joined = await call('POST', '/lobby', board.tokens.participant, { name: 'Pat' })
    const credential = joined.credential as string
    const personId = (joined.person as { id: string }).id
    // Refused while waiting, then admitted.
    await expect(rawClient(wsUrl(server.url, `${board.id}/private/${personId}`, credential)).opened).rejects.toEqual(new UpgradeRefused(403))
    await call('POST', `/people/${personId}/admit`, board.tokens.facilitator)
    const rejectionsBefore = logs.entries().filter((e) => e.msg === 'schema guard rejected a write').length
    const raw = rawClient(wsUrl(server.url, `${board.id}/private/${personId}`, credential))
    await raw.opened
    const doc = new Y.Doc()
    doc.getMap('meta').set('facilitatorOwned', true)
    raw.send(updateFrame(Y.encodeStateAsUpdate(doc)))
    await waitFor(() => logs.entries().filter((e) => e.msg === 'schema guard rejected a write').length > rejectionsBefore, 5000, 'the rejection logged')
    await call('POST', `/people/${personId}/revoke`, board.tokens.facilitator)
    await raw.closed
    // A request whose path holds the person id and whose query holds the credential.
    await fetch(`${server.url}/sync/${board.id}/private/${personId}?token=${credential}`)
    await sleep(100)
    const text = logs.text()
    for (const secret of [personId, credential, board.tokens.facilitator, board.tokens.participant]) expect(text).not.toContain(secret)
  })

  it('[F3] a raw client writing the ballot as docs/PROTOCOL.md describes is counted', async () => {
    const board = await createTestBoard(server.url)
    const writer = connectProvider(server.url, board.id, board.tokens.participant)
    await waitForSync(writer)
    writer.doc.transact(() => writeRecord(getRecordsMap(writer.doc), noteRecord('shape:a', 'A')))
    await sleep(100)
    const opened = await act(server, board, { action: 'openVote', settings: { votesPerPerson: 3, maxPerNote: 3, anonymous: true, hideTotals: false } })
    expect(opened.status).toBe(200)
    const voteId = (opened.body.vote as { id: string }).id
    const observer = connectProvider(server.url, `${board.id}/control`, board.tokens.viewer)
    await waitForSync(observer)

    const raw = rawClient(wsUrl(server.url, `${board.id}/private/raw-ballot-client-0123456789`, board.tokens.participant))
    await raw.opened
    const privateDoc = new Y.Doc()
    raw.send(syncStep1Frame(privateDoc))
    // The snippet of docs/PROTOCOL.md, "Casting two dots on `shape:a`", with the current vote id.
    const votes = privateDoc.getMap('votes')
    privateDoc.transact(() => {
      let ballot = votes.get(voteId)
      if (!(ballot instanceof Y.Map)) {
        ballot = new Y.Map<number>()
        votes.set(voteId, ballot)
      }
      ;(ballot as Y.Map<number>).set('shape:a', 2)
    })
    raw.send(syncStep2Frame(Y.encodeStateAsUpdate(privateDoc)))
    const totals = () => observer.doc.getMap(STATE_MAP).get(STATE_KEYS.voteTotals) as Record<string, number> | undefined
    await waitFor(() => totals()?.['shape:a'] === 2, 5000, 'the documented ballot counted')
    expect(totals()).toEqual({ 'shape:a': 2 })
    raw.ws.close()
    writer.destroy()
    observer.destroy()
  })
})
