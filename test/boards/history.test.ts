import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { BOARD_TITLE_KEY } from '../../shared/boardTitle.js'
import { getRecordsMap, readRecord, writeRecord } from '../../shared/docLayout.js'
import { STATE_MAP } from '../../shared/facilitation.js'
import { CloseEvents } from '../../shared/protocol.js'
import { connectProvider, createTestBoard, startTestServer, waitFor, waitForSync } from '../helpers/server.js'
import { noteRecord } from '../helpers/records.js'

type Server = Awaited<ReturnType<typeof startTestServer>>

function api(server: Server, path: string, token: string | null, init: RequestInit = {}) {
  return fetch(`${server.url}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers },
  })
}

function noteText(doc: Y.Doc, id: string): string | undefined {
  const r = readRecord(doc, id) as { props?: { richText?: { content?: Array<{ content?: Array<{ text?: string }> }> } } } | null
  return r?.props?.richText?.content?.[0]?.content?.[0]?.text
}

describe('history, links and import (issue 5)', () => {
  let server: Server
  beforeAll(async () => {
    server = await startTestServer({ ADMIN_TOKEN: 'operator-secret-0123456789' })
  })
  afterAll(async () => {
    await server.close()
  })

  it('[H2] restore writes the old state on top; the later version stays in history', async () => {
    const board = await createTestBoard(server.url)
    const client = connectProvider(server.url, board.id, board.tokens.participant)
    await waitForSync(client)
    client.doc.transact(() => writeRecord(getRecordsMap(client.doc), noteRecord('shape:n1', 'first idea')))
    await new Promise((r) => setTimeout(r, 100))
    const saved = await api(server, `/api/boards/${board.id}/versions`, board.tokens.facilitator, {
      method: 'POST',
      body: JSON.stringify({ label: 'after brainstorm' }),
    })
    expect(saved.status).toBe(201)
    const v1 = ((await saved.json()) as { version: { id: number } }).version.id

    client.doc.transact(() => {
      writeRecord(getRecordsMap(client.doc), noteRecord('shape:n1', 'changed idea'))
      writeRecord(getRecordsMap(client.doc), noteRecord('shape:n2', 'later note', 300))
    })
    await new Promise((r) => setTimeout(r, 100))

    const restored = await api(server, `/api/boards/${board.id}/versions/${v1}/restore`, board.tokens.facilitator, { method: 'POST' })
    expect(restored.status).toBe(200)
    // The connected client sees the restored board live.
    await waitFor(() => noteText(client.doc, 'shape:n1') === 'first idea' && readRecord(client.doc, 'shape:n2') === null)

    const list = (await (await api(server, `/api/boards/${board.id}/versions`, board.tokens.participant)).json()) as {
      versions: Array<{ id: number; label: string }>
    }
    const before = list.versions.find((v) => v.label === 'Before restore')
    expect(before).toBeDefined()
    const preview = (await (await api(server, `/api/boards/${board.id}/versions/${before!.id}`, board.tokens.facilitator)).json()) as {
      board: Array<{ id: string }>
    }
    expect(preview.board.map((r) => r.id)).toContain('shape:n2')

    // A fresh client after restore reads the restored state from the server.
    const fresh = connectProvider(server.url, board.id, board.tokens.viewer)
    await waitForSync(fresh)
    await waitFor(() => noteText(fresh.doc, 'shape:n1') === 'first idea')
    expect(readRecord(fresh.doc, 'shape:n2')).toBeNull()
    client.destroy()
    fresh.destroy()
  })

  it('[R5] a rotated link closes its sockets within a second and cannot reconnect', async () => {
    const board = await createTestBoard(server.url)
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${board.id}?token=${board.tokens.participant}`)
    await new Promise((resolve, reject) => {
      ws.once('open', resolve)
      ws.once('error', reject)
    })
    const closed = new Promise<{ code: number; at: number }>((resolve) => ws.once('close', (code) => resolve({ code, at: Date.now() })))
    const started = Date.now()
    const res = await api(server, `/api/boards/${board.id}/links/participant/rotate`, board.tokens.facilitator, { method: 'POST' })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { link: string }
    const { code, at } = await closed
    expect(code).toBe(CloseEvents.LinkRevoked.code)
    expect(at - started).toBeLessThan(1000)

    const again = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${board.id}?token=${board.tokens.participant}`)
    const status = await new Promise<number>((resolve) => {
      again.once('unexpected-response', (_req, response) => resolve(response.statusCode ?? 0))
      again.once('open', () => resolve(101))
    })
    expect(status).toBe(403)
    const newToken = body.link.slice(body.link.indexOf('#') + 1)
    expect((await api(server, `/api/boards/${board.id}`, newToken)).status).toBe(200)
    expect((await api(server, `/api/boards/${board.id}`, board.tokens.participant)).status).toBe(403)
  })

  it('rename and archive need the facilitator link and validate input', async () => {
    const board = await createTestBoard(server.url, 'Old title')
    const asParticipant = await api(server, `/api/boards/${board.id}`, board.tokens.participant, {
      method: 'PATCH',
      body: JSON.stringify({ title: 'x' }),
    })
    expect(asParticipant.status).toBe(403)
    const empty = await api(server, `/api/boards/${board.id}`, board.tokens.facilitator, { method: 'PATCH', body: JSON.stringify({}) })
    expect(empty.status).toBe(400)
    expect(((await empty.json()) as { error: string }).error).toMatch(/title or archived/)
    const ok = await api(server, `/api/boards/${board.id}`, board.tokens.facilitator, {
      method: 'PATCH',
      body: JSON.stringify({ title: 'New title', archived: true }),
    })
    expect(ok.status).toBe(200)
    const meta = (await (await api(server, `/api/boards/${board.id}`, board.tokens.viewer)).json()) as {
      board: { title: string; archived: boolean }
    }
    expect(meta.board).toMatchObject({ title: 'New title', archived: true })
  })

  it('a rename reaches open pages live: the title is mirrored into the control doc state; a duplicate does not inherit it', async () => {
    const board = await createTestBoard(server.url, 'Before')
    const control = connectProvider(server.url, `${board.id}/control`, board.tokens.viewer)
    try {
      await waitForSync(control)
      const state = control.doc.getMap(STATE_MAP)
      expect(state.get(BOARD_TITLE_KEY)).toBeUndefined()
      const titleOf = () => state.get(BOARD_TITLE_KEY)
      const rename = (body: unknown) =>
        api(server, `/api/boards/${board.id}`, board.tokens.facilitator, { method: 'PATCH', body: JSON.stringify(body) })

      const res = await rename({ title: '  After  ' })
      expect(res.status).toBe(200)
      // The HTTP answer is unchanged: the board record.
      expect(((await res.json()) as { board: { title: string } }).board.title).toBe('After')
      await waitFor(() => titleOf() === 'After', 5000, 'the live title')
      // Archiving alone leaves the title as it is; a refused rename writes nothing.
      expect((await rename({ archived: true })).status).toBe(200)
      expect((await api(server, `/api/boards/${board.id}`, board.tokens.participant, { method: 'PATCH', body: JSON.stringify({ title: 'Hijack' }) })).status).toBe(403)
      await new Promise((r) => setTimeout(r, 200))
      expect(titleOf()).toBe('After')

      // A page opened later reads it too (persisted, not only broadcast).
      const late = connectProvider(server.url, `${board.id}/control`, board.tokens.participant)
      await waitForSync(late)
      await waitFor(() => late.doc.getMap(STATE_MAP).get(BOARD_TITLE_KEY) === 'After', 5000, 'the title for a late page')
      late.destroy()

      // A duplicate has its own title: its control doc does not carry the source's.
      const dup = await api(server, `/api/boards/${board.id}/duplicate`, board.tokens.facilitator, { method: 'POST', body: JSON.stringify({ title: 'Copy' }) })
      expect(dup.status).toBe(201)
      const copy = (await dup.json()) as { board: { id: string }; links: { viewer: string } }
      const copyControl = connectProvider(server.url, `${copy.board.id}/control`, copy.links.viewer.slice(copy.links.viewer.indexOf('#') + 1))
      await waitForSync(copyControl)
      expect(copyControl.doc.getMap(STATE_MAP).get(BOARD_TITLE_KEY)).toBeUndefined()
      copyControl.destroy()
    } finally {
      control.destroy()
    }
  })

  it('an operator with ADMIN_TOKEN lists, searches and deletes boards; nobody else can', async () => {
    const board = await createTestBoard(server.url, 'Quarterly risk review')
    expect((await api(server, '/api/admin/boards', null)).status).toBe(401)
    expect((await api(server, '/api/admin/boards', board.tokens.facilitator)).status).toBe(401)
    const found = (await (await api(server, '/api/admin/boards?search=quarterly', 'operator-secret-0123456789')).json()) as {
      boards: Array<{ id: string }>
    }
    expect(found.boards.map((b) => b.id)).toEqual([board.id])
    const del = await api(server, `/api/admin/boards/${board.id}`, 'operator-secret-0123456789', { method: 'DELETE' })
    expect(del.status).toBe(200)
    expect((await api(server, `/api/boards/${board.id}`, board.tokens.facilitator)).status).toBe(403)
  })

  it('duplicate as a new board copies the notes under new links', async () => {
    const board = await createTestBoard(server.url, 'Retro')
    const client = connectProvider(server.url, board.id, board.tokens.participant)
    await waitForSync(client)
    client.doc.transact(() => writeRecord(getRecordsMap(client.doc), noteRecord('shape:keep', 'keep this')))
    await new Promise((r) => setTimeout(r, 100))
    const res = await api(server, `/api/boards/${board.id}/duplicate`, board.tokens.facilitator, { method: 'POST', body: '{}' })
    expect(res.status).toBe(201)
    const copy = (await res.json()) as { board: { id: string; title: string }; links: { viewer: string } }
    expect(copy.board.title).toBe('Retro (copy)')
    expect(copy.board.id).not.toBe(board.id)
    const viewerToken = copy.links.viewer.slice(copy.links.viewer.indexOf('#') + 1)
    const reader = connectProvider(server.url, copy.board.id, viewerToken)
    await waitForSync(reader)
    await waitFor(() => noteText(reader.doc, 'shape:keep') === 'keep this')
    client.destroy()
    reader.destroy()
  })
})

describe('[H1] automatic versions', () => {
  it('saves a version while a board is edited (interval elapsed) and when its last session leaves', async () => {
    const server = await startTestServer({ AUTOSAVE_INTERVAL_MS: 1500 })
    try {
      const board = await createTestBoard(server.url)
      const client = connectProvider(server.url, board.id, board.tokens.participant)
      await waitForSync(client)
      await new Promise((r) => setTimeout(r, 1600))
      client.doc.transact(() => writeRecord(getRecordsMap(client.doc), noteRecord('shape:auto', 'edited')))
      const versions = async () =>
        ((await (await api(server, `/api/boards/${board.id}/versions`, board.tokens.facilitator)).json()) as { versions: Array<{ label: string }> }).versions
      const labelsEventually = async (label: string) => {
        const deadline = Date.now() + 20_000
        let labels: string[] = []
        while (Date.now() < deadline && !labels.includes(label)) {
          labels = (await versions()).map((v) => v.label)
          if (!labels.includes(label)) await new Promise((r) => setTimeout(r, 100))
        }
        return labels
      }
      expect(await labelsEventually('Autosave')).toContain('Autosave')
      client.doc.transact(() => writeRecord(getRecordsMap(client.doc), noteRecord('shape:auto2', 'edited again')))
      await new Promise((r) => setTimeout(r, 50))
      client.destroy()
      expect(await labelsEventually('Autosave (session ended)')).toContain('Autosave (session ended)')
    } finally {
      await server.close()
    }
  })
})
