/**
 * The one HTTP client of the page (DESIGN.md, HTTP contract): every call to our API goes through
 * `apiFetch`. The board link's token travels as `Authorization: Bearer`, never in a URL a proxy
 * or the browser history could log; bodies are JSON both ways; a non-2xx answer is read one way
 * only, its `{error}` body becoming a thrown `ApiError` with the status and the server's message.
 * A network failure rejects with the browser's own error (not an `ApiError`): callers tell
 * "the server said no" from "the server could not be reached" with `instanceof ApiError`.
 */

import { CATALOGUES, formatMessage, pickLocale, type MessageKey } from '../i18n/messages'

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

/** The message key that says why a call with this status failed, for pages not in English. */
function statusKey(status: number): MessageKey {
  if (status === 400 || status === 422) return 'error.invalid'
  if (status === 401 || status === 403) return 'error.forbidden'
  if (status === 404 || status === 410) return 'error.notFound'
  if (status === 409) return 'error.conflict'
  if (status === 413) return 'error.tooLarge'
  if (status === 429) return 'error.tooMany'
  return status >= 500 ? 'error.server' : 'error.other'
}

/**
 * The reason to show for a failed call, in the page's language. In English, the server's own
 * message (the API speaks English, and its messages are precise); in another language, what
 * the status means, in that language, with the server's words quoted after it on a refusal (4xx:
 * they say which value, which limit, which state of the board); a server failure's words go to
 * the console only. A network failure (the browser's own error) is said in the page's language
 * in every language. The language is the page's (`<html lang>`, set by I18nProvider).
 */
export function errorMessage(error: unknown): string {
  const locale = pickLocale(typeof document === 'undefined' ? [] : [document.documentElement.lang])
  const say = (key: MessageKey, params?: Record<string, string | number>) => formatMessage(CATALOGUES[locale][key], params, locale)
  if (error instanceof ApiError) {
    if (locale === 'en') return error.message
    console.info(`HTTP ${error.status}: ${error.message}`)
    const reason = say(statusKey(error.status), { status: error.status })
    return error.status < 500 ? `${reason} («\u00a0${error.message}\u00a0»)` : reason
  }
  // fetch() rejects with a TypeError when the server cannot be reached ("Failed to fetch" in
  // Chromium, "NetworkError when attempting to fetch resource." in Firefox, "Load failed" in Safari).
  if (error instanceof TypeError && /fetch|network|load failed/i.test(error.message)) return say('error.network')
  return error instanceof Error ? error.message : String(error)
}

/** `/api/boards/<id>` with the id encoded. */
export const boardPath = (boardId: string): string => `/api/boards/${encodeURIComponent(boardId)}`
