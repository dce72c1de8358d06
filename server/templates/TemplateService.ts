/**
 * Custom templates (issue 15, SPEC R11 and L10): saved from a board (one activity, or the
 * whole board with its plan), imported from a file, listed beside the built-ins, downloaded in
 * the one file format, renamed or deleted with their manage token, and used to create a board
 * or add activities. Every template is checked the same way before it is stored: the file
 * schema, then every record it builds against the board schema (S6).
 */
import { randomBytes } from 'node:crypto'
import * as Y from 'yjs'
import { validateRecord } from '../../shared/boardSchemaCore.js'
import { STATE_KEYS, STATE_MAP, Instructions, parseState } from '../../shared/facilitation.js'
import { getTemplate, readActivities, type TemplateLocale } from '../../shared/activities/index.js'
import { PLAN_STATE_KEY, readPlanState, type PlanInput } from '../../shared/plan.js'
import { builtInTemplateFile, buildTemplateActivity, captureActivity, languageOf } from '../../shared/templates/convert.js'
import {
  CUSTOM_TEMPLATE_ID,
  CUSTOM_TEMPLATE_PREFIX,
  parseTemplateFile,
  TEMPLATE_FORMAT,
  TEMPLATE_FORMAT_VERSION,
  type TemplateActivity,
  type TemplateFile,
} from '../../shared/templates/format.js'
import { readAllRecords, type JsonRecord } from '../../shared/docLayout.js'
import { hashToken, newToken, secretsEqual } from '../auth/tokens.js'
import { readBoardRecords, readDoc, SERVER_ORIGIN, withBoardDocs, type BoardDocsDeps } from '../boards/boardDocs.js'
import { addRecords } from '../boards/boardState.js'
import { BoardError } from '../boards/errors.js'
import { createBoard, type CreatedBoard } from '../boards/lifecycle.js'
import type { PlanService } from '../boards/plan.js'
import type { Logger } from '../logger.js'
import type { TemplateRecord, TemplateSummary } from '../storage/Storage.js'

export type TemplateDeps = BoardDocsDeps & { plans: PlanService; logger: Logger; maxTemplateBytes: number }

export type SaveScope = { scope: 'activity'; instanceId: string } | { scope: 'board' }

/** A template just stored: what the gallery lists, and its manage token (answered only now). */
export type CreatedTemplate = { template: TemplateSummary; manageToken: string }

const newTemplateId = () => CUSTOM_TEMPLATE_PREFIX + randomBytes(16).toString('base64url')
const summaryOf = ({ body: _body, manageTokenHash: _hash, ...summary }: TemplateRecord): TemplateSummary => summary

/** The records of every activity of a file, placed as a new board would hold them (each beside the last). */
function placeActivities(file: TemplateFile, keepIds: boolean): { records: JsonRecord[]; instanceIds: string[] } {
  const records: JsonRecord[] = []
  const instanceIds: string[] = []
  for (const activity of file.activities) {
    const built = buildTemplateActivity(activity, {
      existing: records,
      origin: { x: activity.x, y: activity.y },
      ...(keepIds ? { instanceId: activity.instanceId } : {}),
    })
    if (!built.ok) throw new BoardError(400, `activity ${activity.instanceId}: ${built.error}`)
    records.push(...built.value.records)
    instanceIds.push(built.value.instanceId)
  }
  return { records, instanceIds }
}

/** SPEC L10: every record the template builds passes the board schema, as a client's write must (S6). */
async function checkRecords(file: TemplateFile): Promise<void> {
  // The schema module (with tldraw's schema package) is imported with the first template checked.
  const schema = (await import('../../shared/boardSchema.js')).getBoardSchema()
  for (const record of placeActivities(file, true).records) {
    const valid = validateRecord(schema, record)
    if (!valid.ok) throw new BoardError(400, `the template builds an invalid shape (${record.id}): ${valid.error}`)
  }
}

export class TemplateService {
  constructor(private readonly deps: TemplateDeps) {}

