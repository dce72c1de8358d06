/**
 * Facilitation actions (issue 4). The facilitator's own controls that need no server logic
 * (instructions, follow me) are written by the facilitator's client into the control doc;
 * these routes are the ones the server must enforce or time.
 */
import type { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { VoteSettings } from '../../shared/facilitation.js'
import { PARTICIPANT_ID } from '../../shared/roles.js'
import type { BoardDocsDeps } from '../boards/boardDocs.js'
import { passTalkingPiece, takeSeat } from '../boards/talkingPiece.js'
import { addRowToCommitments, renameActivityHeading } from '../boards/headings.js'
import type { FacilitationService } from '../facilitation/FacilitationService.js'
import type { BoardAccess } from './access.js'
import type { AppEnv } from './env.js'
import { parseJsonBody } from './validate.js'

const MAX_TIMER_MS = 24 * 60 * 60 * 1000

const ParticipantId = z.string().regex(PARTICIPANT_ID)

const Action = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('timer'),
    timer: z.discriminatedUnion('action', [
      z.object({ action: z.literal('start'), durationMs: z.number().int().min(1000).max(MAX_TIMER_MS) }),
      z.object({ action: z.literal('pause') }),
      z.object({ action: z.literal('resume') }),
      z.object({ action: z.literal('addMinute') }),
      z.object({ action: z.literal('reset') }),
    ]),
  }),
  z.object({ action: z.literal('openVote'), settings: VoteSettings }),
  z.object({ action: z.literal('closeVote') }),
  z.object({ action: z.literal('revealVote') }),
  z.object({ action: z.literal('privateWriting'), on: z.boolean(), anonymousReveal: z.boolean().default(false) }),
  z.object({ action: z.literal('revealPrivate'), anonymous: z.boolean().default(false) }),
  z.object({
    action: z.literal('passTalkingPiece'),
    activityId: z.string().min(1).max(100),
    /** A participant passing the piece proves they hold it with their private doc id. */
    participantId: ParticipantId.optional(),
  }),
  z.object({
    action: z.literal('takeSeat'),
    activityId: z.string().min(1).max(100),
    seat: z.number().int().min(1).max(1000),
    /** Who takes the seat (admission off): the name in the private doc with this id. */
    participantId: ParticipantId.optional(),
  }),
  /** Facilitator only (SPEC F7): a zone heading, a stakeholder group's column, a commitments row. */
  z.object({ action: z.literal('renameHeading'), headingId: z.string().min(1).max(200), label: z.string().trim().min(1).max(120) }),
  /** Facilitator only (SPEC F8): a person's row added to a commitments activity. */
  z.object({ action: z.literal('addCommitmentRow'), activityId: z.string().min(1).max(100), name: z.string().trim().min(1).max(60) }),
])

export function registerFacilitationRoutes(
  app: Hono<AppEnv>,
  deps: BoardDocsDeps & { facilitation: FacilitationService; boardAccess: BoardAccess },
): void {
  const { facilitation, boardAccess } = deps

  /** Server time, for clients to align timers (offset = now − midpoint of the request). */
  app.get('/api/time', (c) => c.json({ now: Date.now() }))

  // Which role an action needs depends on the action, read from the body after the link.
  app.post('/api/boards/:id/facilitation', boardAccess(), async (c) => {
    const { board: id, role } = c.var
    const body = await parseJsonBody(c, Action)
    const anyoneMay = body.action === 'passTalkingPiece' || body.action === 'takeSeat'
    if (!anyoneMay && role !== 'facilitator') throw new HTTPException(403, { message: 'only the facilitator link can do this' })
    if (role === 'viewer') throw new HTTPException(403, { message: 'the viewer link cannot do this' })
    switch (body.action) {
      case 'timer':
        return c.json({ timer: await facilitation.timer(id, body.timer), now: Date.now() })
      case 'openVote':
        return c.json({ vote: await facilitation.openVote(id, body.settings) })
      case 'closeVote':
        return c.json({ vote: await facilitation.setVoteStatus(id, 'closed') })
      case 'revealVote':
        return c.json({ vote: await facilitation.setVoteStatus(id, 'revealed') })
      case 'privateWriting':
        await facilitation.setPrivateWriting(id, { on: body.on, anonymousReveal: body.anonymousReveal })
        return c.json({ privateWriting: { on: body.on, anonymousReveal: body.anonymousReveal } })
      case 'revealPrivate':
        return c.json({ revealed: await facilitation.revealPrivateNotes(id, { anonymous: body.anonymous }) })
      case 'passTalkingPiece':
        return c.json({ talkingPiece: await passTalkingPiece(deps, id, { role, person: c.var.person }, body) })
      case 'takeSeat':
        return c.json({ seat: await takeSeat(deps, id, { role, person: c.var.person }, body) })
      case 'renameHeading':
        return c.json({ heading: await renameActivityHeading(deps, id, body) })
      case 'addCommitmentRow':
        return c.json({ row: await addRowToCommitments(deps, id, body) })
    }
  })
}
