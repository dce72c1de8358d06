/** The space page (`/s/<id>#<token>`, issue 16): sessions, actions, commitments, recognition, risks, trends, report. */
import { useI18n } from '../i18n/I18nProvider'
import { AppHeader } from '../ui/AppHeader'
import { ActionsTable, ChartFigure, CommitmentsList, OpenMitigations, RecognitionFeed, SessionsTimeline } from './SpaceSections'
import { REPORT_FORMATS, useSpace } from './useSpace'
import { SpaceManage } from './SpaceManage'
import { useRememberSpace } from './useRememberSpace'
import './space.css'

export function SpacePage({ spaceId, token }: { spaceId: string; token: string }) {
  const space = useSpace(spaceId, token)
  useRememberSpace(space.state)
  return (
    <>
      <AppHeader subject={space.state.state === 'ready' ? space.state.data.space.title : undefined} />
      <SpaceContent space={space} token={token} />
    </>
  )
}

function SpaceContent({ space, token }: { space: ReturnType<typeof useSpace>; token: string }) {
  const { t } = useI18n()
  const { state, reload, updateAction, checkIn, downloadReport } = space
  if (state.state === 'loading') {
    return (
      <main className="page-message" id="main">
        <p role="status">{t('space.loading')}</p>
      </main>
    )
  }
  if (state.state === 'failed') {
    return (
      <main className="page-message" id="main">
        <p role="alert">{state.reason === 'other' ? t('space.failed', { reason: state.detail ?? '' }) : t(`space.${state.reason}`)}</p>
      </main>
    )
  }
  const { data } = state
  const canEdit = data.role !== 'viewer'
  return (
    <main className="space-page" id="main">
      <header>
        <h1>{data.space.title}</h1>
        <p>{t('space.role', { role: t(`space.role.${data.role}`) })}</p>
      </header>
      <section aria-labelledby="space-sessions">
        <h2 id="space-sessions">{t('space.sessions')}</h2>
        <SessionsTimeline sessions={data.overview.sessions} token={token} />
      </section>
      {data.role === 'facilitator' && <SpaceManage space={data.space} token={token} reload={reload} />}
      <section aria-labelledby="space-actions">
        <h2 id="space-actions">{t('space.actions')}</h2>
        <ActionsTable overview={data.overview} canEdit={canEdit} update={updateAction} />
      </section>
      <section aria-labelledby="space-commitments">
        <h2 id="space-commitments">{t('space.commitments')}</h2>
        <CommitmentsList commitments={data.overview.commitments} canEdit={canEdit} checkIn={checkIn} />
      </section>
      <section aria-labelledby="space-recognition">
        <h2 id="space-recognition">{t('space.recognition')}</h2>
        <RecognitionFeed items={data.overview.recognition} />
      </section>
      <section aria-labelledby="space-risks">
        <h2 id="space-risks">{t('space.risks')}</h2>
        {data.overview.risks.length === 0 ? <p>{t('space.noRisks')}</p> : <ChartFigure chart={data.charts.risks} title={t('space.risks.caption')} />}
        <OpenMitigations risks={data.overview.risks} />
      </section>
      <section aria-labelledby="space-trends">
        <h2 id="space-trends">{t('space.trends')}</h2>
        <p>{t('space.trend.privacy')}</p>
        <ChartFigure chart={data.charts.readiness} title={t('space.trend.readiness')} />
        <ChartFigure chart={data.charts.evaluation} title={t('space.trend.evaluation')} />
      </section>
      <section aria-labelledby="space-report">
        <h2 id="space-report">{t('space.report')}</h2>
        <ul className="space-report">
          {REPORT_FORMATS.map((format) => (
            <li key={format}>
              <button type="button" onClick={() => void downloadReport(format, data.space.title)}>
                {t(`space.report.${format}`)}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </main>
  )
}
