/**
 * Issue 17, admission (SPEC R12–R14): with it on, a participant link alone opens only the
 * lobby; names and ballots come from the personal credential a facilitator admitted; revoking
 * a credential closes its sockets at once. Raw websocket clients and plain HTTP.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getRecordsMap, readAllRecords, writeRecord } from '../../shared/docLayout.js'
import { PROFILE_MAP, STATE_KEYS, STATE_MAP, VOTES_MAP } from '../../shared/facilitation.js'
import { noteRecord } from '../helpers/records.js'
import { connectProvider, createTestBoard, startTestServer, waitFor, waitForSync, type TestBoard } from '../helpers/server.js'
import { rawClient, sleep, upgradeStatus as upgradeStatusAt, wsUrl } from '../integration/fixtures.js'

type Server = Awaited<ReturnType<typeof startTestServer>>
type Json = Record<string, unknown>

describe('admitted participants (issue 17)', () => {
  let server: Server
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  async function api(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: Json }> {
    const res = await fetch(`${server.url}/api/boards${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    return { status: res.status, body: (await res.json()) as Json }
  }

  const upgradeStatus = (docPath: string, token: string) => upgradeStatusAt(server.url, docPath, token)

  async function admissionOn(board: TestBoard): Promise<void> {
    const res = await api('PATCH', `/${board.id}/settings`, board.tokens.facilitator, { admission: true })
    expect(res.status).toBe(200)
  }

  /** A person who joined the lobby with the participant link and was admitted. */
  async function admittedPerson(board: TestBoard, name: string): Promise<{ id: string; credential: string }> {
    const joined = await api('POST', `/${board.id}/lobby`, board.tokens.participant, { name })
    expect(joined.status).toBe(201)
    const id = (joined.body.person as { id: string }).id
    expect((await api('POST', `/${board.id}/people/${id}/admit`, board.tokens.facilitator)).status).toBe(200)
    return { id, credential: joined.body.credential as string }
  }

  it('[R12] under admission, a participant link and a waiting credential open nothing but the lobby', async () => {
    const board = await createTestBoard(server.url)
    const before = await api('GET', `/${board.id}/lobby`, board.tokens.participant)
    expect(before.body).toEqual({ role: 'participant', admission: false, signIn: false, signedInAs: null, person: null, board: expect.objectContaining({ id: board.id }) })
    await admissionOn(board)
    const freshId = 'fresh-private-doc-id-0123456789'
    for (const path of [board.id, `${board.id}/control`, `${board.id}/private/${freshId}`]) {
      expect(await upgradeStatus(path, board.tokens.participant)).toBe(403)
    }
    expect((await api('GET', `/${board.id}`, board.tokens.participant)).status).toBe(403)
    expect((await api('GET', `/${board.id}/versions`, board.tokens.participant)).status).toBe(403)

    const joined = await api('POST', `/${board.id}/lobby`, board.tokens.participant, { name: 'Wanda' })
    expect(joined.status).toBe(201)
    const credential = joined.body.credential as string
    expect(credential).toMatch(/^[A-Za-z0-9_-]{22}$/)
    const person = joined.body.person as { id: string; name: string; status: string }
    expect(person).toMatchObject({ name: 'Wanda', status: 'waiting' })
    expect((await api('GET', `/${board.id}/lobby`, credential)).body).toMatchObject({ admission: true, person: { ...person } })
    for (const path of [board.id, `${board.id}/control`, `${board.id}/private/${person.id}`]) {
      expect(await upgradeStatus(path, credential)).toBe(403)
    }
    expect((await api('GET', `/${board.id}`, credential)).status).toBe(403)
    // The facilitator sees Wanda waiting, admits her: her credential opens the board and her own private doc only.
    const listed = await api('GET', `/${board.id}/people`, board.tokens.facilitator)
    expect(listed.body.people).toEqual([person])
    expect((await api('GET', `/${board.id}/people`, board.tokens.participant)).status).toBe(403)
    expect((await api('POST', `/${board.id}/people/${person.id}/admit`, board.tokens.facilitator)).status).toBe(200)
    expect((await api('GET', `/${board.id}/lobby`, credential)).body).toMatchObject({ admission: true, person: { ...person, status: 'admitted' } })
    expect(await upgradeStatus(board.id, credential)).toBe(101)
    expect(await upgradeStatus(`${board.id}/control`, credential)).toBe(101)
    expect(await upgradeStatus(`${board.id}/private/${person.id}`, credential)).toBe(101)
    expect(await upgradeStatus(`${board.id}/private/${freshId}`, credential)).toBe(403)
    expect((await api('GET', `/${board.id}`, credential)).body.role).toBe('participant')
    // The bare participant link still opens nothing; facilitator and viewer links work as before.
    expect(await upgradeStatus(board.id, board.tokens.participant)).toBe(403)
    expect(await upgradeStatus(board.id, board.tokens.viewer)).toBe(101)
    expect(await upgradeStatus(`${board.id}/control`, board.tokens.facilitator)).toBe(101)
  })

  it('the lobby answers with the board when the token opens it, as GET /api/boards/:id does; never to someone waiting or revoked', async () => {
    const board = await createTestBoard(server.url, 'Opened from the lobby')
    const boardOf = async (token: string) => (await api('GET', `/${board.id}`, token)).body.board
    for (const token of [board.tokens.facilitator, board.tokens.participant, board.tokens.viewer]) {
      const lobby = await api('GET', `/${board.id}/lobby`, token)
      expect(lobby.body.board).toMatchObject({ id: board.id, title: 'Opened from the lobby' })
      expect(lobby.body.board).toEqual(await boardOf(token))
    }
    await admissionOn(board)
    const waiting = await api('POST', `/${board.id}/lobby`, board.tokens.participant, { name: 'Wes' })
    const credential = waiting.body.credential as string
    for (const token of [board.tokens.participant, credential]) {
      const lobby = await api('GET', `/${board.id}/lobby`, token)
      expect(lobby.status).toBe(200)
      expect('board' in lobby.body).toBe(false)
    }
    expect((await api('GET', `/${board.id}/lobby`, board.tokens.facilitator)).body.board).toEqual(await boardOf(board.tokens.facilitator))
    const id = (waiting.body.person as { id: string }).id
    expect((await api('POST', `/${board.id}/people/${id}/admit`, board.tokens.facilitator)).status).toBe(200)
    expect((await api('GET', `/${board.id}/lobby`, credential)).body.board).toEqual(await boardOf(credential))
    // Revoked: the lobby answers again, without the board.
    expect((await api('POST', `/${board.id}/people/${id}/revoke`, board.tokens.facilitator)).status).toBe(200)
    const revoked = await api('GET', `/${board.id}/lobby`, credential)
    expect(revoked.body.person).toMatchObject({ status: 'revoked' })
    expect('board' in revoked.body).toBe(false)
  })

  it('[R12] every board route but the lobby refuses a waiting credential and the bare participant link (all routes, read from the route files)', async () => {
    const board = await createTestBoard(server.url, 'Sealed', 'retro-start-stop-continue')
    await admissionOn(board)
    const waiting = await api('POST', `/${board.id}/lobby`, board.tokens.participant, { name: 'Walt' })
    expect(waiting.status).toBe(201)
    const credential = waiting.body.credential as string
    // The routes as the server declares them, so that a route added later is covered too.
    const dir = path.resolve('server/http')
    const routes = new Set<string>()
    for (const file of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8')
      for (const m of text.matchAll(/app\.(get|post|put|patch|delete)\('\/api\/boards\/:id([^']*)'/g)) routes.add(`${m[1]!.toUpperCase()} ${m[2]}`)
    }
    expect(routes.size).toBeGreaterThan(20)
    const fill = (route: string) => route.replace(':vid', '1').replace(':role', 'viewer').replace(':pid', 'AAAAAAAAAAAAAAAAAAAAAA').replace(':action', 'admit')
    const answers: string[] = []
    for (const route of routes) {
      const [method, rest] = route.split(' ') as [string, string]
      if (rest === '/lobby') continue
      for (const token of [credential, board.tokens.participant]) {
        const res = await api(method, `/${board.id}${fill(rest)}`, token, method === 'GET' || method === 'DELETE' ? undefined : {})
        answers.push(`${route} ${res.status}`)
      }
    }
    expect(answers.filter((a) => !a.endsWith(' 403'))).toEqual([])
    // The lobby itself answers, and says only the lobby's state.
    expect(Object.keys((await api('GET', `/${board.id}/lobby`, credential)).body).sort()).toEqual(['admission', 'person', 'role', 'signIn', 'signedInAs'])
  })

  it('[R12] a space facilitator turns admission on for the space: its boards’ participant and member links open only the lobby', async () => {
    const post = async (url: string, body: unknown, token?: string) => {
      const res = await fetch(`${server.url}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      })
      return (await res.json()) as Json
    }
    const hashOf = (link: string) => link.slice(link.indexOf('#') + 1)
    const created = await post('/api/spaces', { title: 'Team space' })
    const spaceId = (created.space as { id: string }).id
    const spaceTokens = Object.fromEntries(Object.entries(created.links as Record<string, string>).map(([r, l]) => [r, hashOf(l)]))
    const inSpace = await post(`/api/spaces/${spaceId}/boards`, { title: 'Session 1' }, spaceTokens.facilitator)
    const boardId = (inSpace.board as { id: string }).id
    const participantToken = hashOf((inSpace.links as Record<string, string>).participant!)
    expect(await upgradeStatus(boardId, participantToken)).toBe(101)
    expect(await upgradeStatus(boardId, spaceTokens.member!)).toBe(101)

    const settings = async (method: string, token: string, body?: unknown) => {
      const res = await fetch(`${server.url}/api/spaces/${spaceId}/settings`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      return { status: res.status, body: (await res.json()) as Json }
    }
    expect(await settings('GET', spaceTokens.facilitator!)).toEqual({ status: 200, body: { settings: { admission: false, signIn: false }, signInAvailable: false } })
    expect((await settings('PATCH', spaceTokens.member!, { admission: true })).status).toBe(403)
    expect((await settings('PATCH', spaceTokens.facilitator!, {})).status).toBe(400)
    expect((await settings('PATCH', spaceTokens.facilitator!, { signIn: true })).status).toBe(409)
    expect(await settings('PATCH', spaceTokens.facilitator!, { admission: true })).toEqual({ status: 200, body: { settings: { admission: true, signIn: false }, signInAvailable: false } })

    // Every board of the space is now under admission; the board's own setting is still off.
    expect(await upgradeStatus(boardId, participantToken)).toBe(403)
    expect(await upgradeStatus(boardId, spaceTokens.member!)).toBe(403)
    expect(await upgradeStatus(boardId, spaceTokens.viewer!)).toBe(101)
    const boardSettings = await api('GET', `/${boardId}/settings`, spaceTokens.facilitator!)
    expect(boardSettings.body).toMatchObject({ settings: { admission: false }, effective: { admission: true } })
    expect((await api('GET', `/${boardId}/lobby`, participantToken)).body).toMatchObject({ admission: true, person: null })
    // Changing the space's language keeps admission, and admission kept the language.
    const renamed = await fetch(`${server.url}/api/spaces/${spaceId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${spaceTokens.facilitator}` },
      body: JSON.stringify({ locale: 'fr' }),
    })
    expect(((await renamed.json()) as { space: { settings: Json } }).space.settings).toMatchObject({ admission: true, locale: 'fr' })
    expect((await settings('PATCH', spaceTokens.facilitator!, { admission: false })).body.settings).toEqual({ admission: false, signIn: false })
    expect(await upgradeStatus(boardId, participantToken)).toBe(101)
  })

  it('[R12] the participant link of a board under admission cannot carry its actions into another board', async () => {
    const earlier = await createTestBoard(server.url, 'Earlier retro', 'retro-start-stop-continue')
    await admissionOn(earlier)
    const mine = await createTestBoard(server.url, 'My retro', 'retro-start-stop-continue')
    const carry = (fromToken: string) => api('POST', `/${mine.id}/carry-over`, mine.tokens.facilitator, { fromBoardId: earlier.id, fromToken })
    expect((await carry(earlier.tokens.participant)).status).toBe(403)
    expect((await carry(earlier.tokens.facilitator)).status).toBe(201)
  })

  it('[R12] a facilitator pre-lists a name and hands out a personal link that opens the board at once', async () => {
    const board = await createTestBoard(server.url)
    await admissionOn(board)
    const added = await api('POST', `/${board.id}/people`, board.tokens.facilitator, { name: 'Pre Listed' })
    expect(added.status).toBe(201)
    const credential = added.body.credential as string
    expect(added.body.link).toBe(`${server.url}/b/${board.id}#${credential}`)
    expect(added.body.person).toMatchObject({ name: 'Pre Listed', status: 'admitted' })
    expect(await upgradeStatus(board.id, credential)).toBe(101)
    expect((await api('POST', `/${board.id}/people`, board.tokens.facilitator, { name: '' })).status).toBe(400)
    expect((await api('POST', `/${board.id}/people`, board.tokens.participant, { name: 'X' })).status).toBe(403)
    // A credential of one board opens no other.
    const other = await createTestBoard(server.url)
    expect(await upgradeStatus(other.id, credential)).toBe(403)
  })

  it('[R13][F3] five fresh private-doc ids of one participant link change the totals by at most one person’s allowance', async () => {
    const board = await createTestBoard(server.url)
    const facilitator = connectProvider(server.url, board.id, board.tokens.facilitator)
    await waitForSync(facilitator)
    facilitator.doc.transact(() => writeRecord(getRecordsMap(facilitator.doc), noteRecord('shape:a', 'A')))
    await sleep(100)
    const opened = await api('POST', `/${board.id}/facilitation`, board.tokens.facilitator, {
      action: 'openVote',
      settings: { votesPerPerson: 2, maxPerNote: 2, anonymous: false, hideTotals: false },
    })
    const voteId = (opened.body.vote as { id: string }).id
    const observer = connectProvider(server.url, `${board.id}/control`, board.tokens.facilitator)
    await waitForSync(observer)
    const totals = () => observer.doc.getMap(STATE_MAP).get(STATE_KEYS.voteTotals) as Record<string, number> | undefined
    const voters = () => observer.doc.getMap(STATE_MAP).get(STATE_KEYS.voteVoters) as Record<string, string[]> | undefined

    const castOn = async (privateId: string, token: string, name: string) => {
      const p = connectProvider(server.url, `${board.id}/private/${privateId}`, token)
      await waitForSync(p)
      p.doc.transact(() => {
        p.doc.getMap(PROFILE_MAP).set('name', name)
        const ballot = new Y.Map<number>()
        ballot.set('shape:a', 2)
        p.doc.getMap(VOTES_MAP).set(voteId, ballot)
      })
      return p
    }
    const ids = [1, 2, 3, 4, 5].map((i) => `stuffing-private-doc-${i}-0123456789`)
    // Without admission (today's behaviour): five ids, five ballots, ten dots.
    const stuffed = await Promise.all(ids.map((id) => castOn(id, board.tokens.participant, 'Mallory')))
    await waitFor(() => totals()?.['shape:a'] === 10, 5000, 'the stuffed totals')
    for (const p of stuffed) p.destroy()

    await admissionOn(board)
    const mallory = await admittedPerson(board, 'Mallory Admitted')
    // The five ids again, with the participant link and with the credential: every upgrade refused.
    for (const id of ids.map((i) => i.replace('stuffing', 'again'))) {
      expect(await upgradeStatus(`${board.id}/private/${id}`, board.tokens.participant)).toBe(403)
      expect(await upgradeStatus(`${board.id}/private/${id}`, mallory.credential)).toBe(403)
    }
    // Her own private doc: one ballot, named by the credential, not by the profile she writes.
    const own = await castOn(mallory.id, mallory.credential, 'Someone Else')
    await waitFor(() => totals()?.['shape:a'] === 2, 5000, 'one person’s allowance')
    await sleep(300)
    expect(totals()).toEqual({ 'shape:a': 2 })
    expect(voters()).toEqual({ 'shape:a': ['Mallory Admitted'] })
    own.destroy()
    facilitator.destroy()
    observer.destroy()
  })

  it('[R14] revoking a credential closes its sockets at once and it cannot reconnect', async () => {
    const board = await createTestBoard(server.url)
    await admissionOn(board)
    const ada = await admittedPerson(board, 'Ada')
    const bea = await admittedPerson(board, 'Bea')
    const adaSockets = [board.id, `${board.id}/control`, `${board.id}/private/${ada.id}`].map((p) => rawClient(wsUrl(server.url, p, ada.credential)))
    const beaSocket = rawClient(wsUrl(server.url, board.id, bea.credential))
    await Promise.all([...adaSockets, beaSocket].map((s) => s.opened))
    await sleep(100)
    const started = Date.now()
    const revoked = await api('POST', `/${board.id}/people/${ada.id}/revoke`, board.tokens.facilitator)
    expect(revoked.status).toBe(200)
    expect(revoked.body.closedSessions).toBe(3)
    const closes = await Promise.all(adaSockets.map((s) => s.closed))
    expect(Date.now() - started).toBeLessThan(1000)
    for (const close of closes) expect(close).toEqual({ code: 4010, reason: 'link revoked' })
    expect(await upgradeStatus(board.id, ada.credential)).toBe(403)
    expect((await api('GET', `/${board.id}/lobby`, ada.credential)).body.person).toMatchObject({ status: 'revoked' })
    // Bea is untouched.
    await sleep(100)
    expect(beaSocket.ws.readyState).toBe(beaSocket.ws.OPEN)
    beaSocket.ws.close()
  })

  it('[R13] the talking piece: a person who writes the holder’s name into their profile cannot pass it', async () => {
    const res = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Circle', template: 'talking-circle', participants: ['Ada', 'Grace'] }),
    })
    const created = (await res.json()) as { board: { id: string }; links: Record<string, string> }
    const token = (role: string) => created.links[role]!.slice(created.links[role]!.indexOf('#') + 1)
    const board: TestBoard = {
      id: created.board.id,
      title: 'Circle',
      links: created.links as TestBoard['links'],
      tokens: { facilitator: token('facilitator'), participant: token('participant'), viewer: token('viewer') },
    }
    const control = connectProvider(server.url, `${board.id}/control`, board.tokens.facilitator)
    await waitForSync(control)
    type Meta = { activity?: { role?: string; instanceId?: string; meaning?: { kind?: string } } }
    const seat = readAllRecords(control.doc).find((r) => (r.meta as Meta | undefined)?.activity?.meaning?.kind === 'seat')
    const activityId = (seat!.meta as Meta).activity!.instanceId!
    control.destroy()
    await admissionOn(board)
    const ada = await admittedPerson(board, 'Ada')
    const grace = await admittedPerson(board, 'Grace')
    const pass = (caller: string, participantId?: string) =>
      api('POST', `/${board.id}/facilitation`, caller, { action: 'passTalkingPiece', activityId, ...(participantId ? { participantId } : {}) })
    expect((await pass(board.tokens.facilitator)).body.talkingPiece).toEqual({ seat: 1, round: 1 })
    // Grace writes Ada's name into her own private doc, then tries to pass the piece Ada holds.
    const graceDoc = connectProvider(server.url, `${board.id}/private/${grace.id}`, grace.credential)
    await waitForSync(graceDoc)
    graceDoc.doc.getMap(PROFILE_MAP).set('name', 'Ada')
    await sleep(200)
    expect((await pass(grace.credential, grace.id)).status).toBe(403)
    // The bare participant link with a fresh private doc is refused before anything is read.
    expect((await pass(board.tokens.participant, 'fresh-private-doc-id-0123456789')).status).toBe(403)
    // Ada, seated by her credential, passes it.
    expect((await pass(ada.credential)).body.talkingPiece).toEqual({ seat: 2, round: 1 })
    graceDoc.destroy()
  })
})
