/**
 * HTTP hardening: bad input is a 4xx with a message on every route, security headers on every
 * response, no board enumeration without ADMIN_TOKEN, secrets compared in constant time, and
 * no token ever in the logs.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getRecordsMap, writeRecord } from '../../shared/docLayout.js'
import { startServer, type CanvasServer } from '../../server/server.js'
import { createTestBoard, tempDir, type TestBoard } from '../helpers/server.js'
import { captureLogs } from './support/logCapture.js'
import { HttpRefusal, RawClient } from './support/rawClient.js'
import { noteRecord } from './support/records.js'

const ADMIN_TOKEN = 'admin-secret-0123456789abcdef'

type Case = { name: string; method: string; path: (b: TestBoard) => string; token?: 'facilitator' | 'participant' | 'viewer'; admin?: boolean; body?: string; status: number; message?: RegExp }

const json = (v: unknown) => JSON.stringify(v)

/** Bad input per route: each answer must be the given 4xx with a JSON `error` message. */
const BAD_INPUT: Case[] = [
  { name: 'create: body is not JSON', method: 'POST', path: () => '/api/boards', body: '{title', status: 400, message: /must be JSON/ },
  { name: 'create: no title', method: 'POST', path: () => '/api/boards', body: '{}', status: 400, message: /title/ },
  { name: 'create: empty title', method: 'POST', path: () => '/api/boards', body: json({ title: '  ' }), status: 400, message: /title/ },
  { name: 'create: title of the wrong type', method: 'POST', path: () => '/api/boards', body: json({ title: 42 }), status: 400, message: /title/ },
  { name: 'create: title too long', method: 'POST', path: () => '/api/boards', body: json({ title: 'x'.repeat(201) }), status: 400, message: /title/ },
  { name: 'create: template too long', method: 'POST', path: () => '/api/boards', body: json({ title: 't', template: 'x'.repeat(65) }), status: 400, message: /template/ },
  { name: 'create: an array body', method: 'POST', path: () => '/api/boards', body: '[]', status: 400 },
  { name: 'get: malformed board id', method: 'GET', path: () => '/api/boards/..%2F..%2Fetc', token: 'viewer', status: 404 },
  { name: 'get: no token', method: 'GET', path: (b) => `/api/boards/${b.id}`, status: 401, message: /token/ },
  { name: 'get: malformed token', method: 'GET', path: (b) => `/api/boards/${b.id}?token=%00%01`, status: 403 },
  { name: 'rename: empty patch', method: 'PATCH', path: (b) => `/api/boards/${b.id}`, token: 'facilitator', body: '{}', status: 400 },
  { name: 'rename: title of the wrong type', method: 'PATCH', path: (b) => `/api/boards/${b.id}`, token: 'facilitator', body: json({ title: 5 }), status: 400 },
  { name: 'archive: not a boolean', method: 'PATCH', path: (b) => `/api/boards/${b.id}`, token: 'facilitator', body: json({ archived: 'yes' }), status: 400 },
  { name: 'rotate: unknown role', method: 'POST', path: (b) => `/api/boards/${b.id}/links/admin/rotate`, token: 'facilitator', status: 400, message: /role/ },
  { name: 'version: empty label', method: 'POST', path: (b) => `/api/boards/${b.id}/versions`, token: 'facilitator', body: json({ label: '' }), status: 400 },
  { name: 'version: id not a number', method: 'GET', path: (b) => `/api/boards/${b.id}/versions/abc`, token: 'facilitator', status: 400, message: /version id/ },
  { name: 'restore: negative id', method: 'POST', path: (b) => `/api/boards/${b.id}/versions/-1/restore`, token: 'facilitator', status: 400 },
  { name: 'duplicate: empty title', method: 'POST', path: (b) => `/api/boards/${b.id}/duplicate`, token: 'facilitator', body: json({ title: '' }), status: 400 },
  { name: 'import: no file', method: 'POST', path: () => '/api/boards/import', body: json({ title: 'x' }), status: 400, message: /file/ },
  { name: 'import: file not a .tldr', method: 'POST', path: () => '/api/boards/import', body: json({ file: 'not json at all' }), status: 422 },
  { name: 'import into a board: not JSON', method: 'POST', path: (b) => `/api/boards/${b.id}/import`, token: 'facilitator', body: 'nope', status: 400 },
  { name: 'facilitation: unknown action', method: 'POST', path: (b) => `/api/boards/${b.id}/facilitation`, token: 'facilitator', body: json({ action: 'explode' }), status: 400 },
  { name: 'facilitation: timer too long', method: 'POST', path: (b) => `/api/boards/${b.id}/facilitation`, token: 'facilitator', body: json({ action: 'timer', timer: { action: 'start', durationMs: 1e12 } }), status: 400 },
  { name: 'export: unknown format', method: 'GET', path: (b) => `/api/boards/${b.id}/export?format=exe`, token: 'viewer', status: 400, message: /format/ },
  { name: 'export: no format', method: 'GET', path: (b) => `/api/boards/${b.id}/export`, token: 'viewer', status: 400, message: /format/ },
  { name: 'results: malformed board id', method: 'GET', path: () => '/api/boards/%3Cscript%3E/results', token: 'viewer', status: 404 },
  { name: 'image: not JSON', method: 'PUT', path: (b) => `/api/boards/${b.id}/image`, token: 'facilitator', body: 'png', status: 400 },
  { name: 'image: wrong shape', method: 'PUT', path: (b) => `/api/boards/${b.id}/image`, token: 'facilitator', body: json({ image: 42 }), status: 400 },
  { name: 'activities: empty template', method: 'POST', path: (b) => `/api/boards/${b.id}/activities`, token: 'facilitator', body: json({ template: '' }), status: 400 },
  { name: 'activities: too many participants', method: 'POST', path: (b) => `/api/boards/${b.id}/activities`, token: 'facilitator', body: json({ template: 'retro', participants: Array.from({ length: 61 }, (_, i) => `p${i}`) }), status: 400 },
  { name: 'carry-over: not a board id', method: 'POST', path: (b) => `/api/boards/${b.id}/carry-over`, token: 'facilitator', body: json({ fromBoardId: '../x', fromToken: 'A'.repeat(22) }), status: 400, message: /fromBoardId/ },
  { name: 'admin list: limit out of range', method: 'GET', path: () => '/api/admin/boards?limit=0', admin: true, status: 400 },
  { name: 'admin delete: malformed id', method: 'DELETE', path: () => '/api/admin/boards/%2e%2e', admin: true, status: 404 },
  { name: 'sync: unknown document', method: 'GET', path: (b) => `/sync/${b.id}/secret?token=${'A'.repeat(22)}`, status: 404 },
]

