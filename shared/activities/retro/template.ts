/**
 * Retrospectives (monitoring, evaluation, action learning): Start / Stop / Continue,
 * Mad / Sad / Glad, 4Ls and Sailboat. Every format ends with an Actions column whose notes
 * carry their owner and due date in `meta.owner` / `meta.due`.
 */
import { ok } from '../../result.js'
import { columnZones, headerLabel, type ColumnSpec } from '../layout.js'
import type { ActivityTemplate, ZoneColor } from '../types.js'
import { en } from '../../i18n/catalogue.js'

const RETRO_FLOW = en('retro.flow')

function retrospective(
  id: string,
  name: string,
  description: string,
  prompt: string,
  columns: ReadonlyArray<{ key: string; label: string; color: ZoneColor }>,
): ActivityTemplate {
  const instructions = `${prompt}\n\n${RETRO_FLOW}`
  const specs: ColumnSpec[] = [
    ...columns.map((c) => ({ ...c, meaning: { kind: 'section' as const, section: c.key } })),
    { key: 'actions', label: en('retro.actions'), color: 'violet', meaning: { kind: 'actions' } },
  ]
  return {
    id,
    name,
    family: 'retrospective',
    description,
    instructions,
    results: 'retro',
    layout() {
      const { zones, width, height } = columnZones(specs)
      return ok({ width, height, zones, labels: [headerLabel(instructions, width)], tokens: [], settings: {} })
    },
  }
}

export const START_STOP_CONTINUE = retrospective(
  'retro-start-stop-continue',
  en('retro-start-stop-continue.name'),
  en('retro-start-stop-continue.description'),
  en('retro-start-stop-continue.put-each-note-in'),
  [
    { key: 'start', label: en('retro-start-stop-continue.start'), color: 'green' },
    { key: 'stop', label: en('retro-start-stop-continue.stop'), color: 'red' },
    { key: 'continue', label: en('retro-start-stop-continue.continue'), color: 'blue' },
  ],
)

export const MAD_SAD_GLAD = retrospective(
  'retro-mad-sad-glad',
  en('retro-mad-sad-glad.name'),
  en('retro-mad-sad-glad.description'),
  en('retro-mad-sad-glad.put-each-note-under'),
  [
    { key: 'mad', label: en('retro-mad-sad-glad.mad'), color: 'red' },
    { key: 'sad', label: en('retro-mad-sad-glad.sad'), color: 'blue' },
    { key: 'glad', label: en('retro-mad-sad-glad.glad'), color: 'green' },
  ],
)

export const FOUR_LS = retrospective(
  'retro-4ls',
  en('retro-4ls.name'),
  en('retro-4ls.description'),
  en('retro-4ls.liked-what-went-well'),
  [
    { key: 'liked', label: en('retro-4ls.liked'), color: 'green' },
    { key: 'learned', label: en('retro-4ls.learned'), color: 'blue' },
    { key: 'lacked', label: en('retro-4ls.lacked'), color: 'orange' },
    { key: 'longed-for', label: en('retro-4ls.longed-for'), color: 'light-violet' },
  ],
)

export const SAILBOAT = retrospective(
  'retro-sailboat',
  en('retro-sailboat.name'),
  en('retro-sailboat.description'),
  en('retro-sailboat.wind-what-helps-us'),
  [
    { key: 'wind', label: en('retro-sailboat.wind'), color: 'light-blue' },
    { key: 'anchors', label: en('retro-sailboat.anchors'), color: 'grey' },
    { key: 'rocks', label: en('retro-sailboat.rocks'), color: 'orange' },
    { key: 'island', label: en('retro-sailboat.island'), color: 'light-green' },
  ],
)

export const RETROSPECTIVE_TEMPLATES: readonly ActivityTemplate[] = [START_STOP_CONTINUE, MAD_SAD_GLAD, FOUR_LS, SAILBOAT]
