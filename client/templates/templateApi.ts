/**
 * The custom template routes as the page uses them (issue 15): list, save from a board, import a
 * file, rename or delete with the manage token, create a board or add activities from one.
 * All through the one client in `../api/http`.
 */
import { apiJson, boardPath } from '../api/http'
import type { BoardInfo, BoardLinks } from '../api/boards'
import type { Locale } from '../i18n/messages'

export type CustomTemplate = { id: string; name: string; author: string; locale: string; createdAt: number; updatedAt: number }
export type SavedTemplate = { template: CustomTemplate; manageToken: string; manageLink: string }
export type SaveScope = { scope: 'activity'; instanceId: string } | { scope: 'board' }

const templatePath = (id: string) => `/api/templates/${encodeURIComponent(id)}`

export function listCustomTemplates(): Promise<{ templates: CustomTemplate[] }> {
  return apiJson('/api/templates/custom', { cache: 'no-store' })
}

export function getCustomTemplate(id: string): Promise<{ template: CustomTemplate }> {
  return apiJson(templatePath(id), { cache: 'no-store' })
}

/** The download address of a template file (built-in or custom), in `locale` for a built-in. */
export function templateFileUrl(id: string, locale?: string): string {
  return `${templatePath(id)}/file${locale ? `?locale=${encodeURIComponent(locale)}` : ''}`
}

export function saveTemplate(boardId: string, token: string, body: SaveScope & { name: string; author: string; locale: string }): Promise<SavedTemplate> {
  return apiJson(`${boardPath(boardId)}/templates`, { method: 'POST', token, body })
}

/** Imports a parsed template file; the server checks it (SPEC L10) and answers with a manage link. */
export function importTemplate(file: unknown): Promise<SavedTemplate> {
  return apiJson('/api/templates/import', { method: 'POST', body: file })
}

export function renameTemplate(id: string, manageToken: string, change: { name?: string; author?: string }): Promise<{ template: CustomTemplate }> {
  return apiJson(templatePath(id), { method: 'PATCH', token: manageToken, body: change })
}

export function deleteTemplate(id: string, manageToken: string): Promise<{ deleted: string }> {
  return apiJson(templatePath(id), { method: 'DELETE', token: manageToken })
}

/** `locale`: the language a built-in template's texts are written in (a custom one keeps its own). */
export function createBoardFromTemplate(id: string, locale: Locale, title?: string): Promise<{ board: BoardInfo; links: BoardLinks }> {
  return apiJson(`${templatePath(id)}/boards`, { method: 'POST', body: title ? { title, locale } : { locale } })
}

export function addTemplateActivities(boardId: string, token: string, template: string, locale: Locale): Promise<{ instanceIds: string[] }> {
  return apiJson(`${boardPath(boardId)}/template-activities`, { method: 'POST', token, body: { template, locale } })
}

/** The manage page of a template: `/templates/<id>#<manage token>` (the lobby shows it). */
export function manageRouteOf(location: { pathname: string; hash: string }): { id: string; token: string } | null {
  const match = /^\/templates\/([A-Za-z0-9_-]{1,80})\/?$/.exec(location.pathname)
  const token = location.hash.replace(/^#/, '')
  return match && token ? { id: match[1]!, token } : null
}
