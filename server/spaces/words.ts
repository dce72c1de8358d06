/**
 * The words of the space page's charts and of the space report in one language, read from the
 * shared catalogue (shared/i18n/spaceTexts.ts, EN/FR).
 */
import { labelValue, text } from '../../shared/i18n/catalogue.js'
import type { SPACE_TEXTS } from '../../shared/i18n/spaceTexts.js'
import type { SpaceLocale } from './spaces.js'

type SpaceKey = keyof typeof SPACE_TEXTS

export function spaceWords(locale: SpaceLocale) {
  const w = (key: SpaceKey) => text(key, locale)
  return {
    spaceReport: w('space.spaceReport'),
    period: w('space.period'),
    generated: w('space.generated'),
    sessions: w('space.sessions'),
    session: w('space.session'),
    date: w('space.date'),
    activities: w('space.activities'),
    people: w('space.people'),
    attendance: w('space.attendance'),
    name: w('space.name'),
    role: w('space.role'),
    firstSeen: w('space.firstSeen'),
    lastSeen: w('space.lastSeen'),
    actions: w('space.actions'),
    action: w('space.action'),
    owner: w('space.owner'),
    due: w('space.due'),
    status: w('space.status'),
    board: w('space.board'),
    opened: w('space.opened'),
    done: w('space.done'),
    dropped: w('space.dropped'),
    open: w('space.open'),
    overdue: w('space.overdue'),
    inProgress: w('space.inProgress'),
    noCheckIn: w('space.noCheckIn'),
    commitments: w('space.commitments'),
    commitment: w('space.commitment'),
    note: w('space.note'),
    person: w('space.person'),
    mode: w('space.mode'),
    total: w('space.total'),
    readiness: w('space.readiness'),
    readinessAxis: w('space.readinessAxis'),
    evaluation: w('space.evaluation'),
    evaluationAxis: w('space.evaluationAxis'),
    respondents: w('space.respondents'),
    withheld: w('space.withheld'),
    risks: w('space.risks'),
    risk: w('space.risk'),
    change: w('space.change'),
    notAssessed: w('space.notAssessed'),
    mitigation: w('space.mitigation'),
    recognition: w('space.recognition'),
    to: w('space.to'),
    none: w('space.none'),
    bands: { low: w('space.bands.low'), medium: w('space.bands.medium'), high: w('space.bands.high'), critical: w('space.bands.critical') },
    checkIn: { done: w('space.checkIn.done'), 'in-progress': w('space.checkIn.in-progress'), dropped: w('space.checkIn.dropped') },
    actionStatus: { open: w('space.actionStatus.open'), done: w('space.actionStatus.done'), dropped: w('space.actionStatus.dropped') } as Record<string, string>,
    /** "label: value" as the language writes it (French: a no-break space before the colon). */
    labelValue: (label: string, value: string | number) => labelValue(label, value, locale),
    roles: { facilitator: w('space.roles.facilitator'), participant: w('space.roles.participant'), viewer: w('space.roles.viewer') },
  }
}

export type SpaceWords = ReturnType<typeof spaceWords>
