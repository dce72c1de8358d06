/**
 * The one HTTP client of the page (DESIGN.md, HTTP contract): every call to our API goes through
 * `apiFetch`. The board link's token travels as `Authorization: Bearer`, never in a URL a proxy
 * or the browser history could log; bodies are JSON both ways; a non-2xx answer is read one way
 * only, its `{error}` body becoming a thrown `ApiError` with the status and the server's message.
 * A network failure rejects with the browser's own error (not an `ApiError`): callers tell
 * "the server said no" from "the server could not be reached" with `instanceof ApiError`.
 */

export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

export type ApiRequest = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** The board link's token, sent as `Authorization: Bearer`; none for public routes. */
  token?: string | null
  /** Sent as JSON. */
  body?: unknown
  cache?: RequestCache
  /** Empty in the page (same origin); a server's origin in tests. */
  origin?: string
}

/** The `ApiError` for a non-2xx answer: the `{error}` body's message, else the status text. */
export async function readApiError(res: Response): Promise<ApiError> {
  let message = res.statusText || `HTTP ${res.status}`
  try {
    const body = (await res.json()) as { error?: unknown }
    if (typeof body.error === 'string' && body.error) message = body.error
  } catch {
    // not JSON: keep the status text
  }
  return new ApiError(res.status, message)
}

/** One request to our API; resolves to the 2xx response, rejects with an `ApiError` otherwise. */
export async function apiFetch(path: string, request: ApiRequest = {}): Promise<Response> {
  const headers: Record<string, string> = {}
  if (request.token) headers.authorization = `Bearer ${request.token}`
  if (request.body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${request.origin ?? ''}${path}`, {
    method: request.method ?? 'GET',
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    ...(request.cache ? { cache: request.cache } : {}),
  })
  if (!res.ok) throw await readApiError(res)
  return res
}

/** `apiFetch` and the answer's JSON body. */
export async function apiJson<T>(path: string, request?: ApiRequest): Promise<T> {
  return (await (await apiFetch(path, request)).json()) as T
}

/** The text to show for a failed call: the server's message, or the browser's. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** `/api/boards/<id>` with the id encoded. */
export const boardPath = (boardId: string): string => `/api/boards/${encodeURIComponent(boardId)}`
