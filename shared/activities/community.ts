/**
 * Beyond the four families (methodology: community support, peer learning, recognition):
 * change-readiness check-in, recognition wall, commitments (online, onsite, ongoing).
 */
import { ok } from '../result.js'
import { COLUMN_HEIGHT, FRAME_PADDING, HEADER_HEIGHT, ZONE_GAP, columnZones, headerLabel, keysFor } from './layout.js'
import type { ActivityTemplate, AxisScale, LabelSpec, ZoneSpec } from './types.js'
import { en } from '../i18n/catalogue.js'

export const READINESS_SCALE: AxisScale = { name: en('change-readiness-check-in.readiness'), min: 1, max: 10, lowLabel: en('change-readiness-check-in.resisting'), highLabel: en('change-readiness-check-in.championing') }

const SPECTRUM_W = 1400
const SPECTRUM_H = 300
const AREA_H = 440

/**
 * A spectrum from resisting (left, 1) to championing (right, 10): a note's horizontal position
 * is its readiness score. Below it, en('stakeholder-needs-map.what-s-in-it') and en('change-readiness-check-in.what-worries-me').
 */
export const CHANGE_READINESS_CHECK_IN: ActivityTemplate = {
  id: 'change-readiness-check-in',
  name: en('change-readiness-check-in.name'),
  family: 'community',
  description: en('change-readiness-check-in.description'),
  instructions:
    `${en('change-readiness-check-in.place-a-note-on')}\n\n${en('change-readiness-check-in.there-are-no-wrong')}`,
  results: 'checkIn',
  layout() {
    const width = 2 * FRAME_PADDING + SPECTRUM_W
    const areaW = (SPECTRUM_W - ZONE_GAP) / 2
    const areaY = HEADER_HEIGHT + SPECTRUM_H + 60
    const height = areaY + AREA_H + FRAME_PADDING
    const zones: ZoneSpec[] = [
      {
        key: 'spectrum',
        label: en('change-readiness-check-in.resisting-championing'),
        x: FRAME_PADDING,
        y: HEADER_HEIGHT,
        w: SPECTRUM_W,
        h: SPECTRUM_H,
        shape: 'rectangle',
        color: 'light-violet',
        fill: 'semi',
        meaning: { kind: 'scale', x: READINESS_SCALE, y: null },
        target: true,
      },
      {
        key: 'wiifm',
        label: en('stakeholder-needs-map.what-s-in-it'),
        x: FRAME_PADDING,
        y: areaY,
        w: areaW,
        h: AREA_H,
        shape: 'rectangle',
        color: 'light-green',
        fill: 'semi',
        meaning: { kind: 'section', section: 'wiifm' },
        target: true,
      },
      {
        key: 'worries',
        label: en('change-readiness-check-in.what-worries-me'),
        x: FRAME_PADDING + areaW + ZONE_GAP,
        y: areaY,
        w: areaW,
        h: AREA_H,
        shape: 'rectangle',
        color: 'light-red',
        fill: 'semi',
        meaning: { kind: 'section', section: 'worries' },
        target: true,
      },
    ]
    const labels: LabelSpec[] = [
      headerLabel(CHANGE_READINESS_CHECK_IN.instructions, width),
      { key: 'axis-low', text: en('change-readiness-check-in.resisting-1'), x: FRAME_PADDING, y: HEADER_HEIGHT + SPECTRUM_H + 10, w: 300, size: 's' },
      { key: 'axis-high', text: en('change-readiness-check-in.championing-10'), x: FRAME_PADDING + SPECTRUM_W - 300, y: HEADER_HEIGHT + SPECTRUM_H + 10, w: 300, size: 's' },
    ]
    return ok({ width, height, zones, labels, tokens: [], settings: {} })
  },
}

/** Recognition categories; the recipient of a kudos note is its `meta.to`. */
export const RECOGNITION_CATEGORIES = [
  { key: 'thank-you', label: en('recognition-wall.thank-you') },
  { key: 'well-done', label: en('recognition-wall.well-done') },
  { key: 'inspired-me', label: en('recognition-wall.you-inspired-me') },
] as const