  /** Parses and checks a template file's text (size first, then JSON, schema, records): 413 or 400 with the first problem. */
  async check(text: string): Promise<TemplateFile> {
    if (Buffer.byteLength(text, 'utf8') > this.deps.maxTemplateBytes) {
      throw new BoardError(413, `the template file is larger than ${this.deps.maxTemplateBytes} bytes`)
    }
    const parsed = parseTemplateFile(text, this.deps.maxTemplateBytes)
    if (!parsed.ok) throw new BoardError(400, `not a valid template file: ${parsed.error}`)
    await checkRecords(parsed.value)
    return parsed.value
  }

  /** Stores a checked file as a new custom template with an id of its own (the file's id is ignored, R11). */
  private async store(file: TemplateFile): Promise<CreatedTemplate> {
    const manageToken = newToken()
    const now = Date.now()
    const { id: _ignored, builtIn: _builtIn, ...rest } = file
    const record: TemplateRecord = {
      id: newTemplateId(),
      name: file.name,
      author: file.author,
      locale: file.locale,
      body: JSON.stringify(rest),
      manageTokenHash: hashToken(manageToken),
      createdAt: now,
      updatedAt: now,
    }
    await this.deps.storage.saveTemplate(record)
    this.deps.logger.info({ templateId: record.id, activities: file.activities.length }, 'template stored')
    return { template: summaryOf(record), manageToken }
  }

  /** Import: the text of a file downloaded from this or another server. */
  async importFile(text: string): Promise<CreatedTemplate> {
    return this.store(await this.check(text))
  }

  /** "Save as template": one activity of the board, or all of them with the board's plan (its notes stay on the board). */
  async saveFromBoard(boardId: string, scope: SaveScope, about: { name: string; author: string; description: string; locale: TemplateLocale }): Promise<CreatedTemplate> {
    const control = new Y.Doc()
    Y.applyUpdate(control, await readDoc(this.deps, boardId, { kind: 'control' }))
    const state = control.getMap(STATE_MAP)
    const instructions = parseState(Instructions, state.get(STATE_KEYS.instructions)) ?? {}
    const planState = scope.scope === 'board' ? readPlanState(state.get(PLAN_STATE_KEY)) : null
    const all = readAllRecords(control)
    control.destroy()
    const ids = scope.scope === 'activity' ? [scope.instanceId] : readActivities(all).map((a) => a.instanceId)
    const activities: TemplateActivity[] = []
    for (const id of ids) {
      const activity = captureActivity(all, id, instructions[id], about.locale)
      if (!activity) throw new BoardError(404, `no activity ${id} on this board`)
      activities.push(scope.scope === 'activity' ? { ...activity, x: 0, y: 0 } : activity)
    }
    if (activities.length === 0) throw new BoardError(409, 'this board has no activity to save')
    const plan: PlanInput | null = planState
      ? { ...(planState.plan.source ? { source: planState.plan.source } : {}), title: planState.plan.title, locale: planState.plan.locale, steps: planState.plan.steps }
      : null
    // The texts' own language when the catalogue knows them; else the one the facilitator's page is in.
    const file: TemplateFile = { format: TEMPLATE_FORMAT, version: TEMPLATE_FORMAT_VERSION, ...about, locale: languageOf(activities) ?? about.locale, activities, plan }
    return this.store(await this.check(JSON.stringify(file)))
  }

  /** Custom templates, newest first (the built-ins are `GET /api/templates`). */
  list(locale?: string): Promise<TemplateSummary[]> {
    return this.deps.storage.listTemplates(locale ? { locale } : {})
  }

  private async record(id: string): Promise<TemplateRecord> {
    const record = CUSTOM_TEMPLATE_ID.test(id) ? await this.deps.storage.getTemplate(id) : null
    if (!record) throw new BoardError(404, 'no such template')
    return record
  }

