import { useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import type { Facilitation } from './useFacilitationState'

/** Private writing: the facilitator turns it on and reveals; participants see that it is on. */
export function PrivateWritingSection({ fac }: { fac: Facilitation }) {
  const { t } = useI18n()
  const [anonymous, setAnonymous] = useState(false)
  const [revealed, setRevealed] = useState<number | null>(null)
  const on = fac.control.privateWriting?.on === true
  // Facilitators' own private docs are counted apart: the list is the participants' (DECISIONS).
  const counts = Object.entries(fac.control.privateCounts).filter(([, entry]) => !entry.facilitator)
  if (!fac.isFacilitator && !on && fac.privateNoteCount === 0) return null
  return (
    <section className="fac-section" aria-labelledby="fac-private-heading">
      <h3 id="fac-private-heading">{t('private.heading')}</h3>
      {!fac.isFacilitator && on && (
        <p className="fac-emphasis" data-testid="private-on">
          {t('private.on')}
        </p>
      )}
      {fac.privateNoteCount > 0 && <p data-testid="private-mine">{t('private.mine', { count: fac.privateNoteCount })}</p>}
      {fac.isFacilitator && (
        <div className="fac-controls">
          <button
            type="button"
            className={on ? undefined : 'primary'}
            aria-pressed={on}
            disabled={fac.busy}
            onClick={() => {
              setRevealed(null)
              void fac.act({ action: 'privateWriting', on: !on, anonymousReveal: anonymous })
            }}
          >
            {on ? t('private.stop') : t('private.start')}
          </button>
          {on && (
            <>
              <h4>{t('private.counts')}</h4>
              {counts.length === 0 ? (
                <p className="fac-hint">{t('private.noneYet')}</p>
              ) : (
                <ul className="fac-list" data-testid="private-counts">
                  {counts.map(([id, { name, count }]) => (
                    <li key={id}>
                      {t('format.labelValue', { label: name, value: count })}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
          <label className="fac-check">
            <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
            {t('private.anonymous')}
          </label>
          <button
            type="button"
            className={on ? 'primary' : undefined}
            disabled={fac.busy}
            onClick={() => {
              void fac.act({ action: 'revealPrivate', anonymous }).then((answer) => {
                if (answer && typeof answer.revealed === 'number') setRevealed(answer.revealed)
              })
            }}
          >
            {t('private.reveal')}
          </button>
          {revealed !== null && <p role="status">{t('private.revealed', { count: revealed })}</p>}
        </div>
      )}
    </section>
  )
}
