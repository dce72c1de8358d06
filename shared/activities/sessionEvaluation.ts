/**
 * Session evaluation (community, issue 16): a closing activity. Each person places a note on the
 * 1–5 scale of return on time invested and writes what would make it a 5. Its results are a
 * check-in's (a note's position on the scale is its score); its report says "return on time
 * invested", not "readiness".
 */
import { en } from '../i18n/catalogue.js'
import { ok } from '../result.js'
import { FRAME_PADDING, HEADER_HEIGHT, headerLabel } from './layout.js'
import type { ActivityTemplate, AxisScale, LabelSpec, ZoneSpec } from './types.js'

export const SESSION_EVALUATION_ID = 'session-evaluation'

export const EVALUATION_SCALE: AxisScale = { name: en('session-evaluation.return'), min: 1, max: 5, lowLabel: en('session-evaluation.low'), highLabel: en('session-evaluation.high') }

const SCALE_W = 1400
const SCALE_H = 300
const AREA_H = 440

export const SESSION_EVALUATION: ActivityTemplate = {
  id: SESSION_EVALUATION_ID,
  name: en('session-evaluation.name'),
  family: 'community',
  description: en('session-evaluation.description'),
  instructions: `${en('session-evaluation.place-a-note')}\n\n${en('session-evaluation.anonymous')}`,
  results: 'checkIn',
  layout() {
    const width = 2 * FRAME_PADDING + SCALE_W
    const areaY = HEADER_HEIGHT + SCALE_H + 60
    const height = areaY + AREA_H + FRAME_PADDING
    const zones: ZoneSpec[] = [
      {
        key: 'scale',
        label: en('session-evaluation.scale'),
        x: FRAME_PADDING,
        y: HEADER_HEIGHT,
        w: SCALE_W,
        h: SCALE_H,
        shape: 'rectangle',
        color: 'light-blue',
        fill: 'semi',
        meaning: { kind: 'scale', x: EVALUATION_SCALE, y: null },
        target: true,
      },
      {
        key: 'make-it-a-5',
        label: en('session-evaluation.make-it-a-5'),
        x: FRAME_PADDING,
        y: areaY,
        w: SCALE_W,
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
      { key: 'axis-low', text: en('session-evaluation.low-1'), x: FRAME_PADDING, y: HEADER_HEIGHT + SCALE_H + 10, w: 300, size: 's' },
      { key: 'axis-high', text: en('session-evaluation.high-5'), x: FRAME_PADDING + SCALE_W - 300, y: HEADER_HEIGHT + SCALE_H + 10, w: 300, size: 's' },
    ]
    return ok({ width, height, zones, labels, tokens: [], settings: {} })
  },
}
