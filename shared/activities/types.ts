/**
 * Activity templates as data (STYLE principle 6): a template declares zones with a meaning,
 * labels and instructions; one builder (builder.ts) turns it into tldraw records and one
 * extractor (shared/results) reads results back from those records alone.
 *
 * Everything in a zone meaning is plain JSON: it is stored on the template shapes' `meta`
 * (see {@link ActivityShapeMeta}) so that any reader of the control doc knows what a zone means.
 */
import type { Result } from '../result.js'

/** The methodology moment an activity serves (ACTIVITIES.md headings). */
export type TemplateFamily = 'needs-analysis' | 'risk-management' | 'dialogue' | 'retrospective' | 'community'

/** Which structured result an activity yields; the extractor switches over it. */
export type ResultKind =
  | 'needsMap'
  | 'empathyMap'
  | 'powerInterest'
  | 'riskRegister'
  | 'circle'
  | 'retro'
  | 'checkIn'
  | 'recognition'
  | 'commitments'

export type Quadrant = 'manageClosely' | 'keepSatisfied' | 'keepInformed' | 'monitor'

/**
 * A scored axis: a position along the zone maps linearly onto `min`…`max` in equal bands
 * (x grows rightwards, y grows upwards, i.e. the top of the zone is `max`).
 */
export interface AxisScale {
  name: string
  min: number
  max: number
  lowLabel: string
  highLabel: string
}

/** What a zone means; the extractor files the notes whose centre falls inside it accordingly. */
export type ZoneMeaning =
  /** A named area: retro column, empathy-map section, check-in area, recognition category. */
  | { kind: 'section'; section: string }
  /** The action items of a retrospective (owner and due date on the note's meta). */
  | { kind: 'actions' }
  /** One cell of a table: stakeholder × need row, commitment mode × person. */
  | { kind: 'cell'; column: string; columnLabel: string; row: string; rowLabel: string }
  /** One cell of the risk matrix; score = likelihood × impact. */
  | { kind: 'riskCell'; likelihood: number; impact: number }
  /** One quadrant of the power / interest grid. */
  | { kind: 'quadrant'; quadrant: Quadrant }
  /** An area where a note's position is its score on one or two axes. */
  | { kind: 'scale'; x: AxisScale | null; y: AxisScale | null }
  /** A seat of a dialogue circle, in ring order from 1. */
  | { kind: 'seat'; seat: number; ring: 'circle' | 'inner' | 'outer'; participant: string | null; emptyChair: boolean }
  /** Part of a dialogue round; `startSeat` is the seat that speaks first in that round. */
  | { kind: 'round'; round: number; part: 'prompt' | 'notes' | 'summary'; prompt: string; startSeat: number }
  /** The fishbowl queue for the empty chair, read top to bottom. */
  | { kind: 'queue' }

export type ZoneShape = 'rectangle' | 'ellipse'

/** tldraw default colours usable for zones. */
export type ZoneColor =
  | 'black' | 'grey' | 'light-violet' | 'violet' | 'blue' | 'light-blue' | 'yellow' | 'orange'
  | 'green' | 'light-green' | 'light-red' | 'red' | 'white'

/** A zone of a template layout, in the activity frame's coordinates. */
export interface ZoneSpec {
  /** Unique inside the activity; becomes part of the shape id. */
  key: string
  label: string
  x: number
  y: number
  w: number
  h: number
  shape: ZoneShape
  color: ZoneColor
  fill: 'none' | 'semi' | 'solid'
  meaning: ZoneMeaning
  /** False when a "Move to…" command should not offer the zone (e.g. a grid behind its quadrants). */
  target: boolean
}

/** A text label (instructions, axis captions, level definitions), in frame coordinates. */
export interface LabelSpec {
  key: string
  text: string
  x: number
  y: number
  w: number
  size: 's' | 'm' | 'l'
}

/** A movable marker that belongs to the activity, such as the talking piece. */
export interface TokenSpec {
  key: string
  label: string
  role: 'talkingPiece'
  x: number
  y: number
  w: number
  h: number
}

/** A template laid out for given participants and options, in frame coordinates. */
export interface ActivityLayout {
  width: number
  height: number
  zones: ZoneSpec[]
  labels: LabelSpec[]
  tokens: TokenSpec[]
  /** Resolved options the extractor needs (risk bands, level definitions, variant); JSON. */
  settings: Record<string, unknown>
}

/** What a layout function receives. */
export interface LayoutInput {
  /** Display names of the participants, in seat order. May be empty. */
  participants: readonly string[]
  /** Template-specific options (documented on each template); unknown keys are ignored. */
  options: Readonly<Record<string, unknown>>
}

/** An activity template: identity, texts for the gallery and the instructions panel, and a layout. */
export interface ActivityTemplate {
  id: string
  name: string
  family: TemplateFamily
  description: string
  /** Shown in the instructions panel; the frame shows its first paragraph. */
  instructions: string
  results: ResultKind
  /** Lays the template out; an invalid option is an error value, never a throw. */
  layout(input: LayoutInput): Result<ActivityLayout>
}

/** The summary `GET /api/templates` lists. */
export interface TemplateSummary {
  id: string
  name: string
  family: TemplateFamily
  description: string
}

/** The `meta.activity` key of every template shape (frame, zone, label, token). */
export const ACTIVITY_META_KEY = 'activity'

/**
 * What a template shape carries in `meta.activity`. The frame holds the activity-level facts
 * (template, result kind, settings); zones hold their meaning. Extraction needs nothing else.
 */
export type ActivityShapeMeta =
  | {
      role: 'frame'
      instanceId: string
      templateId: string
      results: ResultKind
      name: string
      settings: Record<string, unknown>
    }
  | {
      role: 'zone'
      instanceId: string
      templateId: string
      key: string
      label: string
      meaning: ZoneMeaning
      target: boolean
    }
  | { role: 'label'; instanceId: string; templateId: string; key: string }
  | { role: 'token'; instanceId: string; templateId: string; key: string; token: TokenSpec['role'] }
