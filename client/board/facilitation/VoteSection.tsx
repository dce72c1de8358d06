import { useState } from 'react'
import type { VoteSettings } from '../../../shared/facilitation'
import { useI18n } from '../../i18n/I18nProvider'
import type { Facilitation } from './useFacilitationState'
import { useSelectedNote, type Voting } from './useVoting'

function VoteSetup({ fac }: { fac: Facilitation }) {
  const { t } = useI18n()
  // A new vote starts from the last one's settings.
  const [settings, setSettings] = useState<VoteSettings>(() => fac.control.vote?.settings ?? { votesPerPerson: 3, maxPerNote: 1, anonymous: true, hideTotals: true })
  const number = (key: 'votesPerPerson' | 'maxPerNote') => (
    <label className="fac-field">
      {t(key === 'votesPerPerson' ? 'vote.perPerson' : 'vote.maxPerNote')}
      <input
        type="number"
        min="1"
        max="100"
        value={settings[key]}
        onChange={(e) => setSettings({ ...settings, [key]: Math.max(1, Math.min(100, Math.round(Number(e.target.value) || 1))) })}
      />
    </label>
  )
  const check = (key: 'anonymous' | 'hideTotals') => (
    <label className="fac-check">
      <input type="checkbox" checked={settings[key]} onChange={(e) => setSettings({ ...settings, [key]: e.target.checked })} />
      {t(key === 'anonymous' ? 'vote.anonymous' : 'vote.hideTotals')}
    </label>
  )
  return (
    <form
      className="fac-controls"
      onSubmit={(event) => {
        event.preventDefault()
        void fac.act({ action: 'openVote', settings })
      }}
    >
      <div className="fac-row">
        {number('votesPerPerson')}
        {number('maxPerNote')}
      </div>
      {check('anonymous')}
      {check('hideTotals')}
      <button type="submit" className="primary" disabled={fac.busy}>
        {fac.control.vote ? t('vote.newVote') : t('vote.open')}
      </button>
    </form>
  )
}

/** Dot voting: the facilitator opens, closes and reveals; everyone with a ballot votes. */
export function VoteSection({ fac, voting }: { fac: Facilitation; voting: Voting }) {
  const { t } = useI18n()
  const { vote } = fac.control
  const selected = useSelectedNote(voting.noteIds)
  return (
    <section className="fac-section" aria-labelledby="fac-vote-heading">
      <h3 id="fac-vote-heading">{t('vote.heading')}</h3>
      {vote && (
        <p className="fac-status" data-testid="vote-status" data-status={vote.status}>
          {t(`vote.status.${vote.status}`)}
          {vote.status === 'open' && vote.settings.hideTotals && <span className="fac-hint"> {t('vote.hiddenUntilReveal')}</span>}
        </p>
      )}
      {fac.isFacilitator && vote?.status === 'open' && fac.control.voteProgress && (
        <p className="fac-emphasis" data-testid="vote-progress" aria-live="polite">
          {t('vote.progress', { voted: fac.control.voteProgress.voted, present: fac.control.voteProgress.present })}
        </p>
      )}
      {voting.canVote && (
        <div className="fac-controls">
          <p className="fac-emphasis" data-testid="votes-left">
            {t('vote.remaining', { count: voting.remaining })}
          </p>
          <div className="fac-row">
            <button type="button" disabled={!selected || !voting.canAdd(selected.id)} onClick={() => selected && voting.add(selected.id)}>
              {t('vote.forSelected')}
            </button>
            <button type="button" disabled={!selected || !(voting.ballot[selected.id] ?? 0)} onClick={() => selected && voting.remove(selected.id)}>
              {t('vote.removeSelected')}
            </button>
          </div>
          {selected ? (
            <p className="fac-hint" data-testid="vote-target">
              {t('vote.selectedNote', { text: selected.text.slice(0, 80) || '…' })}
            </p>
          ) : (
            <p className="fac-hint">{t('vote.selectNote')}</p>
          )}
        </div>
      )}
      {fac.isFacilitator && (
        <>
          {vote?.status === 'open' && (
            <button type="button" onClick={() => void fac.act({ action: 'closeVote' })} disabled={fac.busy}>
              {t('vote.close')}
            </button>
          )}
          {vote && vote.status !== 'revealed' && (
            <button type="button" className="primary" onClick={() => void fac.act({ action: 'revealVote' })} disabled={fac.busy}>
              {t('vote.reveal')}
            </button>
          )}
          {vote?.status !== 'open' && <VoteSetup fac={fac} />}
        </>
      )}
    </section>
  )
}
