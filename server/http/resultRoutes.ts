/**
 * Activities and results over HTTP: the template gallery, adding an activity to a board,
 * exports in every format, the board's picture, and carrying open actions into a new
 * retrospective. Each validates, calls one service of server/boards, and answers.
 */
import type { Hono } from 'hono'
import { z } from 'zod'
import { TEMPLATE_LOCALES, templateSummaries } from '../../shared/activities/index.js'
import { LOCALES } from '../../shared/i18n/locale.js'
import { BOARD_ID_PATTERN, TOKEN_PATTERN } from '../auth/tokens.js'
import { addActivity, carryOverActions } from '../boards/activities.js'
import type { BoardDocsDeps } from '../boards/boardDocs.js'
import { boardResults, EXPORT_FORMATS, exportBoard, storeBoardImage } from '../boards/results.js'
import type { BoardAccess } from './access.js'
import type { AppEnv } from './env.js'
import { parseJsonBody, parseQuery } from './validate.js'

const ExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` }),
  lang: z.enum(LOCALES, { message: `lang must be one of ${LOCALES.join(', ')}` }).optional(),
})

const AddActivity = z.object({
  template: z.string().min(1).max(64),
  title: z.string().trim().min(1).max(200).optional(),
  participants: z.array(z.string().trim().min(1).max(60)).max(60).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
  locale: z.enum(TEMPLATE_LOCALES, { message: `locale must be one of ${TEMPLATE_LOCALES.join(', ')}` }).optional(),
})

const BoardImage = z.object({
  dataUrl: z
    .string()
    .max(3_000_000, 'the image is larger than 3 MB')
    .regex(/^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/=]+$/, 'dataUrl must be a base64 PNG or SVG data URL'),
})

const CarryOver = z.object({
  fromBoardId: z.string().regex(BOARD_ID_PATTERN, 'fromBoardId is not a board id'),
  fromToken: z.string().regex(TOKEN_PATTERN, 'fromToken is not a board token'),
})

export function registerResultRoutes(app: Hono<AppEnv>, deps: BoardDocsDeps & { boardAccess: BoardAccess }): void {
  const { boardAccess } = deps

  app.get('/api/templates', (c) => c.json({ templates: templateSummaries() }))

  app.get('/api/boards/:id/results', boardAccess(), async (c) => {
    const { results, votes } = await boardResults(deps, c.var.board)
    return c.json({ results, votes })
  })

  app.get('/api/boards/:id/export', boardAccess(), async (c) => {
    const { format, lang } = parseQuery({ format: c.req.query('format'), lang: c.req.query('lang') }, ExportQuery)
    const file = await exportBoard(deps, c.var.board, format, { lang, acceptLanguage: c.req.header('accept-language') })
    return c.body(file.body, 200, {
      'content-type': file.contentType,
      ...file.headers,
      'content-disposition': `attachment; filename="${file.filename}"`,
    })
  })

  app.put('/api/boards/:id/image', boardAccess({ role: 'participant', message: 'the viewer link cannot change the board image' }), async (c) => {
    const body = await parseJsonBody(c, BoardImage)
    await storeBoardImage(deps, c.var.board, body.dataUrl)
    return c.json({ stored: true })
  })

  app.post('/api/boards/:id/activities', boardAccess({ role: 'facilitator', message: 'only the facilitator link can add activities' }), async (c) => {
    const body = await parseJsonBody(c, AddActivity)
    return c.json({ activity: await addActivity(deps, c.var.board, body) }, 201)
  })

  app.post('/api/boards/:id/carry-over', boardAccess({ role: 'facilitator', message: 'only the facilitator link can carry actions over' }), async (c) => {
    const body = await parseJsonBody(c, CarryOver)
    return c.json(await carryOverActions(deps, c.var.board, { boardId: body.fromBoardId, token: body.fromToken }), 201)
  })
}
