import { useEditor, useValue, type TLShapeId } from 'tldraw'
import { richTextToPlainText } from '../../../shared/activities'
import { useI18n } from '../../i18n/I18nProvider'
import type { Facilitation } from './useFacilitationState'
import type { Voting } from './useVoting'

type Placement = { id: TLShapeId; x: number; y: number }

function noteText(editor: ReturnType<typeof useEditor>, id: TLShapeId): string {
  const shape = editor.getShape(id)
  const text = shape && 'richText' in shape.props ? richTextToPlainText(shape.props.richText) : ''
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

/**
 * Vote badges drawn over the notes (screen space, following the camera): the total once it may
 * be shown, this person's own dots, and + / − buttons while the vote is open.
 */
export function VoteBadges({ fac, voting }: { fac: Facilitation; voting: Voting }) {
  const editor = useEditor()
  const { t } = useI18n()
  const { vote, voteTotals, voteVoters } = fac.control
  const placements = useValue(
    'vote badge placements',
    () => {
      if (!vote) return []
      const out: Placement[] = []
      for (const id of voting.noteIds) {
        const bounds = editor.getShapePageBounds(id as TLShapeId)
        if (!bounds) continue
        const point = editor.pageToViewport({ x: bounds.maxX, y: bounds.minY })
        out.push({ id: id as TLShapeId, x: point.x, y: point.y })
      }
      return out
    },
    [editor, vote, voting.noteIds],
  )
  if (!vote) return null
  return (
    <>
      {placements.map(({ id, x, y }) => {
        const total = voteTotals[id] ?? 0
        const mine = voting.ballot[id] ?? 0
        if (!voting.canVote && total === 0 && mine === 0) return null
        const voters = voteVoters?.[id]
        const text = noteText(editor, id)
        return (
          <div
            key={id}
            className="fac-badge"
            style={{ left: x, top: y }}
            data-testid="vote-badge"
            data-note-id={id}
            data-total={total}
            title={voters && fac.isFacilitator ? t('vote.voters', { names: voters.join(', ') }) : undefined}
          >
            {total > 0 && (
              <span className="fac-badge-total" data-testid="vote-total" role="img" aria-label={t('vote.total', { count: total })}>
                <span aria-hidden="true">● {total}</span>
              </span>
            )}
            {mine > 0 && <span className="fac-badge-mine">{t('vote.mine', { count: mine })}</span>}
            {voting.canVote && (
              <>
                <button type="button" className="fac-badge-button" aria-label={t('format.labelValue', { label: t('vote.remove'), value: text })} disabled={mine === 0} onClick={() => voting.remove(id)}>
                  −
                </button>
                <button type="button" className="fac-badge-button" aria-label={t('format.labelValue', { label: t('vote.add'), value: text })} disabled={!voting.canAdd(id)} onClick={() => voting.add(id)}>
                  +
                </button>
              </>
            )}
          </div>
        )
      })}
    </>
  )
}