  /** A template as a file: a built-in converted (in `locale`), or a custom one as stored, with its current name and author. */
  async file(id: string, locale: TemplateLocale): Promise<TemplateFile> {
    if (getTemplate(id)) {
      const builtIn = builtInTemplateFile(id, locale)
      if (!builtIn) throw new BoardError(404, 'no such template')
      return builtIn
    }
    const record = await this.record(id)
    const parsed = parseTemplateFile(record.body, Number.MAX_SAFE_INTEGER)
    if (!parsed.ok) throw new BoardError(409, `the stored template cannot be read: ${parsed.error}`)
    return { ...parsed.value, id: record.id, name: record.name, author: record.author }
  }

  async summary(id: string): Promise<TemplateSummary> {
    return summaryOf(await this.record(id))
  }

  /** Checks a manage token (R11): a built-in is never changed (403); a wrong token is 403. */
  private async managed(id: string, token: string): Promise<TemplateRecord> {
    if (getTemplate(id)) throw new BoardError(403, 'a built-in template cannot be renamed, replaced or deleted')
    const record = await this.record(id)
    if (!secretsEqual(hashToken(token), record.manageTokenHash)) throw new BoardError(403, 'that manage link is not valid for this template')
    return record
  }

  async rename(id: string, token: string, change: { name?: string; author?: string }): Promise<TemplateSummary> {
    const record = await this.managed(id, token)
    const patch = { ...change, updatedAt: Date.now() }
    await this.deps.storage.updateTemplate(id, patch)
    return summaryOf({ ...record, ...patch })
  }

  async remove(id: string, token: string): Promise<void> {
    await this.managed(id, token)
    await this.deps.storage.deleteTemplate(id)
    this.deps.logger.info({ templateId: id }, 'template deleted')
  }

  /** A new board holding the template's activities (same zones and texts), its instructions and its plan. */
  async createBoard(id: string, title: string | undefined, locale: TemplateLocale = 'en'): Promise<CreatedBoard> {
    const file = await this.file(id, locale)
    const placed = placeActivities(file, true)
    const created = await createBoard(this.deps.storage, { title: title ?? file.name, template: id }, (control) => {
      addRecords(control, placed.records, SERVER_ORIGIN)
      control.transact(() => control.getMap(STATE_MAP).set(STATE_KEYS.instructions, instructionsOf(file.activities, placed.instanceIds)), SERVER_ORIGIN)
    })
    if (file.plan) await this.deps.plans.set(created.board.id, { ...file.plan, source: file.plan.source ?? id })
    return created
  }

  /** Adds the template's activities beside what the board holds (no plan: the board keeps its own). */
  async addToBoard(boardId: string, id: string, locale: TemplateLocale = 'en'): Promise<{ instanceIds: string[] }> {
    const file = await this.file(id, locale)
    const current = await readBoardRecords(this.deps, boardId)
    const existing = [...current.board, ...current.control]
    const records: JsonRecord[] = []
    const instanceIds: string[] = []
    for (const activity of file.activities) {
      const built = buildTemplateActivity(activity, { existing: [...existing, ...records] })
      if (!built.ok) throw new BoardError(400, built.error)
      records.push(...built.value.records)
      instanceIds.push(built.value.instanceId)
    }
    await withBoardDocs(this.deps.rooms, boardId, ['control'], ({ control: live }) => {
      addRecords(live, records, SERVER_ORIGIN)
      const current = parseState(Instructions, live.getMap(STATE_MAP).get(STATE_KEYS.instructions)) ?? {}
      live.transact(() => live.getMap(STATE_MAP).set(STATE_KEYS.instructions, { ...current, ...instructionsOf(file.activities, instanceIds) }), SERVER_ORIGIN)
    })
    return { instanceIds }
  }
}

function instructionsOf(activities: readonly TemplateActivity[], instanceIds: readonly string[]): Record<string, string> {
  return Object.fromEntries(activities.flatMap((a, i) => (a.instructions ? [[instanceIds[i]!, a.instructions] as const] : [])))
}
