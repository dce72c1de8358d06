/** The HTTP API as the client uses it (DESIGN.md, HTTP contract). */
import type { Role } from '../../shared/roles'

export type BoardInfo = { id: string; title: string; createdAt?: number }
export type BoardLinks = Record<Role, string>

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

async function readError(res: Response): Promise<ApiError> {
  let message = res.statusText
  try {
    const body = (await res.json()) as { error?: string }
    if (body.error) message = body.error
  } catch {
    // not JSON: keep the status text
  }
  return new ApiError(res.status, message)
}

/** `locale` (optional, default `en`) is the language of the template texts written on the board. */
export async function createBoard(title: string, template?: string, locale?: 'en' | 'fr'): Promise<{ board: BoardInfo; links: BoardLinks }> {
  const res = await fetch('/api/boards', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(template ? { title, template, ...(locale ? { locale } : {}) } : { title }),
  })
  if (res.status !== 201) throw await readError(res)
  return (await res.json()) as { board: BoardInfo; links: BoardLinks }
}

export async function fetchBoard(boardId: string, token: string): Promise<{ board: BoardInfo; role: Role }> {
  const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}`, { headers: { authorization: `Bearer ${token}` } })
  if (!res.ok) throw await readError(res)
  return (await res.json()) as { board: BoardInfo; role: Role }
}
