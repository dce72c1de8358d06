/** The space page's data (issue 16): the space, its sessions, and its overview with charts. */
import type { BoardRecord } from '../storage/Storage.js'
import { today } from './actions.js'
import { spaceCharts, type SpaceCharts } from './charts.js'
import { spaceOverview, type SpaceOverview } from './overview.js'
import { readSpaceSessions } from './sessions.js'
import { getSpace, spaceLocale, type SpaceDeps, type SpaceLocale } from './spaces.js'

export type SpacePage = {
  space: { id: string; title: string; createdAt: number; locale: SpaceLocale }
  /** The space's boards, oldest first (a member opens one at `/b/<id>#<space token>`, SPEC R7). */
  boards: Array<Pick<BoardRecord, 'id' | 'title' | 'createdAt' | 'template' | 'archived'>>
  overview: SpaceOverview
  charts: SpaceCharts
}

/** `chartsLocale`: the language of the charts' words (axes, captions), the space's by default. */
export async function spacePage(deps: SpaceDeps, spaceId: string, range: { from?: string; to?: string } = {}, chartsLocale?: SpaceLocale): Promise<SpacePage> {
  const space = await getSpace(deps.storage, spaceId)
  const locale = spaceLocale(space)
  const sessions = await readSpaceSessions(deps, spaceId)
  const overview = spaceOverview(sessions, await deps.storage.listCheckIns(spaceId), { asOf: today(), ...range })
  return {
    space: { id: space.id, title: space.title, createdAt: space.createdAt, locale },
    boards: sessions.map(({ board: { id, title, createdAt, template, archived } }) => ({ id, title, createdAt, template, archived })),
    overview,
    charts: spaceCharts(overview, chartsLocale ?? locale),
  }
}
