/** A dialogue circle in a report: each round's prompt, speakers, summary and notes. */
import { noteList, oneLine, say, sayNumber, type NoteVisitor, type ReportContext } from '../reporting.js'
import type { CircleResult } from './results.js'

export function circleMarkdown(ctx: ReportContext, a: CircleResult): string[] {
  const out: string[] = []
  for (const r of a.rounds) {
    out.push(`### ${say(ctx, 'circle.round', { round: sayNumber(ctx, r.round) })}${r.prompt ? `: ${oneLine(r.prompt)}` : ''}\n`)
    if (r.speakers.length) out.push(`${say(ctx, 'circle.speakers', { names: r.speakers.join(', ') })}\n`)
    if (r.summary) out.push(`${say(ctx, 'circle.summary', { text: oneLine(r.summary) })}\n`)
    out.push(noteList(ctx, r.notes))
  }
  return out
}

export function circleRows(ctx: ReportContext, a: CircleResult, visit: NoteVisitor): void {
  for (const s of a.seats) {
    const seat = say(ctx, 'circle.seatRow', { seat: sayNumber(ctx, s.seat) })
    for (const n of s.notes) visit(`${seat}${s.participant ? ` (${s.participant})` : ''}`, n)
  }
  for (const r of a.rounds) for (const n of r.notes) visit(say(ctx, 'circle.roundRow', { round: sayNumber(ctx, r.round) }), n)
  for (const n of a.queue) visit(say(ctx, 'circle.queueRow'), n)
}
