/**
 * Beyond the four families (methodology: community support, peer learning, recognition):
 * change-readiness check-in, recognition wall, commitments (online, onsite, ongoing).
 */
import { ok } from '../result.js'
import { COLUMN_HEIGHT, FRAME_PADDING, HEADER_HEIGHT, ZONE_GAP, columnZones, headerLabel, keysFor } from './layout.js'
import type { ActivityTemplate, AxisScale, LabelSpec, ZoneSpec } from './types.js'

export const READINESS_SCALE: AxisScale = { name: 'readiness', min: 1, max: 10, lowLabel: 'Resisting', highLabel: 'Championing' }

const SPECTRUM_W = 1400
const SPECTRUM_H = 300
const AREA_H = 440

/**
 * A spectrum from resisting (left, 1) to championing (right, 10): a note's horizontal position
 * is its readiness score. Below it, "What's in it for me" and "What worries me".
 */
export const CHANGE_READINESS_CHECK_IN: ActivityTemplate = {
  id: 'change-readiness-check-in',
  name: 'Change readiness check-in',
  family: 'community',
  description: 'Where does each person stand on the change, from resisting to championing, what is in it for them and what worries them?',
  instructions:
    'Place a note on the spectrum where you stand today, from resisting (left) to championing (right). Then add what is in it for you, and what worries you.\n\nThere are no wrong answers: fears and resistance are information.',
  results: 'checkIn',
  layout() {
    const width = 2 * FRAME_PADDING + SPECTRUM_W
    const areaW = (SPECTRUM_W - ZONE_GAP) / 2
    const areaY = HEADER_HEIGHT + SPECTRUM_H + 60
    const height = areaY + AREA_H + FRAME_PADDING
    const zones: ZoneSpec[] = [
      {
        key: 'spectrum',
        label: 'Resisting ←————→ Championing',
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
        label: "What's in it for me",
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
        label: 'What worries me',
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
      { key: 'axis-low', text: 'Resisting (1)', x: FRAME_PADDING, y: HEADER_HEIGHT + SPECTRUM_H + 10, w: 300, size: 's' },
      { key: 'axis-high', text: 'Championing (10)', x: FRAME_PADDING + SPECTRUM_W - 300, y: HEADER_HEIGHT + SPECTRUM_H + 10, w: 300, size: 's' },
    ]
    return ok({ width, height, zones, labels, tokens: [], settings: {} })
  },
}

/** Recognition categories; the recipient of a kudos note is its `meta.to`. */
export const RECOGNITION_CATEGORIES = [
  { key: 'thank-you', label: 'Thank you' },
  { key: 'well-done', label: 'Well done' },
  { key: 'inspired-me', label: 'You inspired me' },
] as const

export const RECOGNITION_WALL: ActivityTemplate = {
  id: 'recognition-wall',
  name: 'Recognition wall',
  family: 'community',
  description: 'Kudos notes to peers: thank someone, celebrate work well done, say who inspired you.',
  instructions:
    'Write a kudos note to a peer and put it in the column that fits. Name the person you recognise on the note.\n\nRead the wall together at the end.',
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
  { key: 'online', label: 'Online' },
  { key: 'onsite', label: 'Onsite' },
  { key: 'ongoing', label: 'Ongoing' },
] as const

const PERSON_LABEL_W = 240
const COMMIT_CELL_W = 460
const COMMIT_CELL_H = 260

/**
 * One row per participant (or a single "Everyone" row when the list is empty), one column per
 * mode: what each person will do online, onsite and ongoing.
 */
export const COMMITMENTS: ActivityTemplate = {
  id: 'commitments',
  name: 'Commitments: online, onsite, ongoing',
  family: 'community',
  description: 'What each person commits to do online, onsite and on an ongoing basis after the workshop.',
  instructions:
    'In your row, write what you will do online, onsite and on an ongoing basis. Be concrete: what, with whom, by when.\n\nWe come back to these commitments at the next session.',
  results: 'commitments',
  layout({ participants }) {
    const people = participants.length > 0 ? [...participants] : ['Everyone']
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
          label: `${person}: ${mode.label}`,
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

/** Return on time invested, 1 (not worth it) to 5 (well worth it). */
export const EVALUATION_SCALE: AxisScale = { name: 'return on time invested', min: 1, max: 5, lowLabel: 'Not worth it', highLabel: 'Well worth it' }

/**
 * A closing activity: each person places a note on the 1–5 scale of return on time invested,
 * and writes what would make it a 5. Results as a check-in (a note's position is its score).
 */
export const SESSION_EVALUATION: ActivityTemplate = {
  id: 'session-evaluation',
  name: 'Session evaluation',
  family: 'community',
  description: 'How much was this session worth the time you invested, from 1 to 5, and what would make it a 5?',
  instructions:
    'Place a note on the scale: how much was this session worth the time you invested, from 1 (not worth it) to 5 (well worth it)? Then write what would make it a 5.\n\nAnswers are anonymous; figures from fewer than 5 people are not shown in reports.',
  results: 'checkIn',
  layout() {
    const width = 2 * FRAME_PADDING + SPECTRUM_W
    const areaY = HEADER_HEIGHT + SPECTRUM_H + 60
    const height = areaY + AREA_H + FRAME_PADDING
    const zones: ZoneSpec[] = [
      {
        key: 'scale',
        label: 'Not worth it ←————→ Well worth it',
        x: FRAME_PADDING,
        y: HEADER_HEIGHT,
        w: SPECTRUM_W,
        h: SPECTRUM_H,
        shape: 'rectangle',
        color: 'light-blue',
        fill: 'semi',
        meaning: { kind: 'scale', x: EVALUATION_SCALE, y: null },
        target: true,
      },
      {
        key: 'make-it-a-5',
        label: 'What would make it a 5',
        x: FRAME_PADDING,
        y: areaY,
        w: SPECTRUM_W,
        h: AREA_H,
        shape: 'rectangle',
        color: 'light-green',
        fill: 'semi',
        meaning: { kind: 'section', section: 'make-it-a-5' },
        target: true,
      },
    ]
    const labels: LabelSpec[] = [
      headerLabel(SESSION_EVALUATION.instructions, width),
      { key: 'axis-low', text: 'Not worth it (1)', x: FRAME_PADDING, y: HEADER_HEIGHT + SPECTRUM_H + 10, w: 300, size: 's' },
      { key: 'axis-high', text: 'Well worth it (5)', x: FRAME_PADDING + SPECTRUM_W - 300, y: HEADER_HEIGHT + SPECTRUM_H + 10, w: 300, size: 's' },
    ]
    return ok({ width, height, zones, labels, tokens: [], settings: {} })
  },
}

export const COMMUNITY_TEMPLATES: readonly ActivityTemplate[] = [CHANGE_READINESS_CHECK_IN, RECOGNITION_WALL, COMMITMENTS, SESSION_EVALUATION]
