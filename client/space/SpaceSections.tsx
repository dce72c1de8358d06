/** The sections of the space page: each renders what useSpace loaded; forms keep their state in useDrafts. */
import type { ReactNode } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { ACTION_STATUSES, CHECK_IN_STATUSES, type ActionChange, type Chart, type CheckInStatus, type SpaceAction, type SpaceCommitment, type SpacePageData } from './spaceData'
import { useActionDraft, useCheckInDraft, type SaveState } from './useDrafts'

type Overview = SpacePageData['overview']

function SaveStatus({ save }: { save: SaveState }) {
  const { t } = useI18n()
  if (save.state === 'saved') return <span role="status">{t('space.action.saved')}</span>
  if (save.state === 'failed') return <span role="alert">{t('space.action.saveFailed', { reason: save.reason })}</span>
  return <span role="status" />
}

export function SessionsTimeline({ sessions, token }: { sessions: Overview['sessions']; token: string }) {
  const { t } = useI18n()
  if (sessions.length === 0) return <p>{t('space.noSessions')}</p>
  return (
    <ol className="space-timeline">
      {sessions.map((s) => (
        <li key={s.id}>
          <time dateTime={s.date}>{s.date}</time>
          <a href={`/b/${encodeURIComponent(s.id)}#${token}`} aria-label={t('space.session.open', { title: s.title })}>
            {s.title}
          </a>
          <span>{s.activities.join(', ')}</span>
          <span>
            {t('format.labelValue', { label: t('space.session.people'), value: s.participants })}
          </span>
        </li>
      ))}
    </ol>
  )
}

/** A known status in the page's language; another (written on the board by hand) as it is. */
function useStatusText(): (status: string) => string {
  const { t } = useI18n()
  return (s) => (ACTION_STATUSES.includes(s as (typeof ACTION_STATUSES)[number]) ? t(`space.status.${s as (typeof ACTION_STATUSES)[number]}`) : s)
}

/** A cell with its column's name, shown on a phone where the table reads as cards (hidden from screen readers: the table's headers name it). */
function Cell({ label, children }: { label?: string; children: ReactNode }) {
  return (
    <td role="cell">
      {label && (
        <span className="space-cell-label" aria-hidden="true">
          {label}
        </span>
      )}
      {children}
    </td>
  )
}

function ActionRow({ action, canEdit, update }: { action: SpaceAction; canEdit: boolean; update: (a: SpaceAction, c: ActionChange) => Promise<void> }) {
  const { t } = useI18n()
  const statusText = useStatusText()
  const draft = useActionDraft(action, update)
  const statuses: string[] = ACTION_STATUSES.includes(action.status as (typeof ACTION_STATUSES)[number]) ? [...ACTION_STATUSES] : [action.status, ...ACTION_STATUSES]
  const label = (field: 'owner' | 'due' | 'status') => t('format.labelValue', { label: t(`space.action.${field}`), value: action.text })
  return (
    <tr role="row" className={action.overdue ? 'overdue' : undefined}>
      <Cell>
        {action.text}
        {action.overdue && <strong className="space-overdue"> {t('space.action.overdue')}</strong>}
      </Cell>
      <Cell label={t('space.action.owner')}>
        {canEdit ? <input aria-label={label('owner')} value={draft.owner} maxLength={80} onChange={(e) => draft.setOwner(e.target.value)} /> : action.owner}
      </Cell>
      <Cell label={t('space.action.due')}>
        {canEdit ? <input type="date" aria-label={label('due')} value={draft.due} onChange={(e) => draft.setDue(e.target.value)} /> : action.due}
      </Cell>
      <Cell label={t('space.action.status')}>
        {canEdit ? (
          <select aria-label={label('status')} value={draft.status} onChange={(e) => draft.setStatus(e.target.value)}>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {statusText(s)}
              </option>
            ))}
          </select>
        ) : (
          statusText(action.status)
        )}
      </Cell>
      <Cell label={t('space.action.board')}>{action.boardTitle}</Cell>
      {canEdit && (
        <Cell>
          <button type="button" disabled={!draft.changed || draft.save.state === 'saving'} onClick={() => void draft.submit()}>
            {t('space.action.save')}
          </button>
          <SaveStatus save={draft.save} />
        </Cell>
      )}
    </tr>
  )
}

