/** Helpers for the space tests: the HTTP API with a token, spaces and boards in them. */
import WebSocket from 'ws'
import type { startTestServer } from '../helpers/server.js'

export type Server = Awaited<ReturnType<typeof startTestServer>>
/** What the helpers need of a server: its URL. */
export type At = { url: string }
export type SpaceTokens = { facilitator: string; member: string; viewer: string }
export type TestSpace = { id: string; links: SpaceTokens; tokens: SpaceTokens }
export type SpaceBoard = { id: string; tokens: { facilitator: string; participant: string; viewer: string } }

export const tokenOf = (link: string) => link.slice(link.indexOf('#') + 1)

export function api(server: At, path: string, token: string | null, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const headers: Record<string, string> = {}
  if (token) headers.authorization = `Bearer ${token}`
  if (init.json !== undefined) headers['content-type'] = 'application/json'
  const { json, ...rest } = init
  return fetch(`${server.url}${path}`, { ...rest, headers, body: json === undefined ? rest.body : JSON.stringify(json) })
}

export async function createSpace(server: At, title = 'Team space', locale?: string): Promise<TestSpace> {
  const res = await api(server, '/api/spaces', null, { method: 'POST', json: locale ? { title, locale } : { title } })
  if (res.status !== 201) throw new Error(`space creation failed: ${res.status} ${await res.text()}`)
  const body = (await res.json()) as { space: { id: string }; links: SpaceTokens }
  const tokens = { facilitator: tokenOf(body.links.facilitator), member: tokenOf(body.links.member), viewer: tokenOf(body.links.viewer) }
  return { id: body.space.id, links: body.links, tokens }
}

export async function createSpaceBoard(server: At, space: TestSpace, body: { title: string; template?: string; date?: string; purpose?: string; participants?: string[] }): Promise<SpaceBoard> {
  const res = await api(server, `/api/spaces/${space.id}/boards`, space.tokens.facilitator, { method: 'POST', json: body })
  if (res.status !== 201) throw new Error(`board creation in space failed: ${res.status} ${await res.text()}`)
  const created = (await res.json()) as { board: { id: string }; links: Record<'facilitator' | 'participant' | 'viewer', string> }
  return {
    id: created.board.id,
    tokens: { facilitator: tokenOf(created.links.facilitator), participant: tokenOf(created.links.participant), viewer: tokenOf(created.links.viewer) },
  }
}

/** Opens a raw websocket on a board doc; resolves once open, or with the refusal's HTTP status. */
export function openSocket(server: At, path: string, token: string): Promise<{ ws: WebSocket; status: number }> {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${path}?token=${token}`)
  return new Promise((resolve) => {
    ws.once('unexpected-response', (_req, response) => resolve({ ws, status: response.statusCode ?? 0 }))
    ws.once('open', () => resolve({ ws, status: 101 }))
  })
}
