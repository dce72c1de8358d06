/** A retrospective's columns and owned actions. */
import { byVotes, metaString, sections, take, zonesOfKind, type Extraction, type NoteResult, type SectionResult } from '../extraction.js'

export interface ActionItem extends NoteResult {
  owner: string | null
  due: string | null
  status: string
}

export interface RetroResult {
  kind: 'retro'
  columns: SectionResult[]
  actions: ActionItem[]
}

export function extractRetro(x: Extraction): RetroResult {
  const columns = sections(x, 'section')
  const actions = zonesOfKind(x.activity, 'actions').flatMap((zone) =>
    [...take(x, zone)].sort(byVotes).map((p): ActionItem => ({
      ...p.note,
      owner: metaString(p.record, 'owner'),
      due: metaString(p.record, 'due'),
      status: metaString(p.record, 'status') ?? 'open',
    })),
  )
  return { kind: 'retro', columns, actions }
}
