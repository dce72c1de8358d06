/**
 * Retrospectives (monitoring, evaluation, action learning): Start / Stop / Continue,
 * Mad / Sad / Glad, 4Ls and Sailboat. Every format ends with an Actions column whose notes
 * carry their owner and due date in `meta.owner` / `meta.due`.
 */
import { ok } from '../../result.js'
import { columnZones, headerLabel, type ColumnSpec } from '../layout.js'
import type { ActivityTemplate, ZoneColor } from '../types.js'

const RETRO_FLOW =
  'Write privately, then reveal. Group similar notes, dot-vote, discuss the top ones, and turn them into actions with an owner and a due date.'

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
    { key: 'actions', label: 'Actions', color: 'violet', meaning: { kind: 'actions' } },
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
  'Start / Stop / Continue',
  'What should the team start doing, stop doing and keep doing? Ends with owned actions.',
  'Put each note in Start (new things to try), Stop (what does not help) or Continue (what works).',
  [
    { key: 'start', label: 'Start', color: 'green' },
    { key: 'stop', label: 'Stop', color: 'red' },
    { key: 'continue', label: 'Continue', color: 'blue' },
  ],
)

export const MAD_SAD_GLAD = retrospective(
  'retro-mad-sad-glad',
  'Mad / Sad / Glad',
  'An emotional check on the last period: what made people mad, sad or glad. Ends with owned actions.',
  'Put each note under the feeling it stands for: Mad (frustrating), Sad (disappointing), Glad (pleasing).',
  [
    { key: 'mad', label: 'Mad', color: 'red' },
    { key: 'sad', label: 'Sad', color: 'blue' },
    { key: 'glad', label: 'Glad', color: 'green' },
  ],
)

export const FOUR_LS = retrospective(
  'retro-4ls',
  '4Ls: Liked, Learned, Lacked, Longed for',
  'Look back on a project or training: what was liked, learned, lacked and longed for. Ends with owned actions.',
  'Liked: what went well. Learned: what you discovered. Lacked: what was missing. Longed for: what you wished for.',
  [
    { key: 'liked', label: 'Liked', color: 'green' },
    { key: 'learned', label: 'Learned', color: 'blue' },
    { key: 'lacked', label: 'Lacked', color: 'orange' },
    { key: 'longed-for', label: 'Longed for', color: 'light-violet' },
  ],
)

export const SAILBOAT = retrospective(
  'retro-sailboat',
  'Sailboat',
  'The team is a boat heading for an island: what pushes it (wind), holds it back (anchors) and lies ahead (rocks). Ends with owned actions.',
  'Wind: what helps us move. Anchors: what slows us down. Rocks: risks ahead. Island: our goal.',
  [
    { key: 'wind', label: 'Wind', color: 'light-blue' },
    { key: 'anchors', label: 'Anchors', color: 'grey' },
    { key: 'rocks', label: 'Rocks', color: 'orange' },
    { key: 'island', label: 'Island', color: 'light-green' },
  ],
)

export const RETROSPECTIVE_TEMPLATES: readonly ActivityTemplate[] = [START_STOP_CONTINUE, MAD_SAD_GLAD, FOUR_LS, SAILBOAT]