function authHeaders(board: TestBoard, role?: Case['token']): Record<string, string> {
  return role ? { authorization: `Bearer ${board.tokens[role]}` } : {}
}

describe('HTTP hardening', () => {
  let server: CanvasServer
  let board: TestBoard
  const logs = captureLogs('debug')
  beforeAll(async () => {
    server = await startServer({ HOST: '127.0.0.1', PORT: 0, DATA_DIR: tempDir(), ADMIN_TOKEN }, { logger: logs.logger, env: {} })
    board = await createTestBoard(server.url)
  })
  afterAll(async () => {
    await server.close()
  })

  for (const c of BAD_INPUT) {
    it(`bad input → ${c.status} with a message: ${c.name}`, async () => {
      const res = await fetch(server.url + c.path(board), {
        method: c.method,
        headers: { 'content-type': 'application/json', ...authHeaders(board, c.token), ...(c.admin ? { authorization: `Bearer ${ADMIN_TOKEN}` } : {}) },
        body: c.body,
      })
      expect(res.status).toBe(c.status)
      const body = (await res.json()) as { error?: unknown }
      expect(typeof body.error).toBe('string')
      expect((body.error as string).length).toBeGreaterThan(2)
      if (c.message) expect(body.error).toMatch(c.message)
    })
  }

  it('security headers on pages, API answers, errors and static files', async () => {
    for (const p of ['/', `/b/${board.id}`, '/api/templates', '/api/boards/nope', '/healthz', '/does-not-exist']) {
      const res = await fetch(server.url + p)
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp, p).toContain("frame-ancestors 'none'")
      expect(csp, p).toContain("default-src 'self'")
      expect(csp, p).toContain("object-src 'none'")
      expect(csp, p).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/)
      expect(res.headers.get('x-content-type-options'), p).toBe('nosniff')
      expect(res.headers.get('x-frame-options'), p).toBe('DENY')
      expect(res.headers.get('referrer-policy'), p).toBe('no-referrer')
    }
  })

  it('[R1] boards cannot be enumerated: no listing, and an unknown board looks like a wrong token', async () => {
    expect((await fetch(`${server.url}/api/boards`)).status).not.toBe(200)
    const unknownId = 'AAAAAAAAAAAAAAAA'
    const wrongToken = 'B'.repeat(22)
    for (const route of ['', '/versions']) {
      const existing = await fetch(`${server.url}/api/boards/${board.id}${route}`, { headers: { authorization: `Bearer ${wrongToken}` } })
      const missing = await fetch(`${server.url}/api/boards/${unknownId}${route}`, { headers: { authorization: `Bearer ${wrongToken}` } })
      expect(missing.status).toBe(existing.status)
      expect(await missing.text()).toBe(await existing.text())
    }
    // A valid token of one board says nothing about another.
    const other = await fetch(`${server.url}/api/boards/${unknownId}`, { headers: { authorization: `Bearer ${board.tokens.facilitator}` } })
    const wrong = await fetch(`${server.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${wrongToken}` } })
    expect(other.status).toBe(wrong.status)
    // The websocket route too.
    const status = async (id: string) => {
      try {
        ;(await RawClient.connect(server.url, id, wrongToken)).close()
        return 101
      } catch (error) {
        return (error as HttpRefusal).status
      }
    }
    expect(await status(unknownId)).toBe(await status(board.id))
    expect(await status(board.id)).toBe(403)
  })

  it('admin routes: only with the ADMIN_TOKEN, compared in constant time; absent when it is not set', async () => {
    const list = (token?: string) =>
      fetch(`${server.url}/api/admin/boards`, { headers: token ? { authorization: `Bearer ${token}` } : {} })
    expect((await list()).status).toBe(401)
    expect((await list('x'.repeat(ADMIN_TOKEN.length))).status).toBe(401)
    expect((await list(ADMIN_TOKEN.slice(0, -1))).status).toBe(401)
    expect((await list(`${ADMIN_TOKEN}x`)).status).toBe(401)
    const ok = await list(ADMIN_TOKEN)
    expect(ok.status).toBe(200)
    expect(((await ok.json()) as { boards: Array<{ id: string }> }).boards.some((b) => b.id === board.id)).toBe(true)

    const noAdmin = await startServer({ HOST: '127.0.0.1', PORT: 0, DATA_DIR: tempDir() }, { logger: captureLogs().logger, env: {} })
    try {
      const res = await fetch(`${noAdmin.url}/api/admin/boards`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
      expect(res.status).toBe(404)
    } finally {
      await noAdmin.close()
    }
  })

  it('secrets are never compared with === in server code (constant-time helpers only)', () => {
    const offenders: string[] = []
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name)
        if (entry.isDirectory()) walk(file)
        else if (file.endsWith('.ts')) {
          fs.readFileSync(file, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              if (/(token|secret|ADMIN_TOKEN|hash)\w*\s*[!=]==|[!=]==\s*\w*(token|secret|ADMIN_TOKEN|hash)\b/i.test(line) && !/typeof|=== (null|undefined)|\.length/.test(line)) {
                offenders.push(`${file}:${i + 1}: ${line.trim()}`)
              }
            })
        }
      }
    }
    walk(path.resolve('server'))
    expect(offenders).toEqual([])
  })

  it('no token is ever logged: HTTP, websocket, refusals, rotation, admin, rejected writes', async () => {
    const b = await createTestBoard(server.url, 'logged')
    const secrets = [...Object.values(b.tokens), ADMIN_TOKEN]
    await fetch(`${server.url}/api/boards/${b.id}?token=${b.tokens.viewer}`)
    await fetch(`${server.url}/api/boards/${b.id}`, { headers: { authorization: `Bearer ${b.tokens.participant}` } })
    const badToken = 'C'.repeat(22)
    secrets.push(badToken)
    await fetch(`${server.url}/api/boards/${b.id}?token=${badToken}`)
    await RawClient.connect(server.url, b.id, badToken).catch(() => null)
    const writer = await RawClient.connect(server.url, b.id, b.tokens.participant)
    await writer.waitSynced()
    writer.write((doc) => writeRecord(getRecordsMap(doc), { ...noteRecord('shape:bad'), type: 'alien' }))
    await writer.waitClosed()
    const rotated = await fetch(`${server.url}/api/boards/${b.id}/links/viewer/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${b.tokens.facilitator}` },
    })
    const link = ((await rotated.json()) as { link: string }).link
    secrets.push(link.slice(link.indexOf('#') + 1))
    await fetch(`${server.url}/api/admin/boards`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    await fetch(`${server.url}/api/admin/boards`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}x` } })
    await fetch(`${server.url}/api/boards/${b.id}/facilitation?token=${b.tokens.facilitator}`, { method: 'POST', body: '{' })
    await new Promise((r) => setTimeout(r, 200))

    const text = logs.text()
    expect(text.length).toBeGreaterThan(0)
    expect(text).toContain('schema guard rejected a write')
    for (const secret of secrets) expect(text).not.toContain(secret)
  })
})
