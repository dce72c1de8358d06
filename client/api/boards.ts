/**
 * The board routes as the page uses them: create and open (lobby, board access), exports, board
 * image, history, import, duplicate, carry-over, links, rename and archive, adding an activity.
 * All through the one client in `./http`.
 */
import type { Role } from '../../shared/roles'
import { apiFetch, apiJson, boardPath, type ApiRequest } from './http'

export type BoardInfo = { id: string; title: string; createdAt?: number }
export type BoardLinks = Record<Role, string>

export const SERVER_EXPORT_FORMATS = ['json', 'csv', 'md', 'html', 'tldr'] as const
export type ServerExportFormat = (typeof SERVER_EXPORT_FORMATS)[number]

export type BoardMeta = BoardInfo & { archived: boolean; template?: string | null; updatedAt?: number }
export type VersionSummary = { id: number; label: string; createdAt: number }
export type VersionRecords = { board: PreviewRecord[]; control: PreviewRecord[] }
/** A record as the server returns it (JSON of a tldraw record). */
export type PreviewRecord = { id: string; typeName: string; [field: string]: unknown }
export type CreatedBoardLinks = { board: BoardInfo; links: BoardLinks }

/** Largest board picture the server accepts (PUT /api/boards/:id/image). */
export const MAX_BOARD_IMAGE_CHARS = 3_000_000

async function json<T>(path: string, token: string | null, init: { method?: ApiRequest['method']; body?: unknown } = {}): Promise<T> {
  return apiJson<T>(path, { token, ...init })
}

const board = boardPath

/** `locale` (optional, default `en`) is the language of the template texts written on the board. */
export function createBoard(
  title: string,
  template?: string,
  locale?: 'en' | 'fr',
  /** The template's names (participants, or stakeholder groups as `options`), as "Add activity" sends them; a ready-made plan's id. */
  fields: { participants?: string[]; options?: Record<string, unknown>; plan?: string } = {},
): Promise<{ board: BoardInfo; links: BoardLinks }> {
  const withContent = template || fields.plan
  return json('/api/boards', null, { method: 'POST', body: withContent ? { title, ...(template ? { template } : {}), ...(locale ? { locale } : {}), ...fields } : { title } })
}

/** The board and the role this link grants (404 unknown board, 401/403 refused link). */
export function fetchBoard(boardId: string, token: string, origin?: string): Promise<{ board: BoardInfo; role: Role }> {
  return apiJson(board(boardId), { token, origin })
}

/** `POST /api/boards/:id/activities`: the server places the template and answers with what it added. */
export async function addActivity<Added>(boardId: string, token: string, request: object): Promise<Added> {
  return (await json<{ activity: Added }>(`${board(boardId)}/activities`, token, { method: 'POST', body: request })).activity
}

/** The file name the server proposes in `content-disposition`, or a fallback. */
export function attachmentName(header: string | null, fallback: string): string {
  const match = header ? /filename="?([^";]+)"?/i.exec(header) : null
  return match?.[1] ?? fallback
}

/** A server export; `lang` (en/fr) writes the report in that language instead of the board's. */
export async function downloadServerExport(
  boardId: string,
  token: string,
  format: ServerExportFormat,
  lang?: 'en' | 'fr',
): Promise<{ blob: Blob; fileName: string }> {
  const res = await apiFetch(`${board(boardId)}/export?format=${format}${lang ? `&lang=${lang}` : ''}`, { token })
  return { blob: await res.blob(), fileName: attachmentName(res.headers.get('content-disposition'), `board.${format}`) }
}

export function putBoardImage(boardId: string, token: string, dataUrl: string): Promise<unknown> {
  return json(`${board(boardId)}/image`, token, { method: 'PUT', body: { dataUrl } })
}

export async function getBoardMeta(boardId: string, token: string): Promise<{ board: BoardMeta; role: Role }> {
  return json(board(boardId), token)
}

export async function updateBoard(boardId: string, token: string, patch: { title?: string; archived?: boolean }): Promise<BoardMeta> {
  return (await json<{ board: BoardMeta }>(board(boardId), token, { method: 'PATCH', body: patch })).board
}

export async function rotateLink(boardId: string, token: string, role: Role): Promise<string> {
  return (await json<{ link: string }>(`${board(boardId)}/links/${role}/rotate`, token, { method: 'POST' })).link
}

export async function listVersions(boardId: string, token: string): Promise<VersionSummary[]> {
  return (await json<{ versions: VersionSummary[] }>(`${board(boardId)}/versions`, token)).versions
}

export function getVersion(boardId: string, token: string, versionId: number): Promise<VersionRecords> {
  return json(`${board(boardId)}/versions/${versionId}`, token)
}

export async function saveVersion(boardId: string, token: string, label: string): Promise<VersionSummary> {
  return (await json<{ version: VersionSummary }>(`${board(boardId)}/versions`, token, { method: 'POST', body: { label } })).version
}

export function restoreVersion(boardId: string, token: string, versionId: number): Promise<{ restored: number }> {
  return json(`${board(boardId)}/versions/${versionId}/restore`, token, { method: 'POST' })
}

export function duplicateBoard(boardId: string, token: string, title?: string): Promise<CreatedBoardLinks> {
  return json(`${board(boardId)}/duplicate`, token, { method: 'POST', body: title ? { title } : {} })
}

export function importIntoNewBoard(file: string, title?: string): Promise<CreatedBoardLinks & { imported: number }> {
  return json('/api/boards/import', null, { method: 'POST', body: title ? { title, file } : { file } })
}

export function importBeside(boardId: string, token: string, file: string): Promise<{ imported: number }> {
  return json(`${board(boardId)}/import`, token, { method: 'POST', body: { file } })
}

export function carryOver(boardId: string, token: string, fromBoardId: string, fromToken: string): Promise<{ carried: number }> {
  return json(`${board(boardId)}/carry-over`, token, { method: 'POST', body: { fromBoardId, fromToken } })
}

/** The token in a board link (`/b/<id>#<token>`). */
export function tokenOfLink(link: string): string {
  return link.slice(link.indexOf('#') + 1)
}
