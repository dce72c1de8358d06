import { useState } from 'react'
import type { TimerAction } from '../../../shared/facilitation'
import { useI18n } from '../../i18n/I18nProvider'
import type { Facilitation } from './useFacilitationState'
import { formatRemaining, type TimerView } from './useTimerView'

/** The countdown everyone sees; large, with a flash when time is up. */
export function TimerDisplay({ view }: { view: TimerView }) {
  const { t } = useI18n()
  if (view.status === 'none') return <span className="fac-timer fac-timer-none">{t('timer.none')}</span>
  const text = formatRemaining(view.remainingMs)
  return (
    <span
      className={`fac-timer${view.flashing ? ' fac-timer-flash' : ''}${view.status === 'paused' ? ' fac-timer-paused' : ''}`}
      data-testid="timer"
      data-remaining-ms={Math.round(view.remainingMs)}
      data-computed-at={view.computedAt}
      aria-label={`${t('format.labelValue', { label: t('timer.label'), value: text })}${view.status === 'paused' ? ` (${t('timer.paused')})` : ''}`}
      role="timer"
    >
      {text}
      {view.status === 'paused' && <small> {t('timer.paused')}</small>}
    </span>
  )
}

/** Facilitator controls of the timer: start with a duration, pause, resume, +1 min, reset. */
export function TimerControls({ fac, view }: { fac: Facilitation; view: TimerView }) {
  const { t } = useI18n()
  const [minutes, setMinutes] = useState('5')
  const send = (timer: TimerAction) => void fac.act({ action: 'timer', timer })
  const parsed = Number(minutes.replace(',', '.'))
  const validMinutes = Number.isFinite(parsed) && parsed > 0 && parsed <= 24 * 60
  return (
    <div className="fac-controls">
      <form
        className="fac-row"
        onSubmit={(event) => {
          event.preventDefault()
          if (validMinutes) send({ action: 'start', durationMs: Math.round(parsed * 60_000) })
        }}
      >
        <label className="fac-field">
          {t('timer.minutes')}
          <input type="number" min="0.5" max="1440" step="0.5" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={!validMinutes || fac.busy}>
          {t('timer.start')}
        </button>
      </form>
      <div className="fac-row">
        {view.status === 'running' && (
          <button type="button" onClick={() => send({ action: 'pause' })} disabled={fac.busy}>
            {t('timer.pause')}
          </button>
        )}
        {view.status === 'paused' && (
          <button type="button" onClick={() => send({ action: 'resume' })} disabled={fac.busy}>
            {t('timer.resume')}
          </button>
        )}
        {view.status !== 'none' && (
          <>
            <button type="button" onClick={() => send({ action: 'addMinute' })} disabled={fac.busy}>
              {t('timer.addMinute')}
            </button>
            <button type="button" onClick={() => send({ action: 'reset' })} disabled={fac.busy}>
              {t('timer.reset')}
            </button>
          </>
        )}
      </div>
    </div>
  )
}
