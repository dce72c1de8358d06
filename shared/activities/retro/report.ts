/** A retrospective in a report: its columns, then its actions with owner, due date and status. */
import { label, noteList, oneLine, say, sayStatus, table, type NoteVisitor, type ReportContext } from '../reporting.js'
import type { RetroResult } from './results.js'

export function retroMarkdown(ctx: ReportContext, a: RetroResult): string[] {
  const out = a.columns.map((c) => `### ${label(ctx, c.label)}\n\n${noteList(ctx, c.notes)}`)
  out.push(`### ${say(ctx, 'retro.actions')}\n`)
  out.push(
    a.actions.length === 0
      ? `_${say(ctx, 'retro.noActions')}_\n`
      : table(ctx, ['field.action', 'field.owner', 'field.due', 'field.status'], a.actions.map((x) => [oneLine(x.text), x.owner ?? '', x.due ?? '', sayStatus(ctx, x.status)])),
  )
  return out
}

export function retroRows(ctx: ReportContext, a: RetroResult, visit: NoteVisitor): void {
  for (const c of a.columns) for (const n of c.notes) visit(c.label, n)
  for (const n of a.actions) visit(say(ctx, 'retro.actions'), n, { owner: n.owner ?? '', due: n.due ?? '' })
}
