import type { ActionItem, ActivityResult, GridEntry, KudosNote, NoteResult } from '../../../shared/activities/index'
import { useI18n } from '../../i18n/I18nProvider'
import { NoteMetaField } from './NoteMetaField'
import { NoteList, NoteText, Sections, Votes } from './resultBits'
import { RiskRegisterView } from './RiskRegisterView'

/** The structured result of one activity, by result kind. */
export function ActivityResultView({ result, editable }: { result: ActivityResult; editable: boolean }) {
  const { t } = useI18n()
  switch (result.kind) {
    case 'riskRegister':
      return <RiskRegisterView register={result.register} editable={editable} />
    case 'retro':
      return (
        <>
          <Sections sections={result.columns} />
          <h4>{t('activities.retro.actions')}</h4>
          <ActionList actions={result.actions} editable={editable} />
        </>
      )
    case 'needsMap':
      return <GroupedNotes groups={result.stakeholders.map((s) => ({ key: s.key, label: s.label, rows: s.rows }))} />
    case 'commitments':
      return <GroupedNotes groups={result.people.map((p) => ({ key: p.key, label: p.label, rows: p.modes }))} />
    case 'empathyMap':
      return <Sections sections={result.sections} />
    case 'powerInterest':
      return <PowerInterestTable stakeholders={result.stakeholders} />
    case 'checkIn':
      return <CheckInView result={result} />
    case 'recognition':
      return (
        <>
          {result.categories.map((category) => (
            <div key={category.key}>
              <h4>{category.label}</h4>
              <KudosList notes={category.notes} editable={editable} />
            </div>
          ))}
        </>
      )
    case 'circle':
      return <CircleView result={result} />
  }
}

type NoteRow = { key: string; label: string; notes: readonly NoteResult[] }

/** Two levels of headings over notes: a needs map's stakeholders × needs, commitments' people × modes. */
function GroupedNotes({ groups }: { groups: readonly { key: string; label: string; rows: readonly NoteRow[] }[] }) {
  return (
    <>
      {groups.map((group) => (
        <section key={group.key}>
          <h4>{group.label}</h4>
          {group.rows.map((row) => (
            <div key={row.key}>
              <span className="results-muted">{row.label}</span>
              <NoteList notes={row.notes} />
            </div>
          ))}
        </section>
      ))}
    </>
  )
}

function CheckInView({ result }: { result: Extract<ActivityResult, { kind: 'checkIn' }> }) {
  const { t } = useI18n()
  return (
    <>
      {result.averageScore !== null && <p>{t('activities.checkIn.average', { score: result.averageScore })}</p>}
      <h4>{t('activities.checkIn.spectrum')}</h4>
      {result.spectrum.length === 0 ? (
        <p className="results-muted">{t('activities.results.noNotes')}</p>
      ) : (
        <ul>
          {result.spectrum.map((note) => (
            <li key={note.id}>
              <strong>{note.score}</strong> <NoteText text={note.text} /> <Votes count={note.votes} />
            </li>
          ))}
        </ul>
      )}
      <Sections sections={result.sections} />
    </>
  )
}

function ActionList({ actions, editable }: { actions: readonly ActionItem[]; editable: boolean }) {
  const { t } = useI18n()
  if (actions.length === 0) return <p className="results-muted">{t('activities.results.noNotes')}</p>
  return (
    <table className="results-table">
      <thead>
        <tr>
          <th scope="col">{t('activities.field.text')}</th>
          <th scope="col">{t('activities.field.owner')}</th>
          <th scope="col">{t('activities.field.due')}</th>
          <th scope="col">{t('activities.field.status')}</th>
        </tr>
      </thead>
      <tbody>
        {actions.map((action) => (
          <tr key={action.id}>
            <td>
              <NoteText text={action.text} /> <Votes count={action.votes} />
            </td>
            <td>
              <NoteMetaField noteId={action.id} noteText={action.text} field="owner" value={action.owner} editable={editable} />
            </td>
            <td>
              <NoteMetaField noteId={action.id} noteText={action.text} field="due" value={action.due} editable={editable} />
            </td>
            <td>
              <NoteMetaField noteId={action.id} noteText={action.text} field="status" value={action.status} editable={editable} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function KudosList({ notes, editable }: { notes: readonly KudosNote[]; editable: boolean }) {
  const { t } = useI18n()
  if (notes.length === 0) return <p className="results-muted">{t('activities.results.noNotes')}</p>
  return (
    <table className="results-table">
      <tbody>
        {notes.map((note) => (
          <tr key={note.id}>
            <td>
              <NoteText text={note.text} /> <Votes count={note.votes} />
            </td>
            <td style={{ width: '40%' }}>
              <NoteMetaField noteId={note.id} noteText={note.text} field="to" value={note.to} editable={editable} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function PowerInterestTable({ stakeholders }: { stakeholders: readonly GridEntry[] }) {
  const { t } = useI18n()
  if (stakeholders.length === 0) return <p className="results-muted">{t('activities.results.noNotes')}</p>
  return (
    <table className="results-table">
      <thead>
        <tr>
          <th scope="col">{t('activities.field.text')}</th>
          <th scope="col">{t('activities.field.power')}</th>
          <th scope="col">{t('activities.field.interest')}</th>
          <th scope="col">{t('activities.field.quadrant')}</th>
        </tr>
      </thead>
      <tbody>
        {stakeholders.map((s) => (
          <tr key={s.id}>
            <td>
              <NoteText text={s.text} />
            </td>
            <td>{s.power}</td>
            <td>{s.interest}</td>
            <td>{t(`activities.quadrant.${s.quadrant}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function CircleView({ result }: { result: Extract<ActivityResult, { kind: 'circle' }> }) {
  const { t } = useI18n()
  const seated = result.seats.filter((seat) => seat.notes.length > 0)
  return (
    <>
      {result.talkingPiece && (
        <p>{t('activities.circle.talkingPiece', { seat: result.talkingPiece.seat, name: result.talkingPiece.participant ?? '—' })}</p>
      )}
      {result.rounds.map((round) => (
        <section key={round.round}>
          <h4>{t('activities.circle.round', { round: round.round })}</h4>
          {round.prompt && (
            <p>
              <span className="results-muted">{t('activities.circle.prompt')}: </span>
              {round.prompt}
            </p>
          )}
          {round.speakers.length > 0 && (
            <p>
              <span className="results-muted">{t('activities.circle.speakers')}: </span>
              {round.speakers.join(' → ')}
            </p>
          )}
          {round.summary && (
            <p>
              <span className="results-muted">{t('activities.circle.summary')}: </span>
              {round.summary}
            </p>
          )}
          {round.notes.length > 0 && <NoteList notes={round.notes} />}
        </section>
      ))}
      {seated.map((seat) => (
        <div key={seat.seat}>
          <h4>{t('activities.circle.seatNotes', { seat: seat.seat, name: seat.participant ?? '—' })}</h4>
          <NoteList notes={seat.notes} />
        </div>
      ))}
      {result.queue.length > 0 && (
        <>
          <h4>{t('activities.circle.queue')}</h4>
          <NoteList notes={result.queue} />
        </>
      )}
    </>
  )
}