export const RECOGNITION_WALL: ActivityTemplate = {
  id: 'recognition-wall',
  name: en('recognition-wall.name'),
  family: 'community',
  description: en('recognition-wall.description'),
  instructions:
    `${en('recognition-wall.write-a-kudos-note')}\n\n${en('recognition-wall.read-the-wall-together')}`,
  results: 'recognition',
  layout() {
    const { zones, width, height } = columnZones(
      RECOGNITION_CATEGORIES.map((c, i) => ({
        key: c.key,
        label: c.label,
        color: (['yellow', 'light-green', 'light-violet'] as const)[i] ?? 'yellow',
        meaning: { kind: 'section', section: c.key },
      })),
    )
    return ok({ width, height, zones, labels: [headerLabel(RECOGNITION_WALL.instructions, width)], tokens: [], settings: {} })
  },
}

/** The three modes of the methodology's peer learning. */
export const COMMITMENT_MODES = [
  { key: 'online', label: en('commitments.online') },
  { key: 'onsite', label: en('commitments.onsite') },
  { key: 'ongoing', label: en('commitments.ongoing') },
] as const

const PERSON_LABEL_W = 240
const COMMIT_CELL_W = 460
const COMMIT_CELL_H = 260

/**
 * One row per participant (or a single en('commitments.everyone') row when the list is empty), one column per
 * mode: what each person will do online, onsite and ongoing.
 */
export const COMMITMENTS: ActivityTemplate = {
  id: 'commitments',
  name: en('commitments.name'),
  family: 'community',
  description: en('commitments.description'),
  instructions:
    `${en('commitments.in-your-row-write')}\n\n${en('commitments.we-come-back-to')}`,
  results: 'commitments',
  layout({ participants }) {
    const people = participants.length > 0 ? [...participants] : [en('commitments.everyone')]
    const keys = keysFor(people)
    const gridX = FRAME_PADDING + PERSON_LABEL_W
    const gridY = HEADER_HEIGHT + 60
    const width = gridX + COMMITMENT_MODES.length * (COMMIT_CELL_W + ZONE_GAP) - ZONE_GAP + FRAME_PADDING
    const rowH = people.length === 1 ? COLUMN_HEIGHT : COMMIT_CELL_H
    const height = gridY + people.length * (rowH + ZONE_GAP) - ZONE_GAP + FRAME_PADDING
    const zones: ZoneSpec[] = []
    const labels: LabelSpec[] = [headerLabel(COMMITMENTS.instructions, width)]
    COMMITMENT_MODES.forEach((mode, c) => {
      labels.push({ key: `column-${mode.key}`, text: mode.label, x: gridX + c * (COMMIT_CELL_W + ZONE_GAP), y: HEADER_HEIGHT, w: COMMIT_CELL_W, size: 'm' })
    })
    people.forEach((person, r) => {
      const row = keys[r] ?? `person-${r + 1}`
      const y = gridY + r * (rowH + ZONE_GAP)
      labels.push({ key: `row-${row}`, text: person, x: FRAME_PADDING, y, w: PERSON_LABEL_W - ZONE_GAP, size: 's' })
      COMMITMENT_MODES.forEach((mode, c) => {
        zones.push({
          key: `${row}-${mode.key}`,
          label: en('commitments.cell', { person, mode: mode.label }),
          x: gridX + c * (COMMIT_CELL_W + ZONE_GAP),
          y,
          w: COMMIT_CELL_W,
          h: rowH,
          shape: 'rectangle',
          color: (['light-blue', 'light-green', 'light-violet'] as const)[c] ?? 'light-blue',
          fill: 'semi',
          meaning: { kind: 'cell', column: mode.key, columnLabel: mode.label, row, rowLabel: person },
          target: true,
        })
      })
    })
    return ok({ width, height, zones, labels, tokens: [], settings: {} })
  },
}

export const COMMUNITY_TEMPLATES: readonly ActivityTemplate[] = [CHANGE_READINESS_CHECK_IN, RECOGNITION_WALL, COMMITMENTS]
