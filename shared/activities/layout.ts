/**
 * Small helpers the template modules share: option parsing (errors are values) and the
 * common column layout. Sizes are in tldraw page units; a sticky note is 200 × 200.
 */
import { err, ok, type Result } from '../result.js'
import type { LabelSpec, ZoneColor, ZoneSpec } from './types.js'

/** Inner margin of an activity frame. */
export const FRAME_PADDING = 40
/** Height of the instructions band at the top of every frame. */
export const HEADER_HEIGHT = 120
/** Room between two zones. */
export const ZONE_GAP = 20
/** Longest list a list option accepts (columns, seats, rounds). */
export const MAX_LIST_LENGTH = 40

/** The instructions label every layout starts with. */
export function headerLabel(instructions: string, width: number): LabelSpec {
  const firstParagraph = instructions.split('\n\n')[0] ?? instructions
  return { key: 'instructions', text: firstParagraph, x: FRAME_PADDING, y: FRAME_PADDING / 2, w: width - 2 * FRAME_PADDING, size: 'm' }
}

/** Reads a list of non-empty strings; absent means `fallback`. */
export function readStringList(
  options: Readonly<Record<string, unknown>>,
  key: string,
  fallback: readonly string[],
): Result<string[]> {
  const value = options[key]
  if (value === undefined) return ok([...fallback])
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
    return err(`option ${key} must be a list of non-empty strings`)
  }
  if (value.length === 0 || value.length > MAX_LIST_LENGTH) {
    return err(`option ${key} must hold 1 to ${MAX_LIST_LENGTH} entries`)
  }
  return ok(value.map((v: string) => v.trim()))
}

/** Reads an integer in `min`…`max`; absent means `fallback`. */
export function readInteger(
  options: Readonly<Record<string, unknown>>,
  key: string,
  fallback: number,
  min: number,
  max: number,
): Result<number> {
  const value = options[key]
  if (value === undefined) return ok(fallback)
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return err(`option ${key} must be an integer from ${min} to ${max}`)
  }
  return ok(value)
}

/** Reads one of a fixed set of strings; absent means `fallback`. */
export function readChoice<T extends string>(
  options: Readonly<Record<string, unknown>>,
  key: string,
  choices: readonly T[],
  fallback: T,
): Result<T> {
  const value = options[key]
  if (value === undefined) return ok(fallback)
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    return err(`option ${key} must be one of ${choices.join(', ')}`)
  }
  return ok(value as T)
}

/** A column of a column layout: retro columns, recognition categories. */
export interface ColumnSpec {
  key: string
  label: string
  color: ZoneColor
  meaning: ZoneSpec['meaning']
}

export const COLUMN_WIDTH = 460
export const COLUMN_HEIGHT = 720

/** Side-by-side columns below the header; returns the zones and the frame size. */
export function columnZones(columns: readonly ColumnSpec[]): { zones: ZoneSpec[]; width: number; height: number } {
  const zones = columns.map((column, i): ZoneSpec => ({
    key: column.key,
    label: column.label,
    x: FRAME_PADDING + i * (COLUMN_WIDTH + ZONE_GAP),
    y: HEADER_HEIGHT,
    w: COLUMN_WIDTH,
    h: COLUMN_HEIGHT,
    shape: 'rectangle',
    color: column.color,
    fill: 'semi',
    meaning: column.meaning,
    target: true,
  }))
  const width = 2 * FRAME_PADDING + columns.length * COLUMN_WIDTH + (columns.length - 1) * ZONE_GAP
  return { zones, width, height: HEADER_HEIGHT + COLUMN_HEIGHT + FRAME_PADDING }
}

/** A stable key from a label ("Team leads" → "team-leads"), made unique by a suffix. */
export function keysFor(labels: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return labels.map((label) => {
    const base = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'item'
    const count = (seen.get(base) ?? 0) + 1
    seen.set(base, count)
    return count === 1 ? base : `${base}-${count}`
  })
}