export function ActionsTable({ overview, canEdit, update }: { overview: Overview; canEdit: boolean; update: (a: SpaceAction, c: ActionChange) => Promise<void> }) {
  const { t } = useI18n()
  if (overview.actions.length === 0) return <p>{t('space.noActions')}</p>
  const c = overview.actionCounts
  return (
    <>
      <p>{t('space.counts', { total: c.total, open: c.open, done: c.done, overdue: c.overdue })}</p>
      {/* Explicit roles: a phone shows the rows as cards (display: block), which would drop the table's semantics. */}
      <table className="space-table" role="table" aria-label={t('space.actions')}>
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">{t('space.action.text')}</th>
            <th role="columnheader" scope="col">{t('space.action.owner')}</th>
            <th role="columnheader" scope="col">{t('space.action.due')}</th>
            <th role="columnheader" scope="col">{t('space.action.status')}</th>
            <th role="columnheader" scope="col">{t('space.action.board')}</th>
            {canEdit && <th role="columnheader" scope="col" />}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {overview.actions.map((a) => (
            <ActionRow key={`${a.boardId}/${a.noteId}`} action={a} canEdit={canEdit} update={update} />
          ))}
        </tbody>
      </table>
    </>
  )
}

function CheckInForm({ commitment, checkIn }: { commitment: SpaceCommitment; checkIn: (c: SpaceCommitment, s: CheckInStatus, note: string) => Promise<void> }) {
  const { t } = useI18n()
  const draft = useCheckInDraft(commitment, checkIn)
  return (
    <form
      className="space-checkin"
      aria-label={t('space.checkIn.label', { text: commitment.text })}
      onSubmit={(e) => {
        e.preventDefault()
        void draft.submit()
      }}
    >
      <select aria-label={t('space.commitment.status')} value={draft.status} onChange={(e) => draft.setStatus(e.target.value as CheckInStatus)}>
        {CHECK_IN_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`space.checkIn.${s}`)}
          </option>
        ))}
      </select>
      <input aria-label={t('space.checkIn.note')} placeholder={t('space.checkIn.note')} maxLength={500} value={draft.note} onChange={(e) => draft.setNote(e.target.value)} />
      <button type="submit" disabled={draft.save.state === 'saving'}>
        {t('space.checkIn.submit')}
      </button>
      <SaveStatus save={draft.save} />
    </form>
  )
}

export function CommitmentsList({ commitments, canEdit, checkIn }: { commitments: SpaceCommitment[]; canEdit: boolean; checkIn: (c: SpaceCommitment, s: CheckInStatus, note: string) => Promise<void> }) {
  const { t } = useI18n()
  if (commitments.length === 0) return <p>{t('space.noCommitments')}</p>
  return (
    <ul className="space-commitments">
      {commitments.map((c) => {
        const last = c.checkIns[c.checkIns.length - 1]
        return (
          <li key={`${c.boardId}/${c.noteId}`}>
            <p>
              <strong>{c.person}</strong> · {c.modeLabel} · {c.text}
            </p>
            <p>
              {t('format.labelValue', { label: t('space.commitment.status'), value: c.status ? t(`space.checkIn.${c.status}`) : t('space.commitment.none') })}
              {last?.note ? ` — ${last.note}` : ''}
            </p>
            {canEdit && <CheckInForm commitment={c} checkIn={checkIn} />}
          </li>
        )
      })}
    </ul>
  )
}

export function RecognitionFeed({ items }: { items: Overview['recognition'] }) {
  const { t } = useI18n()
  if (items.length === 0) return <p>{t('space.noRecognition')}</p>
  return (
    <ul className="space-recognition">
      {items.map((r, i) => (
        <li key={`${r.boardId}-${i}`}>
          <time dateTime={r.date}>{r.date}</time> ·{' '}
          {t('format.labelValue', { label: r.to ? `${r.category} · ${t('space.recognition.to', { name: r.to })}` : r.category, value: r.text })}
        </li>
      ))}
    </ul>
  )
}

/** A server-drawn chart (SVG made by server/reports, text escaped there) with its table alternative. */
export function ChartFigure({ chart, title }: { chart: Chart; title: string }) {
  const { t } = useI18n()
  return (
    <figure className="space-chart">
      <figcaption>{title}</figcaption>
      <div dangerouslySetInnerHTML={{ __html: chart.svg }} />
      <details>
        <summary>{t('space.chart.table')}</summary>
        <div dangerouslySetInnerHTML={{ __html: chart.table }} />
      </details>
    </figure>
  )
}

/** The mitigations of risks not closed yet (latest session that assessed each risk). */
export function OpenMitigations({ risks }: { risks: Overview['risks'] }) {
  const { t } = useI18n()
  const open = risks.filter((r) => r.mitigation && (r.status ?? 'open').toLowerCase() !== 'done' && (r.status ?? 'open').toLowerCase() !== 'closed')
  if (open.length === 0) return null
  return (
    <>
      <h3>{t('space.mitigations')}</h3>
      <ul className="space-mitigations">
        {open.map((r) => (
          <li key={r.key}>{t('space.mitigation', { risk: r.label, score: r.latestScore, mitigation: r.mitigation ?? '' })}</li>
        ))}
      </ul>
    </>
  )
}
